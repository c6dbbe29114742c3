"""Gazetteer: find place names in text and resolve them to canonical names.

Countries come from pycountry (ISO 3166: names, common and official names, the short form
before a comma: "Iran, Islamic Republic of" -> "Iran"); newsroom names that ISO does not use
(Gaza, Burma, Britain, Kyiv) come from the reference data's location aliases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import pycountry

# ISO names newsrooms never write; the name they do write is canonical.
_PREFERRED = {
    "Russian Federation": "Russia", "Syrian Arab Republic": "Syria", "Viet Nam": "Vietnam",
    "Lao People's Democratic Republic": "Laos", "Türkiye": "Turkey",
    "Korea, Democratic People's Republic of": "North Korea", "Korea, Republic of": "South Korea",
    "Congo, The Democratic Republic of the": "Democratic Republic of the Congo",
    "Palestine, State of": "Palestinian territories", "Holy See (Vatican City State)": "Vatican",
    "Brunei Darussalam": "Brunei", "Cabo Verde": "Cape Verde", "Czechia": "Czech Republic",
}


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Lower-case country names (every form) mapped to canonical names."""
    out: dict[str, str] = {}
    for country in pycountry.countries:
        canonical = _PREFERRED.get(country.name) or getattr(country, "common_name", None) or country.name.split(",")[0]
        forms = {country.name, canonical, country.name.split(",")[0]}
        forms.update(getattr(country, attr) for attr in ("common_name", "official_name") if hasattr(country, attr))
        for form in forms:
            out.setdefault(form.lower(), canonical)
    out.pop("palestine", None)  # "Palestine" alone is ambiguous in news copy; aliases decide
    return out


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str


class Gazetteer:
    """Finds place mentions; built once per run from countries plus location aliases."""

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        self.names: dict[str, str] = dict(countries())
        for alias, canonical in (aliases or {}).items():
            self.names[alias.lower()] = canonical
        for canonical in list(self.names.values()):
            self.names.setdefault(canonical.lower(), canonical)
        forms = sorted(self.names, key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.I)

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> Iterable[Mention]:
        """Place mentions in text[start:end]; a name must start with a capital letter."""
        for m in self._pattern.finditer(text, start, len(text) if end is None else end):
            if m.group(0)[:1].isupper():
                yield Mention(m.start(), m.end(), self.names[m.group(0).lower()])

    def canonical(self, name: str) -> str | None:
        return self.names.get(name.lower().removeprefix("the "))
