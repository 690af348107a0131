"""Shared steps of the render tests: render a golden case, save it, fill in its formula values."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from yujuesuan.spec.model import TableSet
from yujuesuan.tables import Book
from yujuesuan.workbook.read import read_book
from yujuesuan.workbook.render import RenderResult, render_tables, save_workbook

UNITS = {"hongshan-2021": ("武汉市洪山区大数据中心", 2021), "wuchang-2022": ("武汉市武昌区大数据中心", 2022)}


def render_case(golden_dir: Path, case: str, out: Path) -> tuple[Book, TableSet, RenderResult, Path]:
    """Read a golden workbook, render its book into a new workbook saved at ``out``."""
    book, table_set = read_book(golden_dir / f"{case}.xlsx")
    unit, year = UNITS[case]
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    result = render_tables(workbook, table_set, book, unit=unit, year=year)
    save_workbook(workbook, out)
    return book, table_set, result, out


def with_values(path: Path, result: RenderResult, out: Path) -> Path:
    """A copy of ``path`` whose formulas are replaced by the values the render expects of them
    (what a spreadsheet would cache after calculating)."""
    workbook = openpyxl.load_workbook(path)
    for (sheet, address), value in result.expected.items():
        workbook[sheet][address] = float(value) if isinstance(value, Decimal) else value
    workbook.save(out)
    return out


def shown(book: Book) -> dict[str, dict[tuple[str, str], Decimal]]:
    """Each table's nonzero amounts (a blank and a printed 0.00 read the same)."""
    return {tid: {k: v for k, v in t.values.items() if v} for tid, t in book.tables.items()}
