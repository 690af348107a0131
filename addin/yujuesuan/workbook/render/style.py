"""How a published table looks: title block, header cells, borders, notes, widths, print setup."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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

@dataclass(frozen=True)
class Heading:
    """The lines a kind prints above every table ({label}, {name}, {year}, {unit} filled in);
    ``title`` is the index of the line that is the table's title (merged, large, bold)."""

    lines: tuple[str, ...]
    title: int

    @property
    def top(self) -> int:
        """The first header row of the table."""
        return len(self.lines) + 1


HEADINGS = {
    "决算": Heading(("{year}年度{name}（表{label}）", "部门：{unit}", "金额单位：万元"), title=0),
    # 预算 (spec §4.1): "表 1" above the title, which carries no year; two unit lines.
    "预算": Heading(("表 {label}", "{name}", "部门/单位：{unit}", "单位：万元"), title=1),
}


def top(ctx: Context) -> int:
    return HEADINGS[ctx.kind].top


def numbered(spec: TableSpec) -> bool:
    """Whether the table prints a 栏次 row: its columns are keyed by number (决算), not by name."""
    return all(c.key.isdigit() for c in spec.columns)


def heading(ws: Worksheet, spec: TableSpec, ctx: Context, width: int) -> None:
    """The kind's heading lines; the title merged across the table, bold and larger."""
    form = HEADINGS[ctx.kind]
    row = form.title + 1
    ws.cell(row, 1, _fill(form.lines[form.title], spec, ctx)).font = TITLE_FONT
    ws.cell(row, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    ws.row_dimensions[row].height = 30
    for i, line in enumerate(form.lines):
        if i != form.title:
            ws.cell(i + 1, 1, _fill(line, spec, ctx))


def _fill(line: str, spec: TableSpec, ctx: Context) -> str:
    return line.format(year=ctx.year, name=spec.name, label=spec.label or spec.number, unit=ctx.unit)


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
