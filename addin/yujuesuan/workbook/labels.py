"""Read budget tables that print no 行次 or 栏次: rows and columns are found by their labels.

表1/表4 of the 预算 set are two-sided lists ("一、一般公共预算拨款收入 | 1,757.51 | 一、一般公共服务支出
| 1,646.28"): each label cell that names a declared row gives that row, and the cell to its right
its amount. A label printed twice (表4's "(一) 一般公共预算拨款" under 本年收入 and 上年结转) goes to
the declared rows in order. 三公 (one row of amounts) takes its columns from the header labels.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from yujuesuan.reference.names import normalise_name
from yujuesuan.tables import Table
from yujuesuan.workbook.grid import address, cell, text

AmountReader = Callable[[int, int, tuple[str, str]], "Decimal | None"]


def read_labelled_rows(
    grid: list, start: int, end: int, table: Table, amount: AmountReader
) -> None:
    spec = table.spec
    pending: dict[str, list[str]] = {}
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
            col = spec.row_columns(key)[0]
            table.add_row(key, text(value), address(r, c))
            table.set(key, col, amount(r, c + 1, (key, col)), address(r, c + 1))


def read_labelled_single_row(
    grid: list, start: int, end: int, table: Table, amount: AmountReader
) -> None:
    spec = table.spec
    labels = {normalise_name(n): c.key for c in spec.columns for n in (c.label, *c.aliases)}
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
