"""--jobs: worker processes give the same report, in the same order, as one process."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli.app import app
from factcheck.errors import InputError
from factcheck.parallel import default_jobs
from factcheck.pipeline import Checker, run
from factcheck.read.document import Document

from .conftest import EXAMPLES

CORPUS = Path(__file__).resolve().parent / "corpus"


def _articles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = []
    for i, source in enumerate(sorted(CORPUS.rglob("*.txt"))[:12] + sorted(EXAMPLES.iterdir())):
        target = folder / f"{i:02d}-{source.name}"
        shutil.copy(source, target)
        paths.append(target)
    bad = folder / "05-binary.txt"
    bad.write_bytes(b"\x00\x01binary")
    return sorted(paths + [bad])


def test_two_workers_give_the_report_of_one(tmp_path: Path, checker: Checker) -> None:
    targets = _articles(tmp_path)
    one_texts: dict[str, str] = {}
    two_texts: dict[str, str] = {}
    one, one_errors = run(targets, checker, texts=one_texts, jobs=1)
    two, two_errors = run(targets, checker, texts=two_texts, jobs=2)
    three, _ = run(targets, checker, jobs=3)
    assert two.model_dump() == one.model_dump() == three.model_dump()
    assert [str(e) for e in two_errors] == [str(e) for e in one_errors] and len(one_errors) == 1
    assert two_texts == one_texts and len(one_texts) == len(targets) - 1


def test_stdin_and_files_keep_their_order(tmp_path: Path, checker: Checker) -> None:
    files = _articles(tmp_path)[:3]
    targets = [files[0], Path("-"), files[1], files[2]]
    stdin = lambda: Document.from_text("Some 250 people were abducted in Israel.", path="draft.txt")  # noqa: E731
    report, _ = run(targets, checker, stdin=stdin, jobs=2)
    assert [f.path for f in report.files] == [str(files[0]), "draft.txt", str(files[1]), str(files[2])]


def test_errors_survive_the_trip_between_processes() -> None:
    error = pickle.loads(pickle.dumps(InputError("binary file", "a.txt", 3)))
    assert isinstance(error, InputError) and str(error) == "a.txt:3: binary file"


def test_cli_jobs_option(tmp_path: Path) -> None:
    _articles(tmp_path)
    runner = CliRunner()
    outputs = [runner.invoke(app, ["--format", "json", "--jobs", str(n), str(tmp_path / "articles")]) for n in (1, 2)]
    assert outputs[0].exit_code == outputs[1].exit_code
    assert outputs[0].stdout == outputs[1].stdout and '"files"' in outputs[0].stdout
    assert runner.invoke(app, ["--jobs", "0", str(EXAMPLES)]).exit_code == 2
    assert default_jobs() >= 1
