"""The rendered tables look like the published ones: titles, merged headers, 栏次, text codes,
number formats, borders, A4 print setup and frozen panes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from render_support import render_case

from yujuesuan.spec import tables_for
from yujuesuan.tables import Book
from yujuesuan.workbook.render import render_tables


@pytest.fixture(scope="module")
def rendered(golden_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    *_, path = render_case(golden_dir, "hongshan-2021", tmp_path_factory.mktemp("layout") / "rendered.xlsx")
    return openpyxl.load_workbook(path)


def _merged(sheet) -> set[str]:  # type: ignore[no-untyped-def]
    return {str(r) for r in sheet.merged_cells.ranges}


def test_each_table_opens_with_title_unit_and_amount_unit(rendered: openpyxl.Workbook) -> None:
    sheet = rendered["表7"]
    assert sheet["A1"].value == "2021年度一般公共预算财政拨款“三公”经费支出决算表（表7）"
    assert sheet["A1"].font.bold and sheet["A1"].font.size > 11
    assert "A1:L1" in _merged(sheet)
    assert [sheet["A2"].value, sheet["A3"].value] == ["部门：武汉市洪山区大数据中心", "金额单位：万元"]


def test_headers_are_merged_as_published(rendered: openpyxl.Workbook) -> None:
    assert {"A4:C4", "D4:F4"} <= _merged(rendered["表1"])
    assert {"A4:C4", "D4:I4"} <= _merged(rendered["表4"])
    assert {"A4:B4", "C4:E4", "A6:B6", "A7:B7"} <= _merged(rendered["表5"])  # 本年支出 over 栏1–3
    assert {"A4:B4", "C4:C5", "I4:I5"} <= _merged(rendered["表2"])
    assert {"C4:C5", "D4:D5", "E4:G4", "H4:H5"} <= _merged(rendered["表8"])
    assert {"A4:C4", "D4:I4", "A34:B34", "D34:H34"} <= _merged(rendered["表6"])
    assert {"A4:F4", "G4:L4", "C5:E5", "I5:K5", "A5:A6", "L5:L6"} <= _merged(rendered["表7"])
    assert [c.value for c in rendered["表5"][5]] == ["功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"]


def test_column_numbers_row_sits_under_the_header(rendered: openpyxl.Workbook) -> None:
    assert [c.value for c in rendered["表3"][6]] == ["栏次", None, 1, 2, 3, 4, 5, 6]
    assert [c.value for c in rendered["表1"][6]] == ["栏次", None, 1, "栏次", None, 2]
    assert [c.value for c in rendered["表7"][7]] == list(range(1, 13))


def test_codes_are_text_and_amounts_have_two_decimals(rendered: openpyxl.Workbook) -> None:
    sheet = rendered["表3"]
    assert sheet["A10"].value == "2010350" and sheet["A10"].data_type == "s"
    assert sheet["D10"].number_format == "#,##0.00"
    assert sheet["C7"].number_format == "#,##0.00"
    assert sheet["A10"].border.left.style == "thin"
    assert rendered["表6"]["A6"].value == "301"


def test_print_setup_is_a4_fit_to_width_landscape_when_wide(rendered: openpyxl.Workbook) -> None:
    for name in ("表1", "表3", "表4", "表7"):
        sheet = rendered[name]
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)  # 9 = A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert rendered["表4"].page_setup.orientation == "landscape"
    assert rendered["表7"].page_setup.orientation == "landscape"
    assert rendered["表1"].page_setup.orientation == "portrait"
    assert rendered["表1"].freeze_panes == "A7"
    assert rendered["表6"].freeze_panes == "A6"
    assert rendered["表7"].freeze_panes == "A8"


def test_notes_are_printed_under_the_table(rendered: openpyxl.Workbook) -> None:
    sheet = rendered["表1"]
    assert [sheet.cell(r, 1).value for r in range(37, 42)] == [
        "注：本表反映部门本年度的总收支和年末结转结余情况。",
        "27行 = (1+2+3+4+5+6+7+8) 行",
        "30行 = (27+28+29) 行",
        "57行 = (31+32+...+56) 行",
        "60行 = (57+58+59) 行",
    ]


def test_rendering_twice_into_one_workbook_is_refused() -> None:
    workbook = openpyxl.Workbook()
    table_set = tables_for("决算", 2021)
    render_tables(workbook, table_set, Book(year=2021), unit="", year=2021)
    with pytest.raises(ValueError, match="表1"):
        render_tables(workbook, table_set, Book(year=2021), unit="", year=2021)
