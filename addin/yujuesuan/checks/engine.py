"""Run every rule of a table set over a book and classify each difference.

Classification follows XBRL Calculations 1.1: each published term is within ±0.005 of its
true value, so an identity over n printed cells may be off by up to n × 0.005 万元 from
rounding alone — such a difference is a 尾数差异 (warning); anything larger is an 错误.
A rule that crashes becomes one ``internal_error`` finding and never hides the others.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from decimal import Decimal

from yujuesuan.checks.catalog import check_catalog
from yujuesuan.checks.comparisons import check_comparisons
from yujuesuan.checks.forms import check_forms
from yujuesuan.checks.equations import Equation, expand, nearest_parent
from yujuesuan.findings import Finding, Location, Report, Severity
from yujuesuan.money import mixed_rounding_band
from yujuesuan.spec.model import (
    TOTAL,
    Cell,
    Condition,
    InCatalog,
    RoundedEqual,
    Rule,
    RowsMode,
    Share,
    Strength,
    TableSet,
    TreeSum,
    rule_tables,
)
from yujuesuan.tables import ZERO, Book


@dataclass(frozen=True)
class Policy:
    """``strict``: any nonzero difference is an 错误 (for our own builders' output).
    ``plausibility``: also run the W correspondences (economic ↔ functional), as warnings; they
    are not identities, so they are off unless asked for (quiet where the peers are noisy).
    ``raise_errors``: let a crashing rule raise (tests)."""

    strict: bool = False
    plausibility: bool = False
    raise_errors: bool = False


def run(book: Book, table_set: TableSet, policy: Policy = Policy()) -> Report:
    findings: list[Finding] = list(book.problems)
    failed = run_count = 0
    for rule in table_set.all_rules():
        if any(t not in book.tables for t in rule_tables(rule)):
            continue
        if rule.strength is Strength.PLAUSIBLE and not policy.plausibility:
            continue
        run_count += 1
        try:
            findings += _check_rule(rule, book, policy)
        except Exception:
            if policy.raise_errors:
                raise
            failed += 1
            findings.append(_internal_error(rule))
    form_findings, form_runs, form_failed = check_forms(book, table_set, raise_errors=policy.raise_errors)
    findings += form_findings
    run_count += form_runs
    failed += form_failed
    return Report(
        findings=tuple(sorted(findings, key=_sort_key(table_set))),
        source=book.source,
        year=book.year,
        kind=book.kind,
        tables_found=tuple(t.id for t in table_set.tables if t.id in book.tables),
        rules_run=run_count,
        rules_failed_internally=failed,
    )


def _check_rule(rule: Rule, book: Book, policy: Policy) -> list[Finding]:
    if isinstance(rule, InCatalog):
        return check_catalog(rule, book)
    if isinstance(rule, (Share, RoundedEqual)):  # 占比, figures at a coarser precision
        return check_comparisons(rule, book, strict=policy.strict)
    condition = getattr(rule, "condition", None)
    if condition is not None and not _holds(condition, book):
        return []
    found = [
        f for eq in expand(rule, book) if not _unreadable(eq, book) and (f := _evaluate(eq, book, policy)) is not None
    ]
    if isinstance(rule, TreeSum):
        found += _orphans(rule, book)
    return found


def _holds(condition: Condition, book: Book) -> bool:
    if any(_value(book, c) != ZERO for c in condition.zero):
        return False
    return all(_value(book, a) == _value(book, b) for a, b in condition.equal)


def _unreadable(eq: Equation, book: Book) -> bool:
    """An equation over a cell already reported as non-numeric is not evaluated (no echo errors)."""
    return any((c.row, c.col) in book.tables[c.table].unreadable for c in eq.left + eq.right if c.table in book.tables)


def _value(book: Book, cell: Cell) -> Decimal:
    table = book.tables.get(cell.table)
    return ZERO if table is None else table.value(cell.row, cell.col)


def _evaluate(eq: Equation, book: Book, policy: Policy) -> Finding | None:
    actual = sum((_value(book, c) * c.sign for c in eq.left), ZERO)
    expected = sum((_value(book, c) * c.sign for c in eq.right), ZERO)
    diff = actual - expected
    excess = {"=": abs(diff), "<=": diff, ">=": -diff}[eq.relation]
    if excess <= 0:
        return None
    band = _band(eq, book)
    if eq.rule.strength is Strength.PLAUSIBLE:
        severity = Severity.WARNING
    elif policy.strict or excess > band:
        severity = Severity.ERROR
    else:
        severity = Severity.WARNING
    anchor = eq.left[0]
    table = book.tables[anchor.table]
    others = [c for c in eq.left[1:] + eq.right]
    return Finding(
        rule_id=eq.rule.id,
        kind=eq.kind,
        severity=severity,
        table=anchor.table,
        table_title=table.spec.title,
        row_key=anchor.row,
        col_key=anchor.col,
        location=table.location(anchor.row, anchor.col),
        expected=expected,
        actual=actual,
        difference=diff,
        tolerance=band,
        terms=tuple(loc for c in others if (loc := _location(book, c)) is not None),
        basis=eq.rule.basis,
        subject=table.subject(anchor.row, anchor.col) if len(eq.left) == 1 else _joined_subject(eq, book),
    )


def _band(eq: Equation, book: Book) -> Decimal:
    """n × 0.005 for n cent figures; a table printed at 0.1 万元 (表11) widens its cells' share."""
    tables = [book.tables[c.table] for c in eq.left + eq.right if c.table in book.tables]
    return mixed_rounding_band(t.spec.decimals for t in tables)


def _location(book: Book, cell: Cell) -> Location | None:
    table = book.tables.get(cell.table)
    return None if table is None else table.location(cell.row, cell.col)


def _joined_subject(eq: Equation, book: Book) -> str:
    table = book.tables[eq.left[0].table]
    return "、".join(table.subject(c.row, c.col) for c in eq.left) + "之和"


def _orphans(rule: TreeSum, book: Book) -> list[Finding]:
    """A code printed without its direct parent row: the subtotal line is missing."""
    table = book.tables[rule.table]
    present = set(table.code_rows())
    out = []
    for code in sorted(present):
        if len(code) > 3 and code[: len(code) - 2] not in present:
            nearest = nearest_parent(code, present)
            out.append(
                Finding(
                    rule_id=rule.id,
                    kind="missing_row",
                    severity=Severity.WARNING,
                    table=rule.table,
                    table_title=table.spec.title,
                    row_key=code,
                    location=table.location(code, ""),
                    subject=f"科目{code[: len(code) - 2]}（{code}的上级科目）行",
                    note=f"已将{code}直接计入{nearest or '合计'}。",
                )
            )
    return out


def _internal_error(rule: Rule) -> Finding:
    return Finding(
        rule_id=rule.id,
        kind="internal_error",
        severity=Severity.ERROR,
        table=rule_tables(rule)[0],
        basis=rule.id,
        note=traceback.format_exc(limit=3).strip().splitlines()[-1],
    )


def _sort_key(table_set: TableSet):  # type: ignore[no-untyped-def]
    order = {t.id: i for i, t in enumerate(table_set.tables)}
    specs = {t.id: t for t in table_set.tables}

    def key(f: Finding) -> tuple[object, ...]:
        spec = specs.get(f.table)
        row = f.row_key or ""
        if row == TOTAL:
            row_key: tuple[int, int, str] = (0, 0, "")
        elif spec is not None and spec.rows_mode is RowsMode.FIXED and row.isdigit():
            row_key = (1, int(row), "")
        elif row.isdigit():
            row_key = (1, 0, row)
        else:
            row_key = (2, 0, row)
        col = f.col_key or ""
        col_key = (0, int(col), "") if col.isdigit() else (1, 0, col)
        # tables of the set in their order; then form instances (bu.t12, bu.t12-1, bu.t12-2 … bu.t12-10)
        table_key = (order[f.table], 0, "") if f.table in order else (len(order), len(f.table), f.table)
        return (table_key, row_key, col_key, f.rule_id, f.severity.rank, str(f.location))

    return key
