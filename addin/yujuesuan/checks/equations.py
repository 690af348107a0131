"""Expand each declared rule into concrete equations over the cells present in a book.

One function per rule type; the engine evaluates every equation the same way, so rounding
classification lives in exactly one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from yujuesuan.spec.model import (
    TOTAL,
    Cell,
    CellIdentity,
    ColumnSum,
    PrefixTree,
    Rule,
    RowsMatch,
    RowsMode,
    RowSum,
    Strength,
    TreeSum,
)
from yujuesuan.tables import Book, Table


@dataclass(frozen=True, slots=True)
class Equation:
    """Σ left ``relation`` Σ right; the first left cell is the one the finding points at."""

    rule: Rule
    kind: str  # finding kind: row_sum, col_sum, tree_sum, cross_table, bound, correspondence
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]
    relation: str = "="


def expand(rule: Rule, book: Book) -> Iterator[Equation]:
    if isinstance(rule, RowSum):
        yield from _row_sum(rule, book.tables[rule.table])
    elif isinstance(rule, ColumnSum):
        yield from _column_sum(rule, book.tables[rule.table])
    elif isinstance(rule, TreeSum):
        yield from _tree_sum(rule, book.tables[rule.table])
    elif isinstance(rule, CellIdentity):
        yield Equation(rule, _cross_kind(rule.relation, rule.strength), rule.left, rule.right, rule.relation)
    elif isinstance(rule, RowsMatch):
        yield from _rows_match(rule, book)
    elif isinstance(rule, PrefixTree):
        yield from _prefix_tree(rule, book.tables[rule.table])
    # Share and RoundedEqual are not linear: checks.comparisons evaluates them.


def _cross_kind(relation: str, strength: Strength) -> str:
    if strength is Strength.PLAUSIBLE:
        return "correspondence"
    return "cross_table" if relation == "=" else "bound"


def _row_sum(rule: RowSum, table: Table) -> Iterator[Equation]:
    for col in rule.columns or table.spec.row_columns(rule.target):
        terms = tuple(Cell(rule.table, row, col, sign) for sign, row in rule.terms)
        yield Equation(rule, "row_sum", (Cell(rule.table, rule.target, col),), terms)


def _column_sum(rule: ColumnSum, table: Table) -> Iterator[Equation]:
    needed = {rule.target, *(c for _, c in rule.terms)}
    if table.spec.rows_mode is RowsMode.FIXED:
        rows = [r.key for r in table.spec.rows if needed <= set(table.spec.row_columns(r.key))]
    else:
        rows = _present_rows(table)
    for row in rule.rows or rows:
        terms = tuple(Cell(rule.table, row, col, sign) for sign, col in rule.terms)
        yield Equation(rule, "col_sum", (Cell(rule.table, row, rule.target),), terms)


def _present_rows(table: Table) -> list[str]:
    rows = ([TOTAL] if table.has_row(TOTAL) else []) + table.code_rows()
    return rows


def nearest_parent(code: str, present: set[str]) -> str | None:
    """The closest ancestor printed in the table (a missing 款 passes its 项 up to the 类)."""
    for length in (5, 3):
        if length < len(code) and code[:length] in present:
            return code[:length]
    return None


def _tree_sum(rule: TreeSum, table: Table) -> Iterator[Equation]:
    codes = table.code_rows()
    present = set(codes)
    children: dict[str, list[str]] = {}
    for code in codes:
        parent = nearest_parent(code, present)
        if parent is None and table.has_row(TOTAL):
            parent = TOTAL if len(code) == 3 else None
        if parent is not None:
            children.setdefault(parent, []).append(code)
    if table.has_row(TOTAL):
        children.setdefault(TOTAL, [])  # a 合计 with no class rows under it must be 0
    for parent in ([TOTAL] if TOTAL in children else []) + [c for c in codes if c in children]:
        for col in rule.columns or table.spec.column_keys():
            terms = tuple(Cell(rule.table, child, col) for child in children[parent])
            yield Equation(rule, "tree_sum", (Cell(rule.table, parent, col),), terms)


def _prefix_tree(rule: PrefixTree, table: Table) -> Iterator[Equation]:
    codes = [c for c in table.code_rows() if len(c) in rule.levels]
    parents: list[tuple[str, list[str]]] = []
    if table.has_row(TOTAL):
        parents.append((TOTAL, [c for c in codes if len(c) == rule.levels[0]]))
    for upper, lower in zip(rule.levels, rule.levels[1:]):
        for code in (c for c in codes if len(c) == upper):
            parents.append((code, [c for c in codes if len(c) == lower and c.startswith(code)]))
    for parent, children in parents:
        if not children:  # a row printed without its breakdown: nothing to add up
            continue
        for col in rule.columns or table.spec.column_keys():
            terms = tuple(Cell(rule.table, child, col) for child in children)
            yield Equation(rule, "tree_sum", (Cell(rule.table, parent, col),), terms)


def _code_rows(table: Table, with_total: bool) -> dict[str, str]:
    """code -> row key; a fixed table takes part through its rows that stand for a 类."""
    if table.spec.rows_mode is RowsMode.FIXED:
        return {r.code: r.key for r in table.spec.rows if r.code}
    rows = {code: code for code in table.code_rows()}
    if with_total:
        rows[TOTAL] = TOTAL
    return rows


def _rows_match(rule: RowsMatch, book: Book) -> Iterator[Equation]:
    (left_id, left_col), (right_id, right_col) = rule.left, rule.right
    left, right = _code_rows(book.tables[left_id], rule.with_total), _code_rows(book.tables[right_id], rule.with_total)
    fixed = [m for t, m in ((left_id, left), (right_id, right)) if book.tables[t].spec.rows_mode is RowsMode.FIXED]
    codes = set(fixed[0]) if fixed else set(left) | set(right)
    for code in sorted(codes, key=lambda c: (c != TOTAL, c)):
        yield Equation(
            rule,
            _cross_kind(rule.relation, rule.strength),
            (Cell(left_id, left.get(code, code), left_col),),
            (Cell(right_id, right.get(code, code), right_col),),
            rule.relation,
        )
