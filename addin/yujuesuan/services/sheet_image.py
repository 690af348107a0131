"""A rendered sheet as plain data ("sheet image"), so any ``Book`` adapter can write it.

The tables are rendered once, by ``workbook.render`` into a scratch openpyxl workbook; ``image_of``
turns each rendered sheet into values/formulas, number formats, fonts, fills, borders,
alignment, merges, column widths and frozen panes. A live Excel (xlwings) and a file (openpyxl)
then write the same image, so 重算 in Excel gives what ``yjs build`` writes to a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Grid = list[list[Any]]
SIDES = ("left", "right", "top", "bottom")


@dataclass(frozen=True)
class CellStyle:
    """The formatting of a rendered cell that survives the copy into a live workbook."""

    number_format: str = "General"
    bold: bool = False
    size: float | None = None
    fill: str | None = None  # "RRGGBB" of a solid fill
    borders: tuple[str, ...] = ()  # sides drawn with a thin line
    horizontal: str | None = None
    vertical: str | None = None
    wrap: bool = False
    indent: int = 0


PLAIN = CellStyle()


@dataclass
class SheetImage:
    """Values and "=…" formulas from A1, styles grouped by style, merges, widths, panes."""

    name: str
    rows: Grid = field(default_factory=list)
    styles: dict[CellStyle, list[str]] = field(default_factory=dict)  # style → addresses
    merges: list[str] = field(default_factory=list)
    widths: dict[str, float] = field(default_factory=dict)  # column letter → width
    heights: dict[int, float] = field(default_factory=dict)  # row number → height
    freeze: str | None = None  # top-left cell of the scrolling pane ("A7")
    calculated: dict[str, Any] = field(default_factory=dict)  # formula address → its value


def image_of(ws: Any, calculated: Mapping[str, Any] = {}) -> SheetImage:  # noqa: B006 - read only
    """The image of an openpyxl worksheet; ``calculated``: formula address → value."""
    image = SheetImage(ws.title, freeze=ws.freeze_panes, calculated=dict(calculated))
    for row in ws.iter_rows(min_row=1, min_col=1):
        values = []
        for cell in row:
            values.append(cell.value)
            style = style_of(cell)
            if style != PLAIN:
                image.styles.setdefault(style, []).append(cell.coordinate)
        image.rows.append(values)
    while image.rows and all(v is None for v in image.rows[-1]):
        image.rows.pop()
    image.merges = sorted(str(r) for r in ws.merged_cells.ranges)
    image.widths = {k: d.width for k, d in sorted(ws.column_dimensions.items()) if d.width}
    image.heights = {k: d.height for k, d in sorted(ws.row_dimensions.items()) if d.height}
    return image


def style_of(cell: Any) -> CellStyle:
    font, fill, border, align = cell.font, cell.fill, cell.border, cell.alignment
    solid = fill is not None and fill.patternType == "solid" and isinstance(fill.fgColor.rgb, str)
    return CellStyle(
        number_format=cell.number_format or "General",
        bold=bool(font and font.b),
        size=float(font.sz) if font and font.sz and float(font.sz) != 11.0 else None,
        fill=fill.fgColor.rgb[-6:] if solid else None,
        borders=tuple(s for s in SIDES if getattr(border, s) is not None and getattr(border, s).style),
        horizontal=align.horizontal,
        vertical=align.vertical,
        wrap=bool(align.wrap_text),
        indent=int(align.indent or 0),
    )
