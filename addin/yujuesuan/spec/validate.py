"""Integrity of a declared ``TableSet``: a typo in a rule is caught here, not in a user's report."""

from __future__ import annotations

from collections import Counter

from yujuesuan.spec.forms import FormTotal, form_problems
from yujuesuan.spec.model import (
    Cell,
    CellIdentity,
    ColumnSum,
    PrefixTree,
    RoundedEqual,
    RowsMatch,
    RowsMode,
    RowSum,
    Rule,
    Share,
    TableSet,
    TableSpec,
)


def validate(table_set: TableSet) -> list[str]:
    """Every problem found, as text; empty when the set is sound."""
    problems: list[str] = []
    ids = Counter(rule.id for rule in table_set.all_rules() + tuple(r for f in table_set.forms for r in f.rules))
    problems += [f"规则编号重复：{rid}" for rid, n in ids.items() if n > 1]
    tables = {t.id: t for t in table_set.tables}
    numbers = Counter(t.number for t in table_set.tables)
    problems += [f"表号重复：表{n}" for n, c in numbers.items() if c > 1]
    for rule in table_set.all_rules():
        problems += [f"{rule.id}: {p}" for p in _rule_problems(rule, tables)]
    for form in table_set.forms:  # 表12-n: their own rule types (spec.forms)
        problems += form_problems(form)
        problems += [
            f"{rule.id}: {p}"
            for rule in form.rules
            if isinstance(rule, FormTotal)
            for p in _cell_problems(rule.against, tables)
        ]
    return problems


def _rule_problems(rule: Rule, tables: dict[str, TableSpec]) -> list[str]:
    if isinstance(rule, CellIdentity):
        return [p for cell in rule.left + rule.right for p in _cell_problems(cell, tables)]
    if isinstance(rule, RoundedEqual):
        return [p for cell in (rule.left, *rule.right) for p in _cell_problems(cell, tables)]
    if isinstance(rule, RowsMatch):
        return [
            f"表{table}无第{col}栏"
            for table, col in (rule.left, rule.right)
            if table not in tables or col not in tables[table].column_keys()
        ]
    spec = tables.get(rule.table)
    if spec is None:
        return [f"未声明的表：{rule.table}"]
    if isinstance(rule, RowSum):
        rows = (rule.target,) + tuple(r for _, r in rule.terms)
        missing = [r for r in rows if spec.row(r) is None and not _optional_code(spec, r)]
        cols = rule.columns or spec.row_columns(rule.target)
        bad = [c for c in cols for r in rows if spec.row(r) and c not in spec.row_columns(r)]
        return [f"{spec.id}无第{r}行" for r in missing] + [f"{spec.id}第{c}栏不在所有行中" for c in bad[:1]]
    if isinstance(rule, ColumnSum):
        cols = (rule.target,) + tuple(c for _, c in rule.terms)
        return [f"{spec.id}无第{c}栏" for c in cols if c not in spec.column_keys()]
    if isinstance(rule, Share):
        cells = [Cell(spec.id, r, c) for pair in rule.parts for r in pair for c in (rule.column, rule.amount_column)]
        return [p for cell in cells for p in _cell_problems(cell, tables)]
    if isinstance(rule, PrefixTree):
        bad = [f"{spec.id}无第{c}栏" for c in rule.columns if c not in spec.column_keys()]
        return bad + ([] if list(rule.levels) == sorted(set(rule.levels)) else [f"编码层级应由短到长：{rule.levels}"])
    return []


def _cell_problems(cell: Cell, tables: dict[str, TableSpec]) -> list[str]:
    spec = tables.get(cell.table)
    if spec is None:
        return [f"未声明的表：{cell.table}"]
    if cell.col not in spec.column_keys():
        return [f"{spec.id}无第{cell.col}栏"]
    if spec.rows_mode is RowsMode.FIXED or spec.row(cell.row) is not None:
        if spec.row(cell.row) is None:
            return [f"{spec.id}无第{cell.row}行"]
        if cell.col not in spec.row_columns(cell.row):
            return [f"{spec.id}第{cell.row}行无第{cell.col}栏"]
        return []
    if not cell.row.isdigit():
        return [f"{spec.id}无“{cell.row}”行"]
    return []


def _optional_code(spec: TableSpec, row: str) -> bool:
    """Code rows of a code-keyed table may be absent (absent counts as 0)."""
    return spec.rows_mode is not RowsMode.FIXED and row.isdigit()
