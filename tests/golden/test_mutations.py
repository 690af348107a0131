"""Mutation tests: every rule catches a changed cell, and names it; a 0.01 change stays a residue.

For each rule of each golden set, one participating cell is changed in memory (the grid the
reader sees, so the reader's parsing is part of the test) and the whole set is re-checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest

from yujuesuan.checks.comparisons import comparisons
from yujuesuan.checks.engine import Policy, _holds, run
from yujuesuan.checks.equations import expand
from yujuesuan.findings import Location, Report, Severity
from yujuesuan.money import parse_amount
from yujuesuan.spec.model import Cell, InCatalog, Rule, Strength, TableSet, rule_tables
from yujuesuan.tables import Book
from yujuesuan.workbook.open import Grid
from yujuesuan.workbook.read import book_from_grids

from conftest import CASES, EMPTY_TABLES, KINDS


def _rc(address: str) -> tuple[int, int]:
    letters, digits = re.match(r"([A-Z]+)(\d+)", address).groups()  # type: ignore[union-attr]
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(digits) - 1, col - 1


@contextmanager
def changed(grids: dict[str, Grid], sheet: str, address: str, delta: Decimal) -> Iterator[None]:
    r, c = _rc(address)
    row = grids[sheet][r]
    while len(row) <= c:
        row.append(None)
    original = row[c]
    new = (parse_amount(original) or Decimal(0)) + delta
    row[c] = float(new) if not isinstance(original, str) else f"{new:,.2f}"
    try:
        yield
    finally:
        row[c] = original


def _check(grids: dict[str, Grid]) -> Report:
    book, table_set = book_from_grids(grids, source="mutated")
    return run(book, table_set, Policy(raise_errors=True, plausibility=True))


def _target(rule: Rule, book: Book) -> tuple[str, str, Decimal] | None:
    """A cell of the rule to change and by how much: +1.00 on the side where that breaks a bound,
    else −1.00 on the other side (a bound whose larger side is not printed); (sheet, address, delta)."""
    if not getattr(rule, "linear", True):  # 占比, rounded figures: the printed figure itself
        printed = (_address(book, c.printed) for c in comparisons(rule, book))
        return next(((*found, Decimal(1)) for found in printed if found), None)
    for sign in (1, -1):
        for eq in expand(rule, book):
            side = eq.right if (eq.relation == ">=") == (sign == 1) else eq.left
            if eq.relation == "=" and sign == -1:
                continue
            for cell in side:
                found = _address(book, cell)
                if found:
                    return (*found, Decimal(sign))
    return None


def _address(book: Book, cell: Cell) -> tuple[str, str] | None:
    table = book.tables[cell.table]
    address = table.cells.get((cell.row, cell.col))
    return (table.sheet, address) if address else None


def _cases() -> list[tuple[str, str]]:
    from yujuesuan.spec import tables_for

    out = []
    for case in CASES:
        year = int(case.split("-")[1])
        empty = EMPTY_TABLES.get(case, frozenset())
        out += [
            (case, rule.id)
            for rule in tables_for(KINDS[case], year).all_rules()
            if not isinstance(rule, InCatalog) and not set(rule_tables(rule)) & empty  # skipped on the golden
        ]
    return out


@pytest.fixture(scope="module")
def baseline(golden_grids: dict[str, dict[str, Grid]]) -> dict[str, tuple[Book, TableSet, Report]]:
    out = {}
    for case, grids in golden_grids.items():
        book, table_set = book_from_grids(grids, source=case)
        out[case] = (book, table_set, run(book, table_set, Policy(plausibility=True)))
    return out


@pytest.mark.parametrize(("case", "rule_id"), _cases())
def test_changing_a_cell_by_one_is_reported_as_error_at_that_cell(
    case: str, rule_id: str, golden_grids: dict[str, dict[str, Grid]], baseline: dict[str, tuple[Book, TableSet, Report]]
) -> None:
    book, table_set, report = baseline[case]
    rule = next(r for r in table_set.all_rules() if r.id == rule_id)
    condition = getattr(rule, "condition", None)
    assert condition is None or _holds(condition, book), "the golden set must satisfy every stated condition"
    target = _target(rule, book)
    assert target is not None, f"{rule_id}: no cell of this rule was found in the workbook"
    sheet, address, delta = target
    grids = golden_grids[case]
    with changed(grids, sheet, address, delta):
        mutated = _check(grids)
    expected = Severity.WARNING if rule.strength is Strength.PLAUSIBLE else Severity.ERROR
    hits = [f for f in mutated.findings if f.rule_id == rule_id and f.severity is expected]
    where = str(Location(sheet, address))
    assert any(str(f.location) == where or where in {str(t) for t in f.terms} for f in hits), (
        f"{rule_id}: changing {where} by {delta:+} gave {[(f.rule_id, str(f.location), f.classification) for f in mutated.findings]}"
    )

    residue_rules = {f.rule_id for f in report.findings}
    published_errors = {f.rule_id for f in report.findings if f.severity is Severity.ERROR}  # e.g. an empty table
    clean_directions = 0
    for delta in (Decimal("0.01"), Decimal("-0.01")):
        with changed(grids, sheet, address, delta):
            errors = {f.rule_id for f in _check(grids).findings if f.severity is Severity.ERROR}
        assert errors <= residue_rules, f"{where} {delta:+}: 错误 from {errors - residue_rules}"
        clean_directions += not errors - published_errors
    assert clean_directions >= 1
