"""The language server driven by a scripted client over stdio, as an editor drives it:
initialize, didOpen, didChange (debounced), codeAction, didSave, shutdown, exit."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest

from ..conftest import ROOT
from .client import Client

REFS = ROOT / "tests" / "lsp" / "refs"
URI = "file:///drafts/toll.md"
ARTICLE = (
    "---\ndate: 2024-08-01\n---\n# Toll update\n\n"
    "The war goes on. \U0001f642 More than 45,000 Palestinians have been killed in Gaza, according to the Gaza Ministry of Health.\n\n"
    "Some 30,000 people have been killed in Gaza.\n"
)


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP text edits (UTF-16 positions) as a client would, last first."""
    lines = text.splitlines(keepends=True)

    def offset(pos: dict[str, int]) -> int:
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        units, i = 0, 0
        while units < pos["character"] and i < len(line):
            units += 2 if ord(line[i]) > 0xFFFF else 1
            i += 1
        return sum(len(x) for x in lines[: pos["line"]]) + i

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


@pytest.fixture(scope="module")
def session() -> Iterator[Client]:
    client = Client([sys.executable, "-m", "factcheck", "lsp", "--refs", str(REFS), "--debounce", "0.3"], cwd=str(ROOT))
    result = client.request("initialize", {
        "processId": None, "rootUri": None,
        "capabilities": {"general": {"positionEncodings": ["utf-16"]}, "textDocument": {"publishDiagnostics": {"versionSupport": True}}},
    }, timeout=120)
    assert result["capabilities"]["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert result["capabilities"]["textDocumentSync"]["change"] == 1  # full text on every change
    assert result["serverInfo"]["name"] == "factcheck"
    client.notify("initialized", {})
    yield client
    assert client.close() == 0


def _by_rule(params: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["code"]: d for d in params["diagnostics"]}


def test_scripted_session(session: Client) -> None:
    session.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": ARTICLE}})
    opened = session.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == URI, timeout=120)
    assert opened["version"] == 1
    found = _by_rule(opened)
    wrong = found["contradicted-figure"]
    assert wrong["severity"] == 1 and wrong["source"] == "factcheck"
    # line 6 of the file; the emoji before the figure is two UTF-16 units
    assert wrong["range"] == {"start": {"line": 5, "character": 20}, "end": {"line": 5, "character": 36}}
    assert "39,175 as of 2024-07-27" in wrong["message"] and "Gaza Ministry of Health" in wrong["message"]
    assert wrong["codeDescription"]["href"] == "https://example.org/gaza-moh-2024-07-27"
    gap = found["attribution-gap"]
    assert gap["severity"] == 2 and gap["range"]["start"] == {"line": 7, "character": 0}

    # typing: three quick changes, one check after the pause, for the last version only
    text = ARTICLE
    for version, extra in enumerate(("\nMore", "\nMore text", "\nMore text here."), start=2):
        text = ARTICLE + extra
        session.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": text}]})
    changed = session.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == URI, timeout=60)
    assert changed["version"] == 4, "only the last of the quick changes is checked"
    assert set(_by_rule(changed)) == set(found)

    # code actions on the contradicted figure: the current reference figure, and a suppression
    actions = session.request("textDocument/codeAction", {
        "textDocument": {"uri": URI}, "range": wrong["range"], "context": {"diagnostics": [wrong]},
    })
    titles = [a["title"] for a in actions]
    replace = next(a for a in actions if a["title"].startswith("Replace"))
    assert replace["kind"] == "quickfix" and replace["isPreferred"] is True
    assert replace["title"].startswith("Replace 'More than 45,000' with 'More than 39,")  # the judge's suggestion, or the current value
    assert replace["title"].endswith("(Gaza Ministry of Health, as of 2024-07-27)")
    assert replace["diagnostics"][0]["code"] == "contradicted-figure"
    ignore = next(a for a in actions if "ignore contradicted-figure" in a["title"])
    assert len(titles) == 2
    doc_edit = replace["edit"]["documentChanges"][0]
    assert doc_edit["textDocument"] == {"uri": URI, "version": 4}

    fixed = apply(text, doc_edit["edits"])
    assert "\U0001f642 More than 39," in fixed and "000 Palestinians" in fixed or "175 Palestinians" in fixed
    session.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 5}, "contentChanges": [{"text": fixed}]})
    after = session.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == URI and p["version"] == 5, timeout=60)
    assert "contradicted-figure" not in _by_rule(after)

    # the suppression, applied to the original text, silences exactly that rule on that figure
    silenced = apply(text, ignore["edit"]["documentChanges"][0]["edits"])
    assert "# Toll update\n\n<!-- factcheck: ignore contradicted-figure -->\nThe war goes on." in silenced
    session.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 6}, "contentChanges": [{"text": silenced}]})
    quiet = session.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == URI and p["version"] == 6, timeout=60)
    assert set(_by_rule(quiet)) == {"attribution-gap"}

    # saving checks at once; closing clears the diagnostics
    session.notify("textDocument/didSave", {"textDocument": {"uri": URI}})
    saved = session.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == URI, timeout=60)
    assert set(_by_rule(saved)) == {"attribution-gap"}
    session.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
    closed = session.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == URI, timeout=60)
    assert closed["diagnostics"] == []


def test_plain_text_documents_and_other_languages(session: Client) -> None:
    uri = "file:///drafts/note.txt"
    session.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1,
        "text": "Published 2024-08-01.\n\nMore than 45,000 people have been killed in Gaza, the Gaza Ministry of Health said.\n",
    }})
    got = session.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri, timeout=60)
    assert "contradicted-figure" in _by_rule(got)
    ignore = next(a for a in session.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": _by_rule(got)["contradicted-figure"]["range"], "context": {"diagnostics": []},
    }) if a["title"].startswith("Ignore"))
    edit = ignore["edit"]["documentChanges"][0]["edits"][0]
    assert edit["newText"] == "<!-- factcheck: ignore contradicted-figure -->\n"  # alone on its line, as plain text needs
    session.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///src/x.py", "languageId": "python", "version": 1, "text": "x = 45000\n"}})
    session.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    closed = session.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri, timeout=60)
    assert closed["diagnostics"] == []
    assert not any(m.get("params", {}).get("uri") == "file:///src/x.py" for m in session.seen)
