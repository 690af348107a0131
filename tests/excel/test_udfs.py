"""Worksheet functions called as plain Python, as Excel would call them: scalars and 2-D ranges."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from yujuesuan.excel.udfs import HZ, JYSL, KMJB, KMMC, KMYX, SJKM, WANYUAN, ZB, ZZL


def test_code_names_come_back_in_the_shape_of_the_range() -> None:
    assert KMMC("2010350", 2021) == "事业运行"
    assert KMMC([["2010350"], [2101102.0], [" ２２１０２０１ "]], 2021) == [["事业运行"], ["事业单位医疗"], ["住房公积金"]]
    assert KMMC([["30231", "301"]], 2022) == [["公务用车运行维护费", "工资福利支出"]]


def test_unknown_or_malformed_codes_show_short_chinese_text() -> None:
    assert KMMC([["2019999"], ["2010"], [None]], 2021) == [["#未知科目"], ["#编码格式不对"], ["#编码格式不对"]]
    assert KMMC("2010350", 1999) == "#无此年度目录"


def test_level_parent_and_validity_follow_the_catalog_years() -> None:
    assert KMJB([["201", "20103", "2010350"]]) == [["类", "款", "项"]]
    assert SJKM([["2010350"], ["20103"], ["201"]]) == [["20103"], ["201"], [""]]
    assert (KMYX("234", 2021), KMYX("234", 2024)) == (True, False)  # 抗疫特别国债 retired in 2024


def test_roll_up_by_prefix_matches_the_published_class_totals() -> None:
    codes = [["2080502"], ["2080505"], ["2080506"], ["2101102"], ["2101199"]]
    amounts = [[3.70], [22.05], [2.73], [19.98], [2.23]]
    assert HZ(codes, amounts, [["208"], ["20805"], ["210"]]) == [[28.48], [28.48], [22.21]]


def test_yuan_to_wanyuan_rounds_half_up_exactly() -> None:
    assert WANYUAN([[1234567.89], [50], [49.99], ["1,005"]]) == [[123.46], [0.01], [0.0], [0.1]]
    assert WANYUAN("十二元") == "#不是数字"


def test_growth_and_share_as_the_narrative_prints_them() -> None:
    assert ZZL(2397.77, 2556.03) == -6.19  # hongshan 2021: 下降 6.2%
    assert ZB(2294.09, 2397.77) == 95.68  # 一般公共服务 占 95.7%
    assert ZZL(0.27, 0) == "#上年为零"
    assert ZB(1, 0) == "#分母为零"


def test_error_count_of_the_calling_workbook(golden_dir: Path) -> None:
    caller = SimpleNamespace(sheet=SimpleNamespace(book=SimpleNamespace(fullname=str(golden_dir / "hongshan-2021.xlsx"))))
    assert JYSL(caller) == 0
    missing = SimpleNamespace(sheet=SimpleNamespace(book=SimpleNamespace(fullname="/nonexistent/未保存.xlsx")))
    assert JYSL(missing) == "#工作簿未保存或无法读取"


def test_error_count_of_a_budget_workbook_counts_its_two_empty_tables(golden_dir: Path) -> None:
    """qiaokou-2024 (预算) as published: 表2 and 表10 empty without 空表说明, the rest 尾数差异."""
    caller = SimpleNamespace(sheet=SimpleNamespace(book=SimpleNamespace(fullname=str(golden_dir / "qiaokou-2024.xlsx"))))
    assert JYSL(caller) == 2


def test_budget_codes_of_2024_are_named_from_both_catalogs() -> None:
    assert KMMC([["2010504"], ["30217"], ["2080505"]], 2024) == [["信息事务"], ["公务接待费"], ["机关事业单位基本养老保险缴费支出"]]


@pytest.mark.parametrize("udf", [KMMC, KMJB, SJKM, KMYX, WANYUAN])
def test_one_call_serves_a_whole_column(udf) -> None:  # type: ignore[no-untyped-def]
    column = [["2010350"]] * 1000
    result = udf(column)
    assert len(result) == 1000 and all(len(row) == 1 for row in result)
