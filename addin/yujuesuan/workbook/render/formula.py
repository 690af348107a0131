"""Formula text for a signed sum of cells, in the grammar every engine agrees on.

Only cell references, ranges inside ``SUM``, ``+`` and ``-`` (and, on the 校验 sheet, ``IF`` and
``ABS``): ``formulas`` 1.3.4 and WPS disagree with Excel on almost everything else (see the
design's known traps). A reference to another sheet is always quoted: ``'表3'!C8``.

>>> sum_formula([(1, "表1", "C7"), (1, "表1", "C8"), (1, "表1", "C9")], home="表1")
'=SUM(C7:C9)'
>>> sum_formula([(1, "表3", "C8")], home="表1")
"='表3'!C8"
>>> sum_formula([(1, "表8", "C7"), (1, "表8", "D7"), (-1, "表8", "E7")], home="表8")
'=C7+D7-E7'
>>> sum_formula([], home="表1")
'=0'
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

Term = tuple[int, str, str]  # (sign, sheet, address)
_SUM_OVER = 3  # more plain terms than this, or any run this long, and the sum becomes SUM(...)


def reference(sheet: str, address: str, home: str) -> str:
    if sheet == home:
        return address
    return "'" + sheet.replace("'", "''") + "'!" + address


def side(terms: Sequence[Term], home: str) -> str:
    """The expression (without "=") for a signed sum; "0" for an empty one."""
    positive = [t for t in terms if t[0] > 0]
    negative = [t for t in terms if t[0] < 0]
    runs = _runs(positive)
    if any(len(run) >= _SUM_OVER for run in runs) or len(positive) > _SUM_OVER:
        text = "SUM(" + ",".join(_range(run, home) for run in runs) + ")"
    else:
        text = "+".join(reference(s, a, home) for _, s, a in positive)
    for _, s, a in negative:
        text += "-" + reference(s, a, home)
    return text or "0"


def sum_formula(terms: Sequence[Term], home: str) -> str:
    return "=" + side(terms, home)


def _runs(terms: Sequence[Term]) -> list[list[Term]]:
    """Consecutive terms that are adjacent cells of one sheet, down a column or along a row."""
    runs: list[list[Term]] = []
    for term in terms:
        if runs and _extends(runs[-1], term):
            runs[-1].append(term)
        else:
            runs.append([term])
    return runs


def _extends(run: list[Term], term: Term) -> bool:
    last = run[-1]
    if last[1] != term[1]:
        return False
    (c0, r0), (c1, r1) = _position(last[2]), _position(term[2])
    step = (c1 - c0, r1 - r0)
    if step not in ((0, 1), (1, 0)):
        return False
    if len(run) == 1:
        return True
    (ca, ra) = _position(run[-2][2])
    return (c0 - ca, r0 - ra) == step


def _position(address: str) -> tuple[int, int]:
    letters, row = coordinate_from_string(address)
    return column_index_from_string(letters), row


def _range(run: list[Term], home: str) -> str:
    first = reference(run[0][1], run[0][2], home)
    return first if len(run) == 1 else f"{first}:{run[-1][2]}"
