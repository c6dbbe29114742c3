"""The pipeline's stage contracts."""

from __future__ import annotations

import pytest

from factcheck.errors import ContractError
from factcheck.models import Figure
from factcheck.pipeline import check_same_figures, check_spans
from factcheck.read.document import Document


def _figure(start: int, end: int, **kw: object) -> Figure:
    return Figure(start=start, end=end, value=1, **kw)  # type: ignore[arg-type]


def test_extract_contract_rejects_overlapping_or_outside_spans() -> None:
    doc = Document.from_text("Some 12 and 13 people.")
    check_spans(doc, [_figure(5, 7), _figure(12, 14)])
    with pytest.raises(ContractError):
        check_spans(doc, [_figure(5, 13), _figure(12, 14)])
    with pytest.raises(ContractError):
        check_spans(doc, [_figure(5, 99)])


def test_attribute_contract_allows_only_sources_to_change() -> None:
    doc = Document.from_text("Some 12 people.")
    before = [_figure(5, 7)]
    check_same_figures(doc, before, [before[0].model_copy(update={"source": "UN"})])
    with pytest.raises(ContractError):
        check_same_figures(doc, before, [])


def test_one_checker_serves_many_publication_dates(checker) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from factcheck.pipeline import check

    text = "NATO's 30 members met."
    early = check(text, published=dt.date(2021, 1, 1), checker=checker)
    late = check(text, published=dt.date(2024, 7, 27), checker=checker)
    assert (early.published, early.published_from) == (dt.date(2021, 1, 1), "option")
    assert [c.verdict.value for c in early.claims] == ["supported"]
    assert [c.verdict.value for c in late.claims] == ["outdated"]
