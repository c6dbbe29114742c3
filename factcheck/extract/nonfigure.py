"""What is written with numbers but is not a quantity: dates and their parts, clock times,
phone numbers, street numbers, codes and names with digits (COP28, F-16, G7, M23,
"Resolution 2334", "Boeing 737 MAX 9"), ordinals, ages, earthquake magnitudes.

Two patterns, both tried only where the grammar found a number (a full scan of the text
with every alternative was most of the grammar's cost): ``AT`` matches at the number's
first character ("2024-07-27", "3 p.m.", "57th", "7.7-magnitude"), ``BEFORE`` starts up to
``WINDOW`` characters before it ("March 5", "Resolution 2334", "aged 12", "magnitude 6.3").
``blocked`` returns the end of the non-figure that covers a number's start.
"""

from __future__ import annotations

import re

from factcheck.language.dates import MONTHS
from factcheck.language.trie import alternation

WINDOW = 40
_AGE_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"

# Words before a number that make it a name or code ("Resolution 2334", "MiG 29"), and the
# number words of ages ("twenty-two-year-old"); tries (``alternation``) keep the pattern fast.
CODE_WORDS = (
    "Resolution Article Route Flight Highway Chapter Section Room Gate Page Platform Line Phase Category Unit Boeing"
    " Airbus Model Version Apollo Title Proposition Amendment Protocol Paragraph Clause Rule Level Block Building Sector"
    " Camp Area Zone Bus Tower Act Bill Law No. Nos. Number Decree Order Code Directive Regulation Vol. Volume Issue"
    " Episode Season Windows iPhone Su Tu Mig MiG Il Mi An Ka Ch Patriot Iskander Shahed Kinzhal Kalibr Type"
).split() + ["Storm Shadow"]
AGE_TENS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_STREET = r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Place|Square|Way)"

AT = re.compile(
    "|".join(
        (
            rf"\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTHS}(?:,? \d{{4}}\b)?",
            r"\d{4}-\d{2}-\d{2}\b|\d{1,2}/\d{1,2}/\d{2,4}\b",
            r"(?:\d\d)?\d0s\b",
            r"\d{1,2}(?::\d{2})?(?:[ ]?(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b|hrs\b))",
            r"\d{1,2}[:.]\d{2}\b(?![.,]\d)(?=[ ]?(?:[ap]\.?m|GMT|UTC|local|hours|on\b))",
            r"\d{1,2}:\d{2}\b",
            r"\d{4}[ ]?(?:GMT|UTC|hrs|hours (?:GMT|local))\b",
            r"(?:1[89]|20)\d{2}[-\u2013/](?:(?:1[89]|20)\d{2}|\d{2})\b",
            r"\d{4}[-\u2013/]\d{2,4}\b(?= (?:season|fiscal|financial|school|academic|budget))",
            r"(?:1[-. ])?\d{3}[-.]\d{3}[-.]\d{4}\b",
            r"\d{1,3}[ -]\(?\d{2,4}\)?[ -]\d{3,4}[ -]\d{3,4}\b(?<!\d \d{3} \d{3})",
            r"\d+(?:st|nd|rd|th)\b",
            rf"\d+-year-old\b|{alternation(AGE_TENS)}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?-year-old\b",
            r"\d{1,2}(?:\.\d)?[- ]?magnitude\b|\d\.\d (?:magnitude |on the Richter scale\b)",
            r"\d\.\d(?= (?:quake|earthquake|tremor|aftershock)\b)",
            rf"(?-i:\d{{1,5}}[A-Za-z]? (?:[A-Z][a-z]+ ){{1,3}}{_STREET})",
        )
    ),
    re.I,
)

# No alternative below starts inside a word (unless with a digit) or with white space; the guard
# skips those positions before trying them all (the same matches; see test_fastpaths).
GUARD = r"(?:\b(?=\w)|(?=[^\w\s]|\d))"

BEFORE = re.compile(
    GUARD + "(?:" + "|".join(
        (
            rf"\b{MONTHS} \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? \d{{4}}\b)?",
            rf"\b{MONTHS},? \d{{4}}\b",
            r"'\d0s\b|\bmid-\d{4}s?\b",
            r"\(\d{2,4}\)[ ]?\d{3,4}[ -]?\d{3,4}\b",
            r"\+\d{1,3}[ -]\(?\d{2,4}\)?[ -]\d{3,4}[ -]\d{3,4}\b",
            r"(?-i:\b[A-Z][A-Za-z]+ \d+[A-Za-z]?(?:-\d+)? [A-Z]{2,} \d+\b)",
            rf"\b(?-i:(?=[A-Z]|iP)){alternation(CODE_WORDS)}[ ]\d+[A-Za-z]?(?:-\d+)?\b",  # "An 26", not "an 11"
            r"\b(?:pages?|paragraph|clause|section|chapter|article|resolution|room|gate|platform|route|flight|highway"
            r"|option|press|extension)[ ]\d+[A-Za-z]?\b",
            r"\b[A-Za-z]+-?\d+[A-Za-z]*(?:-\d+)?\b",
            r"(?-i:\b(?!U\.[SNK]\.|E\.U\.)(?:[A-Z]\.){2,3} ?\d+\b)",
            r"(?-i:\b(?:Group|Club) of (?:\d+|[A-Z][a-z]+)\b)",
            r"\b(?:aged|ages?) (?:between )?\d{1,3}(?:(?: and | to |[-\u2013])\d{1,3})?\b",
            rf"\b(?:children|boys|girls|kids|babies|infants|youngsters|those) (?:under|over|below|above|aged) (?:the age of )?(?:\d{{1,2}}|{_AGE_WORDS})\b",
            r"(?-i:\b[A-Z][a-z'\u2019-]+, \d{1,3}(?=, (?:who|was|is|has|had|said|told|will|would|[a-z]+ed)\b))",
            r"\bmagnitude(?:-| of )?\d{1,2}(?:\.\d)?\b",
            r"\b(?:call|phone|telephone|tel\.|hotline|on) \d{3}-\d{4}\b",
        )
    ) + ")",
    re.I,
)


def blocked(text: str, start: int, floor: int) -> int | None:
    """The end of the non-figure that covers ``start`` (a number's first character), if any.
    ``BEFORE`` is tried only where a word starts (after a blank, or after the punctuation that
    opens a word) in the ``WINDOW`` characters before: every alternative starts a word."""
    m = AT.match(text, start)
    if m:
        return m.end()
    lo = max(floor, start - WINDOW)
    limit = min(len(text), start + WINDOW)
    pos = start
    while pos > lo:
        blank = max(text.rfind(" ", lo, pos - 1), text.rfind("\n", lo, pos - 1))
        pos = blank + 1 if blank >= 0 else lo
        for at in (pos, pos + 1) if text[pos:pos + 1] in "(\"'\u201c" else (pos,):
            m = BEFORE.match(text, at, limit)
            if m and m.end() > start:
                return m.end()
    return None
