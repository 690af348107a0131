"""True table values from a small hand-made 底稿, checked cell by cell against hand arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest
from ledger_factory import sheets
from yujuesuan.build import BuildResult, build_tables, read_ledger
from yujuesuan.checks.engine import Policy, run
from yujuesuan.spec import tables_for

GENERAL, GOV_FUNDS = "一般公共预算财政拨款", "政府性基金预算财政拨款"

# 元. One unit's year: appropriations pay salaries, a service contract and a project;
# 事业收入 pays 经营支出; a government fund pays a project and carries 5万 over.
SPENDING = [
    ["2010350", GENERAL, "基本支出-人员经费", "30101", "", "1,000,000.00"],
    ["2010350", GENERAL, "基本支出-公用经费", "30201", "", 200000],
    ["2010350", GENERAL, "基本支出-公用经费", "30231", "", 20000],
    ["2010399", GENERAL, "项目支出", None, "运维", 500000.0],
    ["2080505", GENERAL, "基本支出-人员经费", "30108", "", "300000"],
    ["2010350", "事业收入", "经营支出", None, "", 50000],
    ["2010350", GOV_FUNDS, "项目支出", None, "", 100000],
]
INCOME = [
    ["2010350", GENERAL, 1220000],
    ["2010399", GENERAL, 500000],
    ["2080505", GENERAL, 300000],
    ["2010350", "事业收入", 80000],
    ["2010350", GOV_FUNDS, 150000],
]
BALANCES = [[GOV_FUNDS, "2010350", None, 50000], ["事业收入", "2010350", 0, 30000]]
THREE_PUBLIC = [["公务接待费", 10000, 8000], ["公务用车运行费", 30000, 25000]]


def built(year: int) -> BuildResult:
    result = read_ledger(sheets(SPENDING, INCOME, BALANCES, THREE_PUBLIC), year=year)
    assert result.errors == ()
    assert result.ledger is not None
    return build_tables(result.ledger, year)


@pytest.fixture(scope="module")
def result_2021() -> BuildResult:
    return built(2021)


def value(result: BuildResult, table: str, row: str, col: str) -> Decimal:
    return result.book.tables[table].value(row, col)


@pytest.mark.parametrize(
    ("table", "row", "col", "expected"),
    [
        # 表3: 1,000,000 + 200,000 + 20,000 + 500,000 + 300,000 + 50,000 + 100,000 元
        ("fa.t3", "合计", "1", "217.00"),
        ("fa.t3", "合计", "2", "152.00"),
        ("fa.t3", "合计", "3", "60.00"),
        ("fa.t3", "合计", "5", "5.00"),
        ("fa.t3", "201", "1", "187.00"),
        ("fa.t3", "20103", "1", "187.00"),
        ("fa.t3", "2010350", "1", "137.00"),
        ("fa.t3", "2010350", "2", "122.00"),
        ("fa.t3", "208", "1", "30.00"),
        # 表5: the 一般公共预算财政拨款 part only
        ("fa.t5", "合计", "1", "202.00"),
        ("fa.t5", "合计", "2", "152.00"),
        ("fa.t5", "合计", "3", "50.00"),
        ("fa.t5", "2010350", "1", "122.00"),
        # 政府性基金: 年初 0 + 收入 15 − 支出 10 = 年末 5
        ("fa.gf", "合计", "2", "15.00"),
        ("fa.gf", "合计", "3", "10.00"),
        ("fa.gf", "2010350", "5", "10.00"),
        ("fa.gf", "合计", "6", "5.00"),
        # 表1 (layout 2021): income lines, class lines 31 (201) and 38 (208), totals
        ("fa.t1", "1", "1", "202.00"),
        ("fa.t1", "2", "1", "15.00"),
        ("fa.t1", "5", "1", "8.00"),
        ("fa.t1", "27", "1", "225.00"),
        ("fa.t1", "30", "1", "225.00"),
        ("fa.t1", "31", "2", "187.00"),
        ("fa.t1", "38", "2", "30.00"),
        ("fa.t1", "57", "2", "217.00"),
        ("fa.t1", "59", "2", "8.00"),
        ("fa.t1", "60", "2", "225.00"),
        # 表4: appropriations only
        ("fa.t4", "27", "1", "217.00"),
        ("fa.t4", "33", "2", "182.00"),
        ("fa.t4", "33", "3", "172.00"),
        ("fa.t4", "33", "4", "10.00"),
        ("fa.t4", "59", "2", "212.00"),
        ("fa.t4", "60", "4", "5.00"),
        ("fa.t4", "64", "2", "217.00"),
        # 表6: basic spending of the general budget by 经济分类
        ("fa.t6", "30101", "amount", "100.00"),
        ("fa.t6", "30108", "amount", "30.00"),
        ("fa.t6", "301", "amount", "130.00"),
        ("fa.t6", "302", "amount", "22.00"),
        ("fa.t6", "30231", "amount", "2.00"),
        ("fa.t6", "人员经费合计", "amount", "130.00"),
        ("fa.t6", "公用经费合计", "amount", "22.00"),
        # 三公: 预算 栏1–6, 决算 栏7–12
        ("fa.sg", "金额", "1", "4.00"),
        ("fa.sg", "金额", "3", "3.00"),
        ("fa.sg", "金额", "5", "3.00"),
        ("fa.sg", "金额", "6", "1.00"),
        ("fa.sg", "金额", "7", "3.30"),
        ("fa.sg", "金额", "11", "2.50"),
        ("fa.sg", "金额", "12", "0.80"),
        ("fa.sg", "金额", "10", "0.00"),
    ],
)
def test_hand_made_ledger_gives_the_hand_computed_cells(
    result_2021: BuildResult, table: str, row: str, col: str, expected: str
) -> None:
    assert value(result_2021, table, row, col) == Decimal(expected)
    assert str(value(result_2021, table, row, col)) == expected  # shown with two decimals


def test_true_values_are_exact_wanyuan_from_fen() -> None:
    result = read_ledger(sheets(income=[["2010350", "事业收入", "123.45"]]), year=2021)
    assert result.ledger is not None
    true = build_tables(result.ledger, 2021).true_book
    assert true.tables["fa.t2"].value("2010350", "4") == Decimal("0.012345")
    assert true.tables["fa.t1"].value("5", "1") == Decimal("0.012345")


def test_code_tables_list_each_item_with_its_section_class_and_total_in_code_order(
    result_2021: BuildResult,
) -> None:
    t3 = result_2021.book.tables["fa.t3"]
    assert t3.rows_seen == ["合计", "201", "20103", "2010350", "2010399", "208", "20805", "2080505"]
    assert t3.row_names["2010350"] == "事业运行"
    assert result_2021.book.tables["fa.gz"].rows_seen == ["合计"]


def test_basic_detail_prints_every_row_of_the_layout_and_extra_codes() -> None:
    spending = [
        ["2010350", GENERAL, "基本支出-公用经费", "30701", "", 100]
    ]  # 307 is not in 2021's layout
    ledger = read_ledger(sheets(spending, [["2010350", GENERAL, 100]]), year=2021).ledger
    assert ledger is not None
    t6 = build_tables(ledger, 2021).book.tables["fa.t6"]
    assert {"301", "30199", "310", "31099", "307", "30701"} <= set(t6.rows_seen)
    assert t6.value("307", "amount") == t6.value("公用经费合计", "amount") == Decimal("0.01")


@pytest.mark.parametrize("year", [2021, 2022, 2024])
def test_hand_made_ledger_passes_every_check_in_each_layout(year: int) -> None:
    result = built(year)
    report = run(result.book, tables_for("决算", year), Policy(strict=True, raise_errors=True))
    assert [
        f.message for f in report.findings if f.kind not in ("correspondence", "name_mismatch")
    ] == []
    assert result.rounding_report.ok
    assert result.rounding_report.untrue == ()


def test_layout_2022_moves_the_summary_lines() -> None:
    result = built(2022)
    assert value(result, "fa.t1", "31", "1") == Decimal("225.00")  # 总计
    assert value(result, "fa.t1", "32", "2") == Decimal("187.00")  # 一般公共服务支出
    assert value(result, "fa.t1", "62", "2") == Decimal("225.00")


def test_an_unbalanced_ledger_is_built_and_its_broken_identities_are_reported() -> None:
    ledger = read_ledger(
        sheets([["2010350", GENERAL, "项目支出", None, "", 100]]), year=2021
    ).ledger
    assert ledger is not None
    report = build_tables(ledger, 2021).rounding_report
    assert "fa.t4.fund_general" in {d.rule_id for d in report.untrue}


def test_building_for_another_year_than_the_ledger_was_read_for_is_refused() -> None:
    ledger = read_ledger(sheets(), year=2021).ledger
    assert ledger is not None
    with pytest.raises(ValueError, match="2021"):
        build_tables(ledger, 2022)
