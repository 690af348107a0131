"""“三公”经费表: one row of amounts: 合计, 因公出国（境）费, 公务用车购置及运行费 (小计 | 公务用车购置费
| 公务用车运行费) and 公务接待费. 决算: 预算数 over 栏1–6 and 决算数 over 栏7–12, then the 栏次 row;
the header labels are the spec's column labels without their 预算数/决算数 prefix. 预算 (表7): the
six columns once, no 栏次."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.spec.model import TableSpec
from yujuesuan.tables import Table
from yujuesuan.workbook.render import style
from yujuesuan.workbook.render.placement import Context, Placement

HALVES = ("预算数", "决算数")
CAR = "公务用车购置及运行费"
CAR_COLUMNS = (2, 3, 4)  # positions within a half: 小计, 购置费, 运行费
WIDTH = 12.0


def place(ws: Worksheet, spec: TableSpec, table: Table, ctx: Context) -> Placement:
    columns = spec.columns
    numbered = style.numbered(spec)
    halves = HALVES if numbered else ("",)
    half = len(columns) // len(halves)
    width = len(columns)
    top = style.top(ctx)
    items = top + 1 if numbered else top  # the row of the item labels, under 预算数/决算数
    first = items + 2 + (1 if numbered else 0)
    style.heading(ws, spec, ctx, width)
    for h, name in enumerate(halves):
        start = 1 + h * half
        if name:
            style.header(ws, top, start, name, cols=half)
        for i in range(half):
            col, text = start + i, columns[h * half + i].label.removeprefix(name)
            if i == CAR_COLUMNS[0]:
                style.header(ws, items, col, CAR, cols=len(CAR_COLUMNS))
                style.header(ws, items + 1, col, text.removeprefix(CAR) or text)
            elif i in CAR_COLUMNS:
                style.header(ws, items + 1, col, text)
            else:
                style.header(ws, items, col, text, rows=2)
    placement = Placement(spec.id, ws.title, first_data_row=first)
    row = spec.rows[0].key
    for j, column in enumerate(columns):
        if numbered:
            style.header(ws, items + 2, 1 + j, int(column.key))
        placement.cells[(row, column.key)] = style.amount(ws, first, 1 + j)
    style.boxed(ws, top, first, width)
    style.notes(ws, first + 1, spec.notes, width)
    style.page(ws, widths=[WIDTH] * width, header_rows=(top, first - 1), first_data_row=first)
    return placement
