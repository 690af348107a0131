"""Test helpers: write sheet grids back to .xlsx and transform them the way users do."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from yujuesuan.workbook.open import Grid


def write_grids(grids: dict[str, Grid], path: Path) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, grid in grids.items():
        ws = book.create_sheet(name)
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value not in (None, ""):
                    ws.cell(r, c, float(value) if isinstance(value, Decimal) else value)
    book.save(path)
    return path


def insert_blank_row(grid: Grid, at: int) -> Grid:
    return grid[:at] + [[]] + grid[at:]


def insert_blank_column(grid: Grid, at: int) -> Grid:
    return [row[:at] + [None] + row[at:] if len(row) > at else list(row) for row in grid]


def shift(grid: Grid, rows: int, cols: int) -> Grid:
    return [[] for _ in range(rows)] + [[None] * cols + list(row) for row in grid]


def amounts_as_text(grid: Grid) -> Grid:
    """Every non-integer number becomes the text a PDF copy gives ("2,397.77")."""
    return [[_as_text(v) for v in row] for row in grid]


def _as_text(value: Any) -> Any:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    if isinstance(value, float):
        return f"{value:,.2f}" if value else "0.00"
    return value


def stacked(grids: dict[str, Grid], gap: int = 3) -> dict[str, Grid]:
    """All tables one under another on a single sheet, as some units publish them."""
    out: Grid = []
    for grid in grids.values():
        out += [list(row) for row in grid] + [[] for _ in range(gap)]
    return {"公开表": out}


def code_and_name_in_one_cell(grid: Grid) -> Grid:
    """"2010350" | "事业运行" → "2010350 事业运行" | blank, wherever a code stands before a name."""
    out = []
    for row in grid:
        row = list(row)
        for c in range(len(row) - 1):
            code = str(int(row[c])) if isinstance(row[c], (int, float)) and float(row[c]).is_integer() else str(row[c] or "")
            if code.isdigit() and len(code) in (3, 5, 7) and isinstance(row[c + 1], str) and row[c + 1].strip():
                row[c], row[c + 1] = f"{code} {row[c + 1]}", None
        out.append(row)
    return out
