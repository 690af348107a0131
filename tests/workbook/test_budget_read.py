"""Reading the 2024 budget tables, which print no 行次 or 栏次: rows and columns by label."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import grids_copy
from yujuesuan.errors import WorkbookFormatError
from yujuesuan.workbook.open import Grid
from yujuesuan.workbook.read import book_from_grids


@pytest.fixture()
def qiaokou(golden_grids: dict[str, dict[str, Grid]]) -> dict[str, Grid]:
    return grids_copy(golden_grids["qiaokou-2024"])


def test_a_label_printed_twice_goes_to_the_declared_rows_in_order(qiaokou: dict[str, Grid]) -> None:
    book, _ = book_from_grids(qiaokou, source="qiaokou")
    t4 = book.tables["bu.t4"]
    assert t4.cells[("本年收入.general", "income")] == "B8"
    assert t4.cells[("上年结转.general", "income")] == "B12"
    assert t4.value("本年收入.general", "income") == Decimal("1757.51")


def test_both_sides_of_the_summary_table_are_read_by_label(qiaokou: dict[str, Grid]) -> None:
    t1 = book_from_grids(qiaokou, source="qiaokou")[0].tables["bu.t1"]
    assert t1.value("233", "spending") == 0 and t1.cells[("233", "spending")] == "D30"
    assert t1.value("221", "spending") == Decimal("38.95")
    assert t1.value("general", "income") == Decimal("1757.51")


def test_three_public_columns_come_from_the_two_header_rows(qiaokou: dict[str, Grid]) -> None:
    sg = book_from_grids(qiaokou, source="qiaokou")[0].tables["bu.t7"]
    assert sg.cells[("金额", "car")] == "C7"
    assert sg.value("金额", "reception") == Decimal("0.76")


def test_year_comes_from_the_heading_and_can_be_overridden(qiaokou: dict[str, Grid]) -> None:
    assert book_from_grids(qiaokou, source="q")[0].year == 2024
    assert book_from_grids(qiaokou, source="q", year=2025)[0].year == 2025
    for sheet in [s for s in qiaokou if s == "封面" or s.startswith(("表11", "表12"))]:
        del qiaokou[sheet]  # the heading and the performance forms, whose titles print "2024 年"
    with pytest.raises(WorkbookFormatError, match="--year"):
        book_from_grids(qiaokou, source="q")


def test_the_year_printed_in_the_performance_form_title_is_enough(qiaokou: dict[str, Grid]) -> None:
    del qiaokou["封面"]
    assert book_from_grids(qiaokou, source="q")[0].year == 2024


def test_a_funds_table_without_its_empty_sentence_is_reported_empty(
    qiaokou: dict[str, Grid],
) -> None:
    book, _ = book_from_grids(qiaokou, source="q")
    assert not [p for p in book.problems if p.table == "bu.t8"]
    qiaokou["表8"] = [
        row for row in qiaokou["表8"] if not any("无政府性基金预算" in str(v) for v in row)
    ]
    book, _ = book_from_grids(qiaokou, source="q")
    assert [(p.rule_id, p.kind, str(p.location)) for p in book.problems if p.table == "bu.t8"] == [
        ("bu.t8.present", "empty_table", "表8!A2")
    ]


def test_a_budget_table_without_its_title_is_missing_not_empty(qiaokou: dict[str, Grid]) -> None:
    del qiaokou["表10"]
    book, _ = book_from_grids(qiaokou, source="q")
    assert [(p.kind, p.table) for p in book.problems if p.table == "bu.t10"] == [
        ("missing_table", "bu.t10")
    ]


def test_a_misprinted_subject_name_in_the_budget_is_checked_against_the_2024_catalog(
    qiaokou: dict[str, Grid],
) -> None:
    from yujuesuan.checks.engine import run

    row = next(r for r in qiaokou["表3"] if r and r[0] == "2010504")
    row[1] = "信息事物"
    report = run(*book_from_grids(qiaokou, source="q"))
    assert [
        (f.rule_id, f.kind, f.row_key) for f in report.findings if f.rule_id.endswith(".codes")
    ] == [("bu.t3.codes", "name_mismatch", "2010504")]
    assert report.rules_failed_internally == 0
