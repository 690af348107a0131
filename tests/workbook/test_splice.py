"""`yjs build` into a user's workbook changes only 表1–表9 and 校验: the user's own sheets, charts,
comments, validation, names, hidden sheets and VBA come out as they went in, part by part."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from user_content import KEPT_PARTS, VBA, as_xlsm, parts, with_part, with_user_content
from yujuesuan.services.build import build_workbook
from yujuesuan.services.demo import write_sample_ledger
from yujuesuan.workbook.recalc import libreoffice
from yujuesuan.workbook.styles_merge import merge_styles
from yujuesuan.workbook.render.check_sheet import SHEET as CHECK_SHEET

# the parts a build may change: the workbook's index, styles, and the sheets it writes
INDEX_PARTS = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"}


def _parts(path: Path) -> dict[str, bytes]:
    return parts(path)


def _table_parts(path: Path) -> set[str]:
    from yujuesuan.workbook.cache import sheet_parts

    with zipfile.ZipFile(path) as archive:
        return {part for title, part in sheet_parts(archive).items() if title.startswith("表") or title == CHECK_SHEET}


@pytest.fixture(scope="module")
def user_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo 底稿 workbook after its user added sheets, a chart and more of their own."""
    folder = tmp_path_factory.mktemp("user")
    return with_user_content(write_sample_ledger(folder / "底稿.xlsx"), folder / "用户底稿.xlsx")


@pytest.fixture(scope="module")
def built(user_workbook: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "决算公开表.xlsx"
    build_workbook(user_workbook, out)
    return out


def test_build_changes_no_part_but_the_tables_and_the_workbook_index(user_workbook: Path, built: Path) -> None:
    before, after = _parts(user_workbook), _parts(built)
    changed = {name for name in before if name in after and before[name] != after[name]}
    assert changed <= INDEX_PARTS | _table_parts(built), sorted(changed - INDEX_PARTS)
    assert set(before) - set(after) == set()  # nothing dropped (the input had no calcChain)
    for name in KEPT_PARTS:
        assert after[name] == before[name], name


def test_users_sheets_names_and_hidden_state_survive_the_build(built: Path) -> None:
    book = openpyxl.load_workbook(built)
    assert book.sheetnames[:2] == ["封面", "底稿-支出"]
    assert {"我的分析", "隐藏", "表1", "表9", "校验"} <= set(book.sheetnames)
    assert book["隐藏"].sheet_state == "hidden"
    assert book["我的分析"]["A1"].comment.text == "请复核"
    assert book["我的分析"].data_validations.dataValidation[0].formula1 == '"是,否"'
    assert book.defined_names["我的合计"].attr_text == "'我的分析'!$B$1:$B$3"
    assert book.defined_names["表1_本年收入合计"].attr_text.startswith("'表1'!")
    assert len(book["我的分析"]._charts) == 1


def test_rebuilding_a_built_workbook_replaces_its_tables_without_growing_it(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    build_workbook(built, again)
    first, second = _parts(built), _parts(again)
    assert set(first) == set(second)
    assert first["xl/styles.xml"] == second["xl/styles.xml"]
    book = openpyxl.load_workbook(again)
    assert book.sheetnames.count("表1") == 1 and sum(bool(ws.sheet_view.tabSelected) for ws in book.worksheets) <= 1


def test_a_vba_project_in_an_xlsm_is_carried_over_byte_for_byte(user_workbook: Path, tmp_path: Path) -> None:
    source = as_xlsm(user_workbook, tmp_path / "宏.xlsm")
    out = tmp_path / "宏-决算.xlsm"
    build_workbook(source, out)
    parts = _parts(out)
    assert parts["xl/vbaProject.bin"] == VBA
    assert b"vbaProject" in parts["xl/_rels/workbook.xml.rels"]


def test_a_stale_calculation_chain_is_dropped_and_excel_asked_to_recalculate(user_workbook: Path, tmp_path: Path) -> None:
    source = with_part(
        user_workbook, tmp_path / "chain.xlsx", "xl/calcChain.xml",
        b'<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="1"/></calcChain>',
        b'<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>',
        b'<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>',
    )
    out = tmp_path / "out.xlsx"
    build_workbook(source, out)
    parts = _parts(out)
    assert "xl/calcChain.xml" not in parts
    assert b"calcChain" not in parts["[Content_Types].xml"] + parts["xl/_rels/workbook.xml.rels"]
    assert b'fullCalcOnLoad="1"' in parts["xl/workbook.xml"]


@pytest.mark.skipif(libreoffice() is None, reason="LibreOffice not installed (CI installs it)")
def test_libreoffice_opens_the_spliced_workbook(built: Path, tmp_path: Path) -> None:
    from yujuesuan.workbook.recalc import cached_values, recalc_with_libreoffice

    out = recalc_with_libreoffice(built, tmp_path / "lo.xlsx")
    values = cached_values(out)
    assert values[("表1", "C33")] == pytest.approx(2397.77)
    assert values[("我的分析", "B3")] == pytest.approx(1975.54)


def test_styles_already_in_the_users_workbook_are_reused_not_appended() -> None:
    ours = (
        b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>'
        b'<fonts count="2"><font><sz val="11"/></font><font><b val="1"/></font></fonts>'
        b'<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        b'<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        b'<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        b'<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>'
    )
    theirs = (
        b'<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="urn:x14ac">'
        b'<numFmts count="1"><numFmt numFmtId="170" formatCode="#,##0.00"/></numFmts>'
        b'<fonts count="1" x14ac:knownFonts="1"><font><sz val="12"/><name val="SimSun"/></font></fonts>'
        b'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        b'<borders count="1"><border><left/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        b'<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><extLst><ext uri="x"/></extLst></styleSheet>'
    )
    merged = merge_styles(theirs, ours)
    text = merged.xml.decode()
    assert merged.xf == {0: 0, 1: 1}
    assert '<xf numFmtId="170" fontId="1" fillId="0" borderId="0" xfId="0"/>' in text  # their format id reused
    assert '<fonts count="2" x14ac:knownFonts="1">' in text and "<extLst>" in text
    assert merge_styles(merged.xml, ours).xml == merged.xml  # a second merge adds nothing


def test_edited_sheets_are_saved_alone_and_everything_else_kept(built: Path, tmp_path: Path) -> None:
    """What fill-names / marks / 参考数据 do: edit one sheet, add one, remove one."""
    from yujuesuan.workbook.save_changes import put_text, save_changes

    book = openpyxl.load_workbook(built)
    book["上年数"]["B2"] = 2556.03
    extra = book.create_sheet("参考数据")
    put_text(extra["A1"], "=HYPERLINK(\"http://x\")")
    del book["校验"]
    out = tmp_path / "edited.xlsx"
    save_changes(built, book, out, changed={"上年数", "参考数据"}, removed={"校验"})
    before, after = _parts(built), _parts(out)
    for name in KEPT_PARTS:
        assert after[name] == before[name], name
    again = openpyxl.load_workbook(out)
    assert "校验" not in again.sheetnames and again.sheetnames[-1] == "参考数据"
    assert again["参考数据"]["A1"].value == "=HYPERLINK(\"http://x\")" and again["参考数据"]["A1"].data_type == "s"
    assert "校验_未通过项数" not in again.defined_names  # it pointed at the removed sheet
    assert again["上年数"]["B2"].value == 2556.03
    from yujuesuan.workbook.recalc import cached_values

    cached = cached_values(out)
    assert cached[("表1", "C33")] == pytest.approx(2397.77)  # untouched sheets keep their values
    assert len(again["我的分析"]._charts) == 1


def test_a_package_we_cannot_edit_in_place_is_refused_rather_than_stripped_of_its_charts(
    user_workbook: Path, tmp_path: Path
) -> None:
    from yujuesuan.errors import WorkbookFormatError

    odd = _prefixed_styles(user_workbook, tmp_path / "前缀.xlsx")
    out = tmp_path / "out.xlsx"
    with pytest.raises(WorkbookFormatError, match="charts|drawings"):
        build_workbook(odd, out)
    assert not out.exists()


def _prefixed_styles(source: Path, target: Path) -> Path:
    """``source`` with styles.xml written with a namespace prefix: we do not edit that in place."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/styles.xml":
                data = data.replace(b"<styleSheet xmlns=", b"<x:styleSheet xmlns:x=").replace(b"</styleSheet>", b"</x:styleSheet>")
            dst.writestr(info, data)
    return target


def test_the_whole_workbook_fallback_replaces_exactly_the_drawn_sheets(tmp_path: Path) -> None:
    """No charts, so the openpyxl fallback may run: built twice, it redraws 表1–表9 and 校验 and
    keeps a sheet of the user's that merely looks like a table name (表10)."""
    ledger = openpyxl.load_workbook(write_sample_ledger(tmp_path / "底稿.xlsx"))
    ledger.create_sheet("表10")["A1"] = "我的备注"
    ledger.save(tmp_path / "plain.xlsx")
    odd = _prefixed_styles(tmp_path / "plain.xlsx", tmp_path / "前缀.xlsx")
    once = build_workbook(odd, tmp_path / "once.xlsx").output
    twice = build_workbook(_prefixed_styles(once, tmp_path / "again.xlsx"), tmp_path / "twice.xlsx").output
    workbook = openpyxl.load_workbook(twice)
    assert workbook["表10"]["A1"].value == "我的备注"
    assert [n for n in workbook.sheetnames if n.startswith("表") and n != "表10"] == [f"表{n}" for n in range(1, 10)]
    assert workbook.sheetnames.count(CHECK_SHEET) == 1
