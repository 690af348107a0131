"""表1 and 表4: income (收入) on the left, spending (支出) on the right, each line with its 行次.

Columns: 项目 | 行次 | income amounts ‖ 项目 | 行次 | spending amounts. Header rows: 收入 / 支出
over each side, then the labels, then the 栏次 row ("栏次" under each 项目, the column numbers
over the amounts). Lines are printed side by side in 行次 order; blank-label lines keep their 行次.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.spec.model import RowSpec, TableSpec
from yujuesuan.tables import Table
from yujuesuan.workbook.render import style
from yujuesuan.workbook.render.placement import Context, Placement

LABEL_WIDTH, LINE_WIDTH, AMOUNT_WIDTH = 34.0, 6.0, 14.0


def place(ws: Worksheet, spec: TableSpec, table: Table, ctx: Context) -> Placement:
    income_col = spec.columns[0].key
    left = [r for r in spec.rows if spec.row_columns(r.key)[0] == income_col]
    right = [r for r in spec.rows if spec.row_columns(r.key)[0] != income_col]
    left_cols = [income_col]
    right_cols = [c.key for c in spec.columns if c.key != income_col]
    width = 4 + len(left_cols) + len(right_cols)
    top = style.top(ctx)
    first = top + 3
    style.heading(ws, spec, ctx, width)
    placement = Placement(spec.id, ws.title, first_data_row=first)
    right_start = 3 + len(left_cols)
    for start, side, cols in ((1, "收入", left_cols), (right_start, "支出", right_cols)):
        style.header(ws, top, start, side, cols=2 + len(cols))
        style.header(ws, top + 1, start, "项目")
        style.header(ws, top + 1, start + 1, "行次")
        style.header(ws, top + 2, start, "栏次")
        for i, col in enumerate(cols):
            style.header(ws, top + 1, start + 2 + i, _label(spec, col))
            style.header(ws, top + 2, start + 2 + i, int(col))
    for i in range(max(len(left), len(right))):
        for start, side, cols in ((1, left, left_cols), (right_start, right, right_cols)):
            if i < len(side):
                _line(ws, first + i, start, side[i], cols, spec, placement)
    last = first + max(len(left), len(right)) - 1
    style.boxed(ws, top, last, width)
    style.notes(ws, last + 1, spec.notes, width)
    widths = [LABEL_WIDTH, LINE_WIDTH] + [AMOUNT_WIDTH] * len(left_cols)
    widths += [LABEL_WIDTH, LINE_WIDTH] + [AMOUNT_WIDTH] * len(right_cols)
    style.page(ws, widths=widths, header_rows=(top, top + 2), first_data_row=first)
    return placement


def _label(spec: TableSpec, col: str) -> str:
    return next(c.label for c in spec.columns if c.key == col)


def _line(
    ws: Worksheet, row: int, start: int, line: RowSpec, cols: list[str], spec: TableSpec, placement: Placement
) -> None:
    style.label(ws, row, start, line.label)
    ws.cell(row, start + 1, line.line).alignment = style.CENTER
    for i, col in enumerate(cols):
        if col in spec.row_columns(line.key):
            placement.cells[(line.key, col)] = style.amount(ws, row, start + 2 + i)
