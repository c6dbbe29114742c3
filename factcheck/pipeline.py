"""The pipeline: read → extract → attribute → judge → rules, for one document or many.

``Checker`` loads the reference data and gazetteer once per run. ``Checker.extract`` reads a
document into an ``Extraction`` (its figures, attributed and placed) and ``Checker.judge``
turns one into a ``FileReport``: the two halves an archive runs apart. ``check`` is the
one-call library entry for a string.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from factcheck.attribution.stage import attribute
from factcheck.errors import ContractError, FactcheckError, InputError
from factcheck.extract.describe import Organisations
from factcheck.extract.figures import extract
from factcheck.judge.suggest import suggestion
from factcheck.judge.verdict import as_reference, match
from factcheck.language.gazetteer import Gazetteer
from factcheck.models import (
    CONTESTED_METRICS,
    Claim,
    Extraction,
    Figure,
    FileReport,
    Finding,
    Located,
    PublishedFrom,
    Reason,
    Report,
    Severity,
    Verdict,
)
from factcheck.read import suppress
from factcheck.read.decode import DEFAULT_MAX_BYTES, read_path
from factcheck.read.discover import STDIN
from factcheck.read.document import Document
from factcheck.read.published import published_date
from factcheck.reference.index import ReferenceIndex
from factcheck.rules import REGISTRY, Context, bad_suppression, undated_article


class Options(BaseModel):
    """What a run is asked to do; the CLI and the config file fill it in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    published: dt.date | None = None
    today: dt.date = Field(default_factory=dt.date.today)
    refs: tuple[Path, ...] = ()
    extra_refs: tuple[Path, ...] = ()
    contested: frozenset[str] = frozenset(CONTESTED_METRICS)
    disabled: frozenset[str] = frozenset()
    severities: dict[str, Severity] = Field(default_factory=dict)
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


def check_spans(doc: Document, figures: Sequence[Figure]) -> None:
    """The extract stage's contract: spans inside the text, in order, not overlapping."""
    last = 0
    for f in figures:
        if not (last <= f.start < f.end <= len(doc.text)) or not f.sentence_start <= f.start:
            raise ContractError(f"figure span {f.start}:{f.end} breaks the extract contract", doc.path)
        last = f.end


def check_same_figures(doc: Document, before: Sequence[Figure], after: Sequence[Figure]) -> None:
    """The attribute stage's contract: the same figures, only sources added."""
    if [(f.start, f.end, f.value) for f in before] != [(f.start, f.end, f.value) for f in after]:
        raise ContractError("the attribute stage changed the figures it was given", doc.path)


class Checker:
    """Checks documents against one reference index; reuse it for many documents."""

    def __init__(self, options: Options | None = None, index: ReferenceIndex | None = None) -> None:
        self.options = options or Options()
        self.index = index or ReferenceIndex.load(self.options.refs or None, self.options.extra_refs)
        self.gazetteer = Gazetteer(self.index.aliases.table["location"])
        subjects = self.index.aliases.table["subject"]
        names = {r.subject: r.subject for r in self.index.candidates("members") if r.subject}
        self.organisations = Organisations(names | subjects | {c: c for c in subjects.values()}, self.gazetteer)
        self.context = Context(self.index, self.options.contested)

    def publication(self, doc: Document, published: dt.date | None = None) -> tuple[dt.date | None, PublishedFrom]:
        """The as-of date: the one given (here, else in the options), else the article's, else today."""
        if (published or self.options.published) is not None:
            return published or self.options.published, "option"
        found = published_date(doc)
        if found is not None:
            return found, "article"
        return self.options.today, "today"

    def extract(self, doc: Document, published: dt.date | None = None) -> Extraction:
        """Extract and attribute one document's figures; published overrides the options' date."""
        published, published_from = self.publication(doc, published)
        figures = extract(doc, self.index.aliases, self.gazetteer, published, self.organisations)
        check_spans(doc, figures)
        attributed = attribute(doc, figures, self.index.aliases)
        check_same_figures(doc, figures, attributed)
        quiet = suppress.scan(doc)
        located: list[Located] = []
        muted: dict[str, list[str]] = {}
        for figure in attributed:
            line = doc.line_of(figure.start)
            silenced = quiet.muted(figure.start, line)
            if "*" in silenced:
                continue
            placed = self._locate(doc, len(located) + 1, figure)
            if silenced:
                muted[placed.id] = sorted(silenced)
            located.append(placed)
        notes = bad_suppression.check_file(doc, quiet, self.options)
        return Extraction(path=doc.path, published=published, published_from=published_from, figures=located, muted=muted, notes=notes)

    def judge(self, extraction: Extraction) -> FileReport:
        """Judge extracted figures against the reference data and apply the rules."""
        claims = [self._claim(f, extraction.published, extraction.published_from != "today") for f in extraction.figures]
        findings = sorted(
            [x for x in self._findings(claims) if x.rule not in extraction.muted.get(x.claim, ())]
            + extraction.notes + undated_article.check_file(extraction, self.options),
            key=lambda f: (f.line, f.column, f.claim, f.rule),
        )
        return FileReport(
            path=extraction.path, published=extraction.published, published_from=extraction.published_from,
            claims=claims, findings=findings,
        )

    def check_document(self, doc: Document, published: dt.date | None = None) -> FileReport:
        """Check one document; published overrides the options' date for this document only."""
        return self.judge(self.extract(doc, published))

    def check_path(self, path: Path, published: dt.date | None = None) -> FileReport:
        return self.check_document(read_path(path, self.options.encoding, self.options.max_bytes), published)

    @staticmethod
    def _locate(doc: Document, number: int, figure: Figure) -> Located:
        line, column = doc.position(figure.start)
        end_line, end_column = doc.position(figure.end)
        return Located(
            **dict(figure), id=f"c{number}", line=line, column=column, end_line=end_line, end_column=end_column,
            text=doc.text[figure.start:figure.end],
            sentence=" ".join(doc.text[figure.sentence_start:figure.sentence_end].split()),
        )

    def _claim(self, figure: Located, published: dt.date | None, known_date: bool = True) -> Claim:
        """The claim the judge's outcome makes of a figure; known_date is False for a guessed date."""
        if figure.unreadable is not None:  # reported by the unreadable-figure rule, never judged on a guessed value
            return Claim(**dict(figure), verdict=Verdict.unverifiable, reason=Reason.unreadable,
                         message=f"not checked: the figure cannot be read safely ({figure.unreadable})")
        outcome = match(figure, self.index, published, known_date)
        return Claim(
            **dict(figure), verdict=outcome.verdict, reason=outcome.reason, reference=as_reference(outcome.reference),
            current=as_reference(outcome.current), other=as_reference(outcome.other), message=outcome.message,
            suggestion=suggestion(figure, outcome, known_date),
        )

    def _findings(self, claims: Iterable[Claim]) -> Iterable[Finding]:
        for claim in claims:
            for rule_id, registered in REGISTRY.items():
                if rule_id in self.options.disabled:
                    continue
                message = registered.check(claim, self.context)
                if message is None:
                    continue
                yield Finding(
                    rule=rule_id, severity=self.options.severities.get(rule_id, registered.rule.severity),
                    claim=claim.id, line=claim.line, column=claim.column, end_line=claim.end_line,
                    end_column=claim.end_column, message=message,
                )


def run(
    targets: Sequence[Path], checker: Checker, stdin: Callable[[], Document] | None = None, texts: dict[str, str] | None = None,
    jobs: int = 1, progress: Callable[[int, int], None] | None = None,
) -> tuple[Report, list[FactcheckError]]:
    """Check many articles; an unreadable one is reported as an error and the rest still checked.

    The problems come back in the order of targets: ``InputError`` for an article that cannot be
    read, ``InternalError`` for one whose checking met a bug (its report is lost, no other is),
    ``InputWarning`` for one checked with a remark (a guessed encoding).
    When ``texts`` is given, each article's original text is kept there by path (for HTML).
    With ``jobs`` > 1 the articles are checked in that many worker processes (``parallel``);
    reports and errors keep the order of targets whatever the number of jobs. ``progress`` is
    called with (articles done, articles in all) after each article.
    """
    from factcheck.parallel import Task, outcomes

    tasks: list[Task] = []
    for target in targets:
        if str(target) == STDIN and stdin is not None:
            try:
                tasks.append(stdin())
            except InputError as exc:
                tasks.append(exc)
        else:
            tasks.append(target)
    reports: list[FileReport] = []
    errors: list[FactcheckError] = []
    for done, (report, text, error, warning) in enumerate(outcomes(tasks, checker, jobs, keep_text=texts is not None), 1):
        if error is not None:
            errors.append(error)
        elif report is not None:
            if texts is not None and text is not None:
                texts[report.path] = text
            reports.append(report)
        if warning is not None:
            errors.append(warning)
        if progress is not None:
            progress(done, len(tasks))
    return Report.of(reports), errors


def check(text: str, *, path: str = "<text>", published: dt.date | None = None, refs: Sequence[Path | str] = (), checker: Checker | None = None) -> FileReport:
    """Check one article given as a string: the library's one-call entry point."""
    checker = checker or Checker(Options(refs=tuple(Path(r) for r in refs)))
    return checker.check_document(Document.from_text(text, path=path), published)
