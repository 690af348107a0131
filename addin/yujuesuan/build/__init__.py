"""底稿 → the published tables: validate the working papers, compute true values, round them.

``read_ledger`` checks the 底稿 of one kind (errors are values; ``CONTRACTS`` has the 决算 and
预算 sheets); ``build_tables`` computes every cell of that kind's tables in integer 分 and rounds
to 0.01 万元 with controlled rounding, so the published identities hold on the displayed figures.
This package may use pandas and scipy, never openpyxl or xlwings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from yujuesuan.build import budget_ledger
from yujuesuan.build.budget_compute import compute_budget_tables
from yujuesuan.build.budget_ledger import BudgetLedger
from yujuesuan.build.budget_performance import with_shares
from yujuesuan.build.compute import compute_cents, compute_tables, to_book
from yujuesuan.build.ledger import (
    FINAL_ACCOUNTS,
    Contract,
    Ledger,
    LedgerError,
    LedgerResult,
    read_ledger,
)
from yujuesuan.build.rounding import Deviation, Rounded, RoundingReport, round_book
from yujuesuan.spec import tables_for
from yujuesuan.tables import Book


@dataclass(frozen=True)
class BuildResult:
    book: Book  # displayed values: Decimal 万元, two decimals (预算 表11: one, and its 占比)
    true_book: Book  # exact values: 分 / 1,000,000
    rounding_report: RoundingReport


# Per kind: the 底稿 contract and the function that computes the true tables from its ledger.
CONTRACTS: dict[str, Contract] = {"决算": FINAL_ACCOUNTS, "预算": budget_ledger.CONTRACT}
_COMPUTE: dict[str, Callable[[Any, Any], Book]] = {
    "决算": compute_tables,
    "预算": compute_budget_tables,
}
# Figures derived from displayed ones after rounding (预算 表11 占比).
_FROM_DISPLAYED: dict[str, Callable[[Book, Any], Book]] = {"预算": with_shares}


def build_tables(ledger: Ledger | BudgetLedger, year: int) -> BuildResult:
    """The tables of the ledger's kind for ``year``, from a valid ledger read for that same year."""
    if ledger.year != year:
        raise ValueError(f"底稿按{ledger.year}年目录读取，不能生成{year}年报表")
    table_set = tables_for(ledger.kind, year)
    true_book = _COMPUTE[ledger.kind](ledger, table_set)
    rounded = round_book(true_book, table_set)
    book = _FROM_DISPLAYED.get(ledger.kind, lambda b, _: b)(rounded.book, table_set)
    return BuildResult(book=book, true_book=true_book, rounding_report=rounded.report)


__all__ = [
    "CONTRACTS",
    "BudgetLedger",
    "BuildResult",
    "Contract",
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
