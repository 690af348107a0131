"""The blank template a unit starts from: cover, working papers with drop-downs, the nine tables
with their formulas, the 校验 sheet; reproducible byte for byte."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from yujuesuan.spec import tables_for
from yujuesuan.workbook.locate import find_titles
from yujuesuan.workbook.open import read_grids
from yujuesuan.workbook.read import title_specs
from yujuesuan.workbook.render import render_template, save_workbook
from yujuesuan.workbook.render.template import FUND_SOURCES, INCOME_SOURCES, LEDGER_ROWS, NATURES

LEDGERS = {
    "底稿-支出": ["功能科目编码", "资金来源", "支出性质", "经济科目编码", "项目名称", "金额(元)"],
    "底稿-收入": ["功能科目编码", "收入来源", "金额(元)"],
    "底稿-结转结余": ["资金来源", "功能科目编码", "年初结转和结余(元)", "年末结转和结余(元)"],
    "底稿-三公": ["项目", "预算数(元)", "决算数(元)"],
}


@pytest.fixture(scope="module")
def template_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workbook = render_template(tables_for("决算", 2021), year=2021, unit="武汉市洪山区大数据中心")
    return save_workbook(workbook, tmp_path_factory.mktemp("template") / "template.xlsx")


@pytest.fixture(scope="module")
def template(template_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(template_path)


def test_sheets_come_in_the_working_order(template: openpyxl.Workbook) -> None:
    assert template.sheetnames == [
        "封面", *LEDGERS, "上年数", "年初预算", *(f"表{n}" for n in range(1, 10)), "校验"
    ]


def test_working_papers_have_exactly_the_agreed_header_rows(template: openpyxl.Workbook) -> None:
    for name, headers in LEDGERS.items():
        assert [c.value for c in template[name][1] if c.value is not None] == headers, name
    assert [template["底稿-三公"].cell(r, 1).value for r in range(2, 6)] == [
        "因公出国（境）费", "公务用车购置费", "公务用车运行费", "公务接待费"
    ]
    for name in ("上年数", "年初预算"):
        sheet = template[name]
        assert [sheet["A1"].value, sheet["B1"].value] == ["项目", "金额(万元)"]
        assert sheet["A2"].value


def _lists(sheet) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    out = {}
    for check in sheet.data_validations.dataValidation:
        assert check.type == "list"
        options = check.formula1.strip('"').split(",")
        out[str(check.sqref)] = options
    return out


def test_source_and_nature_columns_offer_drop_down_lists_over_2000_rows(template: openpyxl.Workbook) -> None:
    last = LEDGER_ROWS + 1
    assert LEDGER_ROWS >= 2000
    assert _lists(template["底稿-支出"]) == {f"B2:B{last}": list(FUND_SOURCES), f"C2:C{last}": list(NATURES)}
    assert _lists(template["底稿-收入"]) == {f"B2:B{last}": list(INCOME_SOURCES)}
    assert _lists(template["底稿-结转结余"]) == {f"A2:A{last}": list(FUND_SOURCES)}
    assert len(FUND_SOURCES) == 10 and INCOME_SOURCES == FUND_SOURCES[:8]
    assert NATURES == ("基本支出-人员经费", "基本支出-公用经费", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")


def test_code_columns_are_text_so_codes_keep_their_digits(template: openpyxl.Workbook) -> None:
    for sheet, column in (("底稿-支出", "A"), ("底稿-支出", "D"), ("底稿-收入", "A"), ("底稿-结转结余", "B")):
        # a column-level format: applies to every cell typed into the column (openpyxl sees it on
        # the column; Excel, WPS and LibreOffice give it to new cells)
        assert template[sheet].column_dimensions[column].number_format == "@", (sheet, column)


def test_defined_names_are_workbook_scoped_and_point_at_existing_cells(template: openpyxl.Workbook) -> None:
    names = dict(template.defined_names.items())
    assert {"单位名称", "年度", "单位编码", "表1_本年收入合计", "表5_合计", "三公_决算合计", "校验_未通过项数"} <= set(names)
    for name, defined in names.items():
        ((sheet, address),) = defined.destinations
        assert sheet in template.sheetnames, name
        assert template[sheet][address.replace("$", "")].coordinate, name
    assert all(not ws.defined_names for ws in template.worksheets)
    cover = template["封面"]
    assert [cover.cell(r, 1).value for r in (3, 4, 5)] == ["单位名称", "年度", "单位编码"]
    ((_, year_cell),) = names["年度"].destinations
    assert cover[year_cell.replace("$", "")].value == 2021


def test_the_reader_finds_every_table_of_the_template_by_its_title(template_path: Path) -> None:
    hits = find_titles(read_grids(template_path), title_specs())
    table_set = tables_for("决算", 2021)
    assert [(h.sheet, h.table_id, h.year) for h in hits] == [
        (f"表{spec.number}", spec.id, 2021) for spec in table_set.tables
    ]


def test_empty_code_tables_show_header_total_and_notes(template: openpyxl.Workbook) -> None:
    sheet = template["表3"]
    assert sheet["A7"].value == "合计"
    assert sheet["C7"].value == "=SUM(D7:H7)"  # 1栏 = (2+…+6)栏 still holds on the 合计 row
    assert sheet["A8"].value.startswith("注：")


def test_fixed_tables_carry_their_formulas_in_the_template(template: openpyxl.Workbook) -> None:
    assert template["表1"]["C33"].value == "=SUM(C7:C14)"
    assert template["表4"]["C7"].value == "='表1'!C7"
    assert template["表6"]["C6"].value == "=SUM(C7:C19)"


def test_template_is_reproducible_byte_for_byte(tmp_path: Path) -> None:
    table_set = tables_for("决算", 2022)
    first = save_workbook(render_template(table_set, year=2022, unit="单位"), tmp_path / "a.xlsx")
    second = save_workbook(render_template(table_set, year=2022, unit="单位"), tmp_path / "b.xlsx")
    assert first.read_bytes() == second.read_bytes()
    props = openpyxl.load_workbook(first).properties
    assert props.created.year == props.modified.year == 2024
