"""Write the 参考数据 sheet (catalog entries and amounts per code) into an openpyxl workbook.

The content comes from ``services.reference_sheet.reference_sheet_values`` as a grid; this module
only places it: bold header with borders, codes as text, amounts ``#,##0.00``, flagged rows (any
status other than 正常) filled, header frozen, filter on the header. An earlier 参考数据 sheet is
replaced; no other sheet is touched.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from yujuesuan.workbook.render import style
from yujuesuan.workbook.save_changes import put_text

SHEET = "参考数据"
STATUS_COLUMN = 7
CODE_COLUMNS = (2, 4)
OK = "正常"
UNKNOWN_FILL = PatternFill("solid", fgColor="F8CBAD")  # 未知科目
CHANGED_FILL = PatternFill("solid", fgColor="FFE699")  # 更名 / 新增 / 名称不符
WIDTHS = {1: 10, 2: 12, 3: 6, 4: 10, 5: 32, 6: 32, 7: 36, 8: 28}
AMOUNT_WIDTH = 16


def put_reference_sheet(
    workbook: Any, values: list[list[Any]], *, header_row: int, amount_from: int
) -> Any:
    """Replace (or add) the 参考数据 sheet with ``values``; returns the worksheet."""
    if SHEET in workbook.sheetnames:
        del workbook[SHEET]
    ws = workbook.create_sheet(SHEET)
    for r, row in enumerate(values, start=1):
        for c, value in enumerate(row, start=1):
            if r > header_row and c in CODE_COLUMNS and value not in (None, ""):
                style.code(ws, r, c, str(value))
                continue
            cell = ws.cell(r, c)
            put_text(cell, value)  # printed names are the user's text: "=…" stays text
            if r > header_row and c >= amount_from:
                cell.number_format = style.AMOUNT_FORMAT
        if r == header_row:
            for c in range(1, len(row) + 1):
                ws.cell(r, c).font = style.HEADER_FONT
                ws.cell(r, c).alignment = style.CENTER
                ws.cell(r, c).border = style.BORDER
        elif r > header_row:
            _highlight(ws, r, row)
    if values:
        ws.cell(1, 1).font = style.HEADER_FONT
    width = max((len(row) for row in values), default=0)
    for c in range(1, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = WIDTHS.get(c, AMOUNT_WIDTH)
    if len(values) >= header_row:
        ws.freeze_panes = ws.cell(header_row + 1, 3).coordinate
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(width)}{len(values)}"
    return ws


def _highlight(ws: Any, r: int, row: list[Any]) -> None:
    status = str(row[STATUS_COLUMN - 1] or "") if len(row) >= STATUS_COLUMN else ""
    if not status or status == OK:
        return
    fill = UNKNOWN_FILL if status.startswith("未知") else CHANGED_FILL
    for c in range(1, len(row) + 1):
        ws.cell(r, c).fill = fill
