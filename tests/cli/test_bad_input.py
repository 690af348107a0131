"""What the user sees when an input is bad: a file that cannot be read (exit 2, a Chinese message
naming the file, no traceback), or a workbook with bad content (exit 1, a finding at the cell).

Every input is built in tmp_path (goldens are copied first) and must be byte-identical after the run.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msoffcrypto
import pytest
from cli_support import Run, altered, assert_unreadable, hongshan, minimal_xls_bytes, sha256, yjs  # noqa: F401 (fixtures)
from msoffcrypto.format.ooxml import OOXMLFile

Yjs = Callable[..., Run]


def check_unchanged(yjs: Yjs, path: Path, *argv: str) -> Run:
    """Run ``yjs check path *argv`` and assert the input file was not touched."""
    before = sha256(path)
    run = yjs("check", path, *argv)
    assert sha256(path) == before, f"{path} was modified by yjs check"
    return run


def find_cell(sheet: Any, value: object) -> str:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == value:
                return str(cell.coordinate)
    raise AssertionError(f"{value!r} not found on {sheet.title}")


# ---- 1. not a workbook at all --------------------------------------------------------------------


def test_text_file_named_xlsx_is_refused_as_not_a_valid_workbook(yjs: Yjs, tmp_path: Path) -> None:
    path = tmp_path / "预算说明.xlsx"
    path.write_text("这是一份文字说明，不是表格。\n", encoding="utf-8")
    assert_unreadable(check_unchanged(yjs, path), path, "不是有效")


def test_empty_file_named_xlsx_is_refused(yjs: Yjs, tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert_unreadable(check_unchanged(yjs, path), path, "不是有效")


# ---- 2. corrupt packages -------------------------------------------------------------------------


def test_truncated_xlsx_is_refused_as_corrupt(yjs: Yjs, hongshan: Path, tmp_path: Path) -> None:
    data = hongshan.read_bytes()
    path = tmp_path / "half.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert_unreadable(check_unchanged(yjs, path), path, "损坏")


def test_zip_without_workbook_parts_is_refused_as_corrupt(yjs: Yjs, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    assert_unreadable(check_unchanged(yjs, path), path, "损坏")


# ---- 3. password-protected -----------------------------------------------------------------------


def test_password_protected_workbook_is_refused_as_encrypted(yjs: Yjs, hongshan: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    shutil.copyfile(hongshan, plain)
    path = tmp_path / "加密-hongshan.xlsx"
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    with path.open("rb") as handle:
        assert msoffcrypto.OfficeFile(handle).is_encrypted()
    assert_unreadable(check_unchanged(yjs, path), path, "加密")


# ---- 4. legacy .xls ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, id="ole-magic-only"),
        pytest.param(minimal_xls_bytes(), id="minimal-biff8-workbook"),
    ],
)
def test_legacy_xls_is_refused_with_save_as_xlsx_advice(yjs: Yjs, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(content)
    run = check_unchanged(yjs, path)
    assert_unreadable(run, path, ".xls", ".xlsx")
    assert "加密" not in run.err


def test_minimal_xls_fixture_is_a_real_unencrypted_ole_workbook(tmp_path: Path) -> None:
    """Guards the fixture above: msoffcrypto sees an Excel 97-2003 file that is not encrypted."""
    path = tmp_path / "old.xls"
    path.write_bytes(minimal_xls_bytes())
    with path.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        assert type(office).__name__ == "Xls97File"
        assert not office.is_encrypted()


def test_csv_text_named_xls_is_refused(yjs: Yjs, tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text("科目编码,科目名称,金额\n2010350,事业运行,318.55\n", encoding="utf-8")
    assert_unreadable(check_unchanged(yjs, path), path, ".xls")


def test_legacy_xls_renamed_to_xlsx_is_not_called_encrypted(yjs: Yjs, tmp_path: Path) -> None:
    path = tmp_path / "renamed.xlsx"
    path.write_bytes(minimal_xls_bytes())
    run = check_unchanged(yjs, path)
    assert_unreadable(run, path)
    assert "加密" not in run.err
    assert ".xls" in run.err.replace(".xlsx", "")


# ---- 5. tables missing ---------------------------------------------------------------------------


def test_workbook_without_tables_8_and_9_reports_exactly_those_missing(yjs: Yjs, altered: Callable[..., Path]) -> None:
    def drop(book: Any) -> None:
        del book["表8"]
        del book["表9"]

    path = altered("hongshan-2021", drop, "no-t8-t9.xlsx")
    run = check_unchanged(yjs, path, "--json")
    assert run.code == 1
    errors = [r for r in run.records if r["severity"] == "error"]
    assert sorted((r["rule_id"], r["kind"], r["classification"]) for r in errors) == [
        ("fa.gf.present", "missing_table", "错误"),
        ("fa.gz.present", "missing_table", "错误"),
    ]
    assert {r["table"] for r in errors} == {"fa.gf", "fa.gz"}
    # the golden's own residue is still found
    assert ("fa.x.t6_t5.basic", "尾数差异", "表6", "C34") in run.keys()

    text = check_unchanged(yjs, path)
    assert text.code == 1
    assert "找到 7/9 张表" in text.out
    missing_lines = [line for line in text.out.splitlines() if "未找到" in line]
    assert len(missing_lines) == 2
    assert any(line.startswith("表8") and "[fa.gf.present] 错误" in line for line in missing_lines)
    assert any(line.startswith("表9") and "[fa.gz.present] 错误" in line for line in missing_lines)


# ---- 6. text in an amount cell -------------------------------------------------------------------


def test_text_in_amount_cell_is_a_non_numeric_error_at_that_cell(yjs: Yjs, altered: Callable[..., Path]) -> None:
    def spoil(book: Any) -> None:
        book["表3"]["D7"] = "四百二十二"

    path = altered("hongshan-2021", spoil)
    run = check_unchanged(yjs, path, "--json")
    assert run.code == 1
    non_numeric = [r for r in run.records if r["kind"] == "non_numeric"]
    assert [(r["sheet"], r["cell"], r["severity"], r["classification"]) for r in non_numeric] == [("表3", "D7", "error", "错误")]
    assert "四百二十二" in non_numeric[0]["message"]
    assert (non_numeric[0]["row"], non_numeric[0]["column"]) == ("合计", "2")
    # no echo: identities over the unreadable cell are not evaluated on a guessed 0
    assert [r["rule_id"] for r in run.records if r["severity"] == "error"] == [non_numeric[0]["rule_id"]]

    text = check_unchanged(yjs, path)
    assert text.code == 1
    lines = [line for line in text.out.splitlines() if f"[{non_numeric[0]['rule_id']}]" in line and "无法识别为数字" in line]
    assert len(lines) == 1 and lines[0].startswith("表3!D7 ")


# ---- 7. bad classification codes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("replacement", "kind", "absent"),
    [
        pytest.param(2019999, "unknown_code", "malformed_code", id="unknown-7-digit"),
        pytest.param(2010, "malformed_code", "unknown_code", id="malformed-4-digit"),
        pytest.param("2010", "malformed_code", "unknown_code", id="malformed-4-digit-text"),
    ],
)
def test_bad_code_is_an_error_at_the_code_cell(
    yjs: Yjs, altered: Callable[..., Path], replacement: object, kind: str, absent: str
) -> None:
    where: dict[str, str] = {}

    def recode(book: Any) -> None:
        sheet = book["表3"]
        where["cell"] = find_cell(sheet, 2010350)  # 事业运行 (表3!A10 in the golden)
        sheet[where["cell"]] = replacement

    path = altered("hongshan-2021", recode)
    run = check_unchanged(yjs, path, "--json")
    assert run.code == 1
    hits = [r for r in run.records if r["kind"] == kind]
    assert [(r["sheet"], r["cell"], r["severity"]) for r in hits] == [("表3", where["cell"], "error")]
    assert str(replacement) in hits[0]["message"]
    assert not [r for r in run.records if r["kind"] == absent]
    assert not [r for r in run.records if r["kind"] == "internal_error"]


# ---- 9. paths and folders ------------------------------------------------------------------------


def test_missing_path_is_named_and_exits_2(yjs: Yjs, tmp_path: Path) -> None:
    path = tmp_path / "没有这个文件.xlsx"
    assert_unreadable(yjs("check", path), path, "找不到")
    assert not path.exists()


def test_empty_folder_exits_2_naming_the_folder(yjs: Yjs, tmp_path: Path) -> None:
    folder = tmp_path / "空文件夹"
    folder.mkdir()
    assert_unreadable(yjs("check", folder), folder, "没有工作簿")


def test_missing_path_next_to_a_good_workbook_still_reports_the_good_one(yjs: Yjs, hongshan: Path, tmp_path: Path) -> None:
    missing = tmp_path / "gone.xlsx"
    run = yjs("check", hongshan, missing)
    assert_unreadable(run, missing)
    assert f"== {hongshan}：" in run.out


def test_folder_with_a_broken_file_exits_2_but_reports_the_good_workbooks(
    yjs: Yjs, golden_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "单位报表"
    folder.mkdir()
    for case in ("hongshan-2021", "wuchang-2022"):
        shutil.copyfile(golden_dir / f"{case}.xlsx", folder / f"{case}.xlsx")
    broken = folder / "broken.xlsx"
    broken.write_text("not a workbook", encoding="utf-8")
    hashes = {p: sha256(p) for p in folder.iterdir()}

    run = yjs("check", folder)
    assert_unreadable(run, broken, "不是有效")
    summaries = [line for line in run.out.splitlines() if line.startswith("== ")]
    assert len(summaries) == 2
    assert any("hongshan-2021.xlsx" in s and "错误 0，尾数差异 1" in s for s in summaries)
    assert any("wuchang-2022.xlsx" in s and "错误 0，尾数差异 6" in s for s in summaries)
    assert {p: sha256(p) for p in folder.iterdir()} == hashes


# ---- 5. our own bugs ------------------------------------------------------------------------------


def test_an_internal_error_is_one_chinese_line_with_exit_3_not_a_traceback(
    yjs: Yjs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("bu.t99")

    monkeypatch.setattr("yujuesuan.services.template.write_template", broken)
    run = yjs("template", "--year", "2021", "-o", tmp_path / "t.xlsx")
    assert run.code == 3
    assert "程序内部错误" in run.err and "KeyError" in run.err and "YJS_DEBUG" in run.err
