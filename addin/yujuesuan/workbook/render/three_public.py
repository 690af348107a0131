"""“三公”经费表: one row, 预算数 over 栏1–6 and 决算数 over 栏7–12; in each half 合计,
因公出国（境）费, 公务用车购置及运行费 (小计 | 公务用车购置费 | 公务用车运行费) and 公务接待费.
The header labels are the spec's column labels without their 预算数/决算数 prefix."""

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
    half = len(columns) // len(HALVES)
    width = len(columns)
    top = style.HEADER_TOP
    first = top + 4
    style.heading(ws, spec, ctx, width)
    for h, name in enumerate(HALVES):
        start = 1 + h * half
        style.header(ws, top, start, name, cols=half)
        for i in range(half):
            col, text = start + i, columns[h * half + i].label.removeprefix(name)
            if i == CAR_COLUMNS[0]:
                style.header(ws, top + 1, col, CAR, cols=len(CAR_COLUMNS))
                style.header(ws, top + 2, col, text.removeprefix(CAR) or text)
            elif i in CAR_COLUMNS:
                style.header(ws, top + 2, col, text)
            else:
                style.header(ws, top + 1, col, text, rows=2)
    placement = Placement(spec.id, ws.title, first_data_row=first)
    row = spec.rows[0].key
    for j, column in enumerate(columns):
        style.header(ws, top + 3, 1 + j, int(column.key))
        placement.cells[(row, column.key)] = style.amount(ws, first, 1 + j)
    style.boxed(ws, top, first, width)
    style.notes(ws, first + 1, spec.notes, width)
    style.page(ws, widths=[WIDTH] * width, header_rows=(top, top + 3), first_data_row=first)
    return placement
