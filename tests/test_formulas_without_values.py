"""A workbook whose formulas were never calculated is read, and the user is told why totals are blank."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from yujuesuan.services import check_workbook


def _with_total_formula(golden_dir: Path, tmp_path: Path, formula: str) -> Path:
    book = openpyxl.load_workbook(golden_dir / "hongshan-2021.xlsx")
    book["表1"]["C33"] = formula  # 本年收入合计 as a formula, saved without a cached value
    path = tmp_path / "formula.xlsx"
    book.save(path)
    return path


def test_formula_saved_without_value_is_recalculated_and_said_so(golden_dir: Path, tmp_path: Path) -> None:
    report = check_workbook(_with_total_formula(golden_dir, tmp_path, "=SUM(C7:C14)"))
    notes = [f for f in report.findings if f.kind == "recalculated_formula"]
    assert [(str(f.location), f.note, f.severity.value) for f in notes] == [("表1!C33", "1", "info")]
    assert report.ok and not [f for f in report.findings if f.rule_id == "fa.t1.r27"]


def test_a_wrong_formula_total_is_caught_after_recalculation(golden_dir: Path, tmp_path: Path) -> None:
    report = check_workbook(_with_total_formula(golden_dir, tmp_path, "=SUM(C7:C14)+1"))
    assert [f.classification for f in report.findings if f.rule_id == "fa.t1.r27"] == ["错误"]


def test_when_the_engine_fails_the_blank_totals_are_flagged(golden_dir: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from yujuesuan.workbook import read

    monkeypatch.setattr(read, "recalc_with_formulas", lambda path: 1 / 0)
    report = check_workbook(_with_total_formula(golden_dir, tmp_path, "=SUM(C7:C14)"))
    notes = [f for f in report.findings if f.kind == "uncalculated_formula"]
    assert [(str(f.location), f.note) for f in notes] == [("表1!C33", "1")]
    assert "打开并保存" in notes[0].message


def test_calculated_workbooks_raise_no_formula_warning(golden_dir: Path) -> None:
    report = check_workbook(golden_dir / "hongshan-2021.xlsx")
    assert not [f for f in report.findings if f.kind == "uncalculated_formula"]


def test_empty_cells_before_a_formula_do_not_take_its_place(tmp_path: Path) -> None:
    from yujuesuan.workbook.open import uncalculated_formulas

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B7"].number_format = "#,##0.00"  # styled but empty: written as <c r="B7" s="1"/>
    sheet["C7"] = "=1+1"
    path = tmp_path / "f.xlsx"
    book.save(path)
    assert uncalculated_formulas(path) == {sheet.title: ["C7"]}
