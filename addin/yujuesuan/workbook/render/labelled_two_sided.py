"""预算 表1 收支总表 and 表4 财政拨款收支总表: 收入 on the left, 支出 on the right, no 行次 or 栏次.

Columns: 项目 | 预算数 ‖ 项目 | 预算数, under 收 入 | 支 出 (spec §4.1). Each side's lines run down
from the top in declared order; its last ``FOOT`` lines (the totals) are printed on the table's
last rows, level with the other side's, as published (本年收入合计 beside 本年支出合计 … 收入总计
beside 支出总计). The reader finds each line by its label and takes the amount to its right.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.spec.model import RowSpec, TableSpec
from yujuesuan.tables import Table
from yujuesuan.workbook.render import style
from yujuesuan.workbook.render.placement import Context, Placement

SIDES = ("收 入", "支 出")  # over the income column's lines, then the others
ITEM = {"bu.t1": "项 目"}  # the 项目 header as printed; "项目" otherwise
FOOT = {"bu.t1": 3, "bu.t4": 1}  # closing lines per side, printed level at the bottom
LABEL_WIDTH, AMOUNT_WIDTH = 36.0, 14.0


def place(ws: Worksheet, spec: TableSpec, table: Table, ctx: Context) -> Placement:
    income = spec.columns[0].key
    sides = (
        [r for r in spec.rows if spec.row_columns(r.key)[0] == income],
        [r for r in spec.rows if spec.row_columns(r.key)[0] != income],
    )
    foot = FOOT.get(spec.id, 0)
    height = max(len(lines) - foot for lines in sides) + foot
    width = 2 * len(sides)
    top = style.top(ctx)
    first = top + 2
    style.heading(ws, spec, ctx, width)
    placement = Placement(spec.id, ws.title, first_data_row=first)
    for s, (name, lines) in enumerate(zip(SIDES, sides)):
        start = 1 + 2 * s
        style.header(ws, top, start, name, cols=2)
        style.header(ws, top + 1, start, ITEM.get(spec.id, "项目"))
        style.header(ws, top + 1, start + 1, _amount_label(spec, lines))
        for i, line in enumerate(lines):
            at = i if i < len(lines) - foot else height - (len(lines) - i)
            _line(ws, first + at, start, line, spec, placement)
    last = first + height - 1
    style.boxed(ws, top, last, width)
    style.notes(ws, last + 1, spec.notes, width)
    widths = [LABEL_WIDTH, AMOUNT_WIDTH] * len(sides)
    style.page(ws, widths=widths, header_rows=(top, top + 1), first_data_row=first)
    return placement


def _amount_label(spec: TableSpec, lines: list[RowSpec]) -> str:
    key = spec.row_columns(lines[0].key)[0] if lines else spec.columns[0].key
    return next(c.label for c in spec.columns if c.key == key)


def _line(ws: Worksheet, row: int, start: int, line: RowSpec, spec: TableSpec, placement: Placement) -> None:
    style.label(ws, row, start, line.label)
    for col in spec.row_columns(line.key)[:1]:
        placement.cells[(line.key, col)] = style.amount(ws, row, start + 1)
