"""The language server: checks Markdown and text documents and publishes diagnostics.

A document is checked when it opens and when it is saved, and after changes once the typing
pauses (``debounce`` seconds); checks run one at a time in a worker thread, and a result is
published only if the document has not changed meanwhile. The client sends the whole text
on every change (full sync), so offsets are always into exactly the text that was checked.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePath

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from factcheck import __version__
from factcheck.config import resolve as resolve_config
from factcheck.errors import FactcheckError
from factcheck.lsp.actions import SOURCE, Action, actions, problems
from factcheck.lsp.positions import Lines
from factcheck.models import FileReport, Severity
from factcheck.pipeline import Checker
from factcheck.read.document import Document, kind_of

LANGUAGES = frozenset({"markdown", "plaintext", "text", "mdx"})
SUFFIXES = frozenset({".md", ".markdown", ".mdx", ".txt"})
SEVERITIES = {Severity.error: lsp.DiagnosticSeverity.Error, Severity.warning: lsp.DiagnosticSeverity.Warning,
              Severity.info: lsp.DiagnosticSeverity.Information}


def load_checker(refs: list[Path], config: Path | None) -> Checker:
    """The checker a ``factcheck check`` in this folder would use (configuration found upward)."""
    settings = resolve_config(["."], config).override(refs=refs or None)
    return Checker(settings.options())


@dataclass(frozen=True)
class Checked:
    """The last check of a document: the exact text checked and its report."""

    version: int | None
    text: str
    kind: str
    report: FileReport


class FactcheckServer(LanguageServer):
    """A pygls server holding one warm checker and the last result per document."""

    def __init__(self, checker: Checker, debounce: float) -> None:
        super().__init__("factcheck", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.checker = checker
        self.debounce = debounce
        self.results: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck-lsp")

    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def wanted(self, uri: str, language: str | None) -> bool:
        return (language or "").lower() in LANGUAGES or PurePath(uri).suffix.lower() in SUFFIXES

    def _run(self, path: str, text: str) -> FileReport:
        today = dt.date.today()
        if self.checker.options.today != today:
            self.checker.options = self.checker.options.model_copy(update={"today": today})
        return self.checker.check_document(Document.from_text(text, path=path))

    async def check(self, uri: str) -> None:
        """Check the document as it is now and publish, unless it changed while being checked."""
        doc = self.workspace.get_text_document(uri)
        if not self.wanted(uri, doc.language_id):
            return
        version, text = doc.version, doc.source
        path = to_fs_path(uri) or uri
        loop = asyncio.get_running_loop()
        try:
            report = await loop.run_in_executor(self.worker, self._run, path, text)
        except FactcheckError as exc:
            self._publish(uri, version, [lsp.Diagnostic(
                range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)), message=f"factcheck: {exc.message}",
                severity=lsp.DiagnosticSeverity.Error, source=SOURCE,
            )])
            return
        now = self.workspace.get_text_document(uri)
        if now.version != version or now.source != text:
            return
        self.results[uri] = Checked(version, text, kind_of(path), report)
        self._publish(uri, version, self.diagnostics(self.results[uri]))

    def diagnostics(self, checked: Checked) -> list[lsp.Diagnostic]:
        lines = Lines(checked.text, self.encoding())
        out = []
        for p in problems(checked.report):
            out.append(lsp.Diagnostic(
                range=lsp.Range(lsp.Position(*lines.position(p.start)), lsp.Position(*lines.position(p.end))),
                message=p.message, severity=SEVERITIES[p.severity], code=p.rule, source=SOURCE,
                code_description=lsp.CodeDescription(href=p.link) if p.link else None,
                data={"claim": p.claim, "rule": p.rule},
            ))
        return out

    def _publish(self, uri: str, version: int | None, diagnostics: list[lsp.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def schedule(self, uri: str) -> None:
        """Check after the typing pauses: a newer change cancels the check it would repeat."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()

        async def later() -> None:
            await asyncio.sleep(self.debounce)
            await self.check(uri)

        task = asyncio.get_running_loop().create_task(later())
        self.pending[uri] = task
        task.add_done_callback(lambda t: self.pending.pop(uri, None) if self.pending.get(uri) is t else None)

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        checked = self.results.get(uri)
        if checked is None or self.workspace.get_text_document(uri).source != checked.text:
            return []  # stale: the next check's diagnostics bring their own actions
        lines = Lines(checked.text, self.encoding())
        start = lines.offset(params.range.start.line, params.range.start.character)
        end = lines.offset(params.range.end.line, params.range.end.character)
        diagnostics = self.diagnostics(checked)
        return [self._code_action(uri, checked, lines, a, diagnostics) for a in actions(checked.report, checked.text, checked.kind, start, end)]

    @staticmethod
    def _code_action(uri: str, checked: Checked, lines: Lines, action: Action, diagnostics: list[lsp.Diagnostic]) -> lsp.CodeAction:
        edit = lsp.TextEdit(range=lsp.Range(lsp.Position(*lines.position(action.edit.start)), lsp.Position(*lines.position(action.edit.end))),
                            new_text=action.edit.new_text)
        about = [d for d in diagnostics if isinstance(d.data, dict) and d.data.get("claim") == action.claim and d.code == action.rule]
        return lsp.CodeAction(
            title=action.title, kind=lsp.CodeActionKind.QuickFix, diagnostics=about or None, is_preferred=action.preferred or None,
            edit=lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=checked.version), edits=[edit])]),
        )


def build_server(checker: Checker, debounce: float = 0.3) -> FactcheckServer:
    """The server with its features registered."""
    server = FactcheckServer(checker, debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: FactcheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
        await ls.check(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactcheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: FactcheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
        await ls.check(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactcheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.results.pop(uri, None)
        ls._publish(uri, None, [])

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: FactcheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    return server

