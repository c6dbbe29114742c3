"""Decimal and grouping separators, decided once per document and never guessed silently.

English copy groups with commas and marks decimals with a point ("39,000", "2.5"); much of
the world does the opposite ("39.000", "2,5"). A document's own unambiguous numbers decide
which it uses: several groups ("1,234,567" / "1.234.567") or a decimal that cannot be a group
("2.5", "0.75" / "2,5"). A number that the convention cannot settle is *unreadable*, with a
reason, rather than read one way: "39.000" in an English article (39 or 39,000?), "2,5" in
one, "39,000" in a document that writes "2,5".
"""

from __future__ import annotations

import re

ENGLISH, CONTINENTAL, MIXED, UNKNOWN = "english", "continental", "mixed", "unknown"
AMBIGUOUS = "ambiguous-separator"


def evidence(raw: str) -> tuple[int, int]:
    """(English, continental) evidence of one number written with separators: "1,234,567",
    "2.5", "1,234.5" are English; "1.234.567", "2,5", "1.234,5" continental; "39,000" neither."""
    if "," in raw and "." in raw:
        return (1, 0) if raw.rfind(".") > raw.rfind(",") else (0, 1)
    sep = "," if "," in raw else "."
    parts = raw.split(sep)
    if len(parts) > 2:
        grouped = all(len(p) == 3 for p in parts[1:])
        return (int(grouped and sep == ","), int(grouped and sep == "."))
    if len(parts[1]) != 3 or parts[0] == "0":
        return (int(sep == "."), int(sep == ","))
    return 0, 0


def decide(english: int, continental: int) -> str:
    """The document's convention from the evidence of its numbers."""
    if english == continental:
        return MIXED if english else UNKNOWN
    return ENGLISH if english > continental else CONTINENTAL


def _decimals(fraction: str) -> float:
    return 10.0 ** -len(fraction)


def read(raw: str, style: str) -> tuple[float, float] | str:
    """(value, step) of digits written with separators, or the reason they cannot be read."""
    if "," in raw and "." in raw:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
        integer, fraction = raw.rsplit(decimal, 1)
        return float(re.sub(r"[^\d]", "", integer) + "." + fraction), _decimals(fraction)
    sep = "," if "," in raw else "." if "." in raw else ""
    if not sep:
        return float(raw), 1.0
    parts = raw.split(sep)
    grouped = all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3 and not (parts[0] == "0")
    indian = sep == "," and len(parts) > 2 and len(parts[-1]) == 3 and all(len(p) == 2 for p in parts[1:-1]) and len(parts[0]) <= 2
    if indian or grouped and len(parts) > 2:
        return float("".join(parts)), 0.0  # step from the integer
    if not grouped:
        if len(parts) > 2:
            return AMBIGUOUS
        if sep == "," and style in (ENGLISH, MIXED):
            return AMBIGUOUS  # "2,5" in copy that writes "2.5"
        return float(parts[0] + "." + parts[1]), _decimals(parts[1])
    native = "," if style in (ENGLISH, UNKNOWN) else "." if style == CONTINENTAL else ""
    if sep == native:
        return float("".join(parts)), 0.0
    if style == MIXED or raw.endswith("0"):
        return AMBIGUOUS  # "39.000" in English copy, "39,000" in copy that writes "2,5"
    return float(parts[0] + "." + parts[1]), _decimals(parts[1])  # "3.125", "3,125"
