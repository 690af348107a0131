"""校验勾稽关系 and 清除标记 through the openpyxl adapter, on the golden and the demo workbooks."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from yujuesuan.excel import ribbon
from yujuesuan.excel.file_book import FileBook
from yujuesuan.services.check import check_workbook
from yujuesuan.services.check_marks import FILLS, RESULT_SHEET
from yujuesuan.spec.model import TOTAL
from yujuesuan.workbook.read import read_book

from ribbon_support import CASES, coloured, copy, demo_built, demo_dir, fills, run_on  # noqa: F401 - fixtures

ERROR, RESIDUE = FILLS["错误"], FILLS["尾数差异"]


@pytest.fixture(scope="module")
def broken(golden_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """hongshan-2021 with 表3 合计 第1栏 raised by 100 万元: several identities break (错误)."""
    path = copy(golden_dir / "hongshan-2021.xlsx", tmp_path_factory.mktemp("broken") / "broken.xlsx")
    book, _ = read_book(path)
    t3 = book.tables["fa.t3"]
    workbook = openpyxl.load_workbook(path)
    cell = workbook[t3.sheet][t3.cells[(TOTAL, "1")]]
    cell.value = float(Decimal(str(cell.value)) + 100)
    workbook.save(path)
    return path


def _checked(source: Path, tmp_path: Path) -> tuple[str, Path]:
    return run_on(ribbon.check, source, tmp_path / f"checked-{source.name}")


def _sources(golden_dir: Path, broken: Path) -> list[Path]:
    return [golden_dir / f"{case}.xlsx" for case in CASES] + [broken]


def test_result_sheet_has_one_row_per_finding_of_yjs_check(golden_dir: Path, broken: Path, tmp_path: Path) -> None:
    for source in _sources(golden_dir, broken):
        expected = check_workbook(source).findings
        _, out = _checked(source, tmp_path)
        ws = openpyxl.load_workbook(out)[RESULT_SHEET]
        assert [c.value for c in ws[1]][:8] == ["严重程度", "规则编号", "表", "单元格", "应为", "实为", "差额", "说明"]
        assert ws["A1"].font.b and ws.freeze_panes == "A2"
        assert all(ws.column_dimensions[c].hidden for c in "KLM")  # the original fills, for 清除标记
        rows = list(ws.iter_rows(min_row=2, max_col=8, values_only=True))
        assert len(rows) == len(expected) > 0
        for row, finding in zip(rows, expected, strict=True):
            assert row[:2] == (finding.classification, finding.rule_id)
            assert row[3] == (str(finding.location) if finding.location and finding.location.cell else None)
            assert row[4:7] == tuple(None if v is None else float(v) for v in (finding.expected, finding.actual, finding.difference))
            assert row[7] == finding.message


def test_every_result_row_links_to_its_cell_inside_the_workbook(golden_dir: Path, broken: Path, tmp_path: Path) -> None:
    for source in _sources(golden_dir, broken):
        findings = check_workbook(source).findings
        _, out = _checked(source, tmp_path)
        workbook = openpyxl.load_workbook(out)
        ws = workbook[RESULT_SHEET]
        for r, finding in enumerate(findings, start=2):
            link = ws[f"D{r}"].hyperlink
            assert link is not None and link.location == f"'{finding.location.sheet}'!{finding.location.cell}"
            assert link.target is None  # internal: no external relationship
            sheet, address = link.location.split("!")
            assert sheet.strip("'") in workbook.sheetnames
            assert workbook[sheet.strip("'")][address].coordinate == finding.location.cell


def test_exactly_the_failing_cells_are_coloured(golden_dir: Path, broken: Path, tmp_path: Path) -> None:
    for source in _sources(golden_dir, broken):
        findings = check_workbook(source).findings
        errors = {(f.location.sheet, f.location.cell) for f in findings if f.classification == "错误" and f.location.cell}
        residues = {(f.location.sheet, f.location.cell) for f in findings if f.classification == "尾数差异"} - errors
        _, out = _checked(source, tmp_path)
        assert coloured(out, ERROR) == errors
        assert coloured(out, RESIDUE) == residues
        assert errors or residues


def test_the_first_error_is_selected(broken: Path, tmp_path: Path) -> None:
    first = next(f for f in check_workbook(broken).findings if f.classification == "错误")
    message, out = _checked(broken, tmp_path)
    workbook = openpyxl.load_workbook(out)
    assert workbook.active.title == first.location.sheet
    assert workbook.active.sheet_view.selection[0].activeCell == first.location.cell
    assert "错误 " in message and "错误 0" not in message


def test_a_clean_built_workbook_gets_an_empty_result_and_no_colour(demo_built: Path, tmp_path: Path) -> None:  # noqa: F811 - fixture
    message, out = _checked(demo_built, tmp_path)
    assert "错误 0，尾数差异 0" in message
    assert openpyxl.load_workbook(out)[RESULT_SHEET].max_row == 1
    assert not coloured(out, ERROR) | coloured(out, RESIDUE)
    assert fills(out).keys() >= fills(demo_built).keys()


def _precoloured(source: Path, tmp_path: Path) -> Path:
    """The workbook with user fills on failing cells (solid, theme-tinted) and elsewhere."""
    path = copy(source, tmp_path / f"coloured-{source.name}")
    findings = [f for f in check_workbook(path).findings if f.location and f.location.cell]
    workbook = openpyxl.load_workbook(path)
    first, last = findings[0].location, findings[-1].location
    workbook[first.sheet][first.cell].fill = openpyxl.styles.PatternFill("solid", fgColor="FF00B0F0")
    theme = openpyxl.styles.colors.Color(theme=4, tint=0.3999)
    workbook[last.sheet][last.cell].fill = openpyxl.styles.PatternFill("lightGray", fgColor=theme)
    workbook[first.sheet]["A1"].fill = openpyxl.styles.PatternFill("solid", fgColor="FF92D050")
    workbook.save(path)
    return path


def test_clearing_marks_restores_the_original_fills_and_removes_the_sheet(golden_dir: Path, broken: Path, tmp_path: Path) -> None:
    for source in _sources(golden_dir, broken):
        original = _precoloured(source, tmp_path)
        _, checked = _checked(original, tmp_path)
        assert fills(checked) != fills(original)
        message, cleared = run_on(ribbon.clear_marks, checked, tmp_path / f"cleared-{source.name}")
        assert RESULT_SHEET not in openpyxl.load_workbook(cleared).sheetnames
        assert fills(cleared) == fills(original)
        assert "已清除标记" in message


def test_clearing_leaves_a_colour_the_user_changed_after_the_check(broken: Path, tmp_path: Path) -> None:
    _, checked = _checked(broken, tmp_path)
    book = FileBook(checked, output=tmp_path / "recoloured.xlsx")
    sheet, address = next(iter(coloured(checked, ERROR)))
    green = book.rgb_fill("92D050")
    book.set_fill(sheet, [address], green)
    ribbon.clear_marks(book)
    after = fills(tmp_path / "recoloured.xlsx")
    assert after[(sheet, address)] == green
    assert not coloured(tmp_path / "recoloured.xlsx", ERROR)


def test_checking_twice_does_not_stack_marks_or_sheets(broken: Path, tmp_path: Path) -> None:
    _, once = _checked(broken, tmp_path)
    _, twice = run_on(ribbon.check, once, tmp_path / "twice.xlsx")
    assert coloured(twice, ERROR) == coloured(once, ERROR)
    assert openpyxl.load_workbook(twice).sheetnames.count(RESULT_SHEET) == 1
    _, cleared = run_on(ribbon.clear_marks, twice, tmp_path / "cleared.xlsx")
    assert fills(cleared) == fills(broken)


def test_clearing_a_workbook_without_marks_says_so_and_changes_nothing(golden_dir: Path, tmp_path: Path) -> None:
    source = golden_dir / "hongshan-2021.xlsx"
    message, out = run_on(ribbon.clear_marks, source, tmp_path / "nothing.xlsx")
    assert message == "没有需要清除的标记。"
    assert fills(out) == fills(source)


def test_an_unreadable_workbook_is_told_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    book = FileBook(path, output=tmp_path / "out.xlsx")
    message = ribbon.check(book)
    assert message.startswith("错误：未在工作簿中找到任何部门决算或部门预算公开表")
    assert book.messages == [message]


def test_a_narrative_sheet_is_checked_as_yjs_check_does(demo_built: Path, tmp_path: Path) -> None:
    import re

    from yujuesuan.services.narrate import SHEET, write_draft

    narrated = write_draft(demo_built, tmp_path / "narrated.xlsx")
    workbook = openpyxl.load_workbook(narrated)
    cell = next(c for row in workbook[SHEET].iter_rows() for c in row if re.search(r"\d+\.\d\d万元", str(c.value or "")))
    cell.value = re.sub(r"(\d+)\.(\d\d)万元", lambda m: f"{int(m.group(1)) + 7}.{m.group(2)}万元", cell.value, count=1)
    workbook.save(narrated)
    # saved by openpyxl without formula values: both recalculate; only yjs check says so (info)
    expected = [f for f in check_workbook(narrated).findings if f.rule_id != "workbook.formulas"]
    assert any(f.location and f.location.sheet == SHEET for f in expected)
    _, out = _checked(narrated, tmp_path)
    rows = list(openpyxl.load_workbook(out)[RESULT_SHEET].iter_rows(min_row=2, max_col=4, values_only=True))
    assert [(r[1], r[3]) for r in rows] == [(f.rule_id, str(f.location) if f.location else None) for f in expected]
