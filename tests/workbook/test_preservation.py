"""Lose nothing: every command that writes into a user's workbook changes only the sheets it is
meant to change. The corpus is the demo unit's built workbook after its user added a chart, a
comment, validation, a conditional format, a print area, a defined name and a hidden sheet
(and, as .xlsm, a VBA project); each
command's output is compared with its input part by part, and the parts that changed are listed.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from user_content import KEPT_PARTS, VBA, as_xlsm, parts, with_user_content
from yujuesuan.cli import main
from yujuesuan.excel import ribbon
from yujuesuan.excel.file_book import FileBook
from yujuesuan.services.demo import run_demo
from yujuesuan.workbook.cache import sheet_parts

INDEX_PARTS = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"}
TABLES = {f"表{n}" for n in range(1, 10)} | {"校验"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("preserve")
    demo = run_demo(folder / "demo")
    xlsx = with_user_content(demo.built.output, folder / "用户.xlsx")
    return {"xlsx": xlsx, "xlsm": as_xlsm(xlsx, folder / "用户.xlsm"), "prior": demo.built.output}


def _parts(path: Path) -> dict[str, bytes]:
    return parts(path)


def _titles_of(path: Path, parts: set[str]) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        return {title for title, part in sheet_parts(archive).items() if part in parts}


def _ribbon(handler: Callable[..., str]) -> Callable[[Path, Path], None]:
    def run(source: Path, output: Path) -> None:
        handler(FileBook(source, output=output))

    return run


def _cli(*argv: str) -> Callable[[Path, Path], None]:
    def run(source: Path, output: Path) -> None:
        assert main([a.format(source=source, output=output) for a in argv]) in (0, 1)

    return run


# command → (how to run it on (input, output), the sheets it may change)
COMMANDS: dict[str, tuple[Callable[[Path, Path], None], set[str]]] = {
    "yjs build": (_cli("build", "{source}", "-o", "{output}"), TABLES),
    "yjs reference-sheet": (_cli("reference-sheet", "{source}", "-o", "{output}"), {"参考数据"}),
    "yjs narrate (into a sheet)": (_cli("narrate", "{source}", "-o", "{output}"), {"情况说明"}),
    "ribbon 填充科目名称": (_ribbon(ribbon.fill_names), TABLES | {"底稿-支出", "底稿-收入", "底稿-结转结余"}),
    "ribbon 重算九张表": (_ribbon(ribbon.rebuild), TABLES),
    "ribbon 校验勾稽关系": (_ribbon(ribbon.check), TABLES | {"校验结果"}),
    "ribbon 清除标记": (_ribbon(ribbon.clear_marks), TABLES | {"校验结果"}),
}


@pytest.mark.parametrize("suffix", ["xlsx", "xlsm"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_writing_command_changes_only_its_own_sheets(command: str, suffix: str, corpus: dict[str, Path], tmp_path: Path) -> None:
    run, allowed = COMMANDS[command]
    source = corpus[suffix]
    output = tmp_path / f"out.{suffix}"
    before = _parts(source)
    run(source, output)
    assert _parts(source) == before, "the input was changed"
    after = _parts(output)
    changed = {name for name in before if before[name] != after.get(name)}
    sheets = _titles_of(source, changed)
    assert sheets <= allowed, f"{command} changed sheets {sorted(sheets - allowed)}"
    others = changed - INDEX_PARTS - {p for p in changed if p.startswith("xl/worksheets/")}
    assert others == set(), f"{command} changed parts {sorted(others)}"
    for name in KEPT_PARTS:
        assert after[name] == before[name]
    if suffix == "xlsm":
        assert after["xl/vbaProject.bin"] == VBA
    book = openpyxl.load_workbook(output)
    assert book["隐藏"].sheet_state == "hidden" and "我的合计" in book.defined_names
    mine = book["我的分析"]
    assert mine.print_area == "'我的分析'!$A$1:$D$20"
    (rule,) = [r for rules in mine.conditional_formatting for r in rules.rules]
    assert rule.formula == ["1000"] and rule.dxf.fill.fgColor.rgb == "FFFF0000"


def test_pull_prior_changes_only_the_prior_year_sheet(corpus: dict[str, Path], tmp_path: Path) -> None:
    """Last year's workbook is the built demo (2021); this year's is the user's 2022 template."""
    this_year = tmp_path / "2022.xlsx"
    assert main(["template", "--year", "2022", "-o", str(this_year)]) == 0
    this_year = with_user_content(this_year, tmp_path / "2022-用户.xlsx")
    output = tmp_path / "2022-上年数.xlsx"
    before = _parts(this_year)
    assert main(["pull-prior", str(corpus["prior"]), str(this_year), "-o", str(output)]) == 0
    after = _parts(output)
    changed = {name for name in before if before[name] != after.get(name)}
    assert _titles_of(this_year, changed) == {"上年数"}
    assert changed - INDEX_PARTS - {p for p in changed if p.startswith("xl/worksheets/")} == set()
