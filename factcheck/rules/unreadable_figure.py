"""unreadable-figure: a figure the number grammar cannot read safely (``Figure.unreadable``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Claim, Severity
from factcheck.rules.base import Rule

if TYPE_CHECKING:
    from factcheck.rules import Context

RULE = Rule(
    id="unreadable-figure",
    name="Unreadable figure",
    severity=Severity.warning,
    summary="The figure cannot be read safely (an ambiguous separator or a hidden character), so it was not checked.",
    description=(
        "The figure's digits can be read more than one way, so it is neither read nor judged: a point or comma "
        "whose meaning the article's other numbers do not settle ('39.000' in copy that writes '2.5': 39 or "
        "39,000?), a space other than a plain one inside the digits that is not digit grouping ('3 9,000' "
        "written with a thin or no-break space), a letter that looks like a digit ('39,OOO'), a figure broken "
        "by a line break after its separator ('39,' at the end of a line and '000' on the next), or digits "
        "under a right-to-left override (shown in an order the text does not have). Retype the figure; "
        "invisible characters (zero-width spaces, soft hyphens, word joiners, bidi marks) are removed "
        "before reading and are not reported."
    ),
)

_WHY = {
    "ambiguous-separator": "its point or comma could group thousands or mark decimals, and the article's other numbers do not say which",
    "hidden-space": "a space that is not digit grouping stands among its digits",
    "homoglyph": "a letter that looks like a digit stands among its digits",
    "split": "it is broken after its separator (a line break or a space)",
    "bidi-override": "its digits are under a right-to-left override and display in another order",
}


def check(claim: Claim, context: Context) -> str | None:
    if claim.unreadable is None:
        return None
    return f"{claim.text!r} cannot be read safely: {_WHY[claim.unreadable]}; retype it (not checked)"
