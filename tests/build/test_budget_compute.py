"""True 预算 table values from a small hand-made 底稿-预算, checked against hand arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest
from budget_factory import budget_sheets
from yujuesuan.build import CONTRACTS, BuildResult, build_tables, read_ledger
from yujuesuan.checks.engine import Policy, run
from yujuesuan.spec import tables_for

GENERAL, FUND = "一般公共预算拨款", "政府性基金预算拨款"
PERSONNEL, PUBLIC, PROJECT = "基本支出-人员经费", "基本支出-公用经费", "项目支出"

# 元. Appropriations pay salaries, office costs, a reception and a project using a car;
# 事业收入 pays 经营支出; a government fund pays a project; last year's balance pays another.
LINES = [
    ["2010350", "30101", GENERAL, PERSONNEL, "", "1,000,000.00"],
    ["2010350", "30201", GENERAL, PUBLIC, "", 200000],
    ["2010350", "30217", GENERAL, PUBLIC, "", 10000],
    ["2010504", "30231", GENERAL, PROJECT, "运维", 30000.0],
    ["2080505", "30108", GENERAL, PERSONNEL, "", "300000"],
    ["2010350", "30201", "事业收入", "事业单位经营支出", "", 50000],
    ["2089999", "30227", FUND, PROJECT, "基金项目", 100000],
    ["2010350", "30299", "上年结转结余", PROJECT, "结转项目", 40000],
]


@pytest.fixture(scope="module")
def result() -> BuildResult:
    ledger = read_ledger(budget_sheets(LINES), year=2024, contract=CONTRACTS["预算"]).ledger
    return build_tables(ledger, 2024)


@pytest.mark.parametrize(
    ("table", "row", "col", "expected"),
    [
        # 表1: income by 资金来源, spending by 类; 上年结转结余 outside 本年收入合计
        ("bu.t1", "general", "income", "154.00"),
        ("bu.t1", "gov_funds", "income", "10.00"),
        ("bu.t1", "business", "income", "5.00"),
        ("bu.t1", "本年收入合计", "income", "169.00"),
        ("bu.t1", "上年结转结余", "income", "4.00"),
        ("bu.t1", "收入总计", "income", "173.00"),
        ("bu.t1", "201", "spending", "133.00"),
        ("bu.t1", "208", "spending", "40.00"),
        ("bu.t1", "本年支出合计", "spending", "173.00"),
        ("bu.t1", "年终结转结余", "spending", "0.00"),
        ("bu.t1", "支出总计", "spending", "173.00"),
        # 表2: the same lines by 功能科目 × 资金来源
        ("bu.t2", "合计", "total", "173.00"),
        ("bu.t2", "2010350", "total", "130.00"),
        ("bu.t2", "2010350", "general", "121.00"),
        ("bu.t2", "2010350", "carried", "4.00"),
        ("bu.t2", "208", "gov_funds", "10.00"),
        # 表3: by 支出性质
        ("bu.t3", "合计", "basic", "151.00"),
        ("bu.t3", "合计", "project", "17.00"),
        ("bu.t3", "合计", "operating", "5.00"),
        ("bu.t3", "20805", "basic", "30.00"),
        # 表4: appropriations only
        ("bu.t4", "本年收入.general", "income", "154.00"),
        ("bu.t4", "本年收入.gov_funds", "income", "10.00"),
        ("bu.t4", "本年收入", "income", "164.00"),
        ("bu.t4", "上年结转", "income", "0.00"),
        ("bu.t4", "201", "spending", "124.00"),
        ("bu.t4", "208", "spending", "40.00"),
        ("bu.t4", "支出总计", "spending", "164.00"),
        # 表5-1: 一般公共预算拨款 by 功能科目, basic split by nature
        ("bu.t5", "合计", "total", "154.00"),
        ("bu.t5", "合计", "personnel", "130.00"),
        ("bu.t5", "合计", "public", "21.00"),
        ("bu.t5", "2010504", "project", "3.00"),
        # 表6: its basic lines by 经济科目
        ("bu.t6", "合计", "total", "151.00"),
        ("bu.t6", "301", "personnel", "130.00"),
        ("bu.t6", "302", "public", "21.00"),
        ("bu.t6", "30217", "total", "1.00"),
        # 表7: “三公” codes of 一般公共预算拨款 lines, basic and project
        ("bu.t7", "金额", "total", "4.00"),
        ("bu.t7", "金额", "reception", "1.00"),
        ("bu.t7", "金额", "car", "3.00"),
        ("bu.t7", "金额", "car_running", "3.00"),
        ("bu.t7", "金额", "abroad", "0.00"),
        # 表8: the government fund; 表9 has nothing; 表10: every 项目支出 line
        ("bu.t8", "2089999", "project", "10.00"),
        ("bu.t9", "合计", "total", "0.00"),
        ("bu.t10", "合计", "total", "17.00"),
        ("bu.t10", "2010350", "total", "4.00"),
    ],
)
def test_each_cell_is_the_sum_of_the_lines_that_land_in_it(
    result: BuildResult, table: str, row: str, col: str, expected: str
) -> None:
    assert result.book.tables[table].value(row, col) == Decimal(expected)


def test_basic_table_lists_only_economic_codes_with_a_line(result: BuildResult) -> None:
    assert result.book.tables["bu.t6"].rows_seen == ["合计", "301", "30101", "30108", "302", "30201", "30217"]


def test_the_hand_made_budget_passes_every_rule_even_with_spending_the_performance_table_omits(
    result: BuildResult,
) -> None:
    # 表3 合计 here also holds 5.00 万元 of 事业单位经营支出, for which 表11 has no row: its 支出
    # 合计 is 基本支出 + 项目支出 (bu.x.t11_t3.total), so nothing is reported.
    t3 = result.book.tables["bu.t3"]
    assert t3.value("合计", "total") - t3.value("合计", "basic") - t3.value("合计", "project") == Decimal("5.00")
    report = run(result.book, tables_for("预算", 2024), Policy(strict=True, raise_errors=True))
    assert [f.message for f in report.findings] == []
    assert report.kind == "预算"


def test_performance_table_shows_the_displayed_totals_to_a_tenth(result: BuildResult) -> None:
    t11 = result.book.tables["bu.t11"]
    assert t11.value("income.fiscal", "current") == Decimal("164.0")
    assert t11.value("income.other", "current") == Decimal("5.0")
    assert t11.value("income.total", "current") == Decimal("169.0")
    assert t11.value("spending.basic", "current") == Decimal("151.0")
    assert t11.value("spending.project", "current") == Decimal("17.0")
    assert t11.value("spending.basic", "share") == Decimal("89.9")  # 151 / 168
    assert t11.value("income.fiscal", "prior1") == 0  # the years before are no 底稿's


def test_tables_the_working_paper_does_not_determine_are_not_built(result: BuildResult) -> None:
    built = set(result.book.tables)
    assert {"bu.t1", "bu.t2", "bu.t3", "bu.t4", "bu.t5", "bu.t6", "bu.t7", "bu.t8", "bu.t9"} <= built
    assert built <= {t.id for t in tables_for("预算", 2024).tables}
    assert "bu.t5_2" not in built  # by 单位: the 底稿 has no 单位编码


def test_a_ledger_read_for_another_year_is_refused(result: BuildResult) -> None:
    ledger = read_ledger(budget_sheets(LINES), year=2024, contract=CONTRACTS["预算"]).ledger
    with pytest.raises(ValueError, match="2024年目录"):
        build_tables(ledger, 2025)
