"""Checks that are not linear identities: 占比 (``Share``) and a figure printed at a coarser
precision than its source (``RoundedEqual``, 表11's 0.1 万元 against 表3's 0.01).

Both compare the printed figure with the one recomputed from the other printed cells and rounded
half-up to the printed precision: equal → no finding. Otherwise the difference is a 尾数差异 when
the rounding of the inputs can explain it (each printed amount is within half a unit of its true
value), and an 错误 beyond that — the same rule the engine applies to sums.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_UP, Decimal

from yujuesuan import messages_zh
from yujuesuan.findings import Finding, Severity
from yujuesuan.money import half_unit, round_half_up
from yujuesuan.spec.model import Cell, RoundedEqual, Rule, Share
from yujuesuan.tables import ZERO, Book

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Comparison:
    """One printed figure and the printed cells it is computed from (Share: part, whole)."""

    rule: Rule
    printed: Cell
    terms: tuple[Cell, ...]


def comparisons(rule: Rule, book: Book) -> Iterator[Comparison]:
    """The concrete comparisons of a non-linear rule over the rows present in ``book``."""
    if isinstance(rule, Share):
        table = book.tables[rule.table]
        for part, whole in rule.parts:
            if table.has_row(part) and table.has_row(whole):
                amounts = tuple(Cell(rule.table, row, rule.amount_column) for row in (part, whole))
                yield Comparison(rule, Cell(rule.table, part, rule.column), amounts)
    elif isinstance(rule, RoundedEqual):
        yield Comparison(rule, rule.left, rule.right)


def check_comparisons(rule: Rule, book: Book, *, strict: bool = False) -> list[Finding]:
    found = []
    evaluate = _share if isinstance(rule, Share) else _rounded
    for comparison in comparisons(rule, book):
        cells = (comparison.printed, *comparison.terms)
        if any((c.row, c.col) in book.tables[c.table].unreadable for c in cells):
            continue
        finding = evaluate(comparison, book, strict)
        if finding is not None:
            found.append(finding)
    return found


def expected_share(part: Decimal, whole: Decimal, decimals: int) -> Decimal:
    """占比 as printed: ``part`` ÷ ``whole`` × 100, rounded half-up to ``decimals`` (build and check agree)."""
    return round_half_up(part / whole * HUNDRED, decimals)


def _value(book: Book, cell: Cell) -> Decimal:
    return book.tables[cell.table].value(cell.row, cell.col)


def _share(comparison: Comparison, book: Book, strict: bool) -> Finding | None:
    rule = comparison.rule
    assert isinstance(rule, Share)
    part_cell, whole_cell = comparison.terms
    part, whole = _value(book, part_cell), _value(book, whole_cell)
    shown = _value(book, comparison.printed)
    u = half_unit(book.tables[rule.table].spec.decimals)
    if abs(whole) <= u:
        return None  # no share of nothing
    expected = expected_share(part, whole, rule.decimals)
    if shown == expected:
        return None
    corners = [(p / w) * HUNDRED for p in (part - u, part + u) for w in (whole - u, whole + u)]
    low, high = min(corners) - half_unit(rule.decimals), max(corners) + half_unit(rule.decimals)
    residue = not strict and low <= shown <= high
    tolerance = max(expected - low, high - expected).quantize(Decimal("0.0001"), rounding=ROUND_UP)
    span = (round_half_up(low, rule.decimals + 2), round_half_up(high, rule.decimals + 2))
    note = messages_zh.share_note(*span, residue)
    return _finding(comparison, book, "share", shown, expected, tolerance, residue, note)


def _rounded(comparison: Comparison, book: Book, strict: bool) -> Finding | None:
    decimals = book.tables[comparison.printed.table].spec.decimals
    source = sum((_value(book, c) * c.sign for c in comparison.terms), ZERO)
    shown = _value(book, comparison.printed)
    expected = round_half_up(source, decimals)
    if shown == expected:
        return None
    tolerance = half_unit(decimals) + sum(
        (half_unit(book.tables[c.table].spec.decimals) for c in comparison.terms), ZERO
    )
    residue = not strict and abs(shown - source) <= tolerance
    return _finding(comparison, book, "cross_table", shown, expected, tolerance, residue, "")


def _finding(
    comparison: Comparison,
    book: Book,
    kind: str,
    shown: Decimal,
    expected: Decimal,
    tolerance: Decimal,
    residue: bool,
    note: str,
) -> Finding:
    cell = comparison.printed
    table = book.tables[cell.table]
    terms = [book.tables[c.table].location(c.row, c.col) for c in comparison.terms]
    return Finding(
        rule_id=comparison.rule.id,
        kind=kind,
        severity=Severity.WARNING if residue else Severity.ERROR,
        table=cell.table,
        table_title=table.spec.title,
        row_key=cell.row,
        col_key=cell.col,
        location=table.location(cell.row, cell.col),
        expected=expected,
        actual=shown,
        difference=shown - expected,
        tolerance=tolerance,
        terms=tuple(t for t in terms if t is not None),
        basis=comparison.rule.basis,
        subject=table.subject(cell.row, cell.col),
        note=note,
    )
