"""Narrative text as paragraphs: PDF lines joined, numbers made readable, offsets kept.

Text copied out of a PDF breaks sentences (and numbers: "财政拨款收入 455" / "7.3 万元") at
arbitrary points and separates the pieces by blank lines. A paragraph here runs until a line
ends a sentence (。；：) or a heading starts; its pieces are joined without a separator.
``normalise`` then makes full-width digits and ％ half-width, drops spaces (not tabs, which
separate table cells) and thousands separators, and remembers for each character where it
came from, so a claim can name its paragraph and character offset in the joined text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％（）", "0123456789.%()")
_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|"
    r"\d{1,2}[.．、](?=\s*[^\d\s])|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|附件)"
)
_TITLE = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
)
_SENTENCE_END = ("。",)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
SHORT_TITLE = 30


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: ``index`` counts from 1; ``origin`` is where it came from (a sheet cell)."""

    index: int
    text: str  # joined, as printed
    origin: str = ""  # "情况说明!A5" for a sheet cell; "" for a text file
    line: int = 0  # first source line (1-based) for text files


@dataclass(frozen=True)
class Normalised:
    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in the paragraph text of text[i]

    def origin(self, i: int) -> int:
        return (
            self.offsets[i]
            if i < len(self.offsets)
            else (self.offsets[-1] + 1 if self.offsets else 0)
        )


def paragraphs(text: str) -> list[Paragraph]:
    """Join PDF-broken lines into paragraphs (see the module docstring)."""
    out: list[Paragraph] = []
    parts: list[str] = []
    first_line = 0

    def close() -> None:
        if parts:
            out.append(Paragraph(len(out) + 1, "".join(parts), line=first_line))
            parts.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip(" \u3000\r")
        if not line.strip():
            continue
        heading = bool(_HEADING.match(line.translate(_FULL_WIDTH)))
        if heading or "\t" in line:
            close()
        if not parts:
            first_line = number
        parts.append(line)
        if line.endswith(_SENTENCE_END) or "\t" in line or is_title(line):
            close()
    close()
    return out


def normalise(text: str) -> Normalised:
    """Half-width digits, no spaces, no thousands separators; offsets back into ``text``."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text.translate(_FULL_WIDTH)):
        if ch in " \u3000\u00a0\r\n":
            continue
        chars.append(ch)
        offsets.append(i)
    joined = "".join(chars)
    keep = [m.start() for m in _THOUSANDS.finditer(joined)]
    for position in reversed(keep):
        del chars[position]
        del offsets[position]
    return Normalised("".join(chars), tuple(offsets))


def is_title(line: str) -> bool:
    """A section title on a line of its own ("一、收入决算情况说明", "（二）结构情况")."""
    return (
        bool(_TITLE.match(line.translate(_FULL_WIDTH)))
        and len(line) <= SHORT_TITLE
        and "。" not in line
    )
