"""Tables in integer 分, shared by the 决算 and 预算 builders.

A builder adds each ledger group's amount into the cells it lands in (``CentTable``), rolls the
项 rows of code tables up to 款, 类 and 合计 (``rolled_up``) and hands the result to
``to_book`` as exact ``Decimal`` 万元. ``groups`` is the vectorised step that makes a million
ledger rows a few hundred sums.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from yujuesuan import reference
from yujuesuan.spec.model import TOTAL, TableSet, TableSpec
from yujuesuan.tables import Book, Table


@dataclass
class CentTable:
    """One table's true amounts in 分; ``rows`` in printed order with their names."""

    rows: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    values: dict[tuple[str, str], int] = field(default_factory=dict)

    def add_row(self, row: str, name: str, columns: Iterable[str]) -> None:
        if row not in self.names:
            self.rows.append(row)
            self.names[row] = name
        for col in columns:
            self.values.setdefault((row, col), 0)

    def add(self, row: str, col: str, amount: int) -> None:
        self.values[(row, col)] += amount

    def add_lines(self, rows: Iterable[str], columns: Iterable[str], amount: int) -> None:
        """``amount`` into every (row, column) pair: a line and the totals it counts in."""
        for row in rows:
            for col in columns:
                self.add(row, col, amount)


def class_lines(spec: TableSpec) -> dict[str, str]:
    """类 code → the key of the summary line that shows it (表1/表4 class lines)."""
    return {row.code: row.key for row in spec.rows if row.code}


Cents = dict[str, CentTable]
Items = dict[tuple[str, str], int]  # (code, column) → 分; column "" only marks the row


def to_book(cents: Cents, table_set: TableSet, year: int) -> Book:
    """The true tables as a ``Book`` of exact ``Decimal`` 万元 (分 / 1,000,000, unrounded);
    tables of the set that ``cents`` lacks (not built from a 底稿) are left out."""
    book = Book(source="底稿", kind=table_set.kind, year=year)
    for spec in (s for s in table_set.tables if s.id in cents):
        table = Table(spec=spec)
        source = cents[spec.id]
        for row in source.rows:
            table.add_row(row, source.names[row])
        for (row, col), amount in source.values.items():
            table.set(row, col, Decimal(amount).scaleb(-6))
        book.tables[spec.id] = table
    return book


def groups(
    frame: pd.DataFrame, by: list[str], values: list[str]
) -> Iterator[tuple[tuple[str, ...], tuple[int, ...]]]:
    """(keys, sums) per group, in key order."""
    grouped = frame.groupby(by, observed=True, sort=True)[values].sum()
    for row in grouped.reset_index().itertuples(index=False, name=None):
        yield tuple(str(k) for k in row[: len(by)]), tuple(int(a) for a in row[len(by) :])


def add_item(items: Items, code: str, columns: Iterable[str], amount: int) -> None:
    """Add ``amount`` to the 项 ``code`` in ``columns``; the row exists even with no column."""
    for col in columns:
        items[(code, col)] = items.get((code, col), 0) + amount
    items.setdefault((code, ""), 0)


def rolled_up(items: Items, spec: TableSpec, catalog: reference.Catalog) -> CentTable:
    """合计 + every 类/款/项 with an amount, each 项 added into its 款, 类 and 合计 (a 5-digit
    经济科目 code is its own 款)."""
    codes = {code for code, _ in items}
    rows = [TOTAL] + sorted(codes | {c[:5] for c in codes} | {c[:3] for c in codes})
    table = CentTable()
    for row in rows:
        table.add_row(row, "合计" if row == TOTAL else catalog.name(row), spec.column_keys())
    for (code, col), amount in items.items():
        if col:
            for row in dict.fromkeys((code, code[:5], code[:3], TOTAL)):
                table.add(row, col, amount)
    return table
