"""Every output format: golden files, escaping, structure and the contracts CI relies on."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from factcheck.models import Report
from factcheck.pipeline import Checker, Options
from factcheck.read.document import Document
from factcheck.report import FORMATS, Style, render, shown, use_color
from factcheck.report.chart import series_lookup, svg
from factcheck.report.github import escape_data, escape_property
from factcheck.report.markdown import escape as md_escape
from factcheck.schema import shipped_schema

from .conftest import ROOT

ARTICLE = "tests/fixtures/formats/article.md"
REPORT = "tests/fixtures/formats/article.report.json"
SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
EXTENSIONS = {
    "text": "txt", "line": "line", "json": "json", "markdown": "md", "html": "html", "sarif": "sarif", "github": "github",
    "junit": "junit.xml", "gitlab": "gitlab.json", "checkstyle": "checkstyle.xml", "csv": "csv", "summary": "summary.md",
}


@pytest.fixture(scope="module")
def fixture_checker() -> Checker:
    with contextlib.chdir(ROOT):  # relative reference paths keep the goldens machine-independent
        return Checker(Options(refs=(Path("tests/fixtures/refs"),), today=dt.date(2026, 1, 1)))


@pytest.fixture(scope="module")
def rendered(fixture_checker: Checker) -> tuple[Report, Style]:
    """A fixed report (plain data, so the goldens test the formats, not extraction) with its article.

    Regenerate with: factcheck --refs tests/fixtures/refs -f json tests/fixtures/formats/article.md
    """
    text = (ROOT / ARTICLE).read_text(encoding="utf-8")
    report = Report.model_validate_json((ROOT / REPORT).read_text(encoding="utf-8"))
    for claim in report.files[0].claims:
        assert text[claim.start:claim.end] == claim.text, "the fixture report no longer matches its article"
    return report, Style(texts={ARTICLE: text}, series=series_lookup(fixture_checker.index))


def test_every_format_is_registered() -> None:
    assert set(FORMATS) == set(EXTENSIONS)


@pytest.mark.parametrize("name", list(EXTENSIONS))
def test_format_golden(name: str, rendered: tuple[Report, Style], golden) -> None:  # type: ignore[no-untyped-def]
    report, style = rendered
    golden(f"formats/article.{EXTENSIONS[name]}", render(report, name, style))


@pytest.mark.parametrize("name", list(EXTENSIONS))
def test_formats_are_deterministic(name: str, rendered: tuple[Report, Style]) -> None:
    report, style = rendered
    assert render(report, name, style) == render(report, name, style)


def test_min_severity_filters_and_recounts(rendered: tuple[Report, Style]) -> None:
    report, _ = rendered
    errors_only = shown(report, 3)
    assert {f.severity.value for f in errors_only.files[0].findings} == {"error"}
    assert errors_only.summary.warnings == 0 and errors_only.summary.errors == report.summary.errors
    assert len(errors_only.files[0].claims) == len(report.files[0].claims)
    text = render(report, "text", Style(min_severity=3))
    assert "outdated-figure" not in text and "contradicted-figure" in text


def test_json_validates_against_the_shipped_schema(rendered: tuple[Report, Style]) -> None:
    report, style = rendered
    jsonschema.validate(json.loads(render(report, "json", style)), json.loads(shipped_schema()))


# SARIF ------------------------------------------------------------------------------------


def test_sarif_validates_against_the_2_1_0_schema(rendered: tuple[Report, Style]) -> None:
    report, style = rendered
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(render(report, "sarif", style)))


def test_sarif_has_the_fields_github_code_scanning_requires(rendered: tuple[Report, Style]) -> None:
    report, style = rendered
    log = json.loads(render(report, "sarif", style))
    assert log["version"] == "2.1.0" and log["$schema"]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck"
    ids = [r["id"] for r in driver["rules"]]
    for rule in driver["rules"]:
        assert rule["id"] and rule["name"]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    findings = [(f, c) for file in report.files for f in file.findings for c in file.claims if c.id == f.claim]
    assert len(run["results"]) == len(findings) > 0
    for result, (finding, claim) in zip(run["results"], findings):
        assert result["ruleId"] == finding.rule and ids[result["ruleIndex"]] == finding.rule
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity.value]
        assert result["message"]["text"] == finding.message
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == ARTICLE
        region = physical["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            claim.line, claim.column, claim.end_line, claim.end_column,
        )
        assert re.fullmatch(r"[0-9a-f]{32}", result["partialFingerprints"]["factcheckFigure/v1"])


def test_sarif_uri_is_percent_encoded_and_absolute_paths_are_file_uris() -> None:
    from factcheck.report.sarif import artifact_location

    assert artifact_location("drafts/a b#1.md") == {"uri": "drafts/a%20b%231.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/srv/news/a b.md") == {"uri": "file:///srv/news/a%20b.md"}


# github -----------------------------------------------------------------------------------

_COMMAND = re.compile(r"::(error|warning|notice) ((?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*)::([^\r\n]*)")


def _unescape(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse_github(line: str) -> tuple[str, dict[str, str], str]:
    m = _COMMAND.fullmatch(line)
    assert m, f"not a workflow command: {line!r}"
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), {k: _unescape(v) for k, v in props.items()}, _unescape(m.group(3))


def test_github_lines_parse(rendered: tuple[Report, Style]) -> None:
    report, style = rendered
    lines = render(report, "github", style).splitlines()
    findings = sorted((f for file in report.files for f in file.findings), key=lambda f: -f.severity.rank)  # errors first
    assert len(lines) == len(findings)
    for line, finding in zip(lines, findings):
        kind, props, message = parse_github(line)
        assert kind == {"error": "error", "warning": "warning", "info": "notice"}[finding.severity.value]
        assert props["file"] == ARTICLE and props["line"] == str(finding.line) and props["col"] == str(finding.column)
        assert props["endLine"] == str(finding.end_line) and props["endColumn"] == str(finding.end_column)
        assert finding.rule in props["title"] and message == finding.message


def test_github_escaping_round_trips() -> None:
    nasty = "50% of 1,200: said\r\nthen"
    assert escape_data(nasty) == "50%25 of 1,200: said%0D%0Athen"
    assert escape_property("a,b:c%d.md") == "a%2Cb%3Ac%25d.md"
    from factcheck.models import Finding, Severity
    from factcheck.report.github import command

    finding = Finding(rule="attribution-gap", severity=Severity.warning, claim="c1", line=3, column=2, end_line=4, end_column=5, message=nasty)
    kind, props, message = parse_github(command("dir,x/a:b.md", finding))
    assert (kind, props["file"], message) == ("warning", "dir,x/a:b.md", nasty)
    assert "col" not in props and "endColumn" not in props  # a figure across lines: GitHub ignores columns


# markdown and HTML escaping ---------------------------------------------------------------

HOSTILE = (
    "---\ndate: 2024-07-27\n---\n\n"
    "Officials said \"more than 39,000\" & <script>alert('x')</script> were killed in Gaza, "
    "according to Palestinian health authorities. <img src=x onerror=alert(1)> | `tick` *star*\n"
)


@pytest.fixture(scope="module")
def hostile(fixture_checker: Checker) -> tuple[Report, Style]:
    """A plain-text article, where tags are text the reader sees (in Markdown they are markup,
    and the desk report shows the prose without them)."""
    report = Report.of([fixture_checker.check_document(Document.from_text(HOSTILE, path="<script>&\"x\".txt"))])
    return report, Style(texts={"<script>&\"x\".txt": HOSTILE}, series=series_lookup(fixture_checker.index))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def test_html_escapes_everything_from_the_article(hostile: tuple[Report, Style]) -> None:
    report, style = hostile
    page = render(report, "html", style)
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert not any(name.startswith("on") for name, _ in parser.attrs)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Officials said &quot;" in page and "&quot; &amp; &lt;script&gt;" in page
    assert "<img" not in page and "<script" not in page
    assert "".join(parser.data).count("<script>alert('x')</script>") >= 1  # shown as text, never run


def test_html_structure_and_svg_charts(rendered: tuple[Report, Style]) -> None:
    report, style = rendered
    page = render(report, "html", style)
    parser = _Collector()
    parser.feed(page)
    assert parser.tags.count("section") == 1 and "table" in parser.tags
    assert not any(t in parser.tags for t in ("script", "link", "iframe"))
    assert "Content-Security-Policy" in page
    charts = re.findall(r"<svg .*?</svg>", page, re.S)
    with_series = [c for c in report.files[0].claims if c.current is not None]
    assert len(charts) == len(with_series) > 0
    for chart, _claim in zip(charts, with_series):
        root = ET.fromstring(chart)  # well-formed XML
        ns = "{http://www.w3.org/2000/svg}"
        assert root.tag == f"{ns}svg" and root.get("viewBox")
        assert root.find(f"{ns}polyline[@class='series']") is not None
        assert root.find(f"{ns}line[@class='figure']") is not None
        assert root.find(f"{ns}line[@class='published']") is not None
        points = root.findall(f"{ns}circle")
        assert len(points) >= 1 and len(root.findall(f"{ns}circle[@class='point used']")) == 1
        for element in root.iter():
            for attr in ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy"):
                if element.get(attr) is not None:
                    assert 0 <= float(element.get(attr)) <= 360  # inside the view box
    marks = re.findall(r'<mark id="f1-(c\d+)" class="verdict-(\w+)"', page)
    assert marks == [(c.id, c.verdict.value) for c in report.files[0].claims]


def test_chart_marks_range_figures_and_a_single_point(rendered: tuple[Report, Style]) -> None:
    report, _ = rendered
    claim = next(c for c in report.files[0].claims if c.current is not None)
    ranged = claim.model_copy(update={"high": claim.value * 1.2})
    root = ET.fromstring(svg([claim.current], ranged, dt.date(2024, 7, 27)))  # type: ignore[list-item]
    assert root.find("{http://www.w3.org/2000/svg}rect[@class='figure']") is not None


def test_markdown_escapes_the_article(hostile: tuple[Report, Style]) -> None:
    report, style = hostile
    out = render(report, "markdown", style)
    assert not re.search(r"(?<!\\)<(script|img)", out) and "\\<script\\>" in out
    assert md_escape("a | b * c_d `e` <f> & [g]") == "a \\| b \\* c\\_d \\`e\\` \\<f\\> \\& \\[g\\]"
    for row in (r for r in out.splitlines() if r.startswith("| ") and "---" not in r):
        assert len(re.findall(r"(?<!\\)\|", row)) == 9  # escaped pipes never add a column


def test_html_without_texts_or_series_still_renders(rendered: tuple[Report, Style]) -> None:
    report, _ = rendered
    page = render(report, "html", Style())
    assert "article text is not available" in page and page.count("<svg") >= 1


# colour -----------------------------------------------------------------------------------


def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    assert use_color(True, False, {}) is True
    assert use_color(False, False, {}) is False
    assert use_color(True, True, {}) is False
    assert use_color(True, False, {"NO_COLOR": "1"}) is False
    assert use_color(True, False, {"NO_COLOR": ""}) is True  # no-color.org: set and not empty


def test_text_colour_codes(rendered: tuple[Report, Style]) -> None:
    report, _ = rendered
    assert "\x1b[31m" in render(report, "text", Style(color=True))
    assert "\x1b[" not in render(report, "text", Style(color=False))


def _browser() -> str | None:
    import shutil

    return next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)


@pytest.mark.skipif(_browser() is None, reason="no headless browser on this machine")
def test_html_opens_in_a_headless_browser_with_its_charts(rendered: tuple[Report, Style], tmp_path: Path) -> None:
    import subprocess

    report, style = rendered
    page = tmp_path / "report.html"
    page.write_text(render(report, "html", style), encoding="utf-8")
    dom = subprocess.run(
        [_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],  # type: ignore[list-item]
        capture_output=True, text=True, timeout=120,
    ).stdout
    charts = [c for c in report.files[0].claims if c.current is not None]
    assert dom.count("<svg") == len(charts) and dom.count("<polyline") == len(charts)
    assert dom.count("<mark id=") == len(report.files[0].claims) and "<script" not in dom
