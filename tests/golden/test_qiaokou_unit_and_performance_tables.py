"""附表-5-2 (分单位) and 表11 (部门整体支出绩效目标表) of the 2024 budget, as published: read by
label, clean (spec B13, B24, B25 all hold), and each tie reported where a changed cell breaks it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import grids_copy

from yujuesuan.checks.engine import Policy, run
from yujuesuan.findings import Report, Severity
from yujuesuan.workbook.open import Grid
from yujuesuan.workbook.read import book_from_grids

NEW_TABLES = ("bu.t5_2", "bu.t11")


@pytest.fixture()
def qiaokou(golden_grids: dict[str, dict[str, Grid]]) -> dict[str, Grid]:
    return grids_copy(golden_grids["qiaokou-2024"])


def _check(grids: dict[str, Grid]) -> Report:
    book, table_set = book_from_grids(grids, source="qiaokou")
    return run(book, table_set, Policy(raise_errors=True))


def _ours(report: Report) -> list[tuple[str, str, str]]:
    return sorted(
        (f.rule_id, str(f.location), f.classification)
        for f in report.findings
        if f.table in NEW_TABLES or f.rule_id.startswith(("bu.x.t5_2", "bu.x.t11"))
    )


def test_the_money_block_of_table_11_is_read_by_label_with_the_printed_years_as_the_two_before(
    qiaokou: dict[str, Grid],
) -> None:
    t11 = book_from_grids(qiaokou, source="qiaokou")[0].tables["bu.t11"]
    assert t11.cells[("income.fiscal", "current")] == "D7"
    assert t11.cells[("income.fiscal", "prior2")] == "F7"  # 2022 年
    assert t11.cells[("income.fiscal", "prior1")] == "G7"  # 2023 年
    assert t11.cells[("spending.total", "share")] == "E12"  # the second 合计 is the spending one
    assert t11.value("spending.basic", "current") == Decimal("367.9")
    assert t11.value("spending.project", "prior2") == Decimal("2088.5")
    assert t11.spec.decimals == 1


def test_the_unit_table_is_read_by_unit_code(qiaokou: dict[str, Grid]) -> None:
    t52 = book_from_grids(qiaokou, source="qiaokou")[0].tables["bu.t5_2"]
    assert t52.rows_seen == ["合计", "136", "136001"]
    assert t52.cells[("136001", "project")] == "G8"
    assert t52.value("合计", "project") == Decimal("1389.58")


def test_the_published_unit_table_and_performance_form_are_clean(qiaokou: dict[str, Grid]) -> None:
    report = _check(qiaokou)
    assert {"bu.t5_2", "bu.t11"} <= set(report.tables_found)
    assert _ours(report) == []


def test_a_table_3_basic_that_no_longer_rounds_to_table_11_is_an_error_there(qiaokou: dict[str, Grid]) -> None:
    qiaokou["表3"][5][3] = 367.98  # D6: rounds to 368.0, 表11 prints 367.9
    report = _check(qiaokou)
    # 基本 + 项目 = 367.98 + 1389.58 = 1757.56 ≈ 1757.6 against 1757.5: within that sum's rounding
    assert _ours(report) == [("bu.x.t11_t3.basic", "表11!D10", "错误"), ("bu.x.t11_t3.total", "表11!D12", "尾数差异")]


def test_a_table_3_basic_still_rounding_to_table_11_is_not_a_finding(qiaokou: dict[str, Grid]) -> None:
    qiaokou["表3"][5][3] = 367.94
    assert _ours(_check(qiaokou)) == []


def test_one_wan_more_basic_spending_on_table_11_breaks_its_total_its_share_and_the_tie_to_table_3(
    qiaokou: dict[str, Grid],
) -> None:
    qiaokou["表11"][9][3] = 368.9  # D10
    found = _ours(_check(qiaokou))
    assert found == [
        ("bu.t11.share", "表11!E10", "错误"),  # 368.9 / 1757.5 = 21.0 %, printed 20.9
        ("bu.t11.spending", "表11!D12", "错误"),
        ("bu.x.t11_t3.basic", "表11!D10", "错误"),
    ]


def test_a_unit_row_one_wan_off_breaks_the_department_sum_at_the_department_cell(qiaokou: dict[str, Grid]) -> None:
    qiaokou["附表-5-2"][7][6] = 1390.58  # G8: 136001 项目支出
    report = _check(qiaokou)
    tree = [f for f in report.findings if f.rule_id == "bu.t5_2.tree"]
    assert [(str(f.location), f.severity, [str(t) for t in f.terms]) for f in tree] == [
        ("'附表-5-2'!G7", Severity.ERROR, ["'附表-5-2'!G8"])
    ]
    assert "单位136" in tree[0].message and "科目136" not in tree[0].message  # a 单位编码, not a 科目
