"""The ``Book`` port over a workbook file (openpyxl): tests and headless runs of the ribbon.

Formula cells read as the values cached in the file, or, for formulas painted in this session,
as the values the render said they calculate to; ``save`` stores those values beside the formulas
(as a spreadsheet does on save) and writes atomically to ``output`` — the input file is only
written when ``output`` is that file. Only the sheets a handler touched are written into a copy
of the user's package (``workbook.save_changes``): charts, pictures and every other sheet stay
as they were. No logic here beyond translating calls to openpyxl.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Border, Color, Font, PatternFill, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.views import Selection

from yujuesuan.excel.port import Grid, SheetImage
from yujuesuan.services.files import write_atomically
from yujuesuan.workbook.save_changes import save_changes
from yujuesuan.workbook.render.names import define

_THIN = Side(style="thin")
_MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam")


class FileBook:
    def __init__(self, path: Path, *, output: Path) -> None:
        self.path, self.output = Path(path), Path(output)
        self.name = self.path.name
        keep_vba = self.path.suffix.lower() in _MACRO_SUFFIXES
        self.workbook = openpyxl.load_workbook(self.path, keep_vba=keep_vba, keep_links=False)
        cached = openpyxl.load_workbook(self.path, data_only=True, keep_links=False)
        self._calculated: dict[tuple[str, str], Any] = {
            (ws.title, c.coordinate): cached[ws.title][c.coordinate].value
            for ws in self.workbook.worksheets
            for row in ws.iter_rows()
            for c in row
            if c.data_type == "f"
        }
        if any(v is None for v in self._calculated.values()):
            self._fill_uncalculated()
        self.messages: list[str] = []
        self._changed: set[str] = set()  # sheets to write back
        self._removed: set[str] = set()
        self._active: str | None = None

    def _fill_uncalculated(self) -> None:
        """Formulas saved without values (files written by programs): compute them, as
        ``yjs check`` does, so handlers see what a spreadsheet would show."""
        from yujuesuan.workbook.recalc import recalc_with_formulas

        try:
            values = recalc_with_formulas(self.path)
        except Exception:  # the engine's errors are many and undocumented: keep the blanks
            return
        for key, value in self._calculated.items():
            if value is None and isinstance(values.get(key), (int, float, str)):
                self._calculated[key] = values[key]

    def sheet_names(self) -> list[str]:
        return list(self.workbook.sheetnames)

    def read(self, sheet: str) -> Grid:
        ws = self.workbook[sheet]
        calculated = self._calculated
        return [
            [calculated.get((sheet, c.coordinate)) if c.data_type == "f" else c.value for c in row]
            for row in ws.iter_rows(min_row=1, min_col=1)
        ]

    def write(self, sheet: str, top_left: str, rows: Grid) -> None:
        self._changed.add(sheet)
        ws = self.workbook[sheet]
        first = ws[top_left]
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                ws.cell(first.row + r, first.column + c).value = value

    def fill(self, sheet: str, address: str) -> str | None:
        fill = self.workbook[sheet][address].fill
        if fill is None or fill.patternType is None:
            return None
        return _token(fill)

    def set_fill(self, sheet: str, addresses: Sequence[str], fill: str | None) -> None:
        self._changed.add(sheet)
        ws = self.workbook[sheet]
        pattern = PatternFill() if fill is None else _pattern(json.loads(fill))
        for address in addresses:
            ws[address].fill = pattern

    def rgb_fill(self, rgb: str) -> str:
        return _token(PatternFill("solid", fgColor="FF" + rgb, bgColor="FF" + rgb))

    def replace_sheet(self, name: str) -> None:
        self._changed.add(name)
        self._removed.discard(name)
        if name in self.workbook.sheetnames:
            index = self.workbook.sheetnames.index(name)
            self.delete_sheet(name)
            self.workbook.create_sheet(name, index)
        else:
            self.workbook.create_sheet(name)

    def delete_sheet(self, name: str) -> None:
        self._changed.discard(name)
        self._removed.add(name)
        del self.workbook[name]
        self._calculated = {k: v for k, v in self._calculated.items() if k[0] != name}

    def paint(self, image: SheetImage) -> None:
        ws = self.workbook[image.name]
        self.write(image.name, "A1", image.rows)
        for style, addresses in image.styles.items():
            font = Font(b=style.bold, sz=style.size) if style.bold or style.size else None
            fill = PatternFill("solid", fgColor="FF" + style.fill) if style.fill else None
            border = Border(**{side: _THIN for side in style.borders}) if style.borders else None
            align = Alignment(
                horizontal=style.horizontal, vertical=style.vertical, wrap_text=style.wrap or None, indent=style.indent
            )
            for address in addresses:
                cell = ws[address]
                cell.number_format = style.number_format
                cell.alignment = align
                if font:
                    cell.font = font
                if fill:
                    cell.fill = fill
                if border:
                    cell.border = border
        for merged in image.merges:
            ws.merge_cells(merged)
        for letter, width in image.widths.items():
            ws.column_dimensions[letter].width = width
        for row, height in image.heights.items():
            ws.row_dimensions[row].height = height
        ws.freeze_panes = image.freeze
        self._calculated |= {(image.name, a): v for a, v in image.calculated.items()}

    def define_name(self, name: str, sheet: str, address: str) -> None:
        define(self.workbook, name, sheet, address)

    def hyperlink(self, sheet: str, address: str, target: str, text: str) -> None:
        self._changed.add(sheet)
        cell = self.workbook[sheet][address]
        cell.value = text
        cell.hyperlink = Hyperlink(ref=address, location=target, display=text)
        cell.style = "Hyperlink"

    def hide_columns(self, sheet: str, columns: str) -> None:
        self._changed.add(sheet)
        first, last = (column_index_from_string(c) for c in columns.split(":"))
        for index in range(first, last + 1):
            self.workbook[sheet].column_dimensions[get_column_letter(index)].hidden = True

    def select(self, sheet: str, address: str) -> None:
        self._changed.add(sheet)
        self._active = sheet
        ws = self.workbook[sheet]
        for other in self.workbook.worksheets:
            other.sheet_view.tabSelected = other is ws
        self.workbook.active = ws
        if not ws.sheet_view.selection:
            ws.sheet_view.selection = [Selection()]
        for selection in ws.sheet_view.selection:
            selection.activeCell = selection.sqref = address

    def tell(self, message: str) -> None:
        self.messages.append(message)

    def save(self) -> None:
        values = {k: v for k, v in self._calculated.items() if v is not None}
        removed = self._removed - set(self.workbook.sheetnames)  # deleted, not painted again
        write_atomically(
            self.output,
            lambda tmp: save_changes(
                self.path, self.workbook, tmp, changed=self._changed, removed=removed, values=values, active=self._active
            ),
        )


def _token(fill: PatternFill) -> str:
    data = {"type": fill.patternType, "fg": _color(fill.fgColor), "bg": _color(fill.bgColor)}
    return json.dumps(data, sort_keys=True)


def _color(color: Color | None) -> dict[str, Any] | None:
    if color is None:
        return None
    return {"type": color.type, "value": color.value, "tint": color.tint}


def _pattern(token: dict[str, Any]) -> PatternFill:
    def color(data: dict[str, Any] | None) -> Color | None:
        if data is None:
            return None
        return Color(**{data["type"]: data["value"]}, tint=data["tint"])

    return PatternFill(token["type"], fgColor=color(token["fg"]), bgColor=color(token["bg"]))
