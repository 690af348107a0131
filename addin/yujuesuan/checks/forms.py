"""Evaluate the rules of repeated forms (表12-n) over every instance read from a workbook.

Form amounts are in 元 and are not rounded figures, so an identity inside one form has no
rounding band: any difference is an 错误. Two rules do involve rounding and say so: a ratio
printed to ``decimals`` (执行率, ±half a unit of the last printed digit is right, nothing to
report) and the total of all instances against a table in 万元 (B22: within half a cent of the
万元 figure is right; up to one half cent per project is a 尾数差异; beyond is an 错误 — and a
total that equals the 万元 figure without the ÷10,000 is reported as a unit error).
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from decimal import Decimal

from yujuesuan.findings import Finding, Severity
from yujuesuan.money import HALF_CENT, half_unit, quantize_cent, round_half_up, rounding_band
from yujuesuan.spec.forms import VALUE, FormIdentity, FormProduct, FormRatio, FormRule, FormSpec, FormTotal, Lines
from yujuesuan.spec.model import Cell, TableSet
from yujuesuan.tables import ZERO, Book, Table


def check_forms(book: Book, table_set: TableSet, *, raise_errors: bool = False) -> tuple[list[Finding], int, int]:
    """(findings, rules run, rules failed internally) over every form instance in ``book``."""
    findings: list[Finding] = []
    run = failed = 0
    for form in table_set.forms:
        instances = instances_of(book, form.id)
        if not instances:
            continue
        for rule in form.rules:
            if isinstance(rule, FormTotal) and rule.against.table not in book.tables:
                continue
            run += 1
            try:
                findings += _check(rule, form, instances, book)
            except Exception:
                if raise_errors:
                    raise
                failed += 1
                findings.append(_internal_error(rule))
    return findings, run, failed


def instances_of(book: Book, form_id: str) -> list[Table]:
    """The tables read from the instances of one form, in printed-number order."""
    found = [t for tid, t in book.tables.items() if t.spec.id == tid and tid.rpartition("-")[0] == form_id]
    return sorted(found, key=lambda t: (len(t.spec.id), t.spec.id))


def _check(rule: FormRule, form: FormSpec, instances: list[Table], book: Book) -> list[Finding]:
    if isinstance(rule, FormTotal):
        return _total(rule, form, instances, book)
    out: list[Finding] = []
    for table in instances:
        if isinstance(rule, FormIdentity):
            out += _identity(rule, form, table)
        elif isinstance(rule, FormProduct):
            out += _product(rule, form, table)
        else:
            out += _ratio(rule, form, table)
    return out


# -- within one instance ---------------------------------------------------------------------


def _keys(table: Table, term: Cell | Lines) -> list[tuple[str, str]]:
    if isinstance(term, Lines):
        return [(r, term.column) for r in _lines(table, term.block)]
    return [(term.row, term.col)]


def _lines(table: Table, block: str) -> list[str]:
    return [r for r in table.rows_seen if r.startswith(block + ".")]


def _identity(rule: FormIdentity, form: FormSpec, table: Table) -> list[Finding]:
    left = [k for t in rule.left for k in _keys(table, t)]
    right = [k for t in rule.right for k in _keys(table, t)]
    if not left or not table.has_row(left[0][0]) or any(k in table.unreadable for k in left + right):
        return []  # the field or block is not on this form, or a figure is unreadable (reported)
    actual = sum((table.value(*k) for k in left), ZERO)
    expected = sum((table.value(*k) for k in right), ZERO)
    diff = actual - expected
    excess = -diff if rule.relation == ">=" else abs(diff)
    if excess <= 0:
        return []
    kind = "form_sum" if rule.relation == "=" else "form_bound"
    return [_finding(rule.id, kind, form, table, left[0], expected, actual, left[1:] + right, rule.basis)]


def _product(rule: FormProduct, form: FormSpec, table: Table) -> Iterator[Finding]:
    for row in _lines(table, rule.block):
        keys = [(row, c) for c in rule.factors]
        target = (row, rule.target)
        if any(k not in table.cells for k in keys) or any(k in table.unreadable for k in (*keys, target)):
            continue  # a line without 单价 or 计量数 is not a product line
        expected = ZERO + 1
        for k in keys:
            expected *= table.value(*k)
        expected = quantize_cent(expected)
        actual = table.value(*target)
        if actual != expected:
            yield _finding(rule.id, "form_product", form, table, target, expected, actual, keys, rule.basis)


def _ratio(rule: FormRatio, form: FormSpec, table: Table) -> Iterator[Finding]:
    half = half_unit(rule.decimals)
    for row in _lines(table, rule.block):
        keys = [(row, c) for c in (rule.target, rule.numerator, rule.denominator)]
        denominator = table.value(row, rule.denominator)
        if denominator == 0 or keys[0] not in table.cells or any(k in table.unreadable for k in keys):
            continue
        exact = table.value(row, rule.numerator) / denominator * rule.scale
        printed = table.value(row, rule.target)
        if abs(printed - exact) <= half:
            continue  # the printed rounding of the exact ratio (99.997% printed 100.00%)
        expected = round_half_up(exact, rule.decimals)
        yield _finding(
            rule.id, "form_ratio", form, table, keys[0], expected, printed, keys[1:], rule.basis, tolerance=half
        )


def _finding(
    rule_id: str,
    kind: str,
    form: FormSpec,
    table: Table,
    anchor: tuple[str, str],
    expected: Decimal,
    actual: Decimal,
    others: list[tuple[str, str]],
    basis: str,
    *,
    tolerance: Decimal = ZERO,
) -> Finding:
    return Finding(
        rule_id=rule_id,
        kind=kind,
        severity=Severity.ERROR,
        table=table.spec.id,
        table_title=table.spec.title,
        row_key=anchor[0],
        col_key=anchor[1],
        location=table.location(*anchor),
        expected=expected,
        actual=actual,
        difference=actual - expected,
        tolerance=tolerance,
        terms=tuple(loc for k in others if (loc := table.location(*k)) is not None),
        basis=basis,
        subject=subject(form, table, *anchor),
    )


def subject(form: FormSpec, table: Table, row: str, col: str) -> str:
    """How a message names a form figure: “项目当年预算”, “项目资金来源”中“合计”的“金额”,
    “项目支出明细测算”第2行“党建工作经费”的“测算数”."""
    if col == VALUE:
        spec_row = table.spec.row(row)
        return f"“{spec_row.label if spec_row else row}”"
    block_key, _, n = row.partition(".")
    for block in form.blocks:
        column = next((c.label for c in block.columns if c.key == col), col)
        if n and block.key == block_key:
            name = table.row_names.get(row, "")
            return f"“{block.label}”第{n}行{('“' + name + '”') if name else ''}的“{column}”"
        fixed = next((r for r in block.rows if r.key == row), None)
        if fixed is not None:
            return f"“{block.label}”中“{fixed.label}”的“{column}”"
    return f"“{row}”"


# -- across instances (B22) ----------------------------------------------------------------


def _total(rule: FormTotal, form: FormSpec, instances: list[Table], book: Book) -> list[Finding]:
    key = (rule.field, VALUE)
    present = [t for t in instances if t.has_row(rule.field)]
    if not present or any(key in t.unreadable for t in present):
        return []
    other = book.tables[rule.against.table]
    against = (rule.against.row, rule.against.col)
    total = sum((t.value(*key) for t in present), ZERO)
    shown = other.value(*against)
    actual = total / rule.scale
    diff = actual - shown
    if abs(diff) <= HALF_CENT:
        return []  # the 元 total rounds to the 万元 figure
    band = rounding_band(len(present))
    unit_slip = shown != 0 and abs(total - shown) <= band
    first = present[0]
    terms = [loc for t in present[1:] if (loc := t.location(*key)) is not None]
    if (loc := other.location(*against)) is not None:
        terms.append(loc)
    return [
        Finding(
            rule_id=rule.id,
            kind="unit_mismatch" if unit_slip else "form_total",
            severity=Severity.ERROR if unit_slip or abs(diff) > band else Severity.WARNING,
            table=form.id,
            table_title=f"表{form.number} {form.name}",
            row_key=rule.field,
            col_key=VALUE,
            location=first.location(*key),
            expected=shown,
            actual=total if unit_slip else actual,
            difference=(total if unit_slip else actual) - shown,
            tolerance=band,
            terms=tuple(terms),
            basis=rule.basis,
            subject=f"各项目（{len(present)}个）{subject(form, first, *key)}之和",
            note=f"{other.spec.title}{other.subject(*against)}",
        )
    ]


def _internal_error(rule: FormRule) -> Finding:
    return Finding(
        rule_id=rule.id,
        kind="internal_error",
        severity=Severity.ERROR,
        table=rule.form,
        basis=rule.id,
        note=traceback.format_exc(limit=3).strip().splitlines()[-1],
    )
