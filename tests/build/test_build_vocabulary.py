"""The 底稿 vocabulary names only lines, columns and codes that the 决算 layouts really have."""

from __future__ import annotations

import pytest
from yujuesuan.build import vocabulary as v
from yujuesuan.spec import all_sets
from yujuesuan.spec.final_accounts import t01_income_expense_summary as t1
from yujuesuan.spec.final_accounts.classes import INCOME_SOURCES
from yujuesuan.spec.model import RowSum, TableSet

SETS = all_sets()


def columns(table_set: TableSet, table_id: str) -> set[str]:
    return set(table_set.table(table_id).column_keys())


def lines(table_set: TableSet, table_id: str) -> set[str]:
    return {r.key for r in table_set.table(table_id).rows}


@pytest.mark.parametrize("table_set", SETS, ids=lambda s: s.layout)
def test_every_declared_column_and_line_exists_in_the_layout(table_set: TableSet) -> None:
    for source in v.SOURCES:
        assert set(source.income_columns) <= columns(table_set, "fa.t2")
        assert source.income_line is None or source.income_line in lines(table_set, "fa.t1")
        assert source.spending_line is None or source.spending_line in t1.lines(table_set.layout)
    for nature in v.NATURES:
        assert set(nature.spending_columns) <= columns(table_set, "fa.t3")
        assert nature.detail_total is None or nature.detail_total in lines(table_set, "fa.t6")
    for fund in v.FUNDS:
        own = columns(table_set, fund.table)
        assert {c for cols in fund.part_columns.values() for c in cols} <= own
        assert {fund.total_column, *fund.income_columns, *fund.opening_columns} <= own
        assert set(fund.closing_columns) <= own
        assert fund.summary_column in columns(table_set, "fa.t4")
        assert {fund.income_line, fund.opening_line} <= lines(table_set, "fa.t4")
    for item in v.THREE_PUBLIC_ITEMS:
        assert set(item.budget_columns + item.actual_columns) <= columns(table_set, "fa.sg")
    names = {*v.T1_INCOME, *v.T1_PAID_FROM_SOURCE, *v.T1_OPENING, *v.T1_SPENDING, *v.T1_CLOSING}
    assert names <= set(t1.lines(table_set.layout))
    assert {*v.T4_INCOME, *v.T4_OPENING, *v.T4_SPENDING, *v.T4_CLOSING} <= lines(table_set, "fa.t4")


def test_income_sources_follow_the_printed_order_of_summary_lines_one_to_eight() -> None:
    for source, label in zip(v.INCOME_SOURCES, INCOME_SOURCES, strict=True):
        assert label.split("、")[1].startswith(source.name.removesuffix("收入"))
        assert source.income_line == str(INCOME_SOURCES.index(label) + 1)


@pytest.mark.parametrize("table_set", SETS, ids=lambda s: s.layout)
def test_basic_spending_natures_use_the_economic_classes_of_the_detail_table_footer(
    table_set: TableSet,
) -> None:
    footers = {
        r.target: {row for _, row in r.terms}
        for r in table_set.table("fa.t6").rules
        if isinstance(r, RowSum)
    }
    for nature in v.NATURES:
        if nature.detail_total is not None:
            assert set(nature.economic_classes) == footers[nature.detail_total]


def test_only_basic_and_project_spending_can_be_paid_from_appropriations() -> None:
    assert {n.name for n in v.NATURES if n.part} == {
        "基本支出-人员经费",
        "基本支出-公用经费",
        "项目支出",
    }
    assert all(set(f.part_columns) == {"basic", "project"} for f in v.FUNDS)
