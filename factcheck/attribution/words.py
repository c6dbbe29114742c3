"""The attribution stage's word lists, read from ``factcheck/attribution/data/*.txt``.

Each function names one list; the files say what belongs in them. The pipeline has no
lemmatizer, so verb lists hold every inflected form.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.language.lexicon import entries, words

PACKAGE = "attribution"


def wordlist(name: str) -> frozenset[str]:
    """The entries of ``data/<name>.txt``."""
    return words(PACKAGE, name)


def ordered(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt`` in file order."""
    return entries(PACKAGE, name)


def speech_verbs() -> frozenset[str]:
    """Reporting verbs whose content is a clause ("said", "told", "warned")."""
    return wordlist("speech-verbs")


def report_verbs() -> frozenset[str]:
    """Reporting verbs that may take a figure as their object ("reported 12 deaths")."""
    return wordlist("report-verbs")


def data_object_verbs() -> frozenset[str]:
    """Verbs that report with a data noun as their object ("put the toll at 50")."""
    return wordlist("data-object-verbs")


def action_verbs() -> frozenset[str]:
    """Verbs of action that never make a source ("pledged", "ordered", "unveiled")."""
    return wordlist("action-verbs")


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Every form that may report: speech, report and data-object verbs."""
    return speech_verbs() | report_verbs() | data_object_verbs()


def survey_verbs() -> frozenset[str]:
    return wordlist("survey-verbs")


def data_nouns() -> frozenset[str]:
    """Nouns for a source's figures ("tally", "figures", "toll")."""
    return wordlist("data-nouns")


def evidence_nouns() -> frozenset[str]:
    """What a source cites as evidence, not as a source ("survivors' accounts")."""
    return wordlist("evidence-nouns")


def generic_heads() -> frozenset[str]:
    return wordlist("generic-heads")


def standalone_heads() -> frozenset[str]:
    return wordlist("standalone-heads")


def data_heads() -> frozenset[str]:
    """Data nouns that may stand for the source whose data they are ("the figures")."""
    return data_nouns() - {"report", "analysis"}


def person_words() -> frozenset[str]:
    return wordlist("person-words")


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    """Words that make a source an organisation."""
    return (generic_heads() | standalone_heads() | wordlist("org-words")) - person_words()


def background_words() -> frozenset[str]:
    return wordlist("background")


def time_words() -> frozenset[str]:
    """Days, months and "today": a possessor that is a time is not an owner ("Monday's toll")."""
    return wordlist("time-words")


def statistic_verbs() -> frozenset[str]:
    """Verbs of a clause that states a figure ("were", "remain", "rose")."""
    return wordlist("statistic-verbs")


def people_heads() -> frozenset[str]:
    """Heads of sources that are people speaking, not institutions ("witnesses", "officials")."""
    return wordlist("people-heads")


def nounish_verbs() -> frozenset[str]:
    """Verb forms that are also nouns ("record", "reports"): a base form needs an auxiliary."""
    return wordlist("nounish-verbs")


def study_nouns() -> frozenset[str]:
    """Subjects that are studies or data ("a survey found ...")."""
    return wordlist("study-nouns")


def quantity_nouns() -> frozenset[str]:
    """Nouns that count people ("dozens", "thousands")."""
    return wordlist("quantity-nouns")


def continuation_words() -> frozenset[str]:
    """Words that carry a report on after its verb ("with", "compared", "up")."""
    return wordlist("continuation-words")


def circumstance_words() -> frozenset[str]:
    """Words opening a clause of circumstance ("as", "after", "when")."""
    return wordlist("circumstance-words")


def state_words() -> frozenset[str]:
    """Participles of a headline's elided clause ("dead", "missing")."""
    return wordlist("state-words")
