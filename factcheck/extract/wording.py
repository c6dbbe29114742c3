"""What a figure counts (its metric) from the words around it: the fallback where the parse has
no answer (``metric`` reads the parse first; tests/corpus/README.md, "Metric").

Evidence, strongest first: the unit (percent; a currency is aid or money, ``money`` says which),
a compound ("10-member"), a duration in years, a head noun that names the metric by itself
("fighters", "memorandums", "deaths"), a cue verb right before the figure ("killing 1,200")
or in its clause after it ("were killed"), a weaker head noun ("prisoners", "refugees"),
and last the figure it refers back to. Nothing is looked up beyond the sentence except that.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extract.quantity import Number
from factcheck.language.lexicon import words

STRONG_METRICS = ("killed", "injured", "agreements", "detained", "missing", "hostages", "displaced")
PEOPLE_METRICS = ("fighters", "detained", "refugees", "displaced", "hostages")


@lru_cache(maxsize=1)
def strong_heads() -> dict[str, str]:
    """Head nouns that name the metric whatever the verb ("1,600 deaths are under investigation");
    in the words, without a parse to find their fate, hostages too."""
    heads = {word: metric for metric in STRONG_METRICS for word in words("extract", f"nouns-{metric}")}
    return heads | {word: "hostages" for word in words("extract", "people-hostages")}


@lru_cache(maxsize=1)
def people_heads() -> dict[str, str]:
    """People nouns that name a metric unless a single fate says otherwise: "400 prisoners have
    died" counts the dead, "killed 17 fighters" the killed; "14,000 fighters ... killed or
    taken prisoner" (several fates) counts fighters."""
    return {word: metric for metric in PEOPLE_METRICS for word in words("extract", f"people-{metric}")}


_POLICE = re.compile(r"\bpolice (?:officers|officials)\b", re.I)
_TRUCKS = frozenset("trucks lorries convoys".split())
_AID_CONTEXT = re.compile(r"\b(?:aid|humanitarian|relief)\b", re.I)
_AID_NOUN = re.compile(r"\b(?:aid|relief|humanitarian)\s+(?:trucks|lorries|convoys|deliveries|parcels|shipments)\b"
                       r"|\b(?:trucks|lorries)\s+(?:of|carrying|loaded with|with)\s+(?:aid|humanitarian|relief|food|medicine|fuel|supplies)\b", re.I)
_MEMBERS_NOUN = re.compile(r"^(?:(?-i:[A-Z][\w+-]*) )?(?:members|member (?:states|countries|nations))\b", re.I)  # "G7 members"
_DOCUMENTS_SIGNED = re.compile(r"\bsign(?:ed|ing|s)?\b", re.I)

# Cues in the figure's clause after it; the first one in the text wins.
_AFTER = [
    ("hostages", r"abducted|kidnapped|taken (?:hostage|captive)|held (?:hostage|captive)|seized|snatched"),
    ("killed", r"killed|dead|died|perished|slain|executed|massacred|murdered|drowned|lost their lives|deaths?|no longer alive"),
    ("injured", r"injured|wounded|hurt|maimed"),
    ("refugees", r"fled (?:abroad|the country|across|into|to [A-Z])|(?:to )?flee (?:abroad|the country|across|into|to [A-Z])"
                 r"|crossed (?:into|the border)|sought (?:refuge|asylum)|left (?:their|the) country|emigrated|as refugees"),
    ("displaced", r"displaced|(?:forced |driven )?(?:from|out of) their homes|fled|flee|uprooted|made homeless|evacuated"
                  r"|sheltering (?:in|at)|in (?:evacuation|displacement) (?:centres|centers|camps|sites)"),
    ("missing", r"missing|unaccounted for"),
    ("detained", r"arrested|detained|jailed|imprisoned|rounded up|taken (?:into custody|prisoner)|in detention"
                 r"|behind bars|in (?:\w+ ){0,2}(?:jails?|prisons?|detention|custody|captivity)|freed|released|(?:been|were|was) returned"
                 r"|exchanged|swapped|handed over"),
]
_AFTER_RE = re.compile("|".join(f"(?P<{metric}>\\b(?:{p})\\b)" for metric, p in _AFTER))
# Cues right before a figure (at most four words between); the nearest wins.
_BEFORE = [
    ("killed", r"kill(?:s|ed|ing)?|shot dead|shooting dead|execut(?:ed|ing)|drown(?:ed|ing)|deaths? of|(?:the )?dead (?:number|include)"
               r"|(?:death )?toll\b(?:[^.;:]|\.(?=\d)){0,100}\b(?:of|to|at|is|was|stands at|reached|passed|topped|surpassed|hit|exceeded)"),
    ("injured", r"wound(?:s|ed|ing)|injur(?:ed|ing|ies to)"),
    ("hostages", r"(?:abduction|kidnapping) of|abduct(?:s|ed|ing)?|kidnap(?:s|ped|ping)?|taking hostage|seiz(?:e|es|ed|ing)"),
    ("displaced", r"displac(?:e|es|ed|ing)|displacement of|uproot(?:s|ed|ing)|evacuat(?:e|es|ed|ing)|evacuation of"),
    ("refugees", r"refugee (?:population|numbers?) (?:of|to|at)|host(?:s|ed|ing)?"),
    ("detained", r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|jail(?:s|ed|ing)?|captur(?:e|es|ed|ing)"),
    ("released", r"releas(?:e|es|ed|ing)(?: of)?|free(?:s|d|ing)?"),
    ("fighters", r"force of|army of|strength of|deploy(?:s|ed|ing)?|force\b[^.;:]{0,40}?\bnumber(?:s|ed|ing)?"
                 r"|conscript(?:s|ed|ing)?|recruit(?:s|ed|ing)?|mobili[sz](?:e|es|ed|ing)"),
    ("agreements", r"sign(?:s|ed|ing)?"),
    ("members", r"membership (?:of|to|at)"),
]
_BEFORE_RE = re.compile("|".join(f"(?P<{metric}>\\b(?:{p})\\b)" for metric, p in _BEFORE), re.I)
_GAP = re.compile(r"(?:[ \u00a0]+[\w'-]+){0,4}[ \u00a0]+$")
_GAP_BREAK = re.compile(r"\b(?:when|which|who|where|after|before|while|because|as|since|if|that)\b|[;:]", re.I)
_SEVERAL_FATES = re.compile(r"\b(?:killed|dead|wounded|injured|captured|taken prisoner|missing|detained)\s+(?:or|and)\s+"
                            r"(?:\w+\s+)?(?:killed|wounded|injured|captured|taken prisoner|missing|detained)\b", re.I)
_ORG_AFTER = re.compile(
    r"[ \u00a0]+(?:[A-Z]|(?:bloc|alliance|group|grouping|union|organi[sz]ation|body|council|coalition|club|community"
    r"|zone|forum|assembly|league|commonwealth|federation|euro zone|eurozone)\b)"
)
_YEARS_AFTER = re.compile(r"[ \u00a0]+years?\b(?![ \u00a0-]old)", re.I)


def compound_metric(text: str, number: Number, end: int) -> str:
    """The metric a hyphenated compound names: "10-member bloc", "1,000-strong", "10-year"."""
    word = (number.compound or "").split("-")[0]
    if word in ("member", "nation", "country", "state") and _ORG_AFTER.match(text, end):
        return "members"
    if word == "strong":
        return "fighters"
    if word in ("year", "years"):
        return "years"
    return "count"


def is_years(text: str, end: int) -> bool:
    """A duration in years: "14 years", "22 years ago" (not "years old")."""
    return bool(_YEARS_AFTER.match(text, end))


def strong_noun(raw: str, head: str, sentence: str, following: str = "", context: str = "") -> str | None:
    """The metric a counted noun phrase (and the words after it) names by itself, or None;
    ``context`` is the sentence and the one before it, for trucks that carry aid."""
    if _AID_NOUN.search(raw + following) or head in _TRUCKS and _AID_CONTEXT.search(context):
        return "aid"
    if _MEMBERS_NOUN.match(raw):
        return "members"
    if people_heads().get(head) == "fighters" and _SEVERAL_FATES.search(following):
        return "fighters"
    if re.search(r"\bdisplaced\b", raw, re.I):
        return "displaced"
    if head == "documents" and _DOCUMENTS_SIGNED.search(sentence):
        return "agreements"
    return strong_heads().get(head)


def weak_noun(head: str, raw: str = "") -> str | None:
    if _POLICE.search(raw):
        return "fighters"
    return people_heads().get(head)


def cue_before(text: str, start: int, floor: int) -> str | None:
    """The metric of the nearest cue verb at most four words before the figure."""
    window_start = max(floor, start - 120)
    best: tuple[int, str] | None = None
    for m in _BEFORE_RE.finditer(text, window_start, start):
        if _GAP.match(text, m.end(), start) and not _GAP_BREAK.search(text, m.end(), start) and (best is None or m.end() >= best[0]):
            best = (m.end(), m.lastgroup or "count")
    return best[1] if best else None


def cue_after(clause: str) -> str | None:
    """The metric of the first cue in the figure's clause after it."""
    m = _AFTER_RE.search(clause)
    return m.lastgroup if m else None
