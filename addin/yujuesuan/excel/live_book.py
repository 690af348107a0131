"""The ``Book`` port over the workbook open in Excel, through xlwings (imported lazily).

Every method is one or two xlwings calls; no logic lives here (it is all in ``ribbon`` and the
services, tested through ``file_book``). Borders and alignment go through ``.api`` (the Excel
object model, Windows), the rest through xlwings' cross-platform API. Tests drive this class
against a recording fake of the xlwings subset it uses.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from yujuesuan.excel.port import Grid, SheetImage, quoted

# Excel constants (XlHAlign, XlVAlign, XlBordersIndex, XlLineStyle, XlBorderWeight)
H_ALIGN = {"left": -4131, "center": -4108, "right": -4152, "general": 1}
V_ALIGN = {"top": -4160, "center": -4108, "bottom": -4107}
EDGES = {"left": 7, "top": 8, "bottom": 9, "right": 10}
CONTINUOUS, THIN = 1, 2
MAX_ADDRESS = 250  # Excel rejects a Range address text longer than 255 characters


def chunks(addresses: Sequence[str]) -> Iterator[str]:
    """Addresses joined by commas into Range texts Excel accepts."""
    part: list[str] = []
    for address in addresses:
        if part and len(",".join([*part, address])) > MAX_ADDRESS:
            yield ",".join(part)
            part = []
        part.append(address)
    if part:
        yield ",".join(part)


def caller() -> LiveBook:
    """The workbook the user clicked in (called from an add-in, the caller is the add-in itself:
    then the active workbook)."""
    import xlwings as xw

    book = xw.Book.caller()
    if book.name.lower().endswith(".xlam"):
        book = book.app.books.active
    return LiveBook(book)


class LiveBook:
    def __init__(self, book: Any) -> None:
        self.book = book
        self.name = book.name

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def read(self, sheet: str) -> Grid:
        ws = self.book.sheets[sheet]
        last = ws.used_range.last_cell
        return ws.range((1, 1), (last.row, last.column)).options(ndim=2).value

    def write(self, sheet: str, top_left: str, rows: Grid) -> None:
        self.book.sheets[sheet].range(top_left).value = rows

    def fill(self, sheet: str, address: str) -> str | None:
        color = self.book.sheets[sheet].range(address).color
        return None if color is None else "#{:02X}{:02X}{:02X}".format(*color)

    def set_fill(self, sheet: str, addresses: Sequence[str], fill: str | None) -> None:
        for text in chunks(addresses):
            self.book.sheets[sheet].range(text).color = fill

    def rgb_fill(self, rgb: str) -> str:
        return "#" + rgb.upper()

    def replace_sheet(self, name: str) -> None:
        if name in self.sheet_names():
            self.book.sheets[name].clear()
        else:
            self.book.sheets.add(name, after=self.book.sheets[-1])

    def delete_sheet(self, name: str) -> None:
        self.book.app.display_alerts = False
        try:
            self.book.sheets[name].delete()
        finally:
            self.book.app.display_alerts = True

    def paint(self, image: SheetImage) -> None:
        ws = self.book.sheets[image.name]
        for style, addresses in image.styles.items():
            for text in chunks(addresses):
                cells = ws.range(text)
                cells.number_format = style.number_format  # before the values: "@" keeps codes text
                cells.font.bold = style.bold
                if style.size:
                    cells.font.size = style.size
                if style.fill:
                    cells.color = "#" + style.fill
                for side in style.borders:
                    edge = cells.api.Borders(EDGES[side])
                    edge.LineStyle, edge.Weight = CONTINUOUS, THIN
                if style.horizontal:
                    cells.api.HorizontalAlignment = H_ALIGN[style.horizontal]
                if style.vertical:
                    cells.api.VerticalAlignment = V_ALIGN[style.vertical]
                cells.api.WrapText = style.wrap
                cells.api.IndentLevel = style.indent
        ws.range("A1").value = image.rows
        for merged in image.merges:
            ws.range(merged).merge()
        for letter, width in image.widths.items():
            ws.range(f"{letter}:{letter}").column_width = width
        for row, height in image.heights.items():
            ws.range(f"{row}:{row}").row_height = height

    def define_name(self, name: str, sheet: str, address: str) -> None:
        col = address.rstrip("0123456789")
        self.book.names.add(name, f"={quoted(sheet)}!${col}${address[len(col):]}")

    def hyperlink(self, sheet: str, address: str, target: str, text: str) -> None:
        self.book.sheets[sheet].range(address).add_hyperlink("#" + target, text_to_display=text)

    def hide_columns(self, sheet: str, columns: str) -> None:
        self.book.sheets[sheet].range(columns).column_width = 0

    def select(self, sheet: str, address: str) -> None:
        self.book.sheets[sheet].activate()
        self.book.sheets[sheet].range(address).select()

    def tell(self, message: str) -> None:
        self.book.app.alert(message, title="预决算")

    def save(self) -> None:
        """Nothing: the changes are in the open workbook; the user saves it."""
