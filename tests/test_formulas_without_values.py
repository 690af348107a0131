"""A workbook whose formulas were never calculated is read, and the user is told why totals are blank."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from yujuesuan.services import check_workbook


def test_uncalculated_total_formula_is_reported_on_its_sheet(golden_dir: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(golden_dir / "hongshan-2021.xlsx")
    book["表1"]["C33"] = "=SUM(C7:C14)"  # 本年收入合计 as a formula, saved without a cached value
    path = tmp_path / "formula.xlsx"
    book.save(path)
    report = check_workbook(path)
    notes = [f for f in report.findings if f.kind == "uncalculated_formula"]
    assert [(str(f.location), f.note) for f in notes] == [("表1!C33", "1")]
    assert "打开并保存" in notes[0].message


def test_calculated_workbooks_raise_no_formula_warning(golden_dir: Path) -> None:
    report = check_workbook(golden_dir / "hongshan-2021.xlsx")
    assert not [f for f in report.findings if f.kind == "uncalculated_formula"]
