"""Printed names of 科目 (catalog entries) and row labels, reduced to a form that compares equal.

The published tables print one name in several ways: wrapped over lines or broken by OCR
spaces (``政府办公厅(室)及相关机 构事务``), with full-width or half-width parentheses
(``维修（护）费`` / ``维修(护)费``), behind an enumerator (``十九、住房保障支出``,
``（廿四）债务发行费用支出``) or behind the code itself (``201一般公共服务``).
Source: shared/spec/nine-tables.md §0.3 items 5-6 and §5.3.

>>> normalise_name("十三、交通运输支 出")
'交通运输支出'
>>> normalise_name("维修(护)费") == normalise_name("维修（护） 费")
True
>>> normalise_name("201一般公共服务", strip_code=True)
'一般公共服务'
"""

from __future__ import annotations

import re
import unicodedata

# Characters that are not whitespace to ``str.split`` but still show up in cells.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))

_NUMERALS = "〇零一二三四五六七八九十廿卅百"
# 一、  十九、  (一)  (廿四)  1、  1.  (1)  — after NFKC, so full-width forms are covered.
_ENUMERATOR = re.compile(
    rf"(?:\((?:[{_NUMERALS}]+|[0-9]+)\)|[{_NUMERALS}]+[、.]|[0-9]+[、.])[、.]?"
)
_CODE = re.compile(r"[0-9]+")


def normalise_name(text: str, *, strip_code: bool = False) -> str:
    """Return ``text`` with the printing differences removed, ready for ``==``.

    NFKC (full-width → half-width), every whitespace character removed, leading enumerators
    removed; with ``strip_code`` also a leading run of digits (the 科目编码 printed before
    the name). The steps repeat until nothing changes, so the result is a fixed point.
    """
    previous = None
    result = text
    while result != previous:
        previous = result
        result = _strip_prefixes(_squeeze(result), strip_code=strip_code)
    return result


def _squeeze(text: str) -> str:
    """NFKC, then drop whitespace and zero-width characters."""
    folded = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return "".join(folded.split())


def _strip_prefixes(text: str, *, strip_code: bool) -> str:
    """Remove leading enumerators (and codes), but never the whole text."""
    while True:
        match = _ENUMERATOR.match(text) or (_CODE.match(text) if strip_code else None)
        if match is None or match.end() == len(text):
            return text
        text = text[match.end() :]
