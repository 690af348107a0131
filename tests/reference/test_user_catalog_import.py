"""Importing an official catalog spreadsheet as a user edition: what is installed, what is refused.

Every file is made here from the bundled edition with known changes (renamed, added, removed and
recoded codes), so the expected diff is exactly those changes. The per-user data folder is
tmp_path (``YUJUESUAN_DATA``); nothing is ever written into the package.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from catalog_tools import (  # noqa: F401 (user_data, yjs: fixtures)
    Run,
    changed,
    user_data,
    write_code_column_catalog,
    write_csv_catalog,
    write_split_catalog,
    yjs,
)
from yujuesuan import reference
from yujuesuan.reference.importing import CatalogRejected
from yujuesuan.reference.user import catalog_file
from yujuesuan.services.catalog import compare_years, import_catalog

YEAR = 2022  # uses the bundled 2021 function edition
RENAME = {"2010350": "事业运行支出", "207": "文化旅游体育与传媒事务支出"}
ADD = {"2080507": "新设养老保险补助", "235": "新设支出类", "23501": "新设支出款"}
REMOVE = ("2080506", "234")
RECODE = ("2101199", "2101198")  # same name, new code
PACKAGE_DATA = Path(reference.__file__).parent


def _expected_rows() -> list[tuple[str, str]]:
    bundled = reference.load_bundled("function", YEAR)
    old, new = RECODE
    add = {**ADD, new: bundled.name(old)}
    return changed(bundled, rename=RENAME, remove=(*REMOVE, old), add=add)


def _package_state() -> dict[str, str]:
    return {
        str(p.relative_to(PACKAGE_DATA)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(PACKAGE_DATA.rglob("*"))
        if p.is_file() and p.suffix in (".csv", ".toml")
    }


def test_imported_edition_differs_from_the_bundled_one_by_exactly_the_changes_made(
    user_data: Path, tmp_path: Path
) -> None:
    before = _package_state()
    rows = _expected_rows()
    outcome = import_catalog(
        write_split_catalog(tmp_path / "官方科目.xlsx", rows), kind="功能", year=YEAR
    )
    changes = outcome.changes
    assert {e.code for e in changes.added} == {*ADD, RECODE[1]}
    assert {e.code for e in changes.removed} == {*REMOVE, RECODE[0]}
    assert {(r.code, r.new_name) for r in changes.renamed} == set(RENAME.items())
    assert [(r.old_code, r.new_code) for r in changes.recoded] == [RECODE]
    assert [(e.code, e.name) for e in reference.load("function", YEAR)] == rows
    assert outcome.edition.file == catalog_file("function", YEAR)
    assert outcome.edition.file.is_relative_to(user_data)
    assert _package_state() == before


def test_diff_between_years_uses_the_user_edition(user_data: Path, tmp_path: Path) -> None:
    import_catalog(
        write_split_catalog(tmp_path / "c.xlsx", _expected_rows()), kind="function", year=YEAR
    )
    changes = compare_years("function", YEAR - 1, YEAR)
    assert {e.code for e in changes.removed} == {*REMOVE, RECODE[0]}
    assert compare_years("function", YEAR + 1, YEAR + 1).unchanged


def test_other_years_and_the_bundled_edition_are_unaffected(
    user_data: Path, tmp_path: Path
) -> None:
    import_catalog(
        write_split_catalog(tmp_path / "c.xlsx", _expected_rows()), kind="function", year=YEAR
    )
    assert "2080506" in reference.load("function", YEAR - 1)
    assert "2080506" in reference.load("function", YEAR + 1)
    assert "2080506" in reference.load_bundled("function", YEAR)
    assert "2080506" not in reference.load("function", YEAR)


def test_unchanged_names_keep_their_printed_variants(user_data: Path, tmp_path: Path) -> None:
    import_catalog(
        write_split_catalog(tmp_path / "c.xlsx", _expected_rows()), kind="function", year=YEAR
    )
    catalog = reference.load("function", YEAR)
    assert catalog.matches_name("201", "一般公共服务")  # alias of the bundled edition
    assert not catalog.matches_name("2010350", "事业单位运行")  # renamed: the old variant is gone


def test_codes_as_numbers_in_one_column_and_a_reimport_is_seen_at_once(
    user_data: Path, tmp_path: Path
) -> None:
    rows = _expected_rows()
    import_catalog(write_code_column_catalog(tmp_path / "a.xlsx", rows), kind="function", year=YEAR)
    assert reference.load("function", YEAR).name("2010350") == RENAME["2010350"]
    again = [(code, "事业运行（再改）" if code == "2010350" else name) for code, name in rows]
    outcome = import_catalog(
        write_code_column_catalog(tmp_path / "b.xlsx", again), kind="function", year=YEAR
    )
    assert [(r.code, r.old_name) for r in outcome.changes.renamed] == [
        ("2010350", RENAME["2010350"])
    ]
    assert reference.load("function", YEAR).name("2010350") == "事业运行（再改）"


def test_gb18030_csv_of_the_economic_catalog(user_data: Path, tmp_path: Path) -> None:
    bundled = reference.load_bundled("economic", YEAR)
    rows = changed(bundled, remove=("30199",), add={"30198": "新设工资福利"})
    outcome = import_catalog(
        write_csv_catalog(tmp_path / "经济分类.csv", rows), kind="经济", year=YEAR
    )
    assert [e.code for e in outcome.changes.added] == ["30198"]
    assert [e.code for e in outcome.changes.removed] == ["30199"]
    assert "30198" in reference.load("economic", YEAR)


def _broken_rows() -> tuple[list[tuple[str, str]], dict[str, int]]:
    """Good rows plus a duplicate, an orphan and a 4-digit code; sheet row of each problem."""
    rows = [(e.code, e.name) for e in reference.load_bundled("function", YEAR)]
    bad = [("2010350", "事业运行"), ("2019901", "没有上级的项"), ("2011", "四位编码")]
    rows += bad
    first_bad = len(rows) - len(bad) + 2  # header is row 1
    return rows, {code: first_bad + i for i, (code, _) in enumerate(bad)}


def test_broken_catalog_is_refused_with_one_chinese_message_per_problem(
    user_data: Path, tmp_path: Path
) -> None:
    rows, where = _broken_rows()
    path = write_code_column_catalog(tmp_path / "坏目录.xlsx", rows, sheet="目录")
    with pytest.raises(CatalogRejected) as raised:
        import_catalog(path, kind="function", year=YEAR)
    problems = raised.value.problems
    assert sorted((p.row, p.sheet) for p in problems) == sorted(
        (row, "目录") for row in where.values()
    )
    by_row = {p.row: str(p) for p in problems}
    assert "重复" in by_row[where["2010350"]]
    assert "上级科目20199不在目录中" in by_row[where["2019901"]]
    assert "4位" in by_row[where["2011"]]
    assert all(str(path) in text and f"第{row}行" in text for row, text in by_row.items())
    assert not catalog_file("function", YEAR).exists()
    assert "2010350" in reference.load("function", YEAR)  # still the bundled edition


def test_a_refused_file_leaves_the_earlier_import_in_force(user_data: Path, tmp_path: Path) -> None:
    good = _expected_rows()
    import_catalog(write_split_catalog(tmp_path / "good.xlsx", good), kind="function", year=YEAR)
    installed = catalog_file("function", YEAR).read_bytes()
    rows, _ = _broken_rows()
    with pytest.raises(CatalogRejected):
        import_catalog(
            write_code_column_catalog(tmp_path / "bad.xlsx", rows), kind="function", year=YEAR
        )
    assert catalog_file("function", YEAR).read_bytes() == installed


@pytest.mark.parametrize(
    "rows,needle",
    [
        ([("201", "一般 公共服务支出")], "中间有空白"),
        ([("201", "")], "没有名称"),
        ([("20a", "字母编码")], "不是数字"),
        ([("201", "一般公共服务支出"), ("2010350", "项的上级款不在")], "上级科目20103"),
    ],
)
def test_each_kind_of_bad_row_is_named(
    user_data: Path, tmp_path: Path, rows: list[tuple[str, str]], needle: str
) -> None:
    path = write_csv_catalog(tmp_path / "c.csv", rows, encoding="utf-8")
    with pytest.raises(CatalogRejected) as raised:
        import_catalog(path, kind="function", year=YEAR)
    assert [needle in str(p) for p in raised.value.problems] == [True]


def test_economic_catalog_refuses_seven_digit_codes(user_data: Path, tmp_path: Path) -> None:
    path = write_csv_catalog(tmp_path / "c.csv", [("301", "工资福利支出"), ("3010101", "七位")])
    with pytest.raises(CatalogRejected) as raised:
        import_catalog(path, kind="economic", year=YEAR)
    assert ["7位" in str(p) for p in raised.value.problems] == [True]


def test_a_sheet_without_catalog_headers_is_refused(user_data: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("甲,乙\n1,2\n", encoding="utf-8")
    with pytest.raises(CatalogRejected, match="未导入") as raised:
        import_catalog(path, kind="function", year=YEAR)
    assert "找不到科目目录的表头" in str(raised.value.problems[0])


Yjs = Callable[..., Run]


def test_cli_import_reports_the_changes_and_list_shows_the_edition(
    user_data: Path, tmp_path: Path, yjs: Yjs
) -> None:
    path = write_split_catalog(tmp_path / "官方科目.xlsx", _expected_rows())
    run = yjs("catalog", "import", path, "--kind", "function", "--year", YEAR)
    assert run.code == 0, run
    for code in ADD:
        assert f"新增 {code}" in run.out
    for code in REMOVE:
        assert f"停用 {code}" in run.out
    assert f"改编码 {RECODE[0]} → {RECODE[1]}" in run.out
    for code, name in RENAME.items():
        assert f"更名 {code}" in run.out and name in run.out
    listed = yjs("catalog", "list")
    assert f"{YEAR}年" in listed.out and str(catalog_file("function", YEAR)) in listed.out
    shown = yjs("catalog", "show", "2010350", "--year", YEAR)
    assert RENAME["2010350"] in shown.out and "用户导入" in shown.out


def test_cli_refuses_a_broken_catalog_with_exit_2_and_every_problem(
    user_data: Path, tmp_path: Path, yjs: Yjs
) -> None:
    rows, where = _broken_rows()
    path = write_code_column_catalog(tmp_path / "坏目录.xlsx", rows)
    run = yjs("catalog", "import", path, "--kind", "function", "--year", YEAR)
    assert run.code == 2
    assert "未导入" in run.err
    assert [line for line in run.err.splitlines() if line.startswith("  ")] == [
        line for line in run.err.splitlines() if any(f"第{row}行" in line for row in where.values())
    ]
    assert len([line for line in run.err.splitlines() if line.startswith("  ")]) == len(where)
    assert not catalog_file("function", YEAR).exists()


def _parts_filled_on_every_row(code: str) -> list[object]:
    """201 | 01 | 50 on a 项 row, 201 | 01 | (blank) on a 款 row: every level repeated, as text."""
    return [code[:3], code[3:5] or None, code[5:7] or None]


def _parts_as_full_codes(code: str) -> list[object]:
    """Each level's column holds the full code of that level (201 / 20103 / 2010350)."""
    cells: list[object] = [None, None, None]
    cells[(3, 5, 7).index(len(code))] = code
    return cells


@pytest.mark.parametrize("layout", [_parts_filled_on_every_row, _parts_as_full_codes])
def test_other_split_layouts_give_the_same_edition(
    user_data: Path, tmp_path: Path, layout: Callable[[str], list[object]]
) -> None:
    import openpyxl

    rows = _expected_rows()
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["类", "款", "项", "科目名称"])
    for code, name in rows:
        ws.append([*layout(code), name])
    book.save(tmp_path / "c.xlsx")
    import_catalog(tmp_path / "c.xlsx", kind="function", year=YEAR)
    assert [(e.code, e.name) for e in reference.load("function", YEAR)] == rows


def test_the_sheet_named_after_the_kind_is_chosen(user_data: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    function_sheet = book.active
    function_sheet.title = "支出功能分类"
    function_sheet.append(["科目编码", "科目名称"])
    function_sheet.append(["201", "一般公共服务支出"])
    economic_sheet = book.create_sheet("支出经济分类")
    economic_sheet.append(["科目编码", "科目名称"])
    economic_sheet.append(["301", "工资福利支出"])
    book.save(tmp_path / "both.xlsx")
    outcome = import_catalog(tmp_path / "both.xlsx", kind="economic", year=YEAR)
    assert outcome.sheet == "支出经济分类"
    assert [e.code for e in reference.load("economic", YEAR)] == ["301"]
