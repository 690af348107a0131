"""Sheet grids (rows of values, as a ``Book`` port reads them) seen as a read-only workbook.

The 底稿 and 封面 readers of ``workbook.ledger_sheets`` take a workbook with ``sheetnames`` and
``ws.iter_rows(values_only=True)``; this gives them the grids a live Excel or a file handed over,
so the ribbon reads a workbook exactly as ``yjs build`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from yujuesuan.errors import AddinError

Grid = list[list[Any]]


class GridSheet:
    def __init__(self, grid: Grid) -> None:
        self._grid = grid

    def iter_rows(self, values_only: bool = True) -> Iterator[tuple[Any, ...]]:
        width = max((len(row) for row in self._grid), default=0)
        for row in self._grid:
            yield tuple(row) + (None,) * (width - len(row))


class GridBook:
    def __init__(self, grids: Mapping[str, Grid]) -> None:
        self._grids = grids
        self.sheetnames = list(grids)

    def __getitem__(self, name: str) -> GridSheet:
        return GridSheet(self._grids[name])


def cover_year(info: Mapping[str, Any]) -> int | None:
    """The 年度 written on the 封面 (``2021``, ``2021年``), None when there is none."""
    match = re.search(r"(20\d{2})", str(info.get("年度") or ""))
    return int(match.group(1)) if match else None


def year_from_cover(info: Mapping[str, Any], source: object, *, hint: str = "") -> int:
    """``cover_year`` or a Chinese error naming ``source`` (``hint``: how else to give it)."""
    year = cover_year(info)
    if year is None:
        raise AddinError(f"封面未填写年度（或格式不对）：{source}。请在“封面”的“年度”后填写如 2021{hint}。")
    return year


def split_address(address: str) -> tuple[int, int]:
    """"D27" → (26, 3): 0-based row and column."""
    letters = address.rstrip("0123456789")
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(address[len(letters):]) - 1, col - 1


def value_at(grid: Grid, row: int, col: int) -> Any:
    if 0 <= row < len(grid) and 0 <= col < len(grid[row]):
        return grid[row][col]
    return None
