"""Parser for the identities printed under the published tables (表下注).

The seeds print them as ``27行 = (1+2+3+4+5+6+7+8) 行``, ``57行 = (31+32+...+56) 行``,
``1栏各行 = (2+3+4+5+6) 栏各行``, ``6栏各行 = (1+2-3) 栏各行``; one seed prints "－" for "=",
another superscript digits (``²⁷ 行=``). This is a small parser for exactly that notation — no
eval — raising ``SpecError`` on anything else.

>>> parse("27行－（1+2+3）行")
Identity(axis='行', target=27, terms=((1, 1), (1, 2), (1, 3)), each_row=False)
>>> parse("⁵⁸ 行= (32+33+…+57) 行").terms[-1]
(1, 57)
>>> render(parse("6栏各行 = (1+2-3) 栏各行"))
'6栏各行 = (1+2-3) 栏各行'
>>> [i.target for i in split_note("27行 = (1+2+3+4+5+6+7+8) 行； 30行 = (27+28+29) 行；")]
[27, 30]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yujuesuan.errors import SpecError

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９（）＋－＝", "0123456789()+-=")
_ELLIPSIS = re.compile(r"\.{2,}|…+|。{3,}")
_FORM = re.compile(r"^(\d{1,3})(行|栏)(各行)?(?:=|-)\((.+)\)(行|栏)(各行)?$")
_NUMBER = r"\d{1,3}"  # 行次 and 栏次 stay below 1000 (a range can never expand without bound)


@dataclass(frozen=True, slots=True)
class Identity:
    """``target`` = signed sum of ``terms``, along rows (行) or columns (栏)."""

    axis: str  # "行" or "栏"
    target: int
    terms: tuple[tuple[int, int], ...]  # (sign, number)
    each_row: bool  # "栏各行": the column identity holds on every row


def normalise(text: str) -> str:
    """Canonical spelling: half-width, no spaces, '…' for any ellipsis, '=' for the printed dash."""
    text = text.translate(_SUPERSCRIPTS).translate(_FULL_WIDTH)
    text = re.sub(r"\s+", "", text)
    return _ELLIPSIS.sub("…", text).rstrip("。；;.")


def parse(text: str) -> Identity:
    compact = _ELLIPSIS.sub("~", normalise(text))
    match = _FORM.match(compact)
    if not match:
        raise SpecError(f"无法解析表下注：{text!r}")
    target, axis, each, body, axis2, each2 = match.groups()
    if axis != axis2 or bool(each) != bool(each2):
        raise SpecError(f"表下注左右单位不一致：{text!r}")
    return Identity(axis=axis, target=int(target), terms=_terms(body, text), each_row=bool(each))


def _terms(body: str, text: str) -> tuple[tuple[int, int], ...]:
    tokens = re.findall(rf"([+-]?)({_NUMBER}(?!\d)|~)", body)
    if "".join(s + t for s, t in tokens) != body.lstrip("+"):
        raise SpecError(f"表下注中有无法识别的符号：{text!r}")
    out: list[tuple[int, int]] = []
    for i, (sign, token) in enumerate(tokens):
        if token != "~":
            out.append((-1 if sign == "-" else 1, int(token)))
            continue
        if not out or i + 1 >= len(tokens) or tokens[i + 1][1] == "~":
            raise SpecError(f"省略号两侧须为数字：{text!r}")
        start, stop = out[-1][1], int(tokens[i + 1][1])
        if stop <= start:
            raise SpecError(f"省略号范围不递增：{text!r}")
        out.extend((1, n) for n in range(start + 1, stop))
    return tuple(out)


def render(identity: Identity) -> str:
    """Inverse of ``parse`` up to spacing and ellipsis (ranges are written out in full)."""
    body = "".join(("-" if s < 0 else "+") + str(n) for s, n in identity.terms).lstrip("+")
    each = "各行" if identity.each_row else ""
    return f"{identity.target}{identity.axis}{each} = ({body}) {identity.axis}{each}"


def split_note(text: str) -> list[Identity]:
    """All identities in one printed note line, separated by '；' or ';'."""
    parts = [p for p in re.split(r"[；;]", text) if normalise(p)]
    return [parse(p) for p in parts]
