"""A table's amounts keyed by (row key, column key), and where each one sits in the workbook."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from yujuesuan.findings import Finding, Location
from yujuesuan.spec.model import TOTAL, TableSpec

ZERO = Decimal(0)


@dataclass
class Table:
    """Exact amounts (万元, ``Decimal``) of one table; blank cells are simply absent."""

    spec: TableSpec
    sheet: str = ""
    values: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    cells: dict[tuple[str, str], str] = field(default_factory=dict)  # (row, col) -> "D27"
    row_names: dict[str, str] = field(default_factory=dict)  # printed name per row key
    row_cells: dict[str, str] = field(default_factory=dict)  # address of the row's code/label
    rows_seen: list[str] = field(default_factory=list)  # row keys in printed order
    unreadable: set[tuple[str, str]] = field(default_factory=set)  # cells whose text is not a number

    def value(self, row: str, col: str) -> Decimal:
        return self.values.get((row, col), ZERO)

    def has_row(self, row: str) -> bool:
        return row in self.row_names or row in self.row_cells or any(r == row for r, _ in self.values)

    def add_row(self, row: str, name: str = "", cell: str | None = None) -> None:
        if row not in self.row_names:
            self.rows_seen.append(row)
        self.row_names[row] = name
        if cell:
            self.row_cells[row] = cell

    def set(self, row: str, col: str, amount: Decimal | None, cell: str | None = None) -> None:
        if amount is not None:
            self.values[(row, col)] = amount
        if cell:
            self.cells[(row, col)] = cell

    def location(self, row: str, col: str) -> Location | None:
        if not self.sheet:
            return None
        cell = self.cells.get((row, col)) or self.row_cells.get(row)
        return Location(self.sheet, cell)

    def code_rows(self) -> list[str]:
        """Code keys present, in code order (类 before its 款 before its 项)."""
        return sorted({r for r in self.rows_seen if r.isdigit()} | {r for r, _ in self.values if r.isdigit()})

    def subject(self, row: str, col: str | None = None) -> str:
        """How a message names a cell: "第27行", "科目2010350 事业运行第1栏", "合计行第2栏"."""
        spec_row = self.spec.row(row)
        if spec_row is not None and spec_row.line is not None:
            where = f"第{row}行“{spec_row.label}”" if spec_row.label else f"第{row}行"
        elif spec_row is not None and spec_row.label and not row.isdigit():
            where = f"“{spec_row.label}”行"  # a row keyed by name (预算 tables print no 行次)
        elif row == TOTAL or not row.isdigit():
            where = f"“{row}”行"
        else:
            name = self.row_names.get(row) or ""
            noun = "科目" if self.spec.code_catalog else "单位"  # 附表-5-2 rows are 单位编码
            where = f"{noun}{row}{(' ' + name) if name else ''}"
        column = self.spec.column_keys()
        if col is None or len(column) == 1 or (spec_row is not None and len(spec_row.columns) == 1):
            return where
        label = next((c.label for c in self.spec.columns if c.key == col), "")
        if not col.isdigit():  # a column keyed by name (no 栏次 printed)
            return f"{where}“{label or col}”栏"
        return f"{where}第{col}栏{('“' + label + '”') if label else ''}"


@dataclass
class Book:
    """The tables found in one workbook, plus what the reader could not use."""

    source: str = ""
    kind: str = "决算"
    year: int | None = None
    tables: dict[str, Table] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)

    def table(self, table_id: str) -> Table | None:
        return self.tables.get(table_id)
