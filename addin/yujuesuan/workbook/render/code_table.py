"""表2, 表3, 表5, 政府性基金, 国有资本经营: 合计 then one row per 功能分类科目 code.

Columns: 功能分类科目编码 | 科目名称 (together under 项目) | the amount columns. A column header
spans two rows unless the column belongs to a printed group (表5 / 国有资本经营 本年支出 over
栏1–3, 政府性基金 本年支出 over 栏3–5), whose label then spans the group, with the column labels
under it. Then the 栏次 row, 合计, the code rows (款 and 项 names indented), the notes.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.spec.model import TOTAL, TableSpec
from yujuesuan.tables import Table
from yujuesuan.workbook.render import style
from yujuesuan.workbook.render.placement import Context, Placement

# Column groups as published (spec §1.5, §1.8, §1.9): table id → (group label, its columns).
GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "fa.t5": ("本年支出", ("1", "2", "3")),
    "fa.gf": ("本年支出", ("3", "4", "5")),
    "fa.gz": ("本年支出", ("1", "2", "3")),
}
CODE_WIDTH, NAME_WIDTH, AMOUNT_WIDTH = 12.0, 36.0, 14.0
_INDENT = {3: 0, 5: 1, 7: 2}


def place(ws: Worksheet, spec: TableSpec, table: Table, ctx: Context) -> Placement:
    width = 2 + len(spec.columns)
    top = style.HEADER_TOP
    first = top + 3
    style.heading(ws, spec, ctx, width)
    _header(ws, spec, top)
    placement = Placement(spec.id, ws.title, first_data_row=first)
    rows = [TOTAL] + [r for r in table.rows_seen if r != TOTAL]
    for i, key in enumerate(rows):
        r = first + i
        if key == TOTAL:
            style.header(ws, r, 1, "合计", cols=2)
        else:
            style.code(ws, r, 1, key)
            style.label(ws, r, 2, table.row_names.get(key, ""), indent=_INDENT.get(len(key), 0))
        for j, col in enumerate(spec.column_keys()):
            placement.cells[(key, col)] = style.amount(ws, r, 3 + j)
    last = first + len(rows) - 1
    style.boxed(ws, top, last, width)
    style.notes(ws, last + 1, spec.notes, width)
    widths = [CODE_WIDTH, NAME_WIDTH] + [AMOUNT_WIDTH] * len(spec.columns)
    style.page(ws, widths=widths, header_rows=(top, top + 2), first_data_row=first)
    return placement


def _header(ws: Worksheet, spec: TableSpec, top: int) -> None:
    style.header(ws, top, 1, "项目", cols=2)
    style.header(ws, top + 1, 1, "功能分类科目编码")
    style.header(ws, top + 1, 2, "科目名称")
    style.header(ws, top + 2, 1, "栏次", cols=2)
    group, members = GROUPS.get(spec.id, ("", ()))
    for j, column in enumerate(spec.columns):
        col = 3 + j
        if column.key in members:
            if column.key == members[0]:
                style.header(ws, top, col, group, cols=len(members))
            style.header(ws, top + 1, col, column.label.removeprefix(group) or column.label)
        else:
            style.header(ws, top, col, column.label, rows=2)
        style.header(ws, top + 2, col, int(column.key))
