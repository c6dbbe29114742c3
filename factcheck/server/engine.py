"""The warm checker of one server process: loaded once at start, swapped whole on reload.

A ``Loaded`` is immutable once built: a request takes the current one and keeps it to the
end, so a reload (which builds a new one beside it, then swaps one reference) never changes
the data under a running check and never makes a request wait.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.config import Settings
from factcheck.config import resolve as resolve_config
from factcheck.errors import InputError
from factcheck.models import Reference, Report, Severity
from factcheck.pipeline import Checker
from factcheck.read.decode import decode
from factcheck.read.document import Document
from factcheck.reference.index import ReferenceIndex
from factcheck.report import Style, render
from factcheck.report.chart import series_lookup
from factcheck.server.results import ResultCache, key
from factcheck.server.schemas import MEDIA_TYPES, CheckRequest, ReferenceSummary
from factcheck.server.settings import ServeSettings

# A few sentences that take every lazy path once (the parser, dates, money), so the first
# real request is as fast as the rest.
WARM_UP = (
    "More than 39,000 people have been killed in Gaza since the war began in April 2023, "
    "the ministry said on Monday. Some 2.6 million were displaced three weeks ago, and $4.5 billion "
    "in aid was pledged, about 12% of the need, according to the UN.\n"
)


@dataclass(frozen=True)
class Loaded:
    """One generation of reference data and the checker built on it."""

    checker: Checker
    series: Callable[[Reference], Sequence[Reference]]
    min_severity: str
    severities: dict[str, Severity]
    disabled: frozenset[str]
    generation: int
    loaded_at: str

    def summary(self) -> ReferenceSummary:
        index = self.checker.index
        return ReferenceSummary(files=[str(p) for p in index.files], rows=len(index.rows), series=len(index.series))


@dataclass(frozen=True)
class Rendered:
    body: bytes
    media_type: str


class Engine:
    """Builds the checker from the settings (as ``factcheck check`` would in ``root``) and runs checks."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self._loaded: Loaded | None = None
        self._lock = threading.Lock()
        self._generation = 0
        self.results: ResultCache[Rendered] = ResultCache(settings.result_cache)
        self.attempts = 0
        self.last_error: Exception | None = None

    @property
    def loaded(self) -> Loaded:
        if self._loaded is None:
            raise RuntimeError("the engine has not loaded its data yet")
        return self._loaded

    @property
    def is_loaded(self) -> bool:
        return self._loaded is not None

    def load(self) -> Loaded:
        """Build a new generation and make it current; on an error the current one stays (and
        ``last_error`` says why). ``attempts`` counts the loads tried, done or not."""
        with self._lock:
            try:
                fresh = self._build(self._generation + 1)
            except Exception as exc:
                self.last_error = exc
                raise
            finally:
                self.attempts += 1
            self.last_error = None
            self._generation += 1
            self._loaded = fresh
            return fresh

    def _settings(self) -> Settings:
        s = self.settings
        return resolve_config([s.root], Path(s.config) if s.config else None).override(refs=[Path(r) for r in s.refs] or None)

    def check_data(self) -> None:
        """Read the configuration and reference data as a load would, without building a checker
        (the parent of worker processes checks them before starting any)."""
        ReferenceIndex.load(self._settings().refs or None)

    def _build(self, generation: int) -> Loaded:
        settings = self._settings()
        checker = Checker(settings.options())
        loaded = Loaded(
            checker=checker, series=series_lookup(checker.index), min_severity=settings.min_severity,
            severities=dict(checker.options.severities), disabled=checker.options.disabled,
            generation=generation, loaded_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        for name in ("json", "html"):
            self._render(loaded, CheckRequest(text=WARM_UP, path="warm-up.txt", format=name, published=dt.date(2024, 7, 27)))
        return loaded

    def cached(self, request: CheckRequest) -> Rendered | None:
        """The report of an identical earlier request, if it is still kept (any thread)."""
        return self.results.get(key(request, self.loaded.generation, dt.date.today()))

    def check(self, request: CheckRequest) -> Rendered:
        """The report the CLI would print for this text, path, date and format (in a worker thread)."""
        loaded = self.loaded
        name = key(request, loaded.generation, dt.date.today())
        found = self.results.get(name)
        if found is not None:
            return found
        rendered = self._render(loaded, request)
        self.results.put(name, rendered, len(rendered.body))
        return rendered

    @staticmethod
    def _render(loaded: Loaded, request: CheckRequest) -> Rendered:
        checker = loaded.checker
        today = dt.date.today()
        if checker.options.today != today:  # a server outlives the day it started on
            checker.options = checker.options.model_copy(update={"today": today})
        try:
            data = request.text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InputError(f"the text is not valid Unicode (a lone surrogate at character {exc.start})", request.path) from None
        text, used = decode(data, request.path)  # the CLI's rule: a byte-order mark, NUL bytes (binary)
        doc = Document.from_text(text, path=request.path, encoding=used)
        report = Report.of([checker.check_document(doc, request.published)])
        rich = request.format == "html"
        style = Style(
            min_severity=Severity(request.min_severity or loaded.min_severity).rank,
            texts={request.path: text} if rich else {}, series=loaded.series if rich else None,
        )
        return Rendered(render(report, request.format, style).encode("utf-8"), MEDIA_TYPES[request.format])

