"""Declarations of tables and rules: frozen data that can be listed, diffed and checked.

A ``TableSpec`` describes one published table (rows with 行次, columns with 栏次, titles);
rules are a small closed set of types, each evaluated by one function in ``checks``.
Keys are stable identifiers, never cell addresses.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from yujuesuan.spec import notation

if TYPE_CHECKING:
    from yujuesuan.spec.forms import FormSpec

TOTAL = "合计"


class Strength(enum.Enum):
    """How binding an identity is (spec §3): H must hold, C holds under a stated condition,
    W is only a plausibility correspondence (never an error)."""

    HARD = "H"
    CONDITIONAL = "C"
    PLAUSIBLE = "W"


class RowsMode(enum.Enum):
    FIXED = "fixed"  # rows declared with 行次 or fixed keys (表1, 表4, 三公)
    FUNCTION = "function"  # 合计 + 功能分类科目 rows (表2, 表3, 表5, 政府性基金, 国有资本经营)
    ECONOMIC = "economic"  # 经济分类科目 rows in column groups (表6)


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    key: str  # 栏次 as text ("1") or a fixed key ("amount")
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RowSpec:
    key: str  # 行次 as text ("27"), a code ("301"), or a fixed key ("人员经费合计")
    label: str
    line: int | None = None
    code: str | None = None  # the 类 code a summary line stands for (表1/表4 class lines)
    columns: tuple[str, ...] = ()  # the amount columns this row has (empty = all)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Cell:
    """One amount: table id, row key, column key; ``sign`` when it is a term of a sum."""

    table: str
    row: str
    col: str
    sign: int = 1

    def __neg__(self) -> Cell:
        return Cell(self.table, self.row, self.col, -self.sign)


@dataclass(frozen=True, slots=True)
class Condition:
    """When a C-kind identity applies: every ``zero`` cell is blank/0, every pair equal."""

    text: str
    zero: tuple[Cell, ...] = ()
    equal: tuple[tuple[Cell, Cell], ...] = ()


@dataclass(frozen=True, slots=True)
class RowSum:
    """A row equals a signed sum of rows, in each of ``columns`` (default: the target's own)."""

    id: str
    table: str
    target: str
    terms: tuple[tuple[int, str], ...]
    basis: str
    columns: tuple[str, ...] = ()
    kind = "intra"
    strength = Strength.HARD

    @classmethod
    def from_footnote(cls, id: str, table: str, text: str, *, columns: tuple[str, ...] = ()) -> RowSum:
        target, terms = _parse_note(id, text, "行")
        return cls(id=id, table=table, target=target, terms=terms, basis=text, columns=columns)


@dataclass(frozen=True, slots=True)
class ColumnSum:
    """A column equals a signed sum of columns, on every row that has them (栏各行)."""

    id: str
    table: str
    target: str
    terms: tuple[tuple[int, str], ...]
    basis: str
    rows: tuple[str, ...] = ()  # empty = every row
    kind = "intra"
    strength = Strength.HARD

    @classmethod
    def from_footnote(cls, id: str, table: str, text: str, *, rows: tuple[str, ...] = ()) -> ColumnSum:
        target, terms = _parse_note(id, text, "栏")
        return cls(id=id, table=table, target=target, terms=terms, basis=text, rows=rows)


def _parse_note(id: str, text: str, axis: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """(target key, signed term keys) of a printed note, which must be along ``axis``."""
    ident = notation.parse(text)
    if ident.axis != axis:
        raise_spec(f"{id}: 表下注应以“{axis}”为单位：{text}")
    return str(ident.target), tuple((s, str(n)) for s, n in ident.terms)


def note_target(text: str) -> int:
    """The line or column a printed note defines (for rule ids such as ``fa.t1.r27``)."""
    return notation.parse(text).target


@dataclass(frozen=True, slots=True)
class TreeSum:
    """合计 = Σ类, 类 = Σ款, 款 = Σ项 over the code rows present (children found by prefix)."""

    id: str
    table: str
    catalog: str
    basis: str = "合计 = Σ类；类 = Σ款；款 = Σ项（按编码前缀）"
    columns: tuple[str, ...] = ()
    kind = "hierarchy"
    strength = Strength.HARD


@dataclass(frozen=True, slots=True)
class CellIdentity:
    """Σ left ``relation`` Σ right, for cells anywhere in the set (cross-table ties)."""

    id: str
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]
    basis: str
    relation: str = "="  # "=", "<=", ">="
    strength: Strength = Strength.HARD
    condition: Condition | None = None
    kind = "cross"


@dataclass(frozen=True, slots=True)
class RowsMatch:
    """Row by row, by code: ``left_table[r].left_col relation right_table[r].right_col``.

    A fixed-row table takes part through the rows that carry a ``code`` (the 类 lines).
    """

    id: str
    left: tuple[str, str]  # (table, column)
    right: tuple[str, str]
    basis: str
    relation: str = "="
    strength: Strength = Strength.HARD
    condition: Condition | None = None
    with_total: bool = True
    kind = "cross"


@dataclass(frozen=True, slots=True)
class InCatalog:
    """Every code row exists in the year's catalog and its printed name matches."""

    id: str
    table: str
    catalog: str
    basis: str = "科目编码与名称须符合当年政府收支分类科目"
    kind = "catalog"
    strength = Strength.HARD


@dataclass(frozen=True, slots=True)
class PrefixTree:
    """合计 = Σ top-level rows; each row = Σ the rows one level below whose code it prefixes.

    For codes that are no catalog (单位编码 ``136`` › ``136001``): ``levels`` are the code
    lengths, top first. A code of another length is left out of every sum."""

    id: str
    table: str
    levels: tuple[int, ...]
    basis: str
    columns: tuple[str, ...] = ()
    kind = "hierarchy"
    strength = Strength.HARD


@dataclass(frozen=True, slots=True)
class Share:
    """占比: each ``(part row, whole row)`` pair prints part / whole × 100 in ``column``,
    rounded to ``decimals``; the amounts are in ``amount_column``.

    Not a linear identity (``linear`` is False): it is checked by ``checks.comparisons``, never
    expanded into equations, so rounding and formula templates leave it alone."""

    id: str
    table: str
    column: str
    amount_column: str
    parts: tuple[tuple[str, str], ...]
    basis: str
    decimals: int = 1
    kind = "intra"
    strength = Strength.HARD
    linear = False


@dataclass(frozen=True, slots=True)
class RoundedEqual:
    """A figure printed at its table's coarser precision (``TableSpec.decimals``, 0.1 万元 on
    表11) = Σ ``right`` rounded half-up to that precision.

    Not a linear identity (``linear`` is False): checked by ``checks.comparisons`` only."""

    id: str
    left: Cell
    right: tuple[Cell, ...]
    basis: str
    kind = "cross"
    strength = Strength.HARD
    linear = False


Rule = (
    RowSum | ColumnSum | TreeSum | CellIdentity | RowsMatch | InCatalog | PrefixTree | Share | RoundedEqual
)


@dataclass(frozen=True)
class TableSpec:
    id: str  # "fa.t3"
    name: str  # standard name, "支出决算表"
    number: int  # position in the published set (表N / 公开0N表)
    rows_mode: RowsMode
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...] = ()
    aliases: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    notes: tuple[str, ...] = ()  # the 注 lines printed under the table
    label: str = ""  # the printed table number when it is not an integer ("5-1")
    empty_notes: tuple[str, ...] = ()  # 空表说明 sentences that make an empty body correct
    decimals: int = 2  # printed precision of the amounts (表11 prints 0.1 万元)

    @property
    def title(self) -> str:
        return f"表{self.label or self.number} {self.name}"

    @cached_property
    def _rows_by_key(self) -> dict[str, RowSpec]:
        return {r.key: r for r in self.rows}

    def row(self, key: str) -> RowSpec | None:
        return self._rows_by_key.get(key)

    @property
    def code_catalog(self) -> str | None:
        """Which catalog names this table's row codes ("function"/"economic"; None: no codes).

        The 2024 budget 表6 has code rows like a function table but its codes are 经济分类: the
        catalog its ``InCatalog``/``TreeSum`` rules name says so, not the row mode."""
        if self.rows_mode is RowsMode.FIXED:
            return None
        if self.rows_mode is RowsMode.ECONOMIC:
            return "economic"
        named = [r.catalog for r in self.rules if isinstance(r, (InCatalog, TreeSum))]
        if not named and any(isinstance(r, PrefixTree) for r in self.rules):
            return None  # 单位编码 (附表-5-2): codes of no catalog
        return named[0] if named else "function"

    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    def row_columns(self, key: str) -> tuple[str, ...]:
        row = self.row(key)
        if row is not None and row.columns:
            return row.columns
        return self.column_keys()


@dataclass(frozen=True)
class TableSet:
    """The nine tables of one kind and layout, and the identities that tie them together."""

    kind: str  # "决算" / "预算"
    layout: str  # "2021", "2022"
    years: range
    tables: tuple[TableSpec, ...]
    cross_rules: tuple[Rule, ...] = field(default=())
    # Repeated labelled forms (表12-n), apart from the grid tables: see spec.forms.
    forms: tuple[FormSpec, ...] = field(default=())

    def table(self, table_id: str) -> TableSpec:
        for spec in self.tables:
            if spec.id == table_id:
                return spec
        raise KeyError(table_id)

    def all_rules(self) -> tuple[Rule, ...]:
        return tuple(r for t in self.tables for r in t.rules) + self.cross_rules


def raise_spec(message: str) -> None:
    from yujuesuan.errors import SpecError

    raise SpecError(message)


def cols(*labels: str) -> tuple[ColumnSpec, ...]:
    """``cols("1 本年支出合计", "2 基本支出")`` → column specs keyed by 栏次."""
    out = []
    for text in labels:
        key, _, label = text.partition(" ")
        names = label.split("|")
        out.append(ColumnSpec(key=key, label=names[0], aliases=tuple(names[1:])))
    return tuple(out)


def rule_tables(rule: Rule) -> tuple[str, ...]:
    """The tables a rule reads (a rule whose table is missing is not evaluated)."""
    if isinstance(rule, CellIdentity):
        cells = rule.left + rule.right
        return tuple(dict.fromkeys(c.table for c in cells))
    if isinstance(rule, RowsMatch):
        return tuple(dict.fromkeys((rule.left[0], rule.right[0])))
    if isinstance(rule, RoundedEqual):
        return tuple(dict.fromkeys(c.table for c in (rule.left, *rule.right)))
    return (rule.table,)
