"""What a reference series counts: the ``definition`` column's vocabulary, one token per dimension.

    place     inside | abroad | both          (people inside the country, abroad, or both)
    people    civilians | all                 (civilians only, or everyone: civilians and combatants)
    hostages  taken | held | held-alive | released
    time      cumulative | period | current   (a running total, one period's count, a stock at as_of)
    event     earthquake | flood | wildfire | heat | epidemic | blasts | shipwreck  (flood: storms,
              floods and landslides alike)
              (the one kind of event the series counts: only a figure whose copy names that kind
              of event is compared with it; ``extract/event.py``)

A definition is written as space-separated tokens in any order and kept normalised (the
dimensions' order above), so that it can be part of a series key. An empty definition says
nothing: such a series is compared as before definitions existed.
"""

from __future__ import annotations

DIMENSIONS: dict[str, tuple[str, ...]] = {
    "place": ("inside", "abroad", "both"),
    "people": ("civilians", "all"),
    "hostages": ("taken", "held", "held-alive", "released"),
    "time": ("cumulative", "period", "current"),
    "event": ("earthquake", "flood", "wildfire", "heat", "epidemic", "blasts", "shipwreck"),
}
DIMENSION_OF: dict[str, str] = {token: dim for dim, tokens in DIMENSIONS.items() for token in tokens}

# (narrower, wider): everyone the narrower token counts, the wider one counts too, so a count
# under the narrower definition is never above the same count under the wider one.
NARROWER: frozenset[tuple[str, str]] = frozenset({
    ("inside", "both"), ("abroad", "both"),
    ("civilians", "all"),
    ("held-alive", "held"), ("held-alive", "taken"), ("held", "taken"), ("released", "taken"),
    ("period", "cumulative"), ("current", "cumulative"),
})

WORDS: dict[str, str] = {
    "inside": "inside the country", "abroad": "abroad", "both": "inside the country and abroad",
    "civilians": "civilians only", "all": "civilians and combatants",
    "taken": "taken", "held": "still held", "held-alive": "held alive", "released": "released",
    "cumulative": "a running total", "period": "one period's count", "current": "those at the date",
    "earthquake": "in an earthquake", "flood": "in a storm, floods or landslides", "wildfire": "in wildfires",
    "heat": "in a heatwave", "epidemic": "in an epidemic", "blasts": "in explosions",
    "shipwreck": "in a shipwreck",
}


def parse(text: str) -> tuple[str, list[str]]:
    """The normalised definition and the problems with it (unknown tokens, two of a dimension)."""
    found: dict[str, str] = {}
    problems: list[str] = []
    for token in text.split():
        dim = DIMENSION_OF.get(token)
        if dim is None:
            problems.append(f"unknown definition token {token!r}: use {vocabulary()}")
        elif dim in found and found[dim] != token:
            problems.append(f"definition gives two {dim} tokens, {found[dim]!r} and {token!r}: at most one per dimension")
        else:
            found[dim] = token
    return " ".join(found[d] for d in DIMENSIONS if d in found), problems


def tokens(definition: str) -> dict[str, str]:
    """A normalised definition as {dimension: token}."""
    return {DIMENSION_OF[t]: t for t in definition.split() if t in DIMENSION_OF}


def relation(figure: str, series: str) -> str:
    """How a count under the figure's token relates to one under the series' token:
    'same', 'narrower' (the figure's is part of the series'), 'wider', or 'other'."""
    if figure == series:
        return "same"
    if (figure, series) in NARROWER:
        return "narrower"
    if (series, figure) in NARROWER:
        return "wider"
    return "other"


def describe(definition: str) -> str:
    """A definition in words: 'inside the country, a running total'."""
    return ", ".join(WORDS[t] for t in definition.split() if t in WORDS)


def vocabulary() -> str:
    return "; ".join(f"{dim}: {' | '.join(tokens)}" for dim, tokens in DIMENSIONS.items())
