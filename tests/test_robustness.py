"""Bad input through the CLI: encodings, line endings, unreadable and odd files, bad reference
data. Every case asserts the message, the exit code and that no input file was changed."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app

from .conftest import EXAMPLES

DATE = ["--date", "2024-07-27", "--jobs", "1"]
ARTICLE = (
    "Gaza City \u2014 Caf\u00e9 owners said on Monday \u201cit is over\u201d.\n"
    "\u00dcber alles: More than 39,000 Palestinians have been killed in Gaza, according to Palestinian health authorities.\n"
    "At least 20 people were killed in Sudan, the UN said, and aid of \u20ac50 million was pledged.\n"
)
LATIN1 = ARTICLE.replace("\u2014", "-").replace("\u201c", '"').replace("\u201d", '"').replace("\u20ac50 million", "50 million euros")
GOOD = "At least 20 people were killed in Sudan, the UN said.\n"


def digests(paths: Iterable[Path]) -> dict[Path, str]:
    """SHA-256 of every file under paths (for 'inputs are unchanged' checks)."""
    out: dict[Path, str] = {}
    for path in paths:
        for file in ([path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink())):
            with open(file, "rb") as handle:  # not Path.open, which some tests make fail
                out[file] = hashlib.sha256(handle.read()).hexdigest()
    return out


WRITES = ("--output", "-o", "--write-baseline", "--report-dir")


def invoke(runner: CliRunner, *args: str, input: bytes | str | None = None):  # type: ignore[no-untyped-def]
    """Run the CLI and check that no input it was given (file or folder) changed."""
    inputs = [Path(a) for i, a in enumerate(args) if Path(a).exists() and (i == 0 or args[i - 1] not in WRITES)]
    before = digests(inputs)
    result = runner.invoke(app, list(args), input=input)
    assert digests(inputs) == before, "an input file was changed"
    return result


def errors_of(stderr: str) -> list[str]:
    lines = stderr.strip().splitlines()
    assert "Traceback" not in stderr
    assert all(line.startswith("factcheck: ") for line in lines), stderr
    return lines


def claims(result) -> list[dict]:  # type: ignore[no-untyped-def]
    return [c for f in json.loads(result.stdout)["files"] for c in f["claims"]]


def located(claim: dict) -> tuple:
    keys = ("line", "column", "end_line", "end_column", "text", "value", "qualifier", "metric", "location", "source", "verdict")
    return tuple(claim[k] for k in keys)


# Encodings


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf-8", ARTICLE.encode("utf-8")),
        ("utf-8 with BOM", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")),
        ("utf-16-le with BOM", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
        ("utf-16-be with BOM", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
        ("windows-1252", ARTICLE.encode("cp1252")),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_encodings_give_the_same_figures_at_the_same_places(runner: CliRunner, tmp_path: Path, name: str, data: bytes) -> None:
    reference = tmp_path / "reference.txt"
    reference.write_bytes(ARTICLE.encode("utf-8"))
    article = tmp_path / "article.txt"
    article.write_bytes(data)
    before = digests([tmp_path])
    expected = invoke(runner, "--format", "json", *DATE, str(reference))
    result = invoke(runner, "--format", "json", *DATE, str(article))
    guessed = f"factcheck: warning: {article}: not UTF-8; read as cp1252 (a guess: pass --encoding to choose)\n"
    assert result.exit_code in (0, 1) and result.stderr == (guessed if name == "windows-1252" else "")
    found = claims(result)
    assert [located(c) for c in found] == [located(c) for c in claims(expected)]
    assert any(c["text"] == "More than 39,000" and (c["line"], c["column"]) == (2, 13) for c in found)
    for claim in found:
        assert ARTICLE[claim["start"]:claim["end"]] == claim["text"]
    assert digests([tmp_path]) == before


def test_latin1_text_reads_like_its_utf8_twin(runner: CliRunner, tmp_path: Path) -> None:
    twin, latin = tmp_path / "utf8.txt", tmp_path / "latin1.txt"
    twin.write_text(LATIN1, encoding="utf-8")
    latin.write_bytes(LATIN1.encode("latin-1"))
    expected = claims(invoke(runner, "--format", "json", *DATE, str(twin)))
    for args in ([], ["--encoding", "latin-1"]):
        result = invoke(runner, "--format", "json", *DATE, *args, str(latin))
        assert [located(c) for c in claims(result)] == [located(c) for c in expected] and expected


def test_forced_encoding_that_does_not_fit_names_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "word-export.txt"
    article.write_bytes(ARTICLE.encode("cp1252"))
    result = invoke(runner, *DATE, "--encoding", "utf-8", str(article))
    assert result.exit_code == 2
    assert errors_of(result.stderr) == [f"factcheck: error: {article}:1: cannot decode as utf-8: invalid start byte at byte 10"]


def test_unknown_encoding_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD)
    for name in ("klingon", "rot13"):
        result = invoke(runner, "--encoding", name, str(article))
        assert result.exit_code == 2
        assert errors_of(result.stderr) == [f"factcheck: error: --encoding '{name}' is not a known text encoding"]


def test_utf16_without_bom_is_taken_for_binary(runner: CliRunner, tmp_path: Path) -> None:
    """Documented: without a byte-order mark, UTF-16 holds NUL bytes and is refused as binary
    (``--encoding utf-16-le`` reads it)."""
    article = tmp_path / "a.txt"
    article.write_bytes(ARTICLE.encode("utf-16-le"))
    assert "binary file" in invoke(runner, *DATE, str(article)).stderr
    forced = invoke(runner, "--format", "json", *DATE, "--encoding", "utf-16-le", str(article))
    assert forced.exit_code in (0, 1) and any(c["text"] == "More than 39,000" for c in claims(forced))


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("source", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md")) + ["ARTICLE"])
def test_crlf_and_cr_give_the_same_findings_as_lf(runner: CliRunner, tmp_path: Path, newline: str, source: str) -> None:
    text = ARTICLE if source == "ARTICLE" else (EXAMPLES / source).read_text(encoding="utf-8")
    suffix = ".txt" if source == "ARTICLE" else Path(source).suffix
    lf, other = tmp_path / f"lf{suffix}", tmp_path / f"other{suffix}"
    lf.write_bytes(text.encode("utf-8"))
    other.write_bytes(text.replace("\n", newline).encode("utf-8"))
    expected = json.loads(invoke(runner, "--format", "json", *DATE, str(lf)).stdout)["files"][0]
    result = json.loads(invoke(runner, "--format", "json", *DATE, str(other)).stdout)["files"][0]
    assert [located(c) for c in result["claims"]] == [located(c) for c in expected["claims"]]
    assert [(f["rule"], f["line"], f["column"]) for f in result["findings"]] == [(f["rule"], f["line"], f["column"]) for f in expected["findings"]]
    decoded = other.read_bytes().decode("utf-8")
    for claim in result["claims"]:
        assert decoded[claim["start"]:claim["end"]] == claim["text"]


# Bad files


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, b"  \n\r\n\t\n", codecs.BOM_UTF16_LE])
def test_empty_file_has_no_figures_and_exits_0(runner: CliRunner, tmp_path: Path, data: bytes) -> None:
    article = tmp_path / "empty.txt"
    article.write_bytes(data)
    result = invoke(runner, "--format", "json", *DATE, str(article))
    assert (result.exit_code, result.stderr) == (0, "")
    assert claims(result) == []


def test_binary_file_named_explicitly_is_an_error_and_others_are_checked(runner: CliRunner, tmp_path: Path) -> None:
    binary, good = tmp_path / "photo.txt", tmp_path / "good.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR 20 people")
    good.write_text(GOOD)
    before = digests([tmp_path])
    result = invoke(runner, "--format", "json", *DATE, str(binary), str(good))
    assert result.exit_code == 2
    assert errors_of(result.stderr) == [f"factcheck: error: {binary}: binary file (contains NUL bytes), not an article"]
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(good)]
    assert digests([tmp_path]) == before


def test_binary_file_found_in_a_folder_is_skipped_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "attachment.txt").write_bytes(b"PK\x03\x04\x00\x00 docx 20 people")
    (tmp_path / "story.txt").write_text(GOOD)
    before = digests([tmp_path])
    result = invoke(runner, "--format", "json", *DATE, str(tmp_path))
    assert result.exit_code == 0
    assert errors_of(result.stderr) == [
        f"factcheck: warning: {tmp_path / 'attachment.txt'}: binary file (contains NUL bytes), not an article; skipped"
    ]
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(tmp_path / "story.txt")]
    globbed = invoke(runner, "--format", "json", *DATE, str(tmp_path / "*.txt"))
    assert globbed.exit_code == 0 and "attachment.txt: binary file" in globbed.stderr and "warning" in globbed.stderr
    assert digests([tmp_path]) == before


def test_unreadable_file_is_reported_and_others_checked(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked, good = tmp_path / "locked.txt", tmp_path / "good.txt"
    locked.write_text(GOOD)
    good.write_text(GOOD)
    opener = os.open

    def guarded(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return opener(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    result = invoke(runner, "--format", "json", *DATE, str(locked), str(good))
    assert result.exit_code == 2
    assert errors_of(result.stderr) == [f"factcheck: error: {locked}: permission denied"]
    assert len(json.loads(result.stdout)["files"]) == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(runner: CliRunner, tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    try:
        result = invoke(runner, *DATE, str(locked))
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 2 and errors_of(result.stderr) == [f"factcheck: error: {locked}: permission denied"]


def test_unreadable_folder_is_reported_and_the_rest_checked(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "secret.txt").write_text(GOOD)
    (tmp_path / "story.txt").write_text(GOOD)
    scandir = os.scandir

    def guarded(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "private":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    result = invoke(runner, "--format", "json", *DATE, str(tmp_path))
    assert result.exit_code == 2
    assert errors_of(result.stderr) == [f"factcheck: error: {tmp_path / 'private'}: cannot read folder: Permission denied"]
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(tmp_path / "story.txt")]
    top = invoke(runner, *DATE, str(tmp_path / "private"))
    assert top.exit_code == 2 and errors_of(top.stderr) == [f"factcheck: error: {tmp_path / 'private'}: cannot read folder: Permission denied"]


def test_broken_symbolic_links_are_reported_and_others_checked(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "story.txt").write_text(GOOD)
    try:
        (folder / "gone.txt").symlink_to(tmp_path / "deleted.txt")
        (tmp_path / "link.txt").symlink_to(tmp_path / "also-deleted.txt")
    except OSError:
        pytest.skip("symbolic links are not available")
    result = invoke(runner, "--format", "json", *DATE, str(tmp_path / "link.txt"), str(folder))
    assert result.exit_code == 2
    assert errors_of(result.stderr) == [
        f"factcheck: error: {tmp_path / 'link.txt'}: broken symbolic link",
        f"factcheck: error: {folder / 'gone.txt'}: broken symbolic link",
    ]
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(folder / "story.txt")]


def test_missing_file_is_reported_and_others_checked(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = invoke(runner, "--format", "json", *DATE, str(tmp_path / "nope.txt"), str(good))
    assert result.exit_code == 2
    assert errors_of(result.stderr) == [f"factcheck: error: {tmp_path / 'nope.txt'}: no such file or directory"]
    assert len(json.loads(result.stdout)["files"]) == 1


def test_file_over_max_bytes_is_refused_without_reading_it(runner: CliRunner, tmp_path: Path) -> None:
    big, good = tmp_path / "server.log.txt", tmp_path / "good.txt"
    big.write_text(GOOD * 100)
    good.write_text(GOOD)
    result = invoke(runner, "--format", "json", *DATE, "--max-bytes", "1000", str(big), str(good))
    assert result.exit_code == 2
    assert errors_of(result.stderr) == [f"factcheck: error: {big}: file is {len(GOOD) * 100} bytes, over the limit of 1000 (--max-bytes)"]
    assert len(json.loads(result.stdout)["files"]) == 1


def test_stdin_over_max_bytes_is_refused(runner: CliRunner) -> None:
    result = invoke(runner, *DATE, "--max-bytes", "100", "--stdin-filename", "draft.txt", "-", input=GOOD * 10)
    assert result.exit_code == 2
    assert errors_of(result.stderr) == ["factcheck: error: draft.txt: input is over the limit of 100 bytes (--max-bytes)"]


@pytest.mark.slow
def test_very_long_line_is_checked(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "one-line.txt"
    article.write_text(GOOD.strip() * 5000 + "\n")  # 270 KB, no line break
    result = invoke(runner, "--format", "json", *DATE, str(article))
    assert result.exit_code in (0, 1) and result.stderr == ""
    found = claims(result)
    assert len(found) >= 5000 and {c["line"] for c in found} == {1}
    assert all(len(c["sentence"]) <= 2000 for c in found)


def test_line_of_100000_digits_is_not_a_figure(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "digits.txt"
    article.write_text("1" * 100_000 + "\n" + GOOD)
    result = invoke(runner, "--format", "json", *DATE, str(article))
    assert (result.exit_code, result.stderr) == (0, "")
    assert [(c["text"], c["line"]) for c in claims(result)] == [("At least 20", 2)]


def test_report_that_cannot_be_written_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = invoke(runner, *DATE, "--output", str(tmp_path), str(good))
    assert result.exit_code == 2
    (line,) = errors_of(result.stderr)
    assert line.startswith(f"factcheck: error: {tmp_path}: cannot write report: ")
    assert [p.name for p in tmp_path.iterdir()] == ["good.txt"]


def test_report_in_a_folder_that_cannot_be_written_is_one_line(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good, report = tmp_path / "good.txt", tmp_path / "locked" / "report.json"
    good.write_text(GOOD)

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(report.parent / ".report.json.x.tmp"))

    monkeypatch.setattr("factcheck.report.output.tempfile.mkstemp", refuse)
    result = invoke(runner, *DATE, "--output", str(report), str(good))
    assert result.exit_code == 2
    assert errors_of(result.stderr) == [f"factcheck: error: {report}: cannot write report: Permission denied"]


# Bad reference data

HEADER = "metric,location,subject,value,as_of,source,source_url\n"
ROW = "members,,NATO,32,2024-03-07,NATO,https://www.nato.int/x\n"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (b"metric,value\nkilled,3\n", 1, "missing column(s): as_of, source, source_url"),
        ((HEADER + ROW + "killed,Gaza,,abc,2024-01-01,X,https://x\n").encode(), 3, "column 'value': 'abc' is not a number"),
        ((HEADER + ROW + "killed,Gaza,,3,2024-02-30,X,https://x\n").encode(), 3, "column 'as_of': '2024-02-30' is not a YYYY-MM-DD date"),
        ((HEADER + ROW + "killed,Gaza,,3,27/07/2024,X,https://x\n").encode(), 3, "column 'as_of': '27/07/2024' is not a YYYY-MM-DD date"),
        (b"", 1, "empty file: expected a header row"),
        (b"metric;location;value;as_of;source;source_url\nkilled;Gaza;3;2024-01-01;X;https://x\n", 1, "(is the delimiter a comma?)"),
        ((HEADER + ROW + 'killed,Gaza,,3,2024-01-01,"=HYPERLINK(""http://evil"",""x"")",https://x\n').encode(), 3,
         "column 'source' holds a formula-like cell '=HYPERLINK(\"http://evil\",\"x\")'"),
        ((HEADER + ROW + "killed,Gaza,,3,2024-01-01,@SUM(A1),https://x\n").encode(), 3, "column 'source' holds a formula-like cell '@SUM(A1)'"),
        ((HEADER + ROW + "killed,+Gaza,,3,2024-01-01,X,https://x\n").encode(), 3, "column 'location' holds a formula-like cell '+Gaza'"),
        ((HEADER + ROW + "killed,Gaza,,3,2024-01-01,Caf\u00e9,https://x\n").encode("cp1252"), 3, "not UTF-8 text"),
        ((HEADER + ROW + "killed,Gaza,,3,2024-01-01,X,https://x,extra\n").encode(), 3, "malformed CSV"),
    ],
    ids=["missing-columns", "wrong-type", "impossible-date", "non-iso-date", "empty", "semicolons", "hyperlink-formula",
         "at-formula", "plus-formula", "not-utf8", "extra-field"],
)
def test_bad_reference_data_names_file_and_line_and_presents_nothing(
    runner: CliRunner, tmp_path: Path, body: bytes, line: int, message: str
) -> None:
    refs, article, report = tmp_path / "refs.csv", tmp_path / "a.txt", tmp_path / "report.json"
    refs.write_bytes(body)
    article.write_text(GOOD)
    report.write_text("previous report\n")
    before = digests([tmp_path])
    result = invoke(runner, *DATE, "--refs", str(refs), "--output", str(report), str(article))
    assert result.exit_code == 2 and result.stdout == ""
    (error,) = errors_of(result.stderr)
    assert error.startswith(f"factcheck: error: {refs}:{line}: ") and message in error
    assert digests([tmp_path]) == before, "no report (not even a partial one) may be written"
    listing = invoke(runner, "refs", "check", str(refs))
    assert listing.exit_code == 2 and f"{refs}:{line}: " in listing.stderr and "Traceback" not in listing.stderr


def test_reference_csv_with_bom_is_read(runner: CliRunner, tmp_path: Path) -> None:
    refs, article = tmp_path / "refs.csv", tmp_path / "a.txt"
    refs.write_bytes(codecs.BOM_UTF8 + (HEADER + ROW).encode())
    article.write_text("NATO now has 32 members.\n")
    result = invoke(runner, "--format", "json", *DATE, "--refs", str(refs), str(article))
    assert result.exit_code == 0 and result.stderr == ""
    assert [c["verdict"] for c in claims(result)] == ["supported"]


def test_a_data_dump_is_refused_quickly_not_checked_for_minutes(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from factcheck.cli.app import app

    dump = tmp_path / "dump.txt"
    dump.write_text("1, " * 10_001 + "\n", encoding="utf-8")
    words = tmp_path / "words.txt"
    words.write_text("seven, " * 10_001, encoding="utf-8")
    for path in (dump, words):
        result = CliRunner().invoke(app, [str(path)])
        assert result.exit_code == 2
        assert f"{path}: more than 10,000 numbers, one every" in result.stderr


@pytest.mark.slow
def test_a_long_article_with_many_numbers_is_still_checked() -> None:
    from factcheck.pipeline import check

    paragraph = "Officials said 1,200 people were killed and some 250 others were abducted in the attack on the town. "
    report = check(paragraph * 6_000)  # 12,000 figures, one every 50 characters
    assert len(report.claims) == 12_000
