from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.pipeline import Checker, Options, check

REFS = Path(__file__).parent / "fixtures" / "refs"
TEXT = (
    "An estimated 2.6 million people have been displaced by fighting in Myanmar.\n\n"
    "At least 200 people have been killed in Myanmar, the army said."
)


def gaps(options: Options) -> list[str]:
    report = check(TEXT, published=dt.date(2024, 7, 27), checker=Checker(options))
    return [f.message for f in report.findings if f.rule == "attribution-gap"]


def test_unattributed_contested_figure_is_a_gap_that_names_sources() -> None:
    (message,) = gaps(Options(refs=(REFS,)))
    assert message.startswith("'An estimated 2.6 million' (displaced) is not attributed to any source")
    assert "sources with a 'displaced' series for Myanmar: UNHCR" in message


def test_attributed_figure_is_no_gap() -> None:
    assert not any("200" in m for m in gaps(Options(refs=(REFS,))))


def test_contested_metrics_are_configurable() -> None:
    assert gaps(Options(refs=(REFS,), contested=frozenset({"killed"}))) == []
    assert len(gaps(Options(refs=(REFS,), contested=frozenset({"displaced", "killed"})))) == 1
