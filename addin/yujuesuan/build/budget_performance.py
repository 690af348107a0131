"""表11 部门整体支出绩效目标表: its 当年预算收支 column (0.1 万元) and 占比.

The 当年 figures are 表1/表3 totals (spec §4.1.1 B24, B25): their true values are computed
with the other tables, and controlled rounding puts them on the 0.1 grid together with the
0.01 figures they round (``RoundedEqual`` rules), so 合计 = the two parts = 表3 合计 rounded.
The 合计 of 支出构成 is 基本支出 + 项目支出 (the table has no row for other spending: with
事业单位经营支出 etc. the rule 表11合计 = 表3合计 cannot hold, and the build reports it as a
底稿 that does not meet the rule). 占比 is computed from the displayed figures, after rounding.
The two prior years are not in a 底稿-预算 and stay blank.
"""

from __future__ import annotations

from yujuesuan.build.cents import Cents, CentTable
from yujuesuan.checks.comparisons import expected_share
from yujuesuan.spec.model import TOTAL, Share, TableSet, TableSpec
from yujuesuan.tables import Book

T1, T3, T11 = "bu.t1", "bu.t3", "bu.t11"
CURRENT = "current"
# 表11 row → the (table, row, column) cells whose sum it shows.
SOURCES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "income.fiscal": tuple((T1, k, "income") for k in ("general", "gov_funds", "state_capital")),
    "income.total": ((T1, "本年收入合计", "income"),),
    "spending.basic": ((T3, TOTAL, "basic"),),
    "spending.project": ((T3, TOTAL, "project"),),
}
# (total, first, second): second = total − first when the total has a source, else the sum.
SIDES = (
    ("income.total", "income.fiscal", "income.other"),
    ("spending.total", "spending.basic", "spending.project"),
)


def performance_cents(tables: Cents, spec: TableSpec) -> CentTable:
    """表11's true 当年 figures in 分, from the other tables' true values."""
    amounts = {
        row: sum(tables[t].values.get((r, c), 0) for t, r, c in cells)
        for row, cells in SOURCES.items()
    }
    for total, first, second in SIDES:
        if total in amounts:
            amounts[second] = amounts[total] - amounts[first]
        else:
            amounts[total] = amounts[first] + amounts[second]
    table = CentTable()
    for row in spec.rows:
        table.add_row(row.key, row.label, (CURRENT,))
        table.add(row.key, CURRENT, amounts[row.key])
    return table


def with_shares(book: Book, table_set: TableSet) -> Book:
    """``book`` with 表11's 占比 (each figure ÷ its side's 合计 × 100) from its displayed values."""
    table = book.tables.get(T11)
    if table is None:
        return book
    for rule in (r for r in table.spec.rules if isinstance(r, Share)):
        for part, whole in rule.parts:
            total = table.value(whole, rule.amount_column)
            if total:  # no share of nothing
                share = expected_share(table.value(part, rule.amount_column), total, rule.decimals)
                table.set(part, rule.column, share)
    return book
