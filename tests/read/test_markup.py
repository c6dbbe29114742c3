"""Markdown masking by a CommonMark parser: code, HTML, references and front matter are
blanked in place (same length, same lines), prose is kept at its offsets."""

from __future__ import annotations

import re

import pytest

from factcheck.read.document import Document
from factcheck.read.markup import comments, front_matter


def kept(text: str, path: str = "a.md") -> list[str]:
    doc = Document.from_text(text, path=path)
    assert len(doc.checked) == len(text) and doc.checked.count("\n") == text.count("\n")
    for m in re.finditer(r"\S+", doc.checked):
        assert text[m.start():m.end()] == m.group(0), "prose stays at its offset"
    return re.findall(r"\d+", doc.checked)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("````\n```\n11\n```\n````\n22 after\n", ["22"]),  # a longer fence holds a shorter one
        ("~~~\n11\n~~~~\n22 after\n", ["22"]),  # closed by a fence at least as long
        ("```\n11 never closed\n", []),  # an unclosed fence runs to the end
        ("> ```\n> 11\n> ```\n> 22 quoted\n", ["22"]),  # fences in containers
        ("- item 22\n\n      ```\n      11\n      ```\n", ["22"]),  # code in a list item
        ("[id]: https://example.org/11 \"title 12\"\n\n22 prose\n", ["22"]),  # a link reference definition
        ("Text 22 [a](https://x.org/11 \"t 12\") and <https://x.org/13> and `14` and ``a ` 15`` 23\n", ["22", "23"]),
        ("<div>\n<span title=\"11\">22</span>\n</div>\n", ["22"]),  # an HTML block keeps its text, not its tags
        ("<pre>\n11\n</pre>\n\n22\n", ["22"]),  # but a <pre> block is code
        ("<!--\n11\n-->\n22\n", ["22"]),
        ("    11 indented code\n\n22\n", ["22"]),
        ("| a | b |\n|---|---|\n| 22 | `11` |\n", ["22"]),
        ("Not `code 22\n", ["22"]),  # an unmatched backtick is text
        ("\\`11 escaped\\` 22\n", ["11", "22"]),
    ],
)
def test_commonmark_blocks_and_inlines(text: str, numbers: list[str]) -> None:
    assert kept(text) == numbers


def test_yaml_and_toml_front_matter_are_parsed() -> None:
    end, keys = front_matter("---\ntitle: \"A: b\"\ndate: 2024-07-27\ntags: [x]\n---\nbody\n")
    assert keys == {"title": "A: b", "date": "2024-07-27"}
    assert front_matter("---\ndate: 2024-07-27\nn: " + "9" * 5000 + "\n---\nbody\n")[1]["date"] == "2024-07-27"  # read line by line
    assert front_matter("+++\ndate = 2024-07-27\n+++\nbody")[1] == {"date": "2024-07-27"}
    broken = "---\ndate: 2024-07-27\n: [unbalanced\n---\nbody\n"
    assert front_matter(broken)[1]["date"] == "2024-07-27" and broken[front_matter(broken)[0]:] == "body\n"
    assert kept("---\ndate: 2024-07-27\n---\n22\n") == ["22"]


def test_comments_are_found_in_markup_only() -> None:
    text = "```\n<!-- in code -->\n```\n<!-- a -->\n\nText `<!-- b -->` <!-- c -->\n"
    found = [text[s:e] for s, e in comments(text, "markdown")]
    assert found == ["<!-- a -->", "<!-- c -->"]
