"""The one module that uses quantulum3: currency knowledge for money figures.

quantulum3 ships a curated table of currencies (names, symbols, ISO codes); we read it from
the package's data file rather than keep our own list (the file is found without importing
quantulum3, whose import costs a command-line run 10 ms it does not need). Its full parser is not used on whole articles:
it misreads news figures ("half a million" as 1.5 million, "$3m" as dollar-metres, "27" out
of dates) and is slow; see the README.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path

_EXTRA_NAMES = {
    # Currencies newsroom copy names that quantulum3's table lacks.
    "shekel": "ILS", "riyal": "SAR", "dirham": "AED", "lira": "TRY", "naira": "NGN",
    "shilling": "KES", "rial": "IRR", "hryvnia": "UAH", "kyat": "MMK", "taka": "BDT",
    "dinar": "IQD", "birr": "ETB", "pound": "GBP", "dollar": "USD", "euro": "EUR",
}
_EXTRA_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₪": "ILS", "₴": "UAH"}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case currency names and plurals -> code, symbols and codes -> code)."""
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("quantulum3 is not installed", name="quantulum3")
    path = Path(list(spec.submodule_search_locations)[0]) / "units.json"
    units = json.loads(path.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    symbols: dict[str, str] = dict(_EXTRA_SYMBOLS)
    for unit in units.values():
        code = unit.get("currency_code")
        if unit.get("entity") != "currency" or not code:
            continue
        symbols.setdefault(code, code)
        for symbol in unit.get("symbols", []):
            if len(symbol) > 1 or not symbol.isalpha():
                symbols.setdefault(symbol, code)
        for surface in unit.get("surfaces", []):
            names.setdefault(surface.lower(), code)
    for name, code in _EXTRA_NAMES.items():
        names.setdefault(name, code)
    for name, code in list(names.items()):
        if not name.endswith(("s", "won", "yen", "yuan", "rand", "reais")):
            names.setdefault(name + "s", code)
    names.pop("real", None)  # "real" is far more often an adjective
    names.pop("reals", None)
    return names, symbols


def currency_names() -> dict[str, str]:
    """Currency names (lower case, with plurals) mapped to ISO codes."""
    return _table()[0]


def currency_symbols() -> dict[str, str]:
    """Currency symbols and ISO codes ("$", "US$", "EUR") mapped to ISO codes."""
    return _table()[1]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    symbols = sorted(currency_symbols(), key=len, reverse=True)
    names = sorted(currency_names(), key=len, reverse=True)
    before = re.compile(r"(?:" + "|".join(re.escape(s) for s in symbols) + r")[ ]?$")
    after = re.compile(
        r"[ ](?:(?:US|U\.S\.|American|Canadian|Australian|Hong Kong|Singapore) )?(?P<name>"
        + "|".join(re.escape(n) for n in names) + r")\b", re.I
    )
    return before, after


def currency_after() -> re.Pattern[str]:
    """A currency name right after a number ("1.2 million euros"); group ``name``."""
    return _patterns()[1]


def currency_before(text: str, start: int) -> tuple[str | None, int]:
    """A currency symbol or code right before a number: (ISO code, new start)."""
    m = _patterns()[0].search(text, max(0, start - 5), start)
    if not m:
        return None, start
    symbol = m.group(0).strip()
    if symbol[0].isalpha() and m.start() > 0 and text[m.start() - 1].isalpha():
        return None, start
    return currency_symbols()[symbol], m.start()
