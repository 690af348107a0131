"""How a published table looks: title block, header cells, borders, notes, widths, print setup."""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.spec.model import TableSpec
from yujuesuan.workbook.render.placement import Context

AMOUNT_FORMAT = "#,##0.00"
TEXT_FORMAT = "@"
TITLE_FONT = Font(bold=True, size=16)
HEADER_FONT = Font(bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center")
_THIN = Side(style="thin")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_TOP = 4  # rows 1–3: title, 部门, 金额单位


def title(spec: TableSpec, year: int) -> str:
    return f"{year}年度{spec.name}（表{spec.number}）"


def heading(ws: Worksheet, spec: TableSpec, ctx: Context, width: int) -> None:
    """Title (merged across the table, bold, larger), then the 部门 and 金额单位 lines."""
    ws.cell(1, 1, title(spec, ctx.year)).font = TITLE_FONT
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 30
    ws.cell(2, 1, f"部门：{ctx.unit}")
    ws.cell(3, 1, "金额单位：万元")


def header(ws: Worksheet, row: int, col: int, text: str | int, *, rows: int = 1, cols: int = 1) -> None:
    """One header cell, merged over ``rows`` × ``cols`` when larger than one cell."""
    cell = ws.cell(row, col, text)
    cell.font = HEADER_FONT
    cell.alignment = CENTER
    if rows > 1 or cols > 1:
        ws.merge_cells(start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + cols - 1)


def label(ws: Worksheet, row: int, col: int, text: str, *, indent: int = 0) -> None:
    if text:
        ws.cell(row, col, text).alignment = Alignment(horizontal="left", vertical="center", indent=indent)


def code(ws: Worksheet, row: int, col: int, value: str) -> None:
    """A 科目编码, always as text (never a number that loses leading zeros or turns 1e+6)."""
    cell = ws.cell(row, col, value)
    cell.number_format = TEXT_FORMAT
    cell.data_type = "s"
    cell.alignment = LEFT


def amount(ws: Worksheet, row: int, col: int) -> str:
    """Format an amount cell and return its address (the value or formula comes later)."""
    cell = ws.cell(row, col)
    cell.number_format = AMOUNT_FORMAT
    return cell.coordinate


def boxed(ws: Worksheet, top: int, bottom: int, width: int) -> None:
    for r in range(top, bottom + 1):
        for c in range(1, width + 1):
            ws.cell(r, c).border = BORDER


def notes(ws: Worksheet, row: int, lines: Iterable[str], width: int) -> int:
    """The 注 lines under the table, each on its own row merged across the width; next free row."""
    for text in lines:
        ws.cell(row, 1, text).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    return row


def page(
    ws: Worksheet, *, widths: Iterable[float], header_rows: tuple[int, int], first_data_row: int
) -> None:
    """Column widths, frozen panes under the header, A4 fitted to the page width."""
    widths = list(widths)
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = f"A{first_data_row}"
    ws.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if len(widths) > 6 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
