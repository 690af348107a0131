"""底稿 → the nine 决算 tables: validate the working papers, compute true values, round them.

``read_ledger`` checks the 底稿 (errors are values); ``build_tables`` computes every cell in
integer 分 and rounds to 0.01 万元 with controlled rounding, so the published identities hold on
the displayed figures. This package may use pandas and scipy, never openpyxl or xlwings.
"""

from __future__ import annotations

from dataclasses import dataclass

from yujuesuan.build.compute import compute_cents, compute_tables, to_book
from yujuesuan.build.ledger import Ledger, LedgerError, LedgerResult, read_ledger
from yujuesuan.build.rounding import Deviation, Rounded, RoundingReport, round_book
from yujuesuan.spec import tables_for
from yujuesuan.tables import Book


@dataclass(frozen=True)
class BuildResult:
    book: Book  # displayed values: Decimal 万元, two decimals
    true_book: Book  # exact values: 分 / 1,000,000
    rounding_report: RoundingReport


def build_tables(ledger: Ledger, year: int) -> BuildResult:
    """The nine 决算 tables of ``year`` from a valid ledger read for that same year."""
    if ledger.year != year:
        raise ValueError(f"底稿按{ledger.year}年目录读取，不能生成{year}年报表")
    table_set = tables_for("决算", year)
    true_book = compute_tables(ledger, table_set)
    rounded = round_book(true_book, table_set)
    return BuildResult(book=rounded.book, true_book=true_book, rounding_report=rounded.report)


__all__ = [
    "BuildResult",
    "Deviation",
    "Ledger",
    "LedgerError",
    "LedgerResult",
    "Rounded",
    "RoundingReport",
    "build_tables",
    "compute_cents",
    "compute_tables",
    "read_ledger",
    "round_book",
    "to_book",
]
