"""yjs reference-sheet: the 参考数据 sheet lists the codes a workbook uses, flags unknown and renamed ones."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from catalog_tools import Run, changed, user_data, write_code_column_catalog, yjs  # noqa: F401 (fixtures)
from yujuesuan import reference
from yujuesuan.services.catalog import import_catalog
from yujuesuan.services.reference_sheet import (
    HEADERS,
    SHEET,
    reference_sheet_values,
    write_reference_sheet,
)
from yujuesuan.workbook.read import read_book

Yjs = Callable[..., Run]


def _sheet(path: Path) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in openpyxl.load_workbook(path)[SHEET].iter_rows(values_only=True)]


def _by_code(rows: list[tuple[Any, ...]]) -> dict[tuple[str, str], tuple[Any, ...]]:
    start = rows.index(tuple(HEADERS)) + 1
    return {(row[0], row[1]): row for row in rows[start:]}


def test_every_code_of_the_tables_is_listed_with_its_amounts(
    user_data: Path, tmp_path: Path, golden_dir: Path
) -> None:
    source = golden_dir / "hongshan-2021.xlsx"
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    outcome = write_reference_sheet(source, tmp_path / "out.xlsx")
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    book = read_book(source)[0]
    rows = _by_code(_sheet(outcome.output))
    function_codes = set(book.tables["fa.t3"].code_rows()) | set(book.tables["fa.t2"].code_rows())
    economic_codes = set(book.tables["fa.t6"].code_rows())
    assert {c for k, c in rows if k == "功能分类"} == function_codes
    assert {c for k, c in rows if k == "经济分类"} == economic_codes
    column = HEADERS.index("支出决算数(万元)")
    for code in book.tables["fa.t3"].code_rows():
        assert rows[("功能分类", code)][column] == float(book.tables["fa.t3"].value(code, "1"))
    catalog = reference.load("function", 2021)
    assert rows[("功能分类", "2010350")][2:5] == ("项", "20103", catalog.name("2010350"))
    assert {row[6] for row in rows.values()} == {"正常"}  # hongshan's codes are all known


def test_unknown_and_renamed_codes_are_flagged(
    user_data: Path, tmp_path: Path, golden_dir: Path
) -> None:
    bundled = reference.load_bundled("function", 2021)
    rows = changed(bundled, rename={"2210202": "租房补贴（新名）"}, remove=("2080506",))
    import_catalog(write_code_column_catalog(tmp_path / "c.xlsx", rows), kind="function", year=2021)
    book = read_book(golden_dir / "hongshan-2021.xlsx")[0]
    grid = reference_sheet_values(book)  # what the ribbon button puts into a live workbook
    by_code = _by_code([tuple(r) for r in grid])
    assert by_code[("功能分类", "2080506")][6].startswith("未知科目")
    assert "表中名称与目录不符" in by_code[("功能分类", "2210202")][6]
    assert by_code[("功能分类", "2010350")][6] == "正常"
    assert "用户导入" in grid[1][0]


def test_whole_edition_and_in_place_with_backup(
    user_data: Path, tmp_path: Path, golden_dir: Path, yjs: Yjs
) -> None:
    copy = tmp_path / "hongshan.xlsx"
    copy.write_bytes((golden_dir / "hongshan-2021.xlsx").read_bytes())
    run = yjs("reference-sheet", copy, "--in-place", "--all")
    assert run.code == 0, run
    assert "备份" in run.out
    assert list(tmp_path.glob("hongshan.bak-*.xlsx"))
    rows = _by_code(_sheet(copy))
    expected = {("功能分类", e.code) for e in reference.load("function", 2021)}
    expected |= {("经济分类", e.code) for e in reference.load("economic", 2021)}
    assert set(rows) == expected
    assert "表1" in openpyxl.load_workbook(copy).sheetnames  # the tables are still there


def test_default_output_is_a_new_file_beside_the_input(
    user_data: Path, tmp_path: Path, golden_dir: Path, yjs: Yjs
) -> None:
    copy = tmp_path / "hongshan.xlsx"
    copy.write_bytes((golden_dir / "hongshan-2021.xlsx").read_bytes())
    run = yjs("reference-sheet", copy)
    assert run.code == 0, run
    assert SHEET not in openpyxl.load_workbook(copy).sheetnames
    assert SHEET in openpyxl.load_workbook(tmp_path / "hongshan-参考数据.xlsx").sheetnames
    missing = yjs("reference-sheet", tmp_path / "nope.xlsx")
    assert missing.code == 2 and "找不到文件" in missing.err


def test_a_code_renamed_since_last_year_says_its_old_name(
    user_data: Path, tmp_path: Path, golden_dir: Path
) -> None:
    book = read_book(golden_dir / "wuchang-2022.xlsx")[0]
    code = book.tables["fa.t3"].code_rows()[-1]
    bundled = reference.load_bundled("function", 2022)
    rows = changed(bundled, rename={code: "改过的名称"})
    import_catalog(write_code_column_catalog(tmp_path / "c.xlsx", rows), kind="function", year=2022)
    status = _by_code([tuple(r) for r in reference_sheet_values(book)])[("功能分类", code)][6]
    assert f"本年更名（上年：{bundled.name(code)}）" in status


def test_ribbon_path_paints_the_same_sheet_through_a_book_port(
    user_data: Path, tmp_path: Path, golden_dir: Path
) -> None:
    from yujuesuan.excel.file_book import FileBook
    from yujuesuan.services.reference_sheet import reference_sheet_image

    source = golden_dir / "hongshan-2021.xlsx"
    port = FileBook(source, output=tmp_path / "painted.xlsx")
    made = reference_sheet_image({n: port.read(n) for n in port.sheet_names()}, source=port.name)
    port.replace_sheet(made.image.name)
    port.paint(made.image)
    port.save()
    painted = _sheet(tmp_path / "painted.xlsx")
    written = _sheet(write_reference_sheet(source, tmp_path / "written.xlsx").output)
    assert painted == written
    assert "0 个需要注意" in made.summary()
