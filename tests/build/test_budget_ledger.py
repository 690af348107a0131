"""底稿-预算 validation: every bad line gives one Chinese error naming the sheet, row and column."""

from __future__ import annotations

import pytest
from budget_factory import HEADER, budget_sheets
from yujuesuan.build import CONTRACTS, LedgerError, read_ledger

GENERAL = "一般公共预算拨款"
GOOD = ["2010350", "30101", GENERAL, "基本支出-人员经费", "", "1,000.50"]


def read(lines: list[list[object]]):  # type: ignore[no-untyped-def]
    result = read_ledger(budget_sheets(lines), year=2024, contract=CONTRACTS["预算"])
    assert (result.ledger is None) == bool(result.errors)
    return result


def only_error(line: list[object]) -> str:
    errors = read([GOOD, line]).errors
    assert len(errors) == 1, [str(e) for e in errors]
    assert (errors[0].sheet, errors[0].row) == ("底稿-预算", 3)
    return str(errors[0])


def test_a_clean_budget_line_reads_with_its_amount_in_integer_fen() -> None:
    ledger = read([GOOD]).ledger
    assert ledger.kind == "预算"
    assert ledger.lines["amount"].tolist() == [100050]
    assert ledger.lines["economic"].astype(str).tolist() == ["30101"]
    assert ledger.lines["source"].astype(str).tolist() == [GENERAL]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            ["2010350", "30201", GENERAL, "基本支出-人员经费", "", 1],
            "底稿-预算!第3行 经济科目编码：经济科目编码“30201”不属于基本支出-人员经费（应为301、303类）",
        ),
        (
            ["2010350", "30101", GENERAL, "基本支出-公用经费", "", 1],
            "底稿-预算!第3行 经济科目编码：经济科目编码“30101”不属于基本支出-公用经费（应为302、307、310、399类）",
        ),
        (
            ["2010350", "30201", "政府性基金预算拨款", "上缴上级支出", "", 1],
            "底稿-预算!第3行 支出性质：政府性基金预算拨款只能用于基本支出-人员经费、基本支出-公用经费、项目支出，不能用于上缴上级支出",
        ),
        (
            ["2020101", "30201", GENERAL, "项目支出", "", 1],
            "底稿-预算!第3行 功能科目编码：未知功能科目编码“2020101”（2024年）",
        ),
        (
            ["2010350", "", GENERAL, "项目支出", "", 1],
            "底稿-预算!第3行 经济科目编码：经济科目编码为空",
        ),
        (
            ["2010350", "302", GENERAL, "项目支出", "", 1],
            "底稿-预算!第3行 经济科目编码：经济科目编码“302”应为5位款级科目编码",
        ),
        (
            ["2010350", "30201", "财政拨款", "项目支出", "", 1],
            "底稿-预算!第3行 资金来源：资金来源“财政拨款”不在下拉列表中",
        ),
        (
            ["2010350", "30201", GENERAL, "项目支出", "", -5],
            "底稿-预算!第3行 金额(元)：金额不能为负数",
        ),
    ],
)
def test_each_bad_line_gives_one_chinese_error_naming_sheet_row_and_column(
    line: list[object], message: str
) -> None:
    assert only_error(line) == message


def test_lines_paid_by_non_appropriation_money_may_have_any_nature_and_economic_code() -> None:
    lines = [
        ["2010350", "30201", "事业收入", "事业单位经营支出", "", 1],
        ["2010350", "39999", "上年结转结余", "对附属单位补助支出", "", 1],
        ["2010350", "30217", GENERAL, "项目支出", "接待", 1],
    ]
    assert read(lines).errors == ()


def test_a_budget_workbook_without_the_sheet_or_a_column_is_told_so() -> None:
    result = read_ledger({}, year=2024, contract=CONTRACTS["预算"])
    assert [str(e) for e in result.errors] == ["底稿-预算：缺少工作表“底稿-预算”"]
    header = [h for h in HEADER if h != "资金来源"]
    sheets = {"底稿-预算": (header, [(2, ["2010350", "30101", "基本支出-人员经费", "", 1])])}
    (error,) = read_ledger(sheets, year=2024, contract=CONTRACTS["预算"]).errors
    assert error == LedgerError("底稿-预算", None, "资金来源", None, "缺少列“资金来源”")


def test_every_bad_line_is_reported_and_nothing_is_built() -> None:
    bad = ["2010350", "30201", GENERAL, "基本支出-人员经费", "", 1]
    result = read([GOOD, bad, GOOD, bad])
    assert [e.row for e in result.errors] == [3, 5]
    assert result.ledger is None


def test_the_final_accounts_sheets_are_still_the_default() -> None:
    result = read_ledger(budget_sheets([GOOD]), year=2024)
    assert "缺少工作表“底稿-支出”" in str(result.errors[0])
