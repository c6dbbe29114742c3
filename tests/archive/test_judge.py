"""archive judge: stored claims judged without the articles; a changed row re-judges only
the claims that could use its series, and gives what a judgement from scratch gives."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import Result

from factcheck.archive.extract import read_dates
from factcheck.pipeline import Checker, Options
from factcheck.read.decode import read_path
from factcheck.reference.index import bundled_path
from tests.archive.conftest import Stored
from tests.archive.corpus import store_rows


def _copy(stored: Stored, to: Path) -> Path:
    shutil.copytree(stored.store, to)
    return to


def _refs(folder: Path) -> Path:
    shutil.copytree(bundled_path(), folder, ignore=shutil.ignore_patterns("*.md"))
    return folder


def change_one_row(refs: Path, metric: str = "killed", location: str = "Gaza") -> None:
    """Add 1 to the value of the first row of a series of metric in location."""
    for path in sorted(refs.glob("*.csv")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        header = next(csv.reader([lines[0]]))
        for i, line in enumerate(lines[1:], 1):
            row = next(csv.reader([line]))
            cells = dict(zip(header, row))
            if cells.get("metric") == metric and cells.get("location") == location and cells.get("value"):
                row[header.index("value")] = str(int(float(cells["value"].replace(",", ""))) + 1)
                out = io.StringIO()
                csv.writer(out, lineterminator="\n").writerow(row)
                lines[i] = out.getvalue()
                path.write_text("".join(lines), encoding="utf-8")
                return
    raise AssertionError(f"no {metric} row for {location}")


def test_verdicts_are_what_the_checker_gives(small_store: Stored, index: object) -> None:
    dates = read_dates(small_store.archive.dates)
    path = next(p for p in small_store.archive.paths if p.name == "story0011.txt")
    expected = Checker(Options(), index).check_document(read_path(path), dates[path.resolve()])  # type: ignore[arg-type]
    key = {r["path"]: r["key"] for r in pq.read_table(small_store.store / "paths.parquet").to_pylist()}[str(path)]
    rows = store_rows(small_store.store)
    verdicts = sorted((r for r in rows["verdicts"] if r["key"] == key), key=lambda r: r["n"])
    assert [(r["verdict"], r["message"]) for r in verdicts] == [(c.verdict.value, c.message) for c in expected.claims]
    findings = sorted((r["line"], r["column"], r["rule"], r["message"]) for r in rows["findings"] if r["key"] == key)
    assert findings == sorted((f.line, f.column, f.rule, f.message) for f in expected.findings)


def test_nothing_is_judged_again_when_nothing_changed(small_store: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    store = _copy(small_store, tmp_path / "store")
    again = cli("judge", "--store", store)
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("0 of ") and "all up to date" in again.stdout


def test_a_changed_row_rejudges_only_what_could_use_it(small_store: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    refs = _refs(tmp_path / "refs")
    store = _copy(small_store, tmp_path / "store")
    moved = cli("judge", "--store", store, "--refs", refs)  # rows now come from other files: every series changed
    total = int(moved.stdout.split(" of ")[1].split()[0])
    assert moved.exit_code == 0 and "changed series" in moved.stdout, moved.output
    change_one_row(refs)
    part = cli("judge", "--store", store, "--refs", refs)
    assert part.exit_code == 0, part.output
    judged = int(part.stdout.split(" of ")[0])
    assert 0 < judged < total / 2 and "for 1 changed series" in part.stdout, part.stdout
    fresh = _copy(small_store, tmp_path / "fresh")
    shutil.rmtree(fresh / "judged")
    assert cli("judge", "--store", fresh, "--refs", refs).exit_code == 0
    mine, theirs = store_rows(store), store_rows(fresh)
    assert mine["verdicts"] == theirs["verdicts"] and mine["findings"] == theirs["findings"]
    assert cli("report", "--store", store, "--format", "json").stdout == cli("report", "--store", fresh, "--format", "json").stdout


def test_new_rule_settings_judge_everything_again(small_store: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    store = _copy(small_store, tmp_path / "store")
    config = tmp_path / "factcheck.toml"
    config.write_text('[rules]\nunverifiable-figure = "off"\n', encoding="utf-8")
    result = cli("judge", "--store", store, "--config", config)
    total = int(result.stdout.split(" of ")[1].split()[0])
    assert result.stdout.startswith(f"{total} of {total}"), result.stdout
    assert not any(r["rule"] == "unverifiable-figure" for r in store_rows(store)["findings"])


def test_a_half_written_part_is_judged_whole(small_store: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    store = _copy(small_store, tmp_path / "store")
    findings = sorted(store.glob("judged/*/*.findings.parquet"))[0]
    table = pq.read_table(findings)
    pq.write_table(table.replace_schema_metadata({"factcheck": '{"basis": "older"}'}), findings)
    result = cli("judge", "--store", store)
    assert "1 of " in result.stdout and "(1 judged whole" in result.stdout, result.stdout
    assert store_rows(store) == store_rows(small_store.store)


def test_a_new_series_rejudges_every_claim_of_its_metric(small_store: Stored, cli: Callable[..., Result], tmp_path: Path) -> None:
    refs = _refs(tmp_path / "refs")
    store = _copy(small_store, tmp_path / "store")
    assert cli("judge", "--store", store, "--refs", refs).exit_code == 0
    path = refs / "gaza_war.csv"
    header = next(csv.reader([path.read_text(encoding="utf-8").splitlines()[0]]))
    row = {"metric": "killed", "location": "Egypt", "subject": "people", "value": "12", "as_of": "2024-01-05",
           "source": "Test Agency", "source_url": "https://example.org/test", "notes": "a made-up row for this test only"}
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, header, lineterminator="\n").writerow(row)
    part = cli("judge", "--store", store, "--refs", refs)
    assert part.exit_code == 0 and "for 1 changed series" in part.stdout, part.output
    killed = sum(1 for r in store_rows(store)["figures"] if r["metric"] == "killed")
    assert int(part.stdout.split(" of ")[0]) == killed
    fresh = _copy(small_store, tmp_path / "fresh")
    shutil.rmtree(fresh / "judged")
    assert cli("judge", "--store", fresh, "--refs", refs).exit_code == 0
    assert store_rows(store) == store_rows(fresh)
