"""A fixed block of labelled rows with several amount columns each: 预算 表11's 部门总体资金情况.

Columns: the row-group label (收入构成 / 支出构成, merged down its rows) | the row label | one
column per declared column. The columns labelled 前年 / 上年 (``labels.RELATIVE_YEARS``) print
the two years before the budget year ("2022 年 | 2023 年", as published), under their group
label. Amounts print at the table's precision (``TableSpec.decimals``: 0.1 万元 on 表11).
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.spec.model import TableSpec
from yujuesuan.tables import Table
from yujuesuan.workbook.labels import RELATIVE_YEARS
from yujuesuan.workbook.render import style
from yujuesuan.workbook.render.placement import Context, Placement

# table id → (label over the two label columns, row groups as (row-key prefix, label),
#             column group as (label, its columns)); spec §4.1 表11.
BLOCKS: dict[str, tuple[str, tuple[tuple[str, str], ...], tuple[str, tuple[str, ...]]]] = {
    "bu.t11": (
        "总体资金情况",
        (("income.", "收入构成"), ("spending.", "支出构成")),
        ("近两年收支情况", ("prior2", "prior1")),
    ),
}
GROUP_WIDTH, LABEL_WIDTH, AMOUNT_WIDTH = 12.0, 14.0, 16.0


def place(ws: Worksheet, spec: TableSpec, table: Table, ctx: Context) -> Placement:
    corner, row_groups, (group, members) = BLOCKS.get(spec.id, ("项目", (), ("", ())))
    width = 2 + len(spec.columns)
    top = style.top(ctx)
    depth = 2 if members else 1
    first = top + depth
    style.heading(ws, spec, ctx, width)
    style.header(ws, top, 1, corner, rows=depth, cols=2)
    for j, column in enumerate(spec.columns):
        col = 3 + j
        label = _year_label(column.label, ctx.year)
        if column.key in members:
            if column.key == members[0]:
                style.header(ws, top, col, group, cols=len(members))
            style.header(ws, top + 1, col, label)
        else:
            style.header(ws, top, col, label, rows=depth)
    placement = Placement(spec.id, ws.title, first_data_row=first)
    number_format = "#,##0." + "0" * spec.decimals if spec.decimals else "#,##0"
    for i, row in enumerate(spec.rows):
        r = first + i
        style.label(ws, r, 2, row.label)
        for j, column in enumerate(spec.columns):
            if column.key in spec.row_columns(row.key):
                placement.cells[(row.key, column.key)] = style.amount(ws, r, 3 + j)
                ws.cell(r, 3 + j).number_format = number_format
    for prefix, label in row_groups:
        rows = [first + i for i, row in enumerate(spec.rows) if row.key.startswith(prefix)]
        if rows:
            style.header(ws, rows[0], 1, label, rows=len(rows))
    last = first + len(spec.rows) - 1
    style.boxed(ws, top, last, width)
    style.notes(ws, last + 1, spec.notes, width)
    widths = [GROUP_WIDTH, LABEL_WIDTH] + [AMOUNT_WIDTH] * len(spec.columns)
    style.page(ws, widths=widths, header_rows=(top, first - 1), first_data_row=first)
    return placement


def _year_label(label: str, year: int) -> str:
    """前年 / 上年 as the printed year ("2022 年"); any other label as declared."""
    if label not in RELATIVE_YEARS:
        return label
    return f"{year - len(RELATIVE_YEARS) + RELATIVE_YEARS.index(label)} 年"
