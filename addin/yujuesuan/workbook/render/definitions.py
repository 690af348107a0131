"""Which amount cells are live formulas, and of what: at most one definition per cell, from the rules.

Every equation a declared rule expands to (``checks.equations.expand``) whose one side is a single
cell is a candidate definition of that cell as the signed sum of the other side. Candidates are
taken in a fixed priority, first come first served, skipping any that would close a cycle:

0. tree sums (合计 = Σ类, 类 = Σ款, 款 = Σ项; 表6 类 = Σ款; 预算 表5-2 合计 = Σ部门 = Σ单位 by code prefix);
1. row and column sums — the notes printed under the tables and the layout's own sums
   (表6 人员经费合计 / 公用经费合计, 表4 2栏 = 3+4+5栏);
2. cross-table repeats, the single cell on the left defined by the right (表1 类 lines = 表3 类
   第1栏, 表4 第1–3行 = 表1, 表4 3栏 类 lines = 表5, 表1 4–8行 = 表2 合计 3–7栏, …);
3. the same identities read the other way, when only their right side is a single cell.

Within a priority, rules keep their declared order. Bounds (≤, ≥), conditional (C) and
plausibility (W) rules never define a cell, and a sum never defines one of its own terms.
Terms that have no cell in the workbook (a code row the book does not have) count as zero and are
left out; a candidate left with no term at all defines nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from decimal import Decimal

from yujuesuan.checks.equations import Equation, expand
from yujuesuan.spec.model import (
    Cell,
    CellIdentity,
    ColumnSum,
    PrefixTree,
    Rule,
    RowsMatch,
    RowSum,
    Strength,
    TableSet,
    TreeSum,
    rule_tables,
)
from yujuesuan.tables import Book
from yujuesuan.workbook.render.placement import CellKey


@dataclass(frozen=True)
class Definition:
    """``cell`` = Σ sign × term, under ``rule_id``."""

    rule_id: str
    priority: int
    terms: tuple[tuple[int, CellKey], ...]


def key(cell: Cell) -> CellKey:
    return (cell.table, cell.row, cell.col)


def choose(table_set: TableSet, book: Book, placed: Container[CellKey]) -> dict[CellKey, Definition]:
    """The definition of every formula cell (cells absent from the result hold values)."""
    chosen: dict[CellKey, Definition] = {}
    for target, definition in sorted(_candidates(table_set, book, placed), key=lambda c: c[1].priority):
        if target in chosen or _reaches(chosen, definition, target):
            continue
        chosen[target] = definition
    return chosen


def evaluate(chosen: dict[CellKey, Definition], leaf: Callable[[CellKey], Decimal]) -> Callable[[CellKey], Decimal]:
    """The value every cell shows once the formulas are calculated (leaves: ``leaf``)."""
    memo: dict[CellKey, Decimal] = {}

    def value(cell: CellKey) -> Decimal:
        if cell not in chosen:
            return leaf(cell)
        if cell not in memo:
            memo[cell] = sum((sign * value(term) for sign, term in chosen[cell].terms), Decimal(0))
        return memo[cell]

    return value


def _rank(rule: Rule) -> int | None:
    if isinstance(rule, (TreeSum, PrefixTree)):
        return 0
    if isinstance(rule, (RowSum, ColumnSum)):
        return 1
    if isinstance(rule, (CellIdentity, RowsMatch)):
        if rule.strength is Strength.HARD and rule.relation == "=" and rule.condition is None:
            return 2
    return None


def _candidates(
    table_set: TableSet, book: Book, placed: Container[CellKey]
) -> Iterator[tuple[CellKey, Definition]]:
    for rule in table_set.all_rules():
        rank = _rank(rule)
        if rank is None or any(t not in book.tables for t in rule_tables(rule)):
            continue
        for eq in expand(rule, book):
            sides = [(eq.left, eq.right, rank)]
            if rank == 2:
                sides.append((eq.right, eq.left, 3))
            for one, other, priority in sides:
                found = _definition(eq, one, other, priority, placed)
                if found is not None:
                    yield found


def _definition(
    eq: Equation,
    one: tuple[Cell, ...],
    other: tuple[Cell, ...],
    priority: int,
    placed: Container[CellKey],
) -> tuple[CellKey, Definition] | None:
    if len(one) != 1 or key(one[0]) not in placed:
        return None
    target = one[0]
    terms = tuple((c.sign * target.sign, key(c)) for c in other if key(c) in placed)
    if not terms or any(k == key(target) for _, k in terms):
        return None
    return key(target), Definition(eq.rule.id, priority, terms)


def _reaches(chosen: dict[CellKey, Definition], definition: Definition, target: CellKey) -> bool:
    """True when ``target`` is among the cells ``definition`` depends on (a cycle)."""
    stack = [k for _, k in definition.terms]
    seen: set[CellKey] = set()
    while stack:
        cell = stack.pop()
        if cell == target:
            return True
        if cell in seen:
            continue
        seen.add(cell)
        if cell in chosen:
            stack.extend(k for _, k in chosen[cell].terms)
    return False

