from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.read.decode import decode, read_path
from factcheck.read.document import Document


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Café 39,000".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Café 39,000".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Café 39,000".encode("utf-16-le"), "utf-16"),
        ("Café \u201c39,000\u201d".encode("cp1252"), "cp1252"),
    ],
)
def test_decode_rule(data: bytes, encoding: str) -> None:
    text, used = decode(data)
    assert used == encoding
    assert "Café" in text and "39,000" in text
    assert not text.startswith("\ufeff")


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"PK\x03\x04\x00\x00", "a.txt")


def test_positions_count_code_points_and_any_line_ending() -> None:
    for newline in ("\n", "\r\n", "\r"):
        doc = Document.from_text(f"Café one{newline}Ünïcode 39,000")
        offset = doc.text.index("39,000")
        assert doc.position(offset) == (2, 9)
        assert doc.position(0) == (1, 1)


def test_markdown_masks_code_comments_and_front_matter_keeping_offsets() -> None:
    text = "---\ndate: 2024-08-20\n---\nSome `12` text <!-- 13 --> and 14.\n\n```\n15 killed\n```\n"
    doc = Document.from_text(text, path="a.md")
    assert len(doc.checked) == len(text)
    assert doc.front_matter == {"date": "2024-08-20"}
    for hidden in ("12", "13", "15", "2024"):
        assert hidden not in doc.checked
    assert doc.checked.index("14") == text.index("14")
    assert doc.checked.count("\n") == text.count("\n")


def test_html_masks_tags_and_scripts() -> None:
    text = "<p>At least <b>20</b> died.</p><script>var x = 99;</script>"
    doc = Document.from_text(text, path="a.html")
    assert "99" not in doc.checked and "<b>" not in doc.checked
    assert doc.checked.index("20") == text.index("20")


def test_read_path_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    with pytest.raises(InputError, match="over the limit"):
        read_path(big, max_bytes=10)
