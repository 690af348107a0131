"""填充科目名称 through the openpyxl adapter: the catalog name beside every code."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from yujuesuan import reference
from yujuesuan.cli import main
from yujuesuan.excel import ribbon
from yujuesuan.services.grids import split_address
from yujuesuan.workbook.grid import address
from yujuesuan.workbook.read import read_book

from ribbon_support import CASES, copy, demo_dir, demo_ledger, run_on  # noqa: F401 - fixtures


def _name_cells(path: Path) -> dict[tuple[str, str], tuple[str, str, int]]:
    """(sheet, cell right of a code) → (code, catalog kind, year), for every code cell of a table."""
    book, _ = read_book(path)
    out = {}
    for table in book.tables.values():
        kind = table.spec.code_catalog
        if kind is None:
            continue
        for code, at in table.row_cells.items():
            if code.isdigit():
                row, col = split_address(at)
                out[(table.sheet, address(row, col + 1))] = (code, kind, book.year)
    return out


def test_every_code_in_the_tables_gets_its_catalog_name(golden_dir: Path, tmp_path: Path) -> None:
    for case in CASES:
        source = copy(golden_dir / f"{case}.xlsx", tmp_path / f"{case}.xlsx")
        targets = _name_cells(source)
        workbook = openpyxl.load_workbook(source)
        for sheet, cell in targets:
            workbook[sheet][cell] = None
        workbook.save(source)
        message, out = run_on(ribbon.fill_names, source, tmp_path / f"named-{case}.xlsx")
        filled = openpyxl.load_workbook(out)
        assert len(targets) > 50
        for (sheet, cell), (code, kind, year) in targets.items():
            assert filled[sheet][cell].value == reference.load(kind, year).name(code), (sheet, cell, code)
        assert f"已填充科目名称 {len(targets)} 个" in message


def test_printed_names_are_left_as_they_were(golden_dir: Path, tmp_path: Path) -> None:
    source = golden_dir / "hongshan-2021.xlsx"
    _, out = run_on(ribbon.fill_names, source, tmp_path / "same.xlsx")
    before, after = openpyxl.load_workbook(source), openpyxl.load_workbook(out)
    for ws in before.worksheets:
        assert [[c.value for c in r] for r in ws.iter_rows()] == [[c.value for c in r] for r in after[ws.title].iter_rows()]


def test_ledger_code_columns_get_name_columns_and_still_build(demo_ledger: Path, tmp_path: Path) -> None:  # noqa: F811 - fixture
    message, out = run_on(ribbon.fill_names, demo_ledger, tmp_path / "named.xlsx")
    ws = openpyxl.load_workbook(out)["底稿-支出"]
    header = [c.value for c in ws[1]]
    function, economic = header.index("功能科目编码"), header.index("经济科目编码")
    names = {title: header.index(title) for title in ("功能科目名称", "经济科目名称")}
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    coded = [r for r in rows if r[function]]
    assert len(coded) > 100
    for row in coded:
        assert row[names["功能科目名称"]] == reference.load("function", 2021).name(str(row[function]))
        if row[economic]:
            assert row[names["经济科目名称"]] == reference.load("economic", 2021).name(str(row[economic]))
    assert main(["build", str(out), "-o", str(tmp_path / "built.xlsx")]) == 0


def test_an_unknown_ledger_code_is_marked_in_its_name_cell(demo_ledger: Path, tmp_path: Path) -> None:  # noqa: F811 - fixture
    source = copy(demo_ledger, tmp_path / "unknown.xlsx")
    workbook = openpyxl.load_workbook(source)
    workbook["底稿-收入"]["A2"] = "2019999"
    workbook.save(source)
    _, out = run_on(ribbon.fill_names, source, tmp_path / "named.xlsx")
    ws = openpyxl.load_workbook(out)["底稿-收入"]
    header = [c.value for c in ws[1]]
    assert ws.cell(2, header.index("功能科目名称") + 1).value == "#未知科目"


def test_budget_basic_spending_codes_get_economic_names_not_function_names(golden_dir: Path, tmp_path: Path) -> None:
    """预算 表6 lists 经济分类 codes in a code table: 30101 is 基本工资, never #未知科目."""
    source = copy(golden_dir / "qiaokou-2024.xlsx", tmp_path / "qiaokou.xlsx")
    book, _ = read_book(source)
    t6 = book.tables["bu.t6"]
    at = t6.row_cells["30101"]
    row, col = split_address(at)
    workbook = openpyxl.load_workbook(source)
    workbook[t6.sheet][address(row, col + 1)] = None
    workbook.save(source)
    _, out = run_on(ribbon.fill_names, source, tmp_path / "named.xlsx")
    assert openpyxl.load_workbook(out)[t6.sheet][address(row, col + 1)].value == "基本工资"
