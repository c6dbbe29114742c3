"""Gazetteer: find place names (and nationality words) in text, resolved to canonical names.

Countries come from pycountry (ISO 3166: names, common and official names, the short form
before a comma: "Iran, Islamic Republic of" -> "Iran"); the everyday forms ISO lacks
("UK", "UAE", "Great Britain", "Ivory Coast") and the demonyms ("Sudanese", "Ukrainians")
come from the countryinfo package's country data; newsroom names neither has (Gaza,
Britain, Kyiv) come from the reference data's location aliases. Every form resolves to
the pycountry-based canonical name through the ISO code.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from factcheck.language.trie import alternation

# ISO names newsrooms never write; the name they do write is canonical.
_PREFERRED = {
    "Russian Federation": "Russia", "Syrian Arab Republic": "Syria", "Viet Nam": "Vietnam",
    "Lao People's Democratic Republic": "Laos", "Türkiye": "Turkey",
    "Korea, Democratic People's Republic of": "North Korea", "Korea, Republic of": "South Korea",
    "Congo, The Democratic Republic of the": "Democratic Republic of the Congo",
    "Palestine, State of": "Palestinian territories", "Holy See (Vatican City State)": "Vatican",
    "Brunei Darussalam": "Brunei", "Cabo Verde": "Cape Verde", "Czechia": "Czech Republic",
}
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*[A-Za-z.]$")
_NOT_PLACES = frozenset({"island", "thai", "lao", "mann", "guiana", "prathet"})


def _canonical(country: object) -> str:
    name = country.name  # type: ignore[attr-defined]
    return _PREFERRED.get(name) or getattr(country, "common_name", None) or name.split(",")[0]


@lru_cache(maxsize=1)
def _countryinfo() -> list[dict[str, object]]:
    """countryinfo's per-country records (read from its data files, not imported)."""
    spec = importlib.util.find_spec("countryinfo")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(list(spec.submodule_search_locations)[0]) / "data"
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]


def _iso(record: Mapping[str, object]) -> Any | None:
    iso = record.get("ISO")
    code = iso.get("alpha2") if isinstance(iso, dict) else None
    return pycountry.countries.get(alpha_2=code) if code else None


def _countries() -> dict[str, str]:
    out: dict[str, str] = {}
    codes: set[str] = set()
    for country in pycountry.countries:
        canonical = _canonical(country)
        codes.update((country.alpha_2, country.alpha_3))
        forms = {country.name, canonical, country.name.split(",")[0]}
        forms.update(getattr(country, attr) for attr in ("common_name", "official_name") if hasattr(country, attr))
        for form in forms:
            out.setdefault(form.lower(), canonical)
    for record in _countryinfo():
        found = _iso(record)
        if found is None:
            continue
        spellings = record.get("altSpellings")
        for form in spellings if isinstance(spellings, list) else []:
            form = str(form).strip()
            if not _LATIN.match(form) or form in codes or form.lower() in _NOT_PLACES:
                continue
            if form.isupper():
                out.setdefault(form, _canonical(found))  # abbreviations match as written: "UK"
            elif " " in form or "-" in form or len(form) >= 5:
                out.setdefault(form.lower(), _canonical(found))
    out.pop("palestine", None)  # "Palestine" alone is ambiguous in news copy; aliases decide
    return out


def _demonyms() -> dict[str, str]:
    best: dict[str, tuple[float, str]] = {}
    for record in _countryinfo():
        country = _iso(record)
        population = float(record.get("population") or 0)  # type: ignore[arg-type]
        if country is None:
            continue
        for word in str(record.get("demonym") or "").split(","):
            word = word.strip()
            if not word or not _LATIN.match(word) or word.lower() in _NOT_PLACES - {"thai"}:
                continue
            if word.lower() not in best or population > best[word.lower()][0]:
                best[word.lower()] = (population, _canonical(country))
    out: dict[str, str] = {}
    for word, (_, canonical) in best.items():
        out[word] = canonical
        if not word.endswith(("ese", "ss", "sh", "ch", "i", "s")):
            out.setdefault(word + "s", canonical)
    return out


def _capitals() -> dict[str, str]:
    """Capital cities, lower case -> canonical country (countryinfo's ``capital``)."""
    out: dict[str, str] = {}
    for record in _countryinfo():
        country = _iso(record)
        capital = str(record.get("capital") or "").strip()
        if country is not None and capital and _LATIN.match(capital):
            out.setdefault(capital.lower(), _canonical(country))
    return out


def _sources() -> list[Path]:
    """What the country tables are made from: this module and the two packages' data."""
    out = [Path(__file__), Path(pycountry.DATABASE_DIR) / "iso3166-1.json"]
    spec = importlib.util.find_spec("countryinfo")
    if spec is not None and spec.submodule_search_locations:
        out.append(Path(list(spec.submodule_search_locations)[0]) / "data")
    return out


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(countries, demonyms, capitals), kept in the on-disk cache: reading pycountry's and
    countryinfo's data costs a command-line run 20 ms."""
    from factcheck.cache import cached

    return cached("places", [], _sources(), lambda: (_countries(), _demonyms(), _capitals()), tuple)


def countries() -> dict[str, str]:
    """Country names (every form; lower case, but abbreviations as written) -> canonical names."""
    return _tables()[0]


def capitals() -> dict[str, str]:
    """Capital cities, lower case -> canonical country ("kyiv" -> "Ukraine")."""
    return _tables()[2]


def demonyms() -> dict[str, str]:
    """Nationality words, singular and plural, lower case -> canonical country (the most
    populous country claiming the word: "American" is the United States)."""
    return _tables()[1]


def _pattern(forms: list[str]) -> str:
    """The trie of forms (from the cache: building it costs a run 6 ms)."""
    from factcheck.cache import cached

    return cached("gazetteer", [], [Path(__file__).with_name("trie.py")], lambda: alternation(forms), str, "\n".join(forms))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str
    demonym: bool = False


class Gazetteer:
    """Finds place mentions; built once per run from countries plus location aliases."""

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        self.names: dict[str, str] = dict(countries())
        for alias, canonical in (aliases or {}).items():
            self.names[alias if alias.isupper() else alias.lower()] = canonical
        for canonical in list(self.names.values()):
            self.names.setdefault(canonical.lower(), canonical)
        self.demonyms = {k: v for k, v in demonyms().items() if k not in self.names}
        forms = sorted(set(self.names) | set(self.demonyms), key=len, reverse=True)
        self._pattern = re.compile(r"\b" + _pattern(forms) + r"\b", re.I)
        self._memo: tuple[str, dict[tuple[int, int, bool], tuple[Mention, ...]]] = ("", {})

    def mentions(self, text: str, start: int = 0, end: int | None = None, demonyms: bool = True) -> Iterable[Mention]:
        """Place mentions in text[start:end]; a name starts with a capital letter and an
        abbreviation ("UK") matches only as written. Nationality words ("Sudanese") are
        mentions with ``demonym`` set, unless ``demonyms`` is false.

        Remembered for the last text: each figure looks at its sentence and the ones before."""
        end = len(text) if end is None else end
        memo = self._memo
        if memo[0] is not text:
            memo = self._memo = (text, {})
        key = (start, end, demonyms)
        found = memo[1].get(key)
        if found is None:
            if len(memo[1]) >= 256:  # figures look a few sentences back: keep the recent ones
                del memo[1][next(iter(memo[1]))]
            found = memo[1][key] = tuple(self._scan(text, start, end, demonyms))
        return iter(found)

    def _scan(self, text: str, start: int, end: int, demonyms: bool) -> Iterable[Mention]:
        for m in self._pattern.finditer(text, start, end):
            word = m.group(0)
            if not word[:1].isupper():
                continue
            name = self.names.get(word) or self.names.get(word.lower())
            if name is not None:
                yield Mention(m.start(), m.end(), name)
            elif demonyms and word.lower() in self.demonyms:
                yield Mention(m.start(), m.end(), self.demonyms[word.lower()], True)

    def home_of(self, word: str) -> str | None:
        """The country a nationality word names, singular or plural: "Sudanese", "Israelis"
        (the "-is" plurals, which mentions leave out, included)."""
        lower = word.lower()
        found = self.demonyms.get(lower)
        if found is None and lower.endswith("is"):
            found = self.demonyms.get(lower[:-1])
        return found

    def city_place(self, name: str) -> str | None:
        """The country of a place written as a dateline writes it ("KYIV", "GAZA CITY",
        "BAMAKO"): a country or alias, else a capital city."""
        key = " ".join(name.lower().split())
        found = self.names.get(key) or self.names.get(name) or capitals().get(key)
        if found is None and key.endswith(" city"):
            found = self.names.get(key[:-5]) or capitals().get(key[:-5])
        return found

    def canonical(self, name: str) -> str | None:
        name = name.removeprefix("the ")
        return self.names.get(name) or self.names.get(name.lower()) or self.demonyms.get(name.lower())
