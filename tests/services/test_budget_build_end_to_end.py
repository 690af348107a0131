"""The 部门预算 job end to end with the CLI: ``yjs template --kind 预算`` → fill 底稿-预算 with the
qiaokou-2024 sample → ``yjs build`` (the kind comes from the workbook) → ``yjs check``: nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from yujuesuan.cli import main
from yujuesuan.samples import sample_rows
from yujuesuan.services.build import build_workbook, detect_kind
from yujuesuan.services.check import check_workbook
from yujuesuan.services.demo import BUDGET, run_demo
from yujuesuan.workbook.read import read_book

UNIT = "武汉市硚口区大数据中心"


def fill_from_sample(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book["底稿-预算"]
    header, *rows = sample_rows("qiaokou-2024", "底稿-预算")
    assert [c.value for c in sheet[1]][: len(header)] == header
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c).value = float(value) if header[c - 1] == "金额(元)" else value or None
    book.save(path)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("budget")
    template = folder / "模板.xlsx"
    assert main(["template", "--kind", "预算", "--year", "2024", "--unit", UNIT, "-o", str(template)]) == 0
    fill_from_sample(template)
    out = folder / "预算公开表.xlsx"
    assert main(["build", str(template), "-o", str(out)]) == 0
    return out


def test_template_filled_with_the_sample_builds_and_checks_with_zero_findings(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(built)]) == 0
    out = capsys.readouterr().out
    assert "2024年度预算" in out and "错误 0，尾数差异 0，警告 0，提示 0" in out
    report = check_workbook(built)
    assert (report.kind, report.year, report.findings) == ("预算", 2024, ())


def test_the_built_budget_workbook_shows_the_published_totals(built: Path) -> None:
    book, _ = read_book(built)
    assert book.tables["bu.t1"].value("收入总计", "income") == Decimal("1757.51")
    assert book.tables["bu.t6"].value("合计", "personnel") == Decimal("344.98")
    assert book.tables["bu.t7"].value("金额", "reception") == Decimal("0.76")
    assert book.tables["bu.t11"].value("spending.project", "current") == Decimal("1389.6")


def test_build_says_it_made_the_budget_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_demo(tmp_path, BUDGET)
    assert outcome.built.kind == "预算" and outcome.report.findings == ()
    assert main(["build", str(outcome.ledger_workbook), "-o", str(tmp_path / "again.xlsx")]) == 0
    assert "生成2024年度预算公开表" in capsys.readouterr().out


def test_a_budget_workbook_without_its_working_paper_is_told_which_sheet_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "模板.xlsx"
    assert main(["template", "--kind", "预算", "--year", "2024", "-o", str(template)]) == 0
    book = openpyxl.load_workbook(template)
    del book["底稿-预算"]
    book.save(template)
    assert main(["build", str(template), "-o", str(tmp_path / "out.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "底稿-预算：缺少工作表“底稿-预算”" in err and "Traceback" not in err


def test_a_bad_budget_line_is_reported_with_sheet_and_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "模板.xlsx"
    assert main(["template", "--kind", "预算", "--year", "2024", "-o", str(template)]) == 0
    fill_from_sample(template)
    book = openpyxl.load_workbook(template)
    book["底稿-预算"]["B3"] = "30201"  # a 公用经费 code on a 人员经费 line
    book.save(template)
    assert main(["build", str(template), "-o", str(tmp_path / "out.xlsx")]) == 2
    assert "底稿-预算!第3行 经济科目编码" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("sheets", "heading", "kind"),
    [
        ({"底稿-预算": None}, (), "预算"),
        ({"底稿-支出": None, "底稿-收入": None}, ("某单位 2024 年部门预算",), "决算"),
        ({}, ("武汉市硚口区大数据中心 2024 年部门预算", None), "预算"),
        ({}, ("2021年度部门决算",), "决算"),
        ({}, (), "决算"),
    ],
)
def test_the_kind_comes_from_the_working_paper_sheets_then_the_cover_heading(
    sheets: dict, heading: tuple, kind: str
) -> None:
    assert detect_kind(sheets, heading) == kind


def test_the_final_accounts_demo_still_builds_nine_tables(tmp_path: Path) -> None:
    outcome = run_demo(tmp_path)
    assert outcome.built.kind == "决算" and len(outcome.report.tables_found) == 9
    assert build_workbook(outcome.ledger_workbook, tmp_path / "x.xlsx").kind == "决算"


def test_demo_command_runs_the_budget_unit_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--out", str(tmp_path), "--kind", "预算"]) == 0
    out = capsys.readouterr().out
    assert "武汉市硚口区大数据中心（2024年度预算" in out
    assert "错误 0，尾数差异 0，警告 0，提示 0" in out
    assert (tmp_path / "武汉市硚口区大数据中心-2024-预算公开表.xlsx").is_file()
