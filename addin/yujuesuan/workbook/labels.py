"""Read budget tables that print no 行次 or 栏次: rows and columns are found by their labels.

表1/表4 of the 预算 set are two-sided lists ("一、一般公共预算拨款收入 | 1,757.51 | 一、一般公共服务支出
| 1,646.28"): each label cell that names a declared row gives that row, and the cell to its right
its amount. A label printed twice (表4's "(一) 一般公共预算拨款" under 本年收入 and 上年结转) goes to
the declared rows in order. 三公 (one row of amounts) takes its columns from the header labels.
A row with several amount columns (表11's 部门总体资金情况) takes them from the headers above it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal

from yujuesuan.reference.names import normalise_name
from yujuesuan.spec.model import ColumnSpec
from yujuesuan.tables import Table
from yujuesuan.workbook.grid import address, cell, text

RELATIVE_YEARS = ("前年", "上年")  # column labels for the two years printed before the budget year
_YEAR_HEADER = re.compile(r"^20\d{2}年(度)?$")
AmountReader = Callable[[int, int, tuple[str, str]], "Decimal | None"]


def column_labels(columns: Iterable[ColumnSpec]) -> dict[str, str]:
    """Printed header text (normalised) → column key, for every column's label and aliases."""
    return {normalise_name(n): c.key for c in columns for n in (c.label, *c.aliases)}


def read_labelled_rows(
    grid: list, start: int, end: int, table: Table, amount: AmountReader
) -> None:
    spec = table.spec
    pending: dict[str, list[str]] = {}
    header: dict[str, int] | None = None
    for row in spec.rows:
        if row.label:
            pending.setdefault(normalise_name(row.label), []).append(row.key)
    for r in range(start + 1, end):
        for c, value in enumerate(grid[r] if r < len(grid) else []):
            if not isinstance(value, str) or not text(value):
                continue
            keys = pending.get(normalise_name(text(value)))
            if not keys:
                continue
            key = keys.pop(0)
            columns = spec.row_columns(key)
            table.add_row(key, text(value), address(r, c))
            if len(columns) == 1:
                table.set(key, columns[0], amount(r, c + 1, (key, columns[0])), address(r, c + 1))
                continue
            if header is None:  # a block of rows with several amounts each (表11)
                header = header_columns(grid, start, r, table)
            for col in (k for k in columns if k in header):
                table.set(key, col, amount(r, header[col], (key, col)), address(r, header[col]))


def header_columns(grid: list, start: int, first_row: int, table: Table) -> dict[str, int]:
    """Column key -> grid column, from the header cells above the first labelled row (the lowest
    header cell of a column decides). Year headers ("2022 年 | 2023 年") stand for the columns
    labelled ``RELATIVE_YEARS``, in printed order, so the layout is the same every year."""
    labels = column_labels(table.spec.columns)
    relative = [labels[y] for y in RELATIVE_YEARS if y in labels]
    found: dict[str, int] = {}
    for r in range(start + 1, first_row):
        row = grid[r] if r < len(grid) else []
        years = [c for c, v in enumerate(row) if _YEAR_HEADER.match(text(v))]
        if relative and len(years) == len(relative):
            found.update(zip(relative, years))
        for c, v in enumerate(row):
            key = labels.get(normalise_name(text(v))) if text(v) else None
            if key is not None:
                found[key] = c
    return found


def read_labelled_single_row(
    grid: list, start: int, end: int, table: Table, amount: AmountReader
) -> None:
    spec = table.spec
    labels = column_labels(spec.columns)
    columns: dict[str, int] = {}
    last_header = None
    for r in range(start + 1, end):
        row = grid[r] if r < len(grid) else []
        found = {
            labels[n]: c
            for c, v in enumerate(row)
            if text(v) and (n := normalise_name(text(v))) in labels
        }
        if found:
            columns.update(found)
            last_header = r
        elif (
            last_header is not None
            and columns
            and any(text(cell(grid, r, c)) for c in columns.values())
        ):
            key = spec.rows[0].key
            table.add_row(key, "", address(r, min(columns.values())))
            for col, c in columns.items():
                table.set(key, col, amount(r, c, (key, col)), address(r, c))
            return
