"""底稿 validation: every bad row gives one Chinese error naming the sheet, row and column."""

from __future__ import annotations

import pytest
from ledger_factory import HEADERS, sheets
from yujuesuan.build import LedgerError, read_ledger
from yujuesuan.errors import UnknownYear

GOOD_SPENDING = ["2010350", "一般公共预算财政拨款", "基本支出-人员经费", "30101", "", 1000]
GOOD_INCOME = ["2010350", "一般公共预算财政拨款", 1000]


def errors_of(**kwargs: object) -> list[LedgerError]:
    result = read_ledger(sheets(**kwargs), year=2021)  # type: ignore[arg-type]
    assert (result.ledger is None) == bool(result.errors)
    return list(result.errors)


def only_error(**kwargs: object) -> LedgerError:
    errors = errors_of(**kwargs)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_a_clean_ledger_reads_with_amounts_in_integer_fen() -> None:
    result = read_ledger(sheets(spending=[GOOD_SPENDING], income=[GOOD_INCOME]), year=2021)
    assert result.errors == ()
    assert result.ledger is not None
    assert result.ledger.spending["amount"].tolist() == [100000]
    assert result.ledger.spending["function"].astype(str).tolist() == ["2010350"]


@pytest.mark.parametrize(
    "code", ["2010350", 2010350, 2010350.0, "2010350.0", " 2010350 ", "２０１０３５０"]
)
def test_function_codes_typed_as_numbers_float_text_or_padded_are_accepted(code: object) -> None:
    result = read_ledger(sheets(income=[[code, "事业收入", 1]]), year=2021)
    assert result.errors == ()
    assert result.ledger is not None
    assert result.ledger.income["function"].astype(str).tolist() == ["2010350"]


@pytest.mark.parametrize(
    ("cell", "fen"),
    [
        ("１，２００．５０", 120050),
        ("1,200.50", 120050),
        (" 1200.5 ", 120050),
        (1200.5, 120050),
        (0.1 + 0.2, 30),  # Excel keeps 15 significant digits: this is 0.30
        (12, 1200),
        ("0", 0),
    ],
)
def test_amounts_with_separators_full_width_digits_or_float_noise_are_read_exactly(
    cell: object, fen: int
) -> None:
    result = read_ledger(sheets(income=[["2010350", "事业收入", cell]]), year=2021)
    assert result.errors == ()
    assert result.ledger is not None
    assert result.ledger.income["amount"].tolist() == [fen]


BAD_ROWS = [
    (
        "unknown function code",
        dict(income=[["2019999", "事业收入", 1]]),
        ("底稿-收入", 2, "功能科目编码", "未知功能科目编码“2019999”（2021年）"),
    ),
    (
        "function code as a float",
        dict(income=[[2019999.0, "事业收入", 1]]),
        ("底稿-收入", 2, "功能科目编码", "未知功能科目编码“2019999”（2021年）"),
    ),
    (
        "blank function code",
        dict(income=[[None, "事业收入", 1]]),
        ("底稿-收入", 2, "功能科目编码", "功能科目编码为空"),
    ),
    (
        "function code of a 款",
        dict(income=[["20103", "事业收入", 1]]),
        ("底稿-收入", 2, "功能科目编码", "功能科目编码“20103”应为7位项级科目编码"),
    ),
    (
        "source not in the drop-down list",
        dict(spending=[["2010350", "财政拨款", "项目支出", None, "", 1]]),
        ("底稿-支出", 2, "资金来源", "资金来源“财政拨款”不在下拉列表中"),
    ),
    (
        "spending-only source used as income",
        dict(income=[["2010350", "使用非财政拨款结余", 1]]),
        ("底稿-收入", 2, "收入来源", "收入来源“使用非财政拨款结余”不在下拉列表中"),
    ),
    (
        "nature not in the drop-down list",
        dict(spending=[["2010350", "事业收入", "基本支出", None, "", 1]]),
        ("底稿-支出", 2, "支出性质", "支出性质“基本支出”不在下拉列表中"),
    ),
    (
        "amount in words",
        dict(income=[["2010350", "事业收入", "十二元"]]),
        ("底稿-收入", 2, "金额(元)", "金额“十二元”不是数字"),
    ),
    (
        "negative amount",
        dict(income=[["2010350", "事业收入", -5]]),
        ("底稿-收入", 2, "金额(元)", "金额不能为负数"),
    ),
    (
        "negative amount as text",
        dict(income=[["2010350", "事业收入", "-5.00"]]),
        ("底稿-收入", 2, "金额(元)", "金额不能为负数"),
    ),
    (
        "amount with three decimals",
        dict(income=[["2010350", "事业收入", "12.345"]]),
        ("底稿-收入", 2, "金额(元)", "金额“12.345”超过两位小数"),
    ),
    (
        "float amount with three decimals",
        dict(income=[["2010350", "事业收入", 12.345]]),
        ("底稿-收入", 2, "金额(元)", "金额“12.345”超过两位小数"),
    ),
    (
        "amount beyond 100亿元",
        dict(income=[["2010350", "事业收入", 1e11]]),
        ("底稿-收入", 2, "金额(元)", "金额“100000000000”超出可处理的范围"),
    ),
    (
        "blank amount",
        dict(income=[["2010350", "事业收入", None]]),
        ("底稿-收入", 2, "金额(元)", "金额为空"),
    ),
    (
        "general budget basic spending without economic code",
        dict(spending=[["2010350", "一般公共预算财政拨款", "基本支出-公用经费", None, "", 1]]),
        (
            "底稿-支出",
            2,
            "经济科目编码",
            "一般公共预算财政拨款的基本支出-公用经费须填写经济科目编码",
        ),
    ),
    (
        "unknown economic code",
        dict(spending=[["2010350", "事业收入", "项目支出", "30999", "", 1]]),
        ("底稿-支出", 2, "经济科目编码", "未知经济科目编码“30999”（2021年）"),
    ),
    (
        "economic code of the wrong kind of basic spending",
        dict(spending=[["2010350", "一般公共预算财政拨款", "基本支出-人员经费", "30201", "", 1]]),
        (
            "底稿-支出",
            2,
            "经济科目编码",
            "经济科目编码“30201”不属于基本支出-人员经费（应为301、303类）",
        ),
    ),
    (
        "appropriation spent on 经营支出",
        dict(spending=[["2010350", "政府性基金预算财政拨款", "经营支出", None, "", 1]]),
        (
            "底稿-支出",
            2,
            "支出性质",
            "政府性基金预算财政拨款只能用于基本支出或项目支出，不能用于经营支出",
        ),
    ),
    (
        "balance row with neither amount",
        dict(balances=[["事业收入", "2010350", None, ""]]),
        ("底稿-结转结余", 2, "年初结转和结余(元)", "年初结转和结余、年末结转和结余至少填写一项"),
    ),
    (
        "unknown 三公 item",
        dict(three_public=[["会议费", 1, 1]]),
        ("底稿-三公", 2, "项目", "项目“会议费”不在下拉列表中"),
    ),
    (
        "三公 item twice",
        dict(three_public=[["公务接待费", 1, 1], ["公务接待费", 2, 2]]),
        ("底稿-三公", 3, "项目", "项目“公务接待费”重复（第2行已填）"),
    ),
]


@pytest.mark.parametrize(("case", "data", "expected"), BAD_ROWS, ids=[c for c, _, _ in BAD_ROWS])
def test_each_bad_row_gives_one_chinese_error_with_sheet_row_and_column(
    case: str, data: dict[str, object], expected: tuple[str, int, str, str]
) -> None:
    error = only_error(**data)
    assert (error.sheet, error.row, error.column, error.reason) == expected


def test_an_error_reads_like_a_cell_reference() -> None:
    error = only_error(
        spending=[GOOD_SPENDING] * 10 + [["2010350", "财政拨款", "项目支出", None, "", 1]]
    )
    assert str(error) == "底稿-支出!第12行 资金来源：资金来源“财政拨款”不在下拉列表中"
    assert error.value == "财政拨款"


def test_a_row_with_several_problems_reports_its_first_column_only() -> None:
    error = only_error(spending=[["2019999", "财政拨款", "x", None, "", "abc"]])
    assert error.column == "功能科目编码"


def test_every_bad_row_is_reported_and_nothing_is_built() -> None:
    rows = [
        GOOD_SPENDING,
        ["2010350", "事业收入", "项目支出", None, "", -1],
        GOOD_SPENDING,
        ["2010350", "事业收入", "项目支出", None, "", "x"],
    ]
    result = read_ledger(sheets(spending=rows), year=2021)
    assert result.ledger is None
    assert [(e.row, e.reason) for e in result.errors] == [
        (3, "金额不能为负数"),
        (5, "金额“x”不是数字"),
    ]


def test_blank_rows_and_extra_columns_are_ignored() -> None:
    data = sheets(income=[GOOD_INCOME, [None, "", " "], GOOD_INCOME])
    header, rows = data["底稿-收入"]
    data["底稿-收入"] = (header + ["备注"], [(n, r + ["note"]) for n, r in rows])
    result = read_ledger(data, year=2021)
    assert result.errors == ()
    assert result.ledger is not None and len(result.ledger.income) == 2


def test_rows_shorter_than_the_header_are_padded_with_blanks() -> None:
    result = read_ledger(sheets(three_public=[["公务接待费", 100]]), year=2021)
    assert result.errors == ()
    assert result.ledger is not None
    assert result.ledger.three_public[["budget", "actual"]].values.tolist() == [[10000, 0]]


def test_a_missing_sheet_is_named() -> None:
    data = sheets()
    del data["底稿-三公"]
    error = only_error_of(data)
    assert (error.sheet, error.row, str(error)) == (
        "底稿-三公",
        None,
        "底稿-三公：缺少工作表“底稿-三公”",
    )


def test_a_missing_column_is_named() -> None:
    data = sheets()
    data["底稿-收入"] = (["功能科目编码", "金额(元)"], [])
    error = only_error_of(data)
    assert str(error) == "底稿-收入：缺少列“收入来源”"
    assert error.column == "收入来源"


def test_headers_and_sheet_names_tolerate_spaces_and_full_width_parentheses() -> None:
    data = sheets(income=[GOOD_INCOME])
    header, rows = data.pop("底稿-收入")
    data[" 底稿-收入 "] = ([" 功能科目编码", "收入来源 ", "金额（元）"], rows)
    assert len(HEADERS["底稿-收入"]) == len(header)
    result = read_ledger(data, year=2021)
    assert result.errors == ()


def test_a_year_without_catalogs_is_a_usage_error_not_a_data_error() -> None:
    with pytest.raises(UnknownYear):
        read_ledger(sheets(), year=1999)


def only_error_of(data: dict) -> LedgerError:
    result = read_ledger(data, year=2021)
    assert result.ledger is None
    assert len(result.errors) == 1, [str(e) for e in result.errors]
    return result.errors[0]
