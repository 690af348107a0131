"""Tables whose rows are codes: 合计 then one row per code (款 and 项 names indented), the notes.

决算 表2, 表3, 表5, 政府性基金, 国有资本经营: 功能分类科目编码 | 科目名称 (together under 项目) | the
amount columns, then the 栏次 row. A column header spans two rows unless the column belongs to a
printed group (表5 / 国有资本经营 本年支出 over 栏1–3, 政府性基金 本年支出 over 栏3–5), whose label
then spans the group, with the column labels under it.

预算 表2, 表3, 表5-1, 表6, 表8, 表9, 表10 print no 栏次: 科目编码 | 科目名称 | the column labels, in
one header row, or two when a group is printed (表5-1 基本支出 over 小计 | 人员经费 | 公用经费;
表6 部门预算支出经济分类科目 over the code columns, 本年一般公共预算基本支出 over the amounts).
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
    # spec §4.1
    "bu.t5": ("基本支出", ("basic", "personnel", "public")),
    "bu.t5_2": ("基本支出", ("basic", "personnel", "public")),
    "bu.t6": ("本年一般公共预算基本支出", ("total", "personnel", "public")),
    "bu.t8": ("本年政府性基金预算支出", ("total", "basic", "project")),
    "bu.t9": ("本年国有资本经营预算支出", ("total", "basic", "project")),
}
# The code columns' headers: (label over both, code, name); numbered tables print 项目 over them.
NUMBERED_CODES = ("项目", "功能分类科目编码", "科目名称")
CODES: dict[str, tuple[str, str, str]] = {
    "bu.t5_2": ("", "单位编码", "单位名称"),
    "bu.t6": ("部门预算支出经济分类科目", "科目编码", "科目名称"),
}
LABELLED_CODES = ("", "科目编码", "科目名称")
CODE_WIDTH, NAME_WIDTH, AMOUNT_WIDTH = 12.0, 36.0, 14.0
_INDENT = {3: 0, 5: 1, 7: 2}


def place(ws: Worksheet, spec: TableSpec, table: Table, ctx: Context) -> Placement:
    width = 2 + len(spec.columns)
    top = style.top(ctx)
    style.heading(ws, spec, ctx, width)
    first = top + _header(ws, spec, top)
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
    style.page(ws, widths=widths, header_rows=(top, first - 1), first_data_row=first)
    return placement


def _header(ws: Worksheet, spec: TableSpec, top: int) -> int:
    """Write the header rows; return how many there are."""
    numbered = style.numbered(spec)
    group, members = GROUPS.get(spec.id, ("", ()))
    over, code, name = NUMBERED_CODES if numbered else CODES.get(spec.id, LABELLED_CODES)
    depth = 2 if numbered or members or over else 1
    if over:
        style.header(ws, top, 1, over, cols=2)
        style.header(ws, top + 1, 1, code)
        style.header(ws, top + 1, 2, name)
    else:
        style.header(ws, top, 1, code, rows=depth)
        style.header(ws, top, 2, name, rows=depth)
    for j, column in enumerate(spec.columns):
        col = 3 + j
        if column.key in members:
            if column.key == members[0]:
                style.header(ws, top, col, group, cols=len(members))
            style.header(ws, top + 1, col, column.label.removeprefix(group) or column.label)
        else:
            style.header(ws, top, col, column.label, rows=depth)
    if not numbered:
        return depth
    style.header(ws, top + 2, 1, "栏次", cols=2)
    for j, column in enumerate(spec.columns):
        style.header(ws, top + 2, 3 + j, int(column.key))
    return 3
