"""The 底稿-预算 vocabulary names only lines, columns and codes the 2024 预算 layout really has."""

from __future__ import annotations

import pytest
from yujuesuan import reference
from yujuesuan.build import budget_vocabulary as v
from yujuesuan.spec import all_sets
from yujuesuan.spec.budget.classes import INCOME_SOURCES
from yujuesuan.spec.model import CellIdentity, TableSet

SETS = all_sets("预算")


def columns(table_set: TableSet, table_id: str) -> set[str]:
    return set(table_set.table(table_id).column_keys())


def lines(table_set: TableSet, table_id: str) -> set[str]:
    return {r.key for r in table_set.table(table_id).rows}


@pytest.mark.parametrize("table_set", SETS, ids=lambda s: s.layout)
def test_every_declared_column_and_line_exists_in_the_budget_layout(table_set: TableSet) -> None:
    for source in v.SOURCES:
        assert set(source.t1_lines) <= lines(table_set, "bu.t1")
        assert set(source.t2_columns) <= columns(table_set, "bu.t2")
    for nature in v.NATURES:
        assert set(nature.t3_columns) <= columns(table_set, "bu.t3")
        assert set(nature.t6_columns) <= columns(table_set, "bu.t6")
        assert set(nature.t10_columns) <= columns(table_set, "bu.t10")
    for fund in v.FUNDS:
        assert {c for cols in fund.columns.values() for c in cols} <= columns(table_set, fund.table)
        assert f"本年收入.{fund.key}" in lines(table_set, "bu.t4")
    assert {*v.T1_SPENDING} <= lines(table_set, "bu.t1")
    assert {*v.T4_INCOME, *v.T4_SPENDING} <= lines(table_set, "bu.t4")
    assert {c for cols in v.THREE_PUBLIC.values() for c in cols} <= columns(table_set, "bu.t7")
    assert v.THREE_PUBLIC_ROW in lines(table_set, "bu.t7")


def test_sources_follow_the_printed_order_of_the_income_lines_one_to_nine() -> None:
    for source, (key, label) in zip(v.SOURCES, INCOME_SOURCES, strict=False):
        assert source.t1_lines[0] == key
        assert label.startswith(source.name)
    assert len(v.SOURCES) == len(INCOME_SOURCES) + 1  # and 上年结转结余, outside 本年收入合计
    assert "本年收入合计" not in v.SOURCES[-1].t1_lines


def test_three_public_codes_are_the_2024_economic_items_they_stand_for() -> None:
    catalog = reference.load("economic", 2024)
    names = {code: catalog.name(code) for code in v.THREE_PUBLIC}
    assert names == {
        "30212": "因公出国（境）费用",
        "31013": "公务用车购置",
        "30231": "公务用车运行维护费",
        "30217": "公务接待费",
    }


@pytest.mark.parametrize("table_set", SETS, ids=lambda s: s.layout)
def test_basic_natures_use_the_economic_classes_of_the_basic_table_totals(
    table_set: TableSet,
) -> None:
    sums = {
        r.left[0].col: {c.row for c in r.right}
        for r in table_set.table("bu.t6").rules
        if isinstance(r, CellIdentity)
    }
    for nature in v.NATURES:
        if nature.economic_classes:
            (column,) = set(nature.t6_columns) - {"total"}
            assert set(nature.economic_classes) == sums[column]


def test_appropriations_pay_only_basic_and_project_spending() -> None:
    for fund in v.FUNDS:
        assert set(fund.columns) == {v.PERSONNEL, v.PUBLIC, v.PROJECT}
    assert [f.key for f in v.FUNDS if f.details] == ["general"]
