"""Issue 14 through the CLI runner: each case once turned a red run green, crashed, hung,
replaced a device or forged an annotation. No traceback, no hang, no changed input, exit
codes as documented (0 clean, 1 findings, 2 input or usage error, 3 internal error)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli.app import app

from ..conftest import ROOT
from ..test_robustness import digests, errors_of

FIXTURES = ROOT / "tests" / "fixtures"
REFS = ["--refs", str(FIXTURES / "refs"), "--jobs", "1"]
KILLED = "More than 45,000 Palestinians have been killed in Gaza, according to Palestinian health authorities."  # an error
GAP = "An estimated 2.6 million people have been displaced by fighting in Myanmar."  # a warning
DATED = "Published: 2024-07-27\n\n"
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX files")


def invoke(runner: CliRunner, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), env=env)
    assert "Traceback" not in result.stderr and not isinstance(result.exception, (AssertionError, TypeError, KeyError)), result.stderr
    return result


def report_of(result) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(result.stdout)


def rules_found(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f["rule"] for file in report_of(result)["files"] for f in file["findings"]]


def subprocess_run(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess[bytes]:  # type: ignore[no-untyped-def]
    env = {**os.environ, "PYTHONPATH": str(ROOT), **kwargs.pop("env", {})}
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "factcheck", *args], stderr=subprocess.PIPE, timeout=timeout, env=env, **kwargs)


# Silent passes


def test_a_glob_finds_the_configuration_of_its_folder(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "factcheck.toml").write_text('fail-on = "warning"\nexclude = ["drafts/"]\n', encoding="utf-8")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "gap.txt").write_text(DATED + GAP, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "old.txt").write_text(DATED + KILLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, *REFS, "--format", "json", "**/*.txt")
    assert result.exit_code == 1  # fail-on = "warning" from the file
    assert [f["path"] for f in report_of(result)["files"]] == ["desk/gap.txt"]  # exclude from the file
    nested = invoke(runner, *REFS, "--format", "json", "desk/*.txt")
    assert nested.exit_code == 1


def test_a_four_backtick_fence_does_not_mask_the_rest_of_the_file(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(f"{DATED}````markdown\n```\n12 inside code\n```\n````\n\n{KILLED}\n", encoding="utf-8")
    result = invoke(runner, *REFS, "--format", "json", str(article))
    assert result.exit_code == 1 and "contradicted-figure" in rules_found(result)
    claims = report_of(result)["files"][0]["claims"]
    assert [c["text"] for c in claims] == ["More than 45,000"] and claims[0]["line"] == 9


def test_markdown_blocks_and_front_matter_are_read_by_parsers(runner: CliRunner, tmp_path: Path) -> None:
    toml = tmp_path / "toml.md"
    text = (
        "+++\ntitle = \"Toll\"\ndate = 2024-07-27\n+++\n[toll]: https://example.org/45000 \"45,000 dead\"\n\n"
        "<div class=\"note\">\n<span data-n=\"45000\">n</span>\n</div>\n\n~~~\n45,000 in code\n~~~\n\n" + KILLED + "\n"
    )
    toml.write_text(text, encoding="utf-8")
    file = report_of(invoke(runner, *REFS, "--format", "json", str(toml)))["files"][0]
    assert (file["published"], file["published_from"]) == ("2024-07-27", "article")
    assert [(c["text"], c["line"], c["column"]) for c in file["claims"]] == [("More than 45,000", 15, 1)]
    assert text[file["claims"][0]["start"]:file["claims"][0]["end"]] == "More than 45,000"
    yaml_md = tmp_path / "yaml.md"
    yaml_md.write_text("---\ntags: [a, b]\ndate: 2024-07-27\n---\n" + KILLED + "\n", encoding="utf-8")
    assert report_of(invoke(runner, *REFS, "--format", "json", str(yaml_md)))["files"][0]["published"] == "2024-07-27"


def test_a_baseline_works_from_any_folder(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.txt").write_text(DATED + KILLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert invoke(runner, *REFS, "--write-baseline", "b.json", "articles").exit_code == 0
    assert json.loads((tmp_path / "b.json").read_text())["findings"][0]["path"] == "articles/story.txt"
    monkeypatch.chdir(tmp_path / "articles")
    again = invoke(runner, *REFS, "--format", "json", "--baseline", "../b.json", ".")
    assert again.exit_code == 0 and rules_found(again) == []


def test_a_typo_in_a_suppression_is_a_finding_not_silence(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(f"{DATED}<!-- factcheck: igonre -->\n{KILLED}\n\n<!-- factcheck: ignore atribution-gap -->\n{GAP}\n", encoding="utf-8")
    result = invoke(runner, *REFS, "--format", "json", str(article))
    assert result.exit_code == 1
    findings = report_of(result)["files"][0]["findings"]
    bad = [f for f in findings if f["rule"] == "bad-suppression"]
    assert [(f["line"], f["severity"]) for f in bad] == [(3, "warning"), (6, "warning")]
    assert "'igonre' is not a factcheck directive (did you mean 'ignore'?)" in bad[0]["message"]
    assert "did you mean 'attribution-gap'?" in bad[1]["message"]
    assert {"contradicted-figure", "attribution-gap"} <= {f["rule"] for f in findings}  # nothing was silenced
    line = invoke(runner, *REFS, "--format", "line", str(article)).stdout
    assert f"{article}:3:1: warning bad-suppression:" in line


# Crashes and lost runs


@pytest.mark.parametrize("failure", ["contract", "bug"])
def test_a_bug_in_one_article_is_exit_3_and_the_others_are_reported(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str,
) -> None:
    from factcheck.errors import ContractError
    from factcheck.pipeline import Checker

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(DATED + GAP, encoding="utf-8")
    bad.write_text(DATED + KILLED, encoding="utf-8")
    check = Checker.check_document

    def broken(self, doc, published=None):  # type: ignore[no-untyped-def]
        if doc.path.endswith("bad.txt"):
            raise ContractError("figure span 3:2 breaks the extract contract", doc.path) if failure == "contract" else ZeroDivisionError("boom")
        return check(self, doc, published)

    monkeypatch.setattr(Checker, "check_document", broken)
    out = tmp_path / "report.json"
    result = invoke(runner, *REFS, "--format", "json", "-o", str(out), str(bad), str(good))
    assert result.exit_code == 3
    (line,) = errors_of(result.stderr)
    assert line.startswith(f"factcheck: internal error: {bad}: ") and line.endswith("(a bug; please report it)") and ("ContractError" if failure == "contract" else "ZeroDivisionError") in line
    assert [f["path"] for f in json.loads(out.read_text())["files"]] == [str(good)]


def test_an_unexpected_error_outside_checking_is_one_line_exit_3(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text(DATED + GAP, encoding="utf-8")

    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(sys.modules["factcheck.cli.app"], "render", explode)
    result = invoke(runner, *REFS, str(article))
    assert result.exit_code == 3
    assert errors_of(result.stderr) == ["factcheck: internal error: RuntimeError: renderer bug (a bug; please report it)"]


@POSIX
def test_a_symbolic_link_loop_is_named_and_the_rest_checked(runner: CliRunner, tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "story.txt").write_text(DATED + GAP, encoding="utf-8")
    (desk / "loop.txt").symlink_to(desk / "loop.txt")
    (desk / "sub").mkdir()
    (desk / "sub" / "self").symlink_to(desk / "sub")
    before = digests([desk / "story.txt"])
    for target in (str(desk), str(desk / "*"), str(desk / "**" / "*.txt")):
        result = invoke(runner, *REFS, "--format", "json", target)
        assert result.exit_code == 2, (target, result.stderr)
        assert f"{desk / 'loop.txt'}: symbolic link loop" in result.stderr
        assert [Path(f["path"]).name for f in report_of(result)["files"]] == ["story.txt"]
    named = invoke(runner, *REFS, str(desk / "loop.txt"))
    assert named.exit_code == 2 and errors_of(named.stderr) == [f"factcheck: error: {desk / 'loop.txt'}: symbolic link loop"]
    assert digests([desk / "story.txt"]) == before


def test_an_unreadable_folder_under_a_glob_is_named_and_the_rest_checked(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "x.txt").write_text(DATED + GAP, encoding="utf-8")
    (tmp_path / "story.txt").write_text(DATED + GAP, encoding="utf-8")
    scandir = os.scandir

    def guarded(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "private":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    result = invoke(runner, *REFS, "--format", "json", str(tmp_path / "*"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'private'}: cannot read folder: Permission denied" in result.stderr
    assert [Path(f["path"]).name for f in report_of(result)["files"]] == ["story.txt"]


@pytest.mark.parametrize(
    ("what", "content", "message"),
    [
        ("config", "a = " + "[" * 50_000 + "]" * 50_000 + "\n", "invalid TOML"),
        ("config", "fail-on = " + "9" * 5_000 + "\n", "invalid TOML"),
        ("baseline", "[" * 100_000 + "]" * 100_000, "not a baseline file"),
        ("baseline", '{"factcheck_baseline": ' + "7" * 5_000 + "}", "not a baseline file"),
    ],
    ids=["deep-toml", "huge-int-toml", "deep-json", "huge-int-json"],
)
def test_hostile_configuration_and_baseline_files_are_one_line(runner: CliRunner, tmp_path: Path, what: str, content: str, message: str) -> None:
    article, hostile = tmp_path / "a.txt", tmp_path / ("f.toml" if what == "config" else "b.json")
    article.write_text(DATED + GAP, encoding="utf-8")
    hostile.write_text(content, encoding="utf-8")
    result = invoke(runner, *REFS, f"--{what}", str(hostile), str(article))
    assert result.exit_code == 2
    (line,) = errors_of(result.stderr)
    assert line.startswith(f"factcheck: error: {hostile}") and message in line


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("option", ["--config", "--baseline", None])
def test_dev_zero_is_refused_at_once(runner: CliRunner, tmp_path: Path, option: str | None) -> None:
    article = tmp_path / "a.txt"
    article.write_text(DATED + GAP, encoding="utf-8")
    args = [option, "/dev/zero", str(article)] if option else ["/dev/zero"]
    result = invoke(runner, *REFS, *args)
    assert result.exit_code == 2
    assert errors_of(result.stderr) == ["factcheck: error: /dev/zero: is a character device, not a regular file"]


# Hangs


@POSIX
@pytest.mark.parametrize("option", ["--config", "--baseline", None])
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, option: str | None) -> None:
    fifo, article = tmp_path / "pipe", tmp_path / "a.txt"
    os.mkfifo(fifo)
    article.write_text(DATED + GAP, encoding="utf-8")
    args = [option, str(fifo), str(article)] if option else [str(fifo), str(article)]
    run = subprocess_run(*REFS, *args, timeout=30)
    assert run.returncode == 2
    assert f"{fifo}: is a named pipe (FIFO), not a regular file" in run.stderr.decode()
    assert b"Traceback" not in run.stderr


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists() or os.name != "posix", reason="needs /proc")
def test_workers_die_with_their_parent_and_release_its_output(tmp_path: Path) -> None:
    import signal
    import time

    for i in range(40):
        (tmp_path / f"{i:02d}.txt").write_text(DATED + (KILLED + " ") * 30, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "--jobs", "2", str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    children: list[int] = []
    deadline = time.monotonic() + 60
    while not children and time.monotonic() < deadline:
        try:
            children = [int(c) for c in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
        except OSError:
            break
        time.sleep(0.05)
    assert children, "no worker was started"
    proc.send_signal(signal.SIGKILL)
    reader = threading.Thread(target=proc.stdout.read)  # type: ignore[union-attr]
    reader.start()
    reader.join(30)
    assert not reader.is_alive(), "a worker still holds the caller's standard output"
    proc.wait(5)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(Path(f"/proc/{c}").exists() and "Z" not in Path(f"/proc/{c}/stat").read_text().split(")")[-1][:3] for c in children):
        time.sleep(0.1)
    assert not [c for c in children if Path(f"/proc/{c}").exists() and " Z " not in Path(f"/proc/{c}/stat").read_text()], "a worker outlived its parent"


# Outputs


@POSIX
@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_is_written_in_place_and_a_link_kept(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(DATED + GAP, encoding="utf-8")
    link = tmp_path / "null-link"
    link.symlink_to("/dev/null")
    result = invoke(runner, *REFS, "-o", str(link), str(article))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "null-link"]
    real, alias = tmp_path / "real.json", tmp_path / "alias.json"
    real.write_text("old\n")
    alias.symlink_to(real.name)
    assert invoke(runner, *REFS, "-f", "json", "-o", str(alias), str(article)).exit_code == 0
    assert alias.is_symlink() and json.loads(real.read_text())["files"][0]["path"] == str(article)


@POSIX
def test_a_fifo_output_is_written_in_place(runner: CliRunner, tmp_path: Path) -> None:
    article, fifo = tmp_path / "a.txt", tmp_path / "out.fifo"
    article.write_text(DATED + GAP, encoding="utf-8")
    os.mkfifo(fifo)
    alone = invoke(runner, *REFS, "-o", str(fifo), str(article))  # nobody reads it: an error, not a wait
    assert alone.exit_code == 2 and "a named pipe that nobody reads" in alone.stderr
    received: list[bytes] = []
    ready = threading.Event()

    def read() -> None:
        ready.set()
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    ready.wait()
    for _ in range(200):  # until the reader has opened its end
        result = invoke(runner, *REFS, "-f", "json", "-o", str(fifo), str(article))
        if result.exit_code != 2:
            break
    reader.join(30)
    assert result.exit_code == 0 and json.loads(received[0])["summary"]["warnings"] == 1
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_exit_2_with_a_message(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(DATED + GAP, encoding="utf-8")
    result = invoke(runner, *REFS, "-o", "/dev/full", str(article))
    assert result.exit_code == 2
    assert errors_of(result.stderr) == ["factcheck: error: /dev/full: cannot write report: No space left on device"]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    with open("/dev/full", "w") as full:
        run = subprocess_run(*REFS, str(article), stdout=full, timeout=120)
    assert run.returncode == 2
    assert run.stderr.decode().strip().splitlines() == ["factcheck: error: cannot write the report to standard output: No space left on device"]


# Injection


@POSIX
@pytest.mark.parametrize("fmt", ["text", "line", "markdown", "summary", "csv", "json", "sarif", "junit", "checkstyle", "gitlab"])
def test_file_names_and_article_text_never_forge_workflow_commands(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    forged = "::error file=app.js,line=1::forged"
    names = [f"a\n{forged}.txt", f"{forged}.txt"]
    for name in names:
        (tmp_path / name).write_text(DATED + GAP + f"\n\n{forged} ##[error]old syntax, 45,000 people were killed in Gaza.\n", encoding="utf-8")
    result = invoke(runner, *REFS, "--format", fmt, *[str(tmp_path / n) for n in names])
    assert result.exit_code in (0, 1), result.stderr
    for line in result.stdout.splitlines():
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line, line


def test_sarif_uris_stay_inside_the_source_root(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "repo" / "desk").mkdir(parents=True)
    (tmp_path / "outside.txt").write_text(DATED + GAP, encoding="utf-8")
    (tmp_path / "repo" / "desk" / "a.txt").write_text(DATED + GAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "repo")
    log = json.loads(invoke(runner, *REFS, "-f", "sarif", "../outside.txt", "desk/../desk/a.txt", str(tmp_path / "repo" / "desk" / "a.txt")).stdout)
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    for location in locations:
        assert ".." not in location["uri"].split("/")
        assert ("uriBaseId" in location) != location["uri"].startswith("file:")
    assert {"uri": "desk/a.txt", "uriBaseId": "%SRCROOT%"} in locations
    assert {"uri": (tmp_path / "outside.txt").as_uri()} in locations


# Unseen guesses


@pytest.mark.parametrize("fmt", ["text", "line", "json", "markdown", "sarif", "github", "junit", "gitlab", "checkstyle", "csv", "summary", "html"])
def test_an_undated_article_says_so_in_every_format(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    article = tmp_path / "undated.txt"
    article.write_text(GAP + "\n", encoding="utf-8")
    result = invoke(runner, *REFS, "--format", fmt, str(article))
    assert result.exit_code == 0, result.stderr
    assert "undated-article" in result.stdout or (fmt == "summary" and "no publication date" in result.stdout)
    if fmt == "sarif":
        run = json.loads(result.stdout)["runs"][0]
        assert run["properties"]["published_from"] == {article.as_uri(): "today"}
        assert {r["properties"]["published_from"] for r in run["results"]} == {"today"}
    if fmt == "github":
        assert all("no date in the article" in line for line in result.stdout.splitlines())


def test_a_dated_article_has_no_undated_finding(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GAP + "\n", encoding="utf-8")
    assert "undated-article" not in rules_found(invoke(runner, *REFS, "--format", "json", "--date", "2024-07-27", str(article)))
    article.write_text(DATED + GAP + "\n", encoding="utf-8")
    assert "undated-article" not in rules_found(invoke(runner, *REFS, "--format", "json", str(article)))


# Friendly CLI


def test_a_usage_error_is_one_line_and_a_hint(runner: CliRunner) -> None:
    result = invoke(runner, "--fial-on", "warning", "a.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "factcheck: error: No such option: --fial-on (Possible options: --fail-on)", "Try 'factcheck check --help' for help.",
    ]
    bad_choice = invoke(runner, "--format", "yaml", "a.txt")
    assert bad_choice.exit_code == 2 and len(bad_choice.stderr.splitlines()) == 2 and "'yaml'" in bad_choice.stderr


@pytest.mark.parametrize("command", [[], ["check"], ["render"], ["config"], ["rules"], ["schema"], ["refs"]])
def test_help_names_values_plainly(runner: CliRunner, command: list[str]) -> None:
    result = invoke(runner, *command, "--help")
    assert result.exit_code == 0
    assert not re.search(r"<(bool|str|int|float|list\[|path|int range)", result.stdout), result.stdout


def test_force_color_and_no_color(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(DATED + GAP, encoding="utf-8")
    assert "\x1b[" in invoke(runner, *REFS, str(article), env={"FORCE_COLOR": "1", "NO_COLOR": ""}).stdout
    assert "\x1b[" not in invoke(runner, *REFS, str(article), env={"FORCE_COLOR": "0", "NO_COLOR": ""}).stdout
    assert "\x1b[" not in invoke(runner, *REFS, str(article), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in invoke(runner, *REFS, "--no-color", str(article), env={"FORCE_COLOR": "1", "NO_COLOR": ""}).stdout


def test_the_progress_line_only_on_a_terminal_after_a_second() -> None:
    import io

    from factcheck.cli.common import Progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    clock = iter([0.0, 0.5, 1.5, 1.55, 3.0])
    stream = Tty()
    progress = Progress(stream, environ={}, now=lambda: next(clock))
    for done in (1, 2, 3, 4):
        progress(done, 4)
    progress.clear()
    assert stream.getvalue() == "\rfactcheck: 2 of 4 articles checked\x1b[K\rfactcheck: 4 of 4 articles checked\x1b[K\r\x1b[K"
    piped = io.StringIO()
    Progress(piped, environ={}, now=lambda: 10.0)(1, 4)
    ci = Tty()
    late = iter([0.0, 9.0])
    Progress(ci, environ={"CI": "true"}, now=lambda: next(late))(1, 4)
    assert piped.getvalue() == "" and ci.getvalue() == ""


def test_an_undecodable_article_names_the_guessed_encoding(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "ru.txt"
    article.write_bytes("Published: 2024-07-27\n\nВ Газе погибли более 39 000 человек, сообщили в министерстве.\n".encode("cp1251"))
    result = invoke(runner, *REFS, "--format", "json", str(article))
    assert result.exit_code in (0, 1)
    assert errors_of(result.stderr) == [f"factcheck: warning: {article}: not UTF-8; read as cp1251 (a guess: pass --encoding to choose)"]
    assert "погибли" in report_of(result)["files"][0]["claims"][0]["sentence"] if report_of(result)["files"][0]["claims"] else True


def test_render_turns_a_saved_report_into_any_format(runner: CliRunner, tmp_path: Path) -> None:
    article, saved = tmp_path / "a.txt", tmp_path / "r.json"
    article.write_text(DATED + KILLED, encoding="utf-8")
    invoke(runner, *REFS, "-f", "json", "-o", str(saved), str(article))
    direct = invoke(runner, *REFS, "-f", "sarif", str(article)).stdout
    assert invoke(runner, "render", "-f", "sarif", str(saved)).stdout == direct
    (tmp_path / "bad.json").write_text('{"files": 3}')
    bad = invoke(runner, "render", str(tmp_path / "bad.json"))
    assert bad.exit_code == 2 and "not a factcheck JSON report" in bad.stderr and len(bad.stderr.splitlines()) == 1


def test_a_reference_value_of_1e308_renders_in_every_format(runner: CliRunner, tmp_path: Path) -> None:
    refs, article = tmp_path / "refs.csv", tmp_path / "a.txt"
    refs.write_text(
        "metric,location,subject,value,as_of,source,source_url\n"
        "killed,Gaza,,1e308,2024-07-01,X,https://x.org/a\nkilled,Gaza,,1e308,2024-07-20,X,https://x.org/b\n", encoding="utf-8",
    )
    article.write_text(DATED + "More than 39,000 people have been killed in Gaza, according to X.\n", encoding="utf-8")
    for fmt in ("html", "text", "sarif", "markdown", "csv"):
        result = invoke(runner, "--refs", str(refs), "--jobs", "1", "--format", fmt, str(article))
        assert result.exit_code in (0, 1), (fmt, result.stderr)
