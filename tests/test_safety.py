"""Nothing injected, nothing lost, nothing random: markup from articles and reference files is
escaped in every format, inputs are only read, reports are written atomically (also on
Ctrl-C), and the same input gives byte-identical reports."""

from __future__ import annotations

import builtins
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.report import FORMATS

from .conftest import EXAMPLES, ROOT
from .test_robustness import digests, errors_of

PAYLOAD = "<script>alert(1)</script> <img src=x onerror=alert(2)> ]]> `x` | *y* [z](javascript:w) &amp; {{t}} %0A::error::x \x1b[31m"
ARTICLE = (
    "NATO now has 32 members, the " + PAYLOAD + " ministry said.\n\n"
    "More than 39,000 people have been killed in Gaza, according to " + PAYLOAD + ".\n"
)
NAME = 'we "quoted" <b>name&amp;x \u00e9,y:z.txt'
REFS = (
    "metric,location,subject,value,as_of,source,source_url\n"
    'members,,NATO,32,2024-03-07,"<script>alert(3)</script> | *Alliance* & Co","https://example.org/x?q=<script>alert(4)</script>"\n'
    'killed,Gaza,,39175,2024-07-25,"<img src=y onerror=alert(5)> Ministry","https://example.org/a""onmouseover=""alert(6)"\n'
)
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "span", "mark", "pre", "section", "table",
    "tr", "th", "td", "a", "br", "code", "strong", "figure", "figcaption", "svg", "line", "text", "polyline", "circle", "rect",
    "thead", "tbody", "caption", "ul", "li", "blockquote", "em", "small", "div", "nav", "header", "footer", "details", "summary",
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An article with markup in its text and name, and reference data with markup, in the cwd."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / NAME).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "refs.csv").write_text(REFS, encoding="utf-8")
    return tmp_path


def render(runner: CliRunner, fmt: str) -> str:
    result = runner.invoke(app, ["-f", fmt, "--date", "2024-07-27", "--jobs", "1", "--refs", "refs.csv", "--no-color", NAME])
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def check_html(out: str) -> None:
    parser = _Tags()
    parser.feed(out)
    assert {tag for tag, _ in parser.tags} <= TEMPLATE_TAGS
    for tag, attrs in parser.tags:
        assert not [name for name, _ in attrs if name.startswith("on")], tag
        for name, value in attrs:
            if name == "href":
                assert value and (value.startswith("#") or re.match(r"https?://[^\"'<>\s]+\Z", value)), value
    shown = "".join(parser.text)
    assert "<script>alert(1)</script>" in shown and "<script>alert(3)</script>" in shown, "markup is shown as text"
    assert NAME in shown
    assert "\x1b" not in out or "\x1b" in shown


def check_markdown(out: str) -> None:
    assert not re.search(r"(?<!\\)<(?!https?://[^\s<>]+>)", out), "every < is escaped or an autolink"
    assert not re.search(r"(?<!\\)\]\(", out) and "\\[z\\](javascript:w)" in out, "no link is formed"
    assert 'we "quoted" \\<b\\>name\\&amp;x \u00e9,y:z.txt' in out
    for row in (line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| line")):
        assert len(re.findall(r"(?<!\\)\|", row)) == 9, row


def check_sarif(out: str) -> None:
    log = json.loads(out)
    results = log["runs"][0]["results"]
    assert results
    for result in results:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert unquote(urlparse(uri).path) == NAME and not re.search(r"[\s\"<>]", uri)
    assert any(PAYLOAD.split(" ]]>")[0] in r["message"]["text"] or "<img" in r["message"]["text"] for r in results)


def check_json(out: str) -> None:
    data = json.loads(out)
    assert data["files"][0]["path"] == NAME
    assert any(PAYLOAD in c["sentence"] for c in data["files"][0]["claims"])


def check_github(out: str) -> None:
    lines = out.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert "\x1b" not in out
    for line in lines:
        props, message = line.split(" ", 1)[1].split("::", 1)
        assert unquote(props.split(",")[0].removeprefix("file=")) == NAME
        assert "%0A::" not in message or "%250A::" in message


def check_lines(out: str) -> None:
    assert out and all(line.startswith(f"{NAME}:") for line in out.splitlines())
    assert "\x1b" not in out


def check_text(out: str) -> None:
    assert f"{NAME}:1:" in out and "\x1b" not in out


def check_other(out: str) -> None:
    assert "<script>" not in out


def check_gitlab(out: str) -> None:
    issues = json.loads(out)
    assert issues and all(unquote(i["location"]["path"]) == NAME for i in issues)
    assert any("<script>alert(3)</script>" in i["description"] for i in issues), "markup is data, kept as written"


def check_csv(out: str) -> None:
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][0] == "path" and all(row[0] == NAME for row in rows[1:]) and len(rows) > 1
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r", " ")]


def check_xml(out: str) -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(out)  # well-formed: every < & " from the article is escaped
    assert not [e for e in root.iter() if e.tag in ("script", "img", "b")]
    values = [v for e in root.iter() for v in [*(e.attrib.values()), e.text or ""]]
    assert NAME in values and any("<script>alert(3)</script>" in v for v in values)


def check_summary(out: str) -> None:
    assert not re.search(r"(?<!\\)<", out), "every < is escaped"


CHECKS = {"html": check_html, "markdown": check_markdown, "sarif": check_sarif, "json": check_json,
          "github": check_github, "line": check_lines, "text": check_text, "gitlab": check_gitlab, "csv": check_csv,
          "junit": check_xml, "checkstyle": check_xml, "summary": check_summary}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_markup_from_articles_and_reference_files_is_escaped(runner: CliRunner, workspace: Path, fmt: str) -> None:
    before = digests([workspace])
    CHECKS.get(fmt, check_other)(render(runner, fmt))
    assert digests([workspace]) == before


def test_report_dir_escapes_and_names_files_safely(runner: CliRunner, workspace: Path) -> None:
    result = runner.invoke(app, ["--date", "2024-07-27", "--jobs", "1", "--refs", "refs.csv", "--report-dir", "out", NAME])
    assert result.exit_code in (0, 1), result.stderr
    written = sorted(p.name for p in (workspace / "out").iterdir())
    assert len(written) == 2 and all(re.fullmatch(r"[\w.-]+\.(md|html)", n) for n in written)
    check_html((workspace / "out" / written[0]).read_text(encoding="utf-8"))
    check_markdown((workspace / "out" / written[1]).read_text(encoding="utf-8"))


@pytest.mark.skipif("csv" not in FORMATS, reason="no CSV output format")
def test_csv_output_neutralises_formula_cells(runner: CliRunner, workspace: Path) -> None:
    for row in csv.reader(io.StringIO(render(runner, "csv"))):
        assert not [cell for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


# Nothing lost


def test_inputs_are_only_ever_opened_for_reading(runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (workspace / "baseline.json").write_text('{"factcheck_baseline": 1, "findings": []}\n')
    inputs = {str(p.resolve()) for p in workspace.iterdir()}
    opened: list[tuple[str, str]] = []
    real_open, real_os_open = builtins.open, os.open

    def spy(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(file, (str, os.PathLike)):
            opened.append((str(Path(os.fspath(file)).resolve()), mode))
        return real_open(file, mode, *args, **kwargs)

    def os_spy(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_TRUNC)
        opened.append((str(Path(os.fspath(path)).resolve()), "w" if writing else "r"))
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy)
    monkeypatch.setattr(os, "open", os_spy)
    before = digests([workspace])
    result = runner.invoke(app, ["--jobs", "1", "--refs", "refs.csv", "--baseline", "baseline.json", "-o", "report.json", "-f", "json", NAME])
    assert result.exit_code in (0, 1), result.stderr
    read = [(path, mode) for path, mode in opened if path in inputs]
    assert {Path(p).name for p, _ in read} >= {NAME, "refs.csv", "baseline.json"}
    assert all(set(mode) <= {"r", "b", "t"} for _, mode in read), read
    assert {p: d for p, d in digests([workspace]).items() if p.name != "report.json"} == before


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_report_is_never_written_over_an_article(runner: CliRunner, workspace: Path, option: str) -> None:
    before = digests([workspace])
    result = runner.invoke(app, ["--jobs", "1", option, f"./{NAME}", NAME])
    assert result.exit_code == 2
    assert errors_of(result.stderr) == [f"factcheck: error: {NAME}: is one of the articles checked; refusing to write a report over it"]
    assert digests([workspace]) == before


def test_report_dir_never_overwrites_an_article(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("At least 20 people were killed in Sudan.\n")
    before = digests([tmp_path])
    result = runner.invoke(app, ["--jobs", "1", "--report-dir", str(tmp_path), str(tmp_path / "story.md")])
    assert result.exit_code == 2 and "refusing to write a report over it" in result.stderr
    assert digests([tmp_path]) == before


def test_reports_get_ordinary_permissions(runner: CliRunner, workspace: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    mask = os.umask(0o022)
    try:
        runner.invoke(app, ["--jobs", "1", "-o", "report.txt", NAME])
    finally:
        os.umask(mask)
    assert (workspace / "report.txt").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("where", ["checking", "renaming"])
@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_ctrl_c_leaves_no_half_written_report_and_exits_130(
    runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch, where: str, option: str
) -> None:
    (workspace / "out.json").write_text("the previous report\n")
    before = digests([workspace])

    def interrupt(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    if where == "checking":
        monkeypatch.setattr("factcheck.pipeline.Checker.check_document", interrupt)
    else:
        monkeypatch.setattr("factcheck.report.output.os.replace", interrupt)
    result = runner.invoke(app, ["--jobs", "1", "-f", "json", option, "out.json", NAME])
    assert result.exit_code == 130
    assert errors_of(result.stderr) == ["factcheck: interrupted"]
    assert digests([workspace]) == before, "the old report is intact and no temporary file is left"
    assert sorted(p.name for p in workspace.iterdir()) == sorted([NAME, "refs.csv", "out.json"])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the process wait")
def test_real_sigint_exits_130_without_writing(tmp_path: Path) -> None:
    """A real Ctrl-C while factcheck waits for standard input: exit 130, no report file."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "-o", str(tmp_path / "report.json"), "-f", "json", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env,
    )
    try:
        _wait_until_blocked(proc.pid)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert err.decode().strip().splitlines()[-1] == "factcheck: interrupted"
    assert list(tmp_path.iterdir()) == []


def _wait_until_blocked(pid: int) -> None:
    """Until the process has used no CPU for a while (it is blocked reading stdin)."""
    last, still, deadline = -1, 0, time.monotonic() + 60
    while time.monotonic() < deadline:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        used = int(fields[11]) + int(fields[12])
        still = still + 1 if used == last and fields[0] == "S" else 0
        if still >= 10:
            return
        last = used
        time.sleep(0.05)
    pytest.fail("factcheck never waited for input")


# Determinism


def test_reports_are_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    outputs: dict[str, set[bytes]] = {}
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
        for fmt in ("json", "sarif", "markdown", "html"):
            run = subprocess.run(
                [sys.executable, "-m", "factcheck", "-f", fmt, "--jobs", "1", "--date", "2024-08-20", str(EXAMPLES)],
                capture_output=True, env=env, cwd=tmp_path, timeout=300,
            )
            assert run.returncode in (0, 1), run.stderr
            outputs.setdefault(fmt, set()).add(run.stdout)
    assert all(len(v) == 1 for v in outputs.values()), [k for k, v in outputs.items() if len(v) > 1]


@pytest.mark.parametrize("fmt", ["json", "sarif", "markdown", "html"])
def test_reports_are_byte_identical_whatever_the_number_of_jobs(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    for i, source in enumerate(sorted(EXAMPLES.iterdir()) * 3):
        (tmp_path / f"{i:02d}-{source.name}").write_bytes(source.read_bytes())
    seen = {
        runner.invoke(app, ["-f", fmt, "--jobs", jobs, "--date", "2024-08-20", str(tmp_path)]).stdout
        for jobs in ("1", "3", "1")
    }
    assert len(seen) == 1
