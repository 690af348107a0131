"""The ``Book`` port: what a ribbon handler may do to a workbook, whoever holds it.

Two adapters implement it: ``live_book.LiveBook`` (the workbook open in Excel, through xlwings)
and ``file_book.FileBook`` (a file, through openpyxl, for tests and headless use). Handlers only
see this protocol, so every line of their logic runs in tests without Excel.

Addresses are A1 strings ("D27"), sheets are names, grids are lists of rows of values
(formulas show their calculated values). A fill is an opaque token the adapter gives out
and takes back unchanged (``None``: no fill); ``rgb_fill`` makes the token of a solid colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from yujuesuan.services.sheet_image import Grid, SheetImage

__all__ = ["BookPort", "Grid", "SheetImage", "quoted"]


class BookPort(Protocol):
    """The operations the ribbon handlers need (see the module docstring)."""

    name: str

    def sheet_names(self) -> list[str]: ...

    def read(self, sheet: str) -> Grid: ...

    def write(self, sheet: str, top_left: str, rows: Grid) -> None: ...

    def fill(self, sheet: str, address: str) -> str | None: ...

    def set_fill(self, sheet: str, addresses: Sequence[str], fill: str | None) -> None: ...

    def rgb_fill(self, rgb: str) -> str: ...

    def replace_sheet(self, name: str) -> None:
        """Empty the sheet ``name`` where it stands, or add it at the end."""

    def delete_sheet(self, name: str) -> None: ...

    def paint(self, image: SheetImage) -> None:
        """Write a sheet image into the (just replaced) sheet of its name."""

    def define_name(self, name: str, sheet: str, address: str) -> None: ...

    def hyperlink(self, sheet: str, address: str, target: str, text: str) -> None:
        """A link in ``sheet!address`` to ``target`` ("'表3'!D27") inside this workbook."""

    def hide_columns(self, sheet: str, columns: str) -> None: ...

    def select(self, sheet: str, address: str) -> None: ...

    def tell(self, message: str) -> None:
        """Show a short message to the user."""

    def save(self) -> None: ...


def quoted(sheet: str) -> str:
    """A sheet name as a reference prefix: ``'表3'`` (always quoted, quotes doubled)."""
    return "'" + sheet.replace("'", "''") + "'"
