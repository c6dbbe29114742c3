from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.errors import ReferenceDataError
from factcheck.reference.csvfile import load_rows
from factcheck.reference.index import ReferenceIndex, bundled_path
from factcheck.reference.validate import problems

HEADER = "metric,location,subject,value,as_of,source,source_url\n"
GOOD = "members,,NATO,32,2024-03-07,NATO,https://www.nato.int/x\n"
BROKEN = Path(__file__).parent / "fixtures" / "refs_broken"
TODAY = dt.date(2026, 1, 1)

# Every fault planted in tests/fixtures/refs_broken: (file:line, what the message says).
PLANTED = [
    ("aliases.csv:3", "kind 'place'"),
    ("aliases.csv:4", "metric alias 'casualtees' maps to unknown metric"),
    ("aliases.csv:5", "maps to 'Palestinian Authority' here but to 'Gaza Ministry of Health' at line 2"),
    ("aliases.csv:6", "demonym 'Atlanteans' names unknown location"),
    ("members.csv:1", "missing column(s): source_url"),
    ("ranges.csv:1", "unknown column(s): units"),
    ("ranges.csv:2", "column 'high': 1800000 is below the value"),
    ("tolls.csv:3", "duplicate of"),
    ("tolls.csv:4", "conflicts with"),
    ("tolls.csv:5", "column 'as_of': '2024-07-32' is not a YYYY-MM-DD date"),
    ("tolls.csv:6", "column 'source_url': must not be empty"),
    ("tolls.csv:7", "column 'value': 'forty' is not a number"),
    ("tolls.csv:8", "column 'source_url': 'ftp://example.org/e' does not match the pattern"),
    ("tolls.csv:9", "unknown metric 'casualty'"),
    ("tolls.csv:10", "unknown location 'Gaza Stirp'"),
    ("tolls.csv:11", "as_of 2099-01-01 is in the future"),
    ("tolls.csv:12", "column 'period_start': 2025-04-01 is after as_of"),
    ("tolls.csv:13", "column 'source' holds a formula-like cell"),
]


def test_bundled_data_loads_and_every_row_has_provenance(index: ReferenceIndex) -> None:
    assert bundled_path().is_dir()
    assert len(index.rows) > 50
    for row in index.rows:
        assert row.source and row.source_url.startswith("https://") and row.as_of


def test_bundled_data_has_no_problems() -> None:
    assert problems() == []


def test_bundled_series_are_well_formed(index: ReferenceIndex) -> None:
    for key, rows in index.series.items():
        dates = [r.as_of for r in rows]
        assert dates == sorted(dates) and len(set(dates)) == len(dates), key
    (toll,) = [rows for key, rows in index.series.items() if key[:5] == ("killed", "Gaza", "Palestinians", "Gaza Ministry of Health", dt.date(2023, 10, 7))]
    assert all(a.value < b.value for a, b in zip(toll, toll[1:])), "a cumulative toll never falls"


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ("metric,value\nkilled,3\n", "missing column", 1),
        (HEADER + "killed,Gaza,,abc,2024-01-01,X,https://x\n", "'value'", 2),
        (HEADER + GOOD + "killed,Gaza,,3,2024-13-01,X,https://x\n", "'as_of'", 3),
        (HEADER + "killed,Gaza,,3,2024-01-01,X,\n", "'source_url'", 2),
        (HEADER + "killed,Gaza,,3,2024-01-01,=HYPERLINK(\"x\"),https://x\n", "formula", 2),
        (HEADER + "killed,Gaza,,nan,2024-01-01,X,https://x\n", "not a number", 2),
        (HEADER + "killed,Gaza,,3,24-01-01,X,https://x\n", "not a YYYY-MM-DD date", 2),
        ("", "empty file", 1),
        ("metric;location;value\nkilled;Gaza;3\n", "delimiter", 1),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, body: str, message: str, line: int) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ReferenceDataError) as caught:
        ReferenceIndex.load([path])
    assert message in str(caught.value)
    assert caught.value.line == line and caught.value.path == str(path)


def test_lines_count_blank_lines_and_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(HEADER.replace("\n", ",notes\n") + "\n" + GOOD.replace("\n", ',"two\nlines"\n') + "killed,Gaza,,x,2024-01-01,X,https://x,\n")
    with pytest.raises(ReferenceDataError) as caught:
        load_rows(path)
    assert caught.value.line == 5


def test_lenient_cells(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("metric,location,subject,value,as_of,source,source_url,comment\n"
                    "killed , Gaza ,,\"39,175\",2024-07-27,X ,https://x.example,ignored column\n")
    (row,) = ReferenceIndex.load([path]).rows
    assert (row.metric, row.location, row.value, row.source, row.line) == ("killed", "Gaza", 39175, "X", 2)


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + GOOD).encode())
    assert len(ReferenceIndex.load([path]).rows) == 1


def test_own_data_gets_the_bundled_aliases_and_may_override_them(tmp_path: Path) -> None:
    (tmp_path / "toll.csv").write_text(HEADER + "deaths,Gaza Strip,Palestinians,100,2024-01-01,Gaza health ministry,https://x.example\n")
    (tmp_path / "aliases.csv").write_text("kind,alias,canonical\nsource,Israeli officials,Israeli cabinet\n")
    index = ReferenceIndex.load([tmp_path])
    (row,) = index.rows
    assert (row.metric, row.location, row.source) == ("killed", "Gaza", "Gaza Ministry of Health")
    assert index.aliases.canonical("source", "Israeli officials") == "Israeli cabinet"
    assert index.aliases.canonical("source", "IDF") == "Israeli government"
    assert "Gaza" in index.aliases.people_of("Palestinians")


def test_refs_check_finds_every_planted_fault() -> None:
    found = [str(p) for p in problems([BROKEN], today=TODAY)]
    for where, message in PLANTED:
        assert any(f.startswith(f"{BROKEN / where}:") and message in f for f in found), f"{where}: {message}\n" + "\n".join(found)
    assert len(found) == len(PLANTED), "\n".join(found)


def test_refs_check_through_the_cli(runner: CliRunner) -> None:
    result = runner.invoke(app, ["refs", "check", str(BROKEN)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    for where, message in PLANTED:
        assert any(line.startswith(f"{BROKEN / where}:") and message in line for line in lines), where
    assert result.stdout == ""


def test_refs_check_ok_and_list(runner: CliRunner) -> None:
    ok = runner.invoke(app, ["refs", "check", str(Path(__file__).parent / "fixtures" / "refs")])
    assert ok.exit_code == 0 and ok.stdout.startswith("ok: ")
    listing = runner.invoke(app, ["refs", "list"])
    assert listing.exit_code == 0
    assert any(line.startswith("killed") and "Gaza Ministry of Health" in line for line in listing.stdout.splitlines())


def test_invalid_refs_stop_a_check_with_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("NATO's 32 members met.\n")
    result = runner.invoke(app, ["--refs", str(BROKEN / "tolls.csv"), str(article)])
    assert result.exit_code == 2 and f"{BROKEN / 'tolls.csv'}:5:" in result.stderr


def test_index_answers_by_metric_and_place(index: ReferenceIndex) -> None:
    assert all(r.metric == "members" for r in index.candidates("members"))
    assert index.candidates("no-such-metric") == []
    gaza = index.series_at("killed", "Gaza")
    assert gaza and all(key[1] == "Gaza" for key, _ in gaza)
    assert {key[2] for key, _ in index.series_at("members", "Myanmar")} >= {"ASEAN", "NATO"}
    assert index.series_at("killed", None) == []


def test_row_bounds_and_description(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("metric,location,value,low,high,as_of,source,source_url\n"
                    "displaced,Gaza,1900000,,1900000,2023-12-09,UNRWA,https://x.example\n"
                    "killed,Sudan,15000,10000,20000,2024-01-01,X,https://x.example\n"
                    "killed,Haiti,2500,2500,,2024-01-01,X,https://x.example\n")
    up_to, rng, limit = sorted(ReferenceIndex.load([path]).rows, key=lambda r: r.line)
    assert up_to.bounds == (950000, 1900000) and up_to.describe() == "up to 1,900,000"
    assert rng.bounds == (10000, 20000) and rng.describe() == "10,000-20,000"
    assert limit.bounds == (2500, 3125) and limit.describe() == "more than 2,500"


def write_csv(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


CHAD = HEADER + "killed,Chad,people,100,2024-01-01,Chad Red Cross,https://example.org/a\n"
ADD = ["--metric", "killed", "--location", "Chad", "--subject", "people", "--source", "Chad Red Cross"]


def test_refs_add_through_the_cli(runner: CliRunner, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "chad.csv", CHAD)
    result = runner.invoke(app, ["refs", "add", str(path), *ADD, "--value", "150", "--as-of", "2024-03-01", "--source-url", "https://example.org/b"])
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0] == "series killed/Chad/people/Chad Red Cross"
    assert out[1] == "before:" and out[2].lstrip().startswith("2024-01-01") and out[3] == "after:"
    assert out[5].startswith("+ 2024-03-01") and out[-1] == f"added {path}:3"
    assert path.read_text(encoding="utf-8") == CHAD + "killed,Chad,people,150,2024-03-01,Chad Red Cross,https://example.org/b\n"


def test_refs_add_refuses_a_conflict_and_leaves_the_file(runner: CliRunner, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "chad.csv", CHAD)
    result = runner.invoke(app, ["refs", "add", str(path), *ADD, "--value", "90", "--as-of", "2024-01-01", "--source-url", "https://example.org/b"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"factcheck: error: {path}:3: conflicts with {path}:2")
    assert path.read_text(encoding="utf-8") == CHAD


def test_refs_stale_through_the_cli(runner: CliRunner, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "s.csv", HEADER + "killed,Chad,people,100,2024-01-01,A,https://example.org/a\n"
                     "killed,Mali,people,50,2024-06-01,B,https://example.org/b\n"
                     "years,Mali,coup,2021,2021-05-24,C,https://example.org/c\n")
    result = runner.invoke(app, ["refs", "stale", str(path), "--days", "60", "--date", "2024-06-15"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and "killed/Chad/people/A" in lines[0] and lines[0].lstrip().startswith("166 days")
    assert lines[1] == "1 of 2 series have no row in the 60 days before 2024-06-15"
    assert runner.invoke(app, ["refs", "stale", str(path), "--date", "June"]).exit_code == 2


def test_refs_show_table_and_html_chart(runner: CliRunner) -> None:
    table = runner.invoke(app, ["refs", "show", "members/NATO"])
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert lines[0].startswith("members/-/NATO/NATO") and lines[1].startswith("as_of")
    assert any(line.startswith("2024-03-07") and " 32 " in line for line in lines)
    page = runner.invoke(app, ["refs", "show", "members/NATO", "--format", "html"])
    assert page.exit_code == 0 and page.stdout.startswith("<!DOCTYPE html>")
    import xml.etree.ElementTree as ET

    svg = page.stdout[page.stdout.index("<svg"):page.stdout.index("</svg>") + 6]
    assert ET.fromstring(svg).tag.endswith("svg")
    assert "<td>2024-03-07</td>" in page.stdout


def test_refs_show_names_the_matches_when_ambiguous(runner: CliRunner) -> None:
    result = runner.invoke(app, ["refs", "show", "members"])
    assert result.exit_code == 2 and "series match 'members'" in result.stderr and "members/-/NATO/NATO" in result.stderr
    assert runner.invoke(app, ["refs", "show", "no/such/series"]).exit_code == 2


def test_extra_refs_add_to_the_bundled_data_in_refs_commands(runner: CliRunner, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "mine" / "chad.csv", CHAD)
    listed = runner.invoke(app, ["refs", "list", "--extra-refs", str(path.parent)])
    assert listed.exit_code == 0
    assert any(line.startswith("killed") and "Chad Red Cross" in line for line in listed.stdout.splitlines())
    assert any("Gaza Ministry of Health" in line for line in listed.stdout.splitlines())
    checked = runner.invoke(app, ["refs", "check", "--extra-refs", str(path.parent)])
    assert checked.exit_code == 0 and checked.stdout.startswith(f"ok: {len(ReferenceIndex.load().rows) + 1} rows")


def test_extra_refs_in_a_check_run(runner: CliRunner, tmp_path: Path) -> None:
    """The library side (Options.extra_refs) and the --extra-refs option."""
    from factcheck.pipeline import Checker, Options, check

    path = write_csv(tmp_path / "mine" / "chad.csv", CHAD)
    text = "Published: 2024-02-01\n\nAt least 100 people have been killed in Chad, the Chad Red Cross said."
    checker = Checker(Options(extra_refs=(path.parent,)))
    (claim,) = check(text, checker=checker).claims
    assert claim.verdict.value == "supported" and claim.reference is not None and claim.reference.source == "Chad Red Cross"
    assert len(checker.index.rows) == len(ReferenceIndex.load().rows) + 1
    article = write_csv(tmp_path / "a.txt", text)
    result = runner.invoke(app, ["--format", "json", "--extra-refs", str(path.parent), str(article)])
    assert result.exit_code == 0, result.output
    (claim_json,) = json.loads(result.stdout)["files"][0]["claims"]
    assert claim_json["verdict"] == "supported" and claim_json["reference"]["source"] == "Chad Red Cross"
    replaced = runner.invoke(app, ["--format", "json", "--refs", str(path.parent), str(article)])
    assert json.loads(replaced.stdout)["files"][0]["claims"][0]["verdict"] == "supported"
