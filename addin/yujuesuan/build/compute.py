"""True values of every cell of the nine 决算 tables, from a valid ``Ledger``.

The ledger's millions of rows are first summed with pandas into a few hundred groups
(功能科目 × 资金来源 × 支出性质, …). Each group amount is then added, in integer 分, to every cell
that ``vocabulary`` says it lands in (its own line, the 小计, the 合计, the 总计), and the 项 rows
of the code tables are rolled up to their 款, 类 and 合计. Totals are built from the ledger, not
from the spec's sum rules, so checking the result against those rules is a real test.
Sources: spec/nine-tables.md §1–§3, design.md (底稿).
"""

from __future__ import annotations

from collections.abc import Iterable

from yujuesuan import reference
from yujuesuan.build import vocabulary as v
from yujuesuan.build.cents import Cents, CentTable, add_item, class_lines, groups, rolled_up, to_book
from yujuesuan.build.ledger import Ledger
from yujuesuan.build.vocabulary import LOOKUP
from yujuesuan.spec.final_accounts import t01_income_expense_summary as t1
from yujuesuan.spec.final_accounts import t06_basic_detail as t6
from yujuesuan.spec.model import RowsMode, TableSet, TableSpec
from yujuesuan.tables import Book

T1, T2, T3, T4, T6, SG = "fa.t1", "fa.t2", "fa.t3", "fa.t4", "fa.t6", "fa.sg"
CODE_TABLES = (T2, T3) + tuple(f.table for f in v.FUNDS)


def compute_tables(ledger: Ledger, table_set: TableSet) -> Book:
    """The true tables as a ``Book`` of exact ``Decimal`` 万元 (分 / 1,000,000, unrounded)."""
    return to_book(compute_cents(ledger, table_set), table_set, ledger.year)


def compute_cents(ledger: Ledger, table_set: TableSet) -> Cents:
    """True amounts in 分 of every table of ``table_set``, keyed by table id."""
    builder = _Builder(ledger, table_set)
    builder.spending()
    builder.income()
    builder.balances()
    builder.basic_detail()
    builder.three_public()
    return builder.finish()


class _Builder:
    """Adds each group amount into its cells; fixed tables first get every printed cell."""

    def __init__(self, ledger: Ledger, table_set: TableSet) -> None:
        self.ledger, self.set = ledger, table_set
        self.lines = {name: str(n) for name, n in t1.lines(table_set.layout).items()}
        self.tables: Cents = {spec.id: CentTable() for spec in table_set.tables}
        self.items: dict[str, dict[tuple[str, str], int]] = {t: {} for t in CODE_TABLES}
        for spec in table_set.tables:
            if spec.rows_mode is RowsMode.FIXED:
                self._printed_rows(spec)
        self.t1_class = class_lines(table_set.table(T1))
        self.t4_class = class_lines(table_set.table(T4))

    def _printed_rows(self, spec: TableSpec) -> None:
        """Labelled lines start at 0 (结余分配 prints 0.00); unlabelled lines stay blank."""
        table = self.tables[spec.id]
        for row in spec.rows:
            if row.label or spec.id == SG:
                table.add_row(row.key, row.label, spec.row_columns(row.key))

    def _item(self, table: str, code: str, columns: Iterable[str], amount: int) -> None:
        add_item(self.items[table], code, columns, amount)


    def spending(self) -> None:
        spent = groups(self.ledger.spending, ["function", "source", "nature"], ["amount"])
        for (code, source_name, nature_name), (amount,) in spent:
            source, nature = LOOKUP.sources[source_name], LOOKUP.natures[nature_name]
            self._item(T3, code, nature.spending_columns, amount)
            spent_lines = (self.t1_class[code[:3]], *self._t1(v.T1_SPENDING))
            self.tables[T1].add_lines(spent_lines, (v.T1_SPENDING_COLUMN,), amount)
            if source.spending_line is not None:
                lines = self._t1((source.spending_line, *v.T1_PAID_FROM_SOURCE))
                self.tables[T1].add_lines(lines, (v.T1_INCOME_COLUMN,), amount)
            fund = LOOKUP.fund_of(source.name)
            if fund is not None and nature.part is not None:
                self._item(fund.table, code, fund.part_columns[nature.part], amount)
                rows = (self.t4_class[code[:3]], *v.T4_SPENDING)
                self.tables[T4].add_lines(rows, (v.T4_TOTAL_COLUMN, fund.summary_column), amount)

    def income(self) -> None:
        for (code, source_name), (amount,) in groups(
            self.ledger.income, ["function", "source"], ["amount"]
        ):
            source = LOOKUP.sources[source_name]
            self._item(T2, code, source.income_columns, amount)
            earned = (str(source.income_line), *self._t1(v.T1_INCOME))
            self.tables[T1].add_lines(earned, (v.T1_INCOME_COLUMN,), amount)
            fund = LOOKUP.fund_of(source.name)
            if fund is not None:
                if fund.income_columns:  # only 政府性基金 shows its income by 功能科目
                    self._item(fund.table, code, fund.income_columns, amount)
                self.tables[T4].add_lines((fund.income_line, *v.T4_INCOME), (v.T4_INCOME_COLUMN,), amount)

    def balances(self) -> None:
        for (code, source_name), (opening, closing) in groups(
            self.ledger.balances, ["function", "source"], ["opening", "closing"]
        ):
            self.tables[T1].add_lines(self._t1(v.T1_OPENING), (v.T1_INCOME_COLUMN,), opening)
            self.tables[T1].add_lines(self._t1(v.T1_CLOSING), (v.T1_SPENDING_COLUMN,), closing)
            fund = LOOKUP.fund_of(source_name)
            if fund is None:
                continue
            if fund.opening_columns or fund.closing_columns:
                self._item(fund.table, code, fund.opening_columns, opening)
                self._item(fund.table, code, fund.closing_columns, closing)
            self.tables[T4].add_lines((fund.opening_line, *v.T4_OPENING), (v.T4_INCOME_COLUMN,), opening)
            self.tables[T4].add_lines(v.T4_CLOSING, (v.T4_TOTAL_COLUMN, fund.summary_column), closing)

    def basic_detail(self) -> None:
        """表6: basic spending of the fund it details, by 经济分类 款, 类 and footer."""
        table = self.tables[T6]
        catalog = reference.load("economic", self.ledger.year)
        for code in (c for group in t6.groups(self.set.layout) for c in group):
            table.add_row(code, catalog.name(code), ("amount",))
        for nature in v.NATURES:
            if nature.detail_total:
                table.add_row(nature.detail_total, nature.detail_total, ("amount",))
        frame = self.ledger.spending
        sources = [f.source for f in v.FUNDS if f.details_basic]
        basic = [n.name for n in v.NATURES if n.part == "basic"]
        chosen = frame[frame["source"].isin(sources) & frame["nature"].isin(basic)]
        for (code, nature_name), (amount,) in groups(chosen, ["economic", "nature"], ["amount"]):
            for row in (code[:3], code):
                table.add_row(row, catalog.name(row), ("amount",))
            footer = str(LOOKUP.natures[nature_name].detail_total)
            self.tables[T6].add_lines((code[:3], code, footer), ("amount",), amount)

    def three_public(self) -> None:
        for (item_name,), (budget, actual) in groups(
            self.ledger.three_public, ["item"], ["budget", "actual"]
        ):
            item = LOOKUP.items[item_name]
            self.tables[SG].add_lines((v.THREE_PUBLIC_ROW,), item.budget_columns, budget)
            self.tables[SG].add_lines((v.THREE_PUBLIC_ROW,), item.actual_columns, actual)

    def _t1(self, names: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.lines[name] for name in names)

    def finish(self) -> Cents:
        catalog = reference.load("function", self.ledger.year)
        for table_id, cells in self.items.items():
            self.tables[table_id] = rolled_up(cells, self.set.table(table_id), catalog)
        return self.tables
