"""Tables written as text in a test, the way they are printed (a module, not a conftest.py)."""

from __future__ import annotations

from decimal import Decimal

from yujuesuan.spec.model import TableSet
from yujuesuan.tables import Book, Table

PREFIX = {"决算": "fa", "预算": "bu"}


def book_from_text(table_set: TableSet, year: int, **tables: str) -> Book:
    """``t3=\"\"\"row | 1 | 2\\n合计 | 10 | 10\"\"\"`` → a Book of ``table_set``'s kind; the header
    line names the columns, each row is put at A2, A3 … with its amounts from column B on."""
    book = Book(source="literal", kind=table_set.kind, year=year)
    for short, text in tables.items():
        spec = table_set.table(f"{PREFIX[table_set.kind]}.{short}")
        table = Table(spec=spec, sheet=short)
        lines = [line.strip() for line in text.strip().splitlines()]
        columns = [c.strip() for c in lines[0].split("|")][1:]
        for r, line in enumerate(lines[1:], start=2):
            row, *values = [c.strip() for c in line.split("|")]
            table.add_row(row, "", f"A{r}")
            for i, (col, value) in enumerate(zip(columns, values, strict=True)):
                table.set(row, col, Decimal(value) if value else None, f"{chr(66 + i)}{r}")
        book.tables[spec.id] = table
    return book
