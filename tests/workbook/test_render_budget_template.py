"""The blank 2024 部门预算 template: 封面 with the heading the reader takes the year from, the 底稿
sheet drawn from its declaration, the tables with the printed headers (no 行次 or 栏次), live
totals, and a clean `yjs check` of the blank file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from yujuesuan.build.budget_vocabulary import SHEETS
from yujuesuan.cli import main
from yujuesuan.spec import tables_for
from yujuesuan.workbook.render.placement import sheet_name

UNIT = "武汉市硚口区大数据中心"
PRINTED = ["表1", "表2", "表3", "表4", "表5-1", "表6", "表7", "表8", "表9", "表10"]


@pytest.fixture(scope="module")
def template_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("budget") / "预算模板.xlsx"
    assert main(["template", "--kind", "预算", "--year", "2024", "--unit", UNIT, "-o", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def book(template_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(template_path)


def _row(ws, r: int) -> list[object]:  # type: ignore[no-untyped-def]
    return [c.value for c in ws[r] if c.value is not None]


def test_budget_template_has_cover_working_paper_then_the_printed_tables_and_the_check_sheet(
    book: openpyxl.Workbook,
) -> None:
    names = book.sheetnames
    assert names[: 1 + len(SHEETS)] == ["封面", *(s.name for s in SHEETS)]
    assert [n for n in names if n in PRINTED] == PRINTED
    assert names[-1] == "校验"


def test_sheet_names_use_the_printed_label_and_keep_the_final_accounts_names() -> None:
    budget = {s.id: sheet_name(s) for s in tables_for("预算", 2024).tables}
    assert (budget["bu.t5"], budget["bu.t10"]) == ("表5-1", "表10")
    assert [sheet_name(s) for s in tables_for("决算", 2021).tables] == [f"表{n}" for n in range(1, 10)]


def test_cover_heading_names_the_unit_and_the_budget_year(book: openpyxl.Workbook) -> None:
    assert book["封面"]["A1"].value == f"{UNIT} 2024 年部门预算"
    assert book["封面"]["B3"].value == UNIT


def test_budget_tables_print_label_title_and_both_unit_lines_without_a_year(book: openpyxl.Workbook) -> None:
    assert [book["表5-1"].cell(r, 1).value for r in range(1, 5)] == [
        "表 5-1", "一般公共预算支出表(分功能科目)", f"部门/单位：{UNIT}", "单位：万元"
    ]
    assert book["表1"]["A2"].value == "收支总表"


def test_summary_table_header_is_income_and_spending_over_item_and_budget(book: openpyxl.Workbook) -> None:
    ws = book["表1"]
    assert _row(ws, 5) == ["收 入", "支 出"]
    assert _row(ws, 6) == ["项 目", "预算数", "项 目", "预算数"]
    assert {"A5:B5", "C5:D5"} <= {str(r) for r in ws.merged_cells.ranges}
    assert _row(book["表4"], 6) == ["项目", "预算数", "项目", "预算数"]


def test_summary_table_totals_sit_level_at_the_bottom_as_published(book: openpyxl.Workbook) -> None:
    ws = book["表1"]
    assert _row(ws, 7)[:2] == ["一、一般公共预算拨款收入", "一、一般公共服务支出"]
    assert _row(ws, 31) == ["本年收入合计", "=SUM(B7:B15)", "本年支出合计", "=SUM(D7:D30)"]
    assert _row(ws, 33) == ["收入总计", "=B31+B32", "支出总计", "=D31+D32"]
    t4 = book["表4"]
    last = [r for r in range(7, t4.max_row + 1) if t4.cell(r, 1).value == "收入总计"]
    assert last and t4.cell(last[0], 3).value == "支出总计"


def test_code_table_headers_are_the_printed_labels(book: openpyxl.Workbook) -> None:
    assert _row(book["表3"], 5) == [
        "科目编码", "科目名称", "合计", "基本支出", "项目支出", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出"
    ]
    assert _row(book["表3"], 6)[:2] == ["合计", "=SUM(D6:H6)"]
    t5 = book["表5-1"]
    assert _row(t5, 5) == ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    assert _row(t5, 6) == ["小计", "人员经费", "公用经费"]
    assert "D5:F5" in {str(r) for r in t5.merged_cells.ranges}
    assert _row(book["表6"], 5) == ["部门预算支出经济分类科目", "本年一般公共预算基本支出"]
    assert _row(book["表6"], 6) == ["科目编码", "科目名称", "合计", "人员经费", "公用经费"]
    assert _row(book["表8"], 5) == ["科目编码", "科目名称", "本年政府性基金预算支出"]
    assert _row(book["表8"], 6) == ["合计", "基本支出", "项目支出"]


def test_three_public_table_is_one_row_of_six_amounts_with_live_totals(book: openpyxl.Workbook) -> None:
    ws = book["表7"]
    assert _row(ws, 5) == ["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"]
    assert _row(ws, 6) == ["小计", "公务用车购置费", "公务用车运行费"]
    assert _row(ws, 7) == ["=B7+C7+F7", "=D7+E7"]


def test_budget_working_paper_is_drawn_from_its_declaration(book: openpyxl.Workbook) -> None:
    for sheet in SHEETS:
        ws = book[sheet.name]
        assert _row(ws, 1) == [c.name for c in sheet.columns]
        checks = ws.data_validations.dataValidation
        lists = {str(v.sqref).split(":")[0]: v.formula1.strip('"').split(",") for v in checks}
        for i, column in enumerate(sheet.columns, start=1):
            letter = openpyxl.utils.get_column_letter(i)
            fmt = ws.column_dimensions[letter].number_format
            assert lists.get(f"{letter}2") == (list(column.choices) or None), column.name
            if column.kind in ("function", "economic"):
                assert fmt == "@", column.name
            if column.kind == "amount":
                assert fmt == "#,##0.00", column.name


def test_blank_budget_template_reads_as_every_table_present_and_zero_with_no_finding(
    template_path: Path,
) -> None:
    """Choice: each code table prints its 合计 row (a live formula) and no 空表说明 — the user has
    not decided yet — so the checker reads every table as present and all zero: no finding."""
    from yujuesuan.services import check_workbook

    report = check_workbook(template_path)
    assert (report.year, report.kind) == (2024, "预算")
    assert len(report.tables_found) == len(tables_for("预算", 2024).tables)
    assert report.findings == ()
    assert report.ok


def test_blank_budget_template_caches_formula_values_the_engine_agrees_with(template_path: Path) -> None:
    from yujuesuan.services.recalc import recalc_workbook
    from yujuesuan.workbook.open import uncalculated_formulas

    assert uncalculated_formulas(template_path) == {}
    outcome = recalc_workbook(template_path)
    assert outcome.formulas > 0 and "文件缓存值" in outcome.engines
    assert outcome.mismatches == []


def test_budget_key_cells_have_workbook_names_pointing_at_their_totals(book: openpyxl.Workbook) -> None:
    names = {name: str(d.attr_text) for name, d in book.defined_names.items()}
    assert names["表1_收入总计"] == "'表1'!$B$33"
    assert names["表5_1_合计"] == "'表5-1'!$C$7"
    assert names["三公_预算合计"] == "'表7'!$A$7"
    assert names["校验_未通过项数"] == "'校验'!$B$2"
