"""A recording fake of the xlwings subset ``excel.live_book`` uses (no Excel on Linux).

Sheets are sparse grids; every call that changes the book is appended to ``Log.calls`` as
(operation, sheet, address, value), so tests can see what the adapter asked Excel to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from openpyxl.utils import get_column_letter, range_boundaries


@dataclass
class Log:
    calls: list[tuple[str, str, str, Any]] = field(default_factory=list)

    def __call__(self, op: str, sheet: str, address: str, value: Any = None) -> None:
        self.calls.append((op, sheet, address, value))

    def of(self, op: str) -> list[tuple[str, str, str, Any]]:
        return [c for c in self.calls if c[0] == op]


class FakeRange:
    def __init__(self, sheet: FakeSheet, address: str) -> None:
        self.sheet, self.address = sheet, address
        self.font = _Recorder(self, "font")
        self.api = _Api(self)

    def _boxes(self) -> list[tuple[int, int, int, int]]:
        return [range_boundaries(part) for part in self.address.split(",")]  # type: ignore[misc]

    def _cells(self) -> list[tuple[int, int]]:
        return [(r, c) for c1, r1, c2, r2 in self._boxes() for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]

    def options(self, ndim: int) -> FakeRange:
        assert ndim == 2
        return self

    @property
    def value(self) -> list[list[Any]]:
        c1, r1, c2, r2 = self._boxes()[0]
        return [[self.sheet.cells.get((r, c)) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]

    @value.setter
    def value(self, rows: Any) -> None:
        self.sheet.log("value", self.sheet.name, self.address, rows)
        c1, r1, _, _ = self._boxes()[0]
        rows = rows if isinstance(rows, list) else [[rows]]
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                self.sheet.cells[(r1 + i, c1 + j)] = v

    @property
    def color(self) -> tuple[int, int, int] | None:
        return self.sheet.colors.get(self._cells()[0])

    @color.setter
    def color(self, value: str | None) -> None:
        self.sheet.log("color", self.sheet.name, self.address, value)
        rgb = None if value is None else tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))
        for cell in self._cells():
            if rgb is None:
                self.sheet.colors.pop(cell, None)
            else:
                self.sheet.colors[cell] = rgb

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("number_format", "column_width", "row_height"):
            self.sheet.log(name, self.sheet.name, self.address, value)
        object.__setattr__(self, name, value)

    def merge(self) -> None:
        self.sheet.log("merge", self.sheet.name, self.address)

    def add_hyperlink(self, address: str, text_to_display: str | None = None) -> None:
        self.sheet.log("hyperlink", self.sheet.name, self.address, (address, text_to_display))
        self.sheet.cells[self._cells()[0]] = text_to_display

    def select(self) -> None:
        self.sheet.log("select", self.sheet.name, self.address)


class _Recorder:
    def __init__(self, rng: FakeRange, prefix: str) -> None:
        object.__setattr__(self, "_rng", rng)
        object.__setattr__(self, "_prefix", prefix)

    def __setattr__(self, name: str, value: Any) -> None:
        self._rng.sheet.log(f"{self._prefix}.{name}", self._rng.sheet.name, self._rng.address, value)


class _Api(_Recorder):
    def __init__(self, rng: FakeRange) -> None:
        super().__init__(rng, "api")

    def Borders(self, index: int) -> _Recorder:  # noqa: N802 - the Excel object model's name
        return _Recorder(self._rng, f"api.Borders({index})")


class FakeSheet:
    def __init__(self, book: FakeBook, name: str, grid: list[list[Any]] | None = None) -> None:
        self.book, self.name, self.log = book, name, book.log
        self.cells: dict[tuple[int, int], Any] = {}
        self.colors: dict[tuple[int, int], tuple[int, int, int]] = {}
        for r, row in enumerate(grid or [], start=1):
            for c, v in enumerate(row, start=1):
                if v is not None:
                    self.cells[(r, c)] = v

    def range(self, first: Any, last: Any = None) -> FakeRange:
        if last is not None:
            first = f"{get_column_letter(first[1])}{first[0]}:{get_column_letter(last[1])}{last[0]}"
        return FakeRange(self, first)

    @property
    def used_range(self) -> SimpleNamespace:
        rows = max((r for r, _ in self.cells), default=1)
        cols = max((c for _, c in self.cells), default=1)
        return SimpleNamespace(last_cell=SimpleNamespace(row=rows, column=cols))

    def clear(self) -> None:
        self.log("clear", self.name, "")
        self.cells.clear()
        self.colors.clear()

    def delete(self) -> None:
        assert self.book.app.display_alerts is False
        self.log("delete", self.name, "")
        self.book.sheets.items.remove(self)

    def activate(self) -> None:
        self.log("activate", self.name, "")


class FakeSheets:
    def __init__(self, book: FakeBook) -> None:
        self.book = book
        self.items: list[FakeSheet] = []

    def __getitem__(self, key: str | int) -> FakeSheet:
        if isinstance(key, int):
            return self.items[key]
        return next(s for s in self.items if s.name == key)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(list(self.items))

    def add(self, name: str, after: FakeSheet) -> FakeSheet:
        self.book.log("add_sheet", name, "", after.name)
        sheet = FakeSheet(self.book, name)
        self.items.insert(self.items.index(after) + 1, sheet)
        return sheet


class FakeApp:
    def __init__(self, log: Log) -> None:
        self.log = log
        self.display_alerts = True
        self.books = SimpleNamespace(active=None)

    def alert(self, prompt: str, title: str | None = None) -> None:
        self.log("alert", "", "", (title, prompt))


class FakeBook:
    def __init__(self, name: str, grids: dict[str, list[list[Any]]], app: FakeApp | None = None) -> None:
        self.log = app.log if app else Log()
        self.app = app or FakeApp(self.log)
        self.name = name
        self.sheets = FakeSheets(self)
        self.sheets.items = [FakeSheet(self, n, g) for n, g in grids.items()]
        self.names = SimpleNamespace(add=lambda name, refers_to: self.log("name", "", name, refers_to))

    def grid(self, sheet: str) -> dict[tuple[int, int], Any]:
        return self.sheets[sheet].cells


def module(caller: FakeBook) -> SimpleNamespace:
    """A stand-in for ``import xlwings as xw`` whose ``xw.Book.caller()`` is ``caller``."""
    return SimpleNamespace(Book=SimpleNamespace(caller=lambda: caller))
