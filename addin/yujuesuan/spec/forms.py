"""Repeated labelled forms (表12-n 部门项目支出绩效目标表): fields, blocks and their rules, as data.

A form is not a grid: each figure sits beside its printed label ("项目当年预算 | 125,000.00") or
in a small labelled block ("项目资金来源" with a "来源项目 | 金额" header). One ``FormSpec`` describes
the form; a workbook holds any number of instances of it (one per project), each read into its
own ``Table`` whose id is the form id plus the printed instance number (``bu.t12-1``).

Forms live in ``TableSet.forms``, apart from ``TableSet.tables``: the grid paths (template
rendering, controlled rounding, the 校验 sheet) never see them, and their rules are evaluated by
``checks.forms`` only. Amounts of a form are in its ``unit`` and are not rounded figures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from yujuesuan.spec.model import Cell, ColumnSpec, RowsMode, RowSpec, TableSpec

VALUE = "value"  # the column of a single labelled field


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """A labelled figure: its value is the first non-empty cell right of the label."""

    key: str
    label: str
    amount: bool = True  # False: text (项目名称, 项目安排频度)


@dataclass(frozen=True, slots=True)
class BlockSpec:
    """A labelled block: a header row of column labels, then lines until the next label.

    With ``rows`` the lines are fixed and found by their printed label (项目资金来源); without,
    every line that carries a figure is one free line, keyed ``<block key>.<n>`` (项目支出明细测算).
    """

    key: str
    label: str
    columns: tuple[ColumnSpec, ...]
    label_column: str  # the column whose text names a line (来源项目, 项目任务明细)
    amounts: tuple[str, ...]  # columns read as amounts
    percents: tuple[str, ...] = ()  # columns read as percentages (执行率 "82.43%")
    counts: tuple[str, ...] = ()  # amount columns that are counts, kept with all their decimals (计量数)
    rows: tuple[RowSpec, ...] = ()

    def line_key(self, n: int) -> str:
        return f"{self.key}.{n}"


@dataclass(frozen=True, slots=True)
class Lines:
    """Every free line of ``block`` in ``column`` (the terms of Σ 测算数)."""

    block: str
    column: str


@dataclass(frozen=True, slots=True)
class FormIdentity:
    """Σ left ``relation`` Σ right within one instance; terms are ``Cell`` (table = form id) or ``Lines``."""

    id: str
    form: str
    left: tuple[Cell | Lines, ...]
    right: tuple[Cell | Lines, ...]
    basis: str
    relation: str = "="  # "=", ">="


@dataclass(frozen=True, slots=True)
class FormProduct:
    """On every free line of ``block``: ``target`` = Π ``factors`` (单价 × 计量数 = 测算数), exact to the 分."""

    id: str
    form: str
    block: str
    factors: tuple[str, ...]
    target: str
    basis: str


@dataclass(frozen=True, slots=True)
class FormRatio:
    """On every free line of ``block``: ``target`` = numerator / denominator × ``scale``,
    printed to ``decimals`` (执行率 = 执行数 / 预算数, in %). Lines without a denominator are skipped."""

    id: str
    form: str
    block: str
    target: str
    numerator: str
    denominator: str
    basis: str
    scale: int = 100
    decimals: int = 2


@dataclass(frozen=True, slots=True)
class FormTotal:
    """Σ over all instances of ``field`` / ``scale`` = ``against`` (another table, another unit):
    Σ 项目当年预算 (元) / 10,000 = 表3 合计 项目支出 (万元)."""

    id: str
    form: str
    field: str
    against: Cell
    basis: str
    scale: int = 10000
    against_unit: str = "万元"


FormRule = FormIdentity | FormProduct | FormRatio | FormTotal


@dataclass(frozen=True)
class FormSpec:
    id: str  # "bu.t12"
    name: str  # "部门项目支出绩效目标表"
    number: int
    unit: str  # "元"
    fields: tuple[FieldSpec, ...]
    blocks: tuple[BlockSpec, ...]
    name_field: str  # the field that names an instance (项目名称)
    stops: tuple[str, ...] = ()  # labels that end the last block (项目绩效总目标)
    rules: tuple[FormRule, ...] = ()
    aliases: tuple[str, ...] = ()

    def block(self, key: str) -> BlockSpec:
        return next(b for b in self.blocks if b.key == key)

    def instance_spec(self, label: str, project: str) -> TableSpec:
        """The ``TableSpec`` of one instance (``表12-1``): fields and fixed block rows as rows."""
        rows = [RowSpec(key=f.key, label=f.label, columns=(VALUE,)) for f in self.fields]
        rows += [replace(r, columns=b.amounts) for b in self.blocks for r in b.rows]
        columns = {VALUE: ColumnSpec(VALUE, "")} | {c.key: c for b in self.blocks for c in b.columns}
        name = f"{self.name}（{project}）" if project else self.name
        return TableSpec(
            id=instance_id(self.id, label),
            name=name,
            number=self.number,
            rows_mode=RowsMode.FIXED,
            columns=tuple(columns.values()),
            rows=tuple(rows),
            label=label,
        )


def instance_id(form_id: str, label: str) -> str:
    """``bu.t12`` + printed number ``12-3`` → ``bu.t12-3``."""
    return f"{form_id}-{label.rpartition('-')[2]}" if "-" in label else f"{form_id}-{label}"


def form_problems(form: FormSpec) -> list[str]:
    """Typos in a form's rules: unknown fields, rows, blocks or columns."""
    rows = {f.key: (VALUE,) for f in form.fields} | {r.key: b.amounts for b in form.blocks for r in b.rows}
    blocks = {b.key: b for b in form.blocks}
    problems: list[str] = []

    def line_columns(block: str, *columns: str) -> None:
        spec = blocks.get(block)
        if spec is None:
            problems.append(f"{form.id}无“{block}”栏目")
            return
        known = {c.key for c in spec.columns}
        problems.extend(f"{form.id}“{spec.label}”无“{c}”列" for c in columns if c not in known)

    for rule in form.rules:
        if isinstance(rule, FormIdentity):
            for term in rule.left + rule.right:
                if isinstance(term, Lines):
                    line_columns(term.block, term.column)
                elif term.table != form.id or term.col not in rows.get(term.row, ()):
                    problems.append(f"{rule.id}: {form.id}无“{term.row}”“{term.col}”")
        elif isinstance(rule, FormProduct):
            line_columns(rule.block, *rule.factors, rule.target)
        elif isinstance(rule, FormRatio):
            line_columns(rule.block, rule.target, rule.numerator, rule.denominator)
        elif rule.field not in rows:
            problems.append(f"{rule.id}: {form.id}无“{rule.field}”")
    return problems
