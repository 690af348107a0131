"""Tables as exact amounts keyed by the spec (no cells, no Excel)."""

from yujuesuan.tables.table import ZERO, Book, Table

__all__ = ["ZERO", "Book", "Table"]
