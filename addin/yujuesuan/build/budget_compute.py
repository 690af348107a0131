"""True values of every cell of the 2024 部门预算 tables (表1–表10), from a ``BudgetLedger``.

The lines are summed with pandas by 功能科目 × 资金来源 × 支出性质 (and, for 表6/表7, by
经济科目 × 支出性质 of the fund that details them); each sum is added, in integer 分, into the
cells ``budget_vocabulary`` names for its source, nature and fund, and the code tables are rolled
up to 款, 类 and 合计. Totals come from the lines, not from the spec's sum rules, so checking the
result against those rules is a real test. Sources: spec/nine-tables.md §4.1.
"""

from __future__ import annotations

from yujuesuan import reference
from yujuesuan.build import budget_vocabulary as v
from yujuesuan.build.budget_ledger import BudgetLedger
from yujuesuan.build.budget_performance import T11, performance_cents
from yujuesuan.build.cents import Cents, CentTable, Items, add_item, class_lines, groups, rolled_up, to_book
from yujuesuan.spec.model import RowsMode, TableSet
from yujuesuan.tables import Book

T1, T2, T3, T4, T6, T7, T10 = "bu.t1", "bu.t2", "bu.t3", "bu.t4", "bu.t6", "bu.t7", "bu.t10"
FUNCTION_TABLES = (T2, T3, T10) + tuple(f.table for f in v.FUNDS)
# The tables a 底稿-预算 determines (表11: its 当年 column). 附表-5-2 (by 单位) needs 单位编码,
# which the 底稿 does not hold, and is left out of the built book.
BUILT = (T1, T4, T6, T7, *FUNCTION_TABLES)


def compute_budget_tables(ledger: BudgetLedger, table_set: TableSet) -> Book:
    """The true tables as a ``Book`` of exact ``Decimal`` 万元 (分 / 1,000,000, unrounded)."""
    return to_book(compute_budget_cents(ledger, table_set), table_set, ledger.year)


def compute_budget_cents(ledger: BudgetLedger, table_set: TableSet) -> Cents:
    """True amounts in 分 of every table of ``table_set``, keyed by table id."""
    builder = _Builder(table_set)
    builder.by_function(ledger)
    builder.by_economic(ledger)
    tables = builder.finish(ledger.year)
    if T11 in {t.id for t in table_set.tables}:
        tables[T11] = performance_cents(tables, table_set.table(T11))
    return tables


class _Builder:
    def __init__(self, table_set: TableSet) -> None:
        self.set = table_set
        specs = [table_set.table(t) for t in BUILT]
        self.tables: Cents = {spec.id: CentTable() for spec in specs}
        self.items: dict[str, Items] = {t: {} for t in (*FUNCTION_TABLES, T6)}
        for spec in specs:
            if spec.rows_mode is RowsMode.FIXED:  # every printed line, 0 until a line adds to it
                for row in spec.rows:
                    self.tables[spec.id].add_row(row.key, row.label, spec.row_columns(row.key))
        self.classes = {t: class_lines(table_set.table(t)) for t in (T1, T4)}


    def by_function(self, ledger: BudgetLedger) -> None:
        sums = groups(ledger.lines, ["function", "source", "nature"], ["amount"])
        for (code, source_name, nature_name), (amount,) in sums:
            source, nature = v.SOURCE_BY_NAME[source_name], v.NATURE_BY_NAME[nature_name]
            add_item(self.items[T2], code, source.t2_columns, amount)
            add_item(self.items[T3], code, nature.t3_columns, amount)
            if nature.t10_columns:
                add_item(self.items[T10], code, nature.t10_columns, amount)
            self.tables[T1].add_lines(source.t1_lines, (v.INCOME_COLUMN,), amount)
            spent = (self.classes[T1][code[:3]], *v.T1_SPENDING)
            self.tables[T1].add_lines(spent, (v.SPENDING_COLUMN,), amount)
            fund = v.fund_of(source_name)
            if fund is not None:
                add_item(self.items[fund.table], code, fund.columns[nature_name], amount)
                earned = (f"本年收入.{fund.key}", *v.T4_INCOME)
                self.tables[T4].add_lines(earned, (v.INCOME_COLUMN,), amount)
                spent = (self.classes[T4][code[:3]], *v.T4_SPENDING)
                self.tables[T4].add_lines(spent, (v.SPENDING_COLUMN,), amount)

    def by_economic(self, ledger: BudgetLedger) -> None:
        """表6 (basic lines by 经济科目) and 表7 (“三公” codes) of the fund that details them."""
        detailed = [s.name for s in v.SOURCES if s.fund and v.FUND_BY_KEY[s.fund].details]
        frame = ledger.lines[ledger.lines["source"].isin(detailed)]
        for (code, nature_name), (amount,) in groups(frame, ["economic", "nature"], ["amount"]):
            nature = v.NATURE_BY_NAME[nature_name]
            if nature.t6_columns:
                add_item(self.items[T6], code, nature.t6_columns, amount)
            self.tables[T7].add_lines((v.THREE_PUBLIC_ROW,), v.THREE_PUBLIC.get(code, ()), amount)

    def finish(self, year: int) -> Cents:
        catalogs = {"function": reference.load("function", year)}
        catalogs["economic"] = reference.load("economic", year)
        for table_id, items in self.items.items():
            catalog = catalogs["economic" if table_id == T6 else "function"]
            self.tables[table_id] = rolled_up(items, self.set.table(table_id), catalog)
        return self.tables
