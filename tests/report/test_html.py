"""The desk report: findings first by severity, the article as prose with verdicts marked by
icon and text as well as colour, captioned tables, readable charts, WCAG AA contrast computed
from the page's own stylesheet, hostile text shown escaped."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.judge.tolerance import accepted
from factcheck.models import Claim, FileReport, Finding, Reference, Report, Severity, Verdict
from factcheck.pipeline import Checker, Options
from factcheck.read.document import Document
from factcheck.report import Style, render
from factcheck.report.chart import date_tick_sets, series_lookup, short, svg, value_ticks
from factcheck.report.html import ICONS, VERDICT_TEXT, text

from ..conftest import EXAMPLES, ROOT

SVG = "{http://www.w3.org/2000/svg}"
ARTICLE = (
    "---\ntitle: Toll passes 39,000\ndate: 2024-07-27\n---\n\n# Gaza toll passes 39,000\n\n"
    "More than 45,000 Palestinians have been killed in Gaza, according to the Gaza Ministry of Health.\n\n"
    "<!-- factcheck: ignore -->\nAn early draft said 20,000.\n\n"
    "Some **30,000** people were killed in Gaza, see [the ministry](https://example.org/moh).\n\n"
    "- More than 39,000 Palestinians have been killed in Gaza, the Gaza Ministry of Health said.\n"
    "- NATO's 32 members met.\n\n```\n12,345 killed in a code block\n```\n"
)


@pytest.fixture(scope="module")
def fixture_checker() -> Checker:
    with contextlib.chdir(ROOT):
        return Checker(Options(refs=(Path("tests/fixtures/refs"), Path("tests/server/refs")), today=dt.date(2026, 1, 1)))


@pytest.fixture(scope="module")
def page(fixture_checker: Checker) -> tuple[Report, str]:
    report = Report.of([fixture_checker.check_document(Document.from_text(ARTICLE, path="drafts/toll.md"))])
    return report, render(report, "html", Style(texts={"drafts/toll.md": ARTICLE}, series=series_lookup(fixture_checker.index)))


class Tree(HTMLParser):
    """Tags in order with their attributes, and the text each element holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def between(page: str, start: str, end: str) -> str:
    return page[page.index(start):page.index(end, page.index(start))]


def test_findings_come_first_most_severe_first(page: tuple[Report, str]) -> None:
    report, out = page
    assert out.index('id="f1-findings"') < out.index('id="f1-article"') < out.index("<table>")
    cards = re.findall(r'<div class="finding finding-(\w+)" id="f1-(c\d+)-finding">', out)
    ranks = [Severity(s).rank for s, _ in cards]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] == 3
    flagged = {f.claim for f in report.files[0].findings}
    assert {c for _, c in cards} == flagged


def test_each_finding_quotes_its_sentence_with_the_figure_marked_and_its_chart(page: tuple[Report, str]) -> None:
    report, out = page
    claims = {c.id: c for c in report.files[0].claims}
    for _, cid in re.findall(r'<div class="finding finding-(\w+)" id="f1-(c\d+)-finding">', out):
        card = between(out, f'id="f1-{cid}-finding"', "</blockquote>")
        quote = card[card.index("<blockquote>"):]
        c = claims[cid]
        assert f'class="verdict-{c.verdict.value}"' in quote and ICONS[c.verdict.value] in quote
        assert "**" not in quote and "[the ministry]" not in quote
        start = out.index(f'id="f1-{cid}-finding"')
        ends = [i for i in (out.find('<div class="finding finding-', start), out.find('<h3 id="f1-article"', start)) if i > 0]
        full = out[start:min(ends)]
        if (c.current or c.reference) and c.metric != "years":
            assert f'id="f1-{cid}-chart"' in full


def test_article_is_prose_with_every_figure_marked_by_icon_and_text(page: tuple[Report, str]) -> None:
    report, out = page
    article = between(out, '<div class="article">', "</div>")
    for raw in ("---", "title: Toll passes 39,000\n", "<!--", "```", "# Gaza", "**", "](https", "12,345"):
        assert raw not in article, raw
    assert "From the front matter: title: Toll passes 39,000; date: 2024-07-27" in article
    assert '<p class="heading">Gaza toll <mark' in article
    assert "\u2022 <mark" in article and "<br>" in article  # list items stay items
    marks = re.findall(r'<mark id="f1-(c\d+)" class="verdict-(\w+)" title="[^"]*"><span class="icon" aria-hidden="true">(.)</span>(.*?)'
                       r'<span class="sr"> \(([^)]*)\)</span></mark>', article)
    assert [m[0] for m in marks] == [c.id for c in report.files[0].claims]
    for (_, verdict, icon, _, said), c in zip(marks, report.files[0].claims):
        assert verdict == c.verdict.value and icon == ICONS[verdict] and said == VERDICT_TEXT[verdict]


def test_tables_have_captions_and_header_scopes(page: tuple[Report, str]) -> None:
    _, out = page
    tree = Tree()
    tree.feed(out)
    names = [t for t, _ in tree.tags]
    assert names.count("table") == names.count("caption") == 1
    headers = [a for t, a in tree.tags if t == "th"]
    assert headers and all(a.get("scope") in ("col", "row") for a in headers)
    rows = out.count('<th scope="row">')
    assert rows == len(page[0].files[0].claims)
    assert "script" not in names and not any(k.startswith("on") for _, a in tree.tags for k in a)


def _hex(value: str) -> tuple[float, float, float]:
    value = value.lstrip("#")
    assert len(value) == 6, f"colours are #rrggbb (no alpha): {value}"
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(value: str) -> float:
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in _hex(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def stylesheet(out: str) -> list[tuple[str, dict[str, str]]]:
    css = re.search(r"<style>(.*?)</style>", out, re.S)
    assert css is not None
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css.group(1)):
        decls = dict(d.split(":", 1) for d in body.split(";") if ":" in d)
        rules.append((selector.strip(), {k.strip(): v.strip() for k, v in decls.items()}))
    return rules


def test_every_text_colour_meets_wcag_aa_against_every_background_it_can_sit_on(page: tuple[Report, str]) -> None:
    _, out = page
    rules = stylesheet(out)
    pairs = [(s, d["color"], d["background"]) for s, d in rules if "color" in d and "background" in d]
    text_only = [(s, d["color"]) for s, d in rules if "color" in d and "background" not in d]
    ground_only = [(s, d["background"]) for s, d in rules if "background" in d and "color" not in d]
    body = next(d for s, d in rules if s == "body")
    grounds = [("body", body["background"]), *ground_only]
    inks = [("body", body["color"]), *text_only]
    checked = []
    for selector, ink, ground in pairs:
        checked.append((selector, ink, ground, contrast(ink, ground)))
    for selector, ink in text_only:
        checked += [(f"{selector} on {where}", ink, ground, contrast(ink, ground)) for where, ground in grounds]
    for selector, ground in ground_only:
        checked += [(f"{where} in {selector}", ink, ground, contrast(ink, ground)) for where, ink in inks]
    assert len(checked) > 20
    failing = [c for c in checked if c[3] < 4.5]
    assert not failing, failing
    assert {"verdict-outdated", "sev-warning"} <= {s.lstrip(".") for s, _, _ in pairs}  # the old 3.79:1 offenders


def test_chart_text_and_lines_contrast_with_the_chart(page: tuple[Report, str]) -> None:
    _, out = page
    for chart in re.findall(r"<svg .*?</svg>", out, re.S):
        root = ET.fromstring(chart)
        ground = root.find(f"{SVG}rect[@class='background']")
        assert ground is not None and ground.get("fill") == "#ffffff"
        for label in root.iter(f"{SVG}text"):
            assert contrast(label.get("fill", "#000000"), "#ffffff") >= 4.5, label.text
        for line in root.iter():
            if line.get("class") in ("figure", "published", "series"):
                assert contrast(line.get("stroke", "#000000"), "#ffffff") >= 3, line.get("class")  # non-text contrast


def _chart_of(out: str, cid: str) -> ET.Element:
    m = re.search(rf'id="f1-{cid}-chart">(<svg .*?</svg>)', out, re.S)
    assert m is not None
    return ET.fromstring(m.group(1))


def test_charts_are_readable(page: tuple[Report, str]) -> None:
    report, out = page
    charted = [c for c in report.files[0].claims if (c.current or c.reference) and c.metric != "years"]
    assert charted
    for c in charted:
        root = _chart_of(out, c.id)
        y_ticks = root.findall(f"{SVG}text[@class='tick y']")
        x_ticks = root.findall(f"{SVG}text[@class='tick x']")
        assert len(y_ticks) >= 4 and len(x_ticks) >= 2
        band = root.find(f"{SVG}rect[@class='band']")
        assert band is not None
        low, high = accepted(c)
        assert f"{short(low)} to {short(high)}" in "".join(t.text or "" for t in root.iter(f"{SVG}text"))
        published = root.find(f"{SVG}line[@class='published']")
        assert published is not None and report.files[0].published is not None
        assert root.find(f"{SVG}text[@class='label published']").text == f"published {report.files[0].published}"  # type: ignore[union-attr]
        ys = [float(t.get("y", 0)) for t in y_ticks]
        assert all(b - a <= -20 for a, b in zip(ys, ys[1:])), "y labels at least 20 px apart"
        for element in root.iter():
            for attr in ("x", "x1", "x2", "cx"):
                if element.get(attr) is not None:
                    assert 0 <= float(element.get(attr)) <= 360  # type: ignore[arg-type]


def test_ticks_are_round_and_several() -> None:
    assert value_ticks(0, 41_000) == [0, 10_000, 20_000, 30_000, 40_000, 50_000]
    assert value_ticks(0, 1.9e6) == [0, 500_000, 1_000_000, 1_500_000, 2_000_000]
    assert [short(v) for v in (0, 2500, 40_000, 1_500_000, 2e9, 3e15)] == ["0", "2,500", "40k", "1.5M", "2bn", "3.0e+15"]
    first = next(date_tick_sets(dt.date(2023, 10, 7), dt.date(2024, 8, 20)))
    assert [name for _, name in first] == ["Jan 2024", "Apr 2024", "Jul 2024"]
    assert [name for _, name in next(date_tick_sets(dt.date(2024, 3, 1), dt.date(2024, 3, 9)))][:2] == ["1 Mar", "3 Mar"]


def _claim(**extra: object) -> Claim:
    ref = Reference(file="x.csv", row=2, value=39175, as_of=dt.date(2024, 7, 25), source="Ministry", source_url="https://example.org/m")
    fields: dict[str, object] = dict(id="c1", start=0, end=6, value=39000, step=1000, line=1, column=1, end_line=1, end_column=7,
                                     text="39,000", sentence="39,000 died.", sentence_end=12, verdict=Verdict.supported, message="m",
                                     metric="killed", reference=ref, current=ref)
    fields.update(extra)
    return Claim.model_validate(fields)


def test_no_chart_for_start_years_and_huge_values_do_not_crash() -> None:
    year = _claim(metric="years", value=1962, text="1962")
    huge_ref = Reference(file="x.csv", row=3, value=1e308, as_of=dt.date(2024, 7, 25), source="S", source_url="https://example.org/s")
    huge = _claim(id="c2", current=huge_ref, reference=huge_ref, verdict=Verdict.contradicted)
    finding = Finding(rule="contradicted-figure", severity=Severity.error, claim="c2", line=1, column=1, end_line=1, end_column=7, message="x")
    report = Report.of([FileReport(path="a.txt", published=dt.date(2024, 8, 1), published_from="option", claims=[year, huge], findings=[finding])])
    out = render(report, "html", Style(texts={"a.txt": "39,000 died."}))
    assert 'id="f1-c1-chart"' not in out and 'id="f1-c2-chart"' in out
    root = _chart_of(out, "c2")
    assert all(float(t.get("y", 0)) >= 0 for t in root.iter(f"{SVG}text"))
    ET.fromstring(svg([huge_ref, huge_ref.model_copy(update={"value": float("inf"), "row": 4})], huge, None))


def test_invisible_and_reordering_characters_are_shown_escaped() -> None:
    hostile = "Gaza \x1b[31m\u202eevil\u200b \u2066x\u2069 \x85."
    shown = text(hostile)
    assert not re.search("[\x1b\u202e\u200b\u2066\u2069\x85]", shown)
    assert "U+202E" in shown and "U+001B" in shown and "U+200B" in shown and "&lt;" not in shown
    article = "More than 39,000 people \x1b[2J\u202e were killed in Gaza\u200b.\n"
    report = Report.of([FileReport(path="a.txt", published=dt.date(2024, 8, 1), published_from="option", claims=[
        _claim(text="More than 39,000", end=16, sentence=article.strip(), sentence_end=len(article) - 1)], findings=[])])
    out = render(report, "html", Style(texts={"a.txt": article}))
    assert not re.search("[\x1b\u202e\u200b]", out)
    assert "More than 39,000" in between(out, '<div class="article">', "</div>")


def test_the_examples_render_without_raw_markup(checker: Checker) -> None:
    for path in sorted(EXAMPLES.iterdir()):
        source = path.read_text(encoding="utf-8")
        report = Report.of([checker.check_document(Document.from_text(source, path=path.name))])
        out = render(report, "html", Style(texts={path.name: source}, series=series_lookup(checker.index)))
        article = between(out, '<div class="article">', "</div>")
        assert "<!--" not in article and "```" not in article and "\n---" not in article
        assert article.count("<mark id=") == len(report.files[0].claims)
