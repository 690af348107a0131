"""表6: three column groups side by side (科目编码 | 科目名称 | 决算数), 人员经费 over the first and
公用经费 over the other two; no 栏次. The footer row: 人员经费合计 with its amount under the first
group, 公用经费合计 with its amount in the last 决算数 column (as hongshan-2021 prints it)."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.spec.final_accounts.t06_basic_detail import PERSONNEL_TOTAL, PUBLIC_TOTAL
from yujuesuan.spec.model import TableSpec
from yujuesuan.tables import Table
from yujuesuan.workbook.render import style
from yujuesuan.workbook.render.placement import Context, Placement
from yujuesuan.workbook.render.rows import economic_groups

GROUP_TITLES = ("人员经费", "公用经费", "公用经费")
CODE_WIDTH, NAME_WIDTH, AMOUNT_WIDTH = 10.0, 26.0, 12.0


def place(ws: Worksheet, spec: TableSpec, table: Table, ctx: Context) -> Placement:
    groups = economic_groups(ctx.layout, table)
    amount_col = spec.column_keys()[0]
    width = 3 * len(groups)
    top = style.top(ctx)
    first = top + 2
    style.heading(ws, spec, ctx, width)
    _header(ws, top, len(groups))
    placement = Placement(spec.id, ws.title, first_data_row=first)
    for g, codes in enumerate(groups):
        for i, code in enumerate(codes):
            r, c = first + i, 1 + 3 * g
            style.code(ws, r, c, code)
            style.label(ws, r, c + 1, table.row_names.get(code, ""), indent=0 if len(code) == 3 else 1)
            placement.cells[(code, amount_col)] = style.amount(ws, r, c + 2)
    footer = first + max(len(g) for g in groups)
    style.header(ws, footer, 1, PERSONNEL_TOTAL, cols=2)
    placement.cells[(PERSONNEL_TOTAL, amount_col)] = style.amount(ws, footer, 3)
    style.header(ws, footer, 4, PUBLIC_TOTAL, cols=width - 4)
    placement.cells[(PUBLIC_TOTAL, amount_col)] = style.amount(ws, footer, width)
    style.boxed(ws, top, footer, width)
    style.notes(ws, footer + 1, spec.notes, width)
    widths = [CODE_WIDTH, NAME_WIDTH, AMOUNT_WIDTH] * len(groups)
    style.page(ws, widths=widths, header_rows=(top, top + 1), first_data_row=first)
    return placement


def _header(ws: Worksheet, top: int, count: int) -> None:
    g = 0
    while g < count:
        span = sum(1 for t in GROUP_TITLES[g:count] if t == GROUP_TITLES[g])
        style.header(ws, top, 1 + 3 * g, GROUP_TITLES[g], cols=3 * span)
        g += span
    for g in range(count):
        for i, text in enumerate(("科目编码", "科目名称", "决算数")):
            style.header(ws, top + 1, 1 + 3 * g + i, text)
