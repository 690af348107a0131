"""Small helpers over a sheet grid: addresses, text, integer-like labels, the 栏次 row."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from yujuesuan.workbook.open import Grid

_FULL = str.maketrans("０１２３４５６７８９（）", "0123456789()")
_NOTE = re.compile(r"^(注|说明|备注|[0-9]\s*[.、．]\s*本)")


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → "A", 27 → "AB")."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def address(row: int, col: int) -> str:
    return f"{column_letter(col)}{row + 1}"


def cell(grid: Grid, row: int, col: int) -> Any:
    if row < len(grid) and col < len(grid[row]):
        return grid[row][col]
    return None


def text(value: Any) -> str:
    """Cell text with all whitespace removed and full-width digits/parentheses made ASCII."""
    if value is None:
        return ""
    return re.sub(r"\s+", "", str(value)).translate(_FULL)


def int_like(value: Any) -> int | None:
    """1, 1.0, "1", " 1 " → 1; anything else → None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else None
    t = text(value)
    return int(t) if t.isascii() and t.isdigit() and len(t) <= 3 else None


def is_note(value: Any) -> bool:
    """A note line under the table (注：…, 说明：…, 2.本套报表…)."""
    return bool(_NOTE.match(text(value)))


def column_numbers(grid: Grid, first: int, last: int) -> tuple[int, dict[int, str]] | None:
    """The 栏次 row between rows ``first`` and ``last``: (row index, column index → 栏次 key).

    A 栏次 row holds the numbers 1..k left to right and nothing else but 栏次 labels.
    """
    for r in range(first, min(last, len(grid))):
        numbers: dict[int, str] = {}
        labelled = False
        ok = True
        for c, value in enumerate(grid[r]):
            t = text(value)
            if not t:
                continue
            n = int_like(value)
            if n is not None and n == len(numbers) + 1:
                numbers[c] = str(n)
            elif t in ("栏次", "栏", "次"):
                labelled = True
            else:
                ok = False
                break
        if ok and numbers and (labelled or len(numbers) >= 3):
            return r, numbers
    return None
