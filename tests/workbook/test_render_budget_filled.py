"""A filled 2024 budget book rendered into a workbook (as the build writes it) and read back.

The book is the qiaokou-2024 golden case. As published it carries four 尾数差异 residues (its
README); with the detail cells corrected so every published total is the sum of its parts
(``CORRECTED``), the formulas must land on every published total and `yjs check` must find
nothing. The cached values must be what the headless engine computes (`yjs recalc`).
"""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from yujuesuan.services import check_workbook
from yujuesuan.services.recalc import recalc_workbook
from yujuesuan.services.template import save_with_values
from yujuesuan.tables import Book
from yujuesuan.workbook.read import read_book
from yujuesuan.workbook.recalc import recalc_with_formulas
from yujuesuan.workbook.render import RenderResult, render_tables
from yujuesuan.workbook.render.template import add_cover

UNIT = "武汉市硚口区大数据中心"
# Detail cells changed by one cent so the published totals hold exactly (see the case README):
# 20805 = 2080502 + 2080505 and 21011 = Σ its 项 on 表3 and 表5-1 (合计/基本支出/人员经费), and
# 表5-1 基本支出小计 = 人员经费 + 公用经费 on 201, 20103, 2010350 (人员经费 233.74 → 233.75).
_LEAVES = (("2080505", "30.21"), ("2101199", "2.32"))  # were 30.22 and 2.33
CORRECTED: dict[tuple[str, str, str], str] = {
    **{("bu.t3", code, col): v for code, v in _LEAVES for col in ("total", "basic")},
    **{("bu.t5", code, col): v for code, v in _LEAVES for col in ("total", "basic", "personnel")},
    **{("bu.t5", code, "personnel"): "233.75" for code in ("201", "20103", "2010350")},
}
Rendered = tuple[RenderResult, Path]


def _published(golden_dir: Path) -> Book:
    book, _ = read_book(golden_dir / "qiaokou-2024.xlsx")
    return book


def _corrected(golden_dir: Path) -> Book:
    book = copy.deepcopy(_published(golden_dir))
    for (table, row, col), value in CORRECTED.items():
        assert (row, col) in book.tables[table].values, (table, row, col)
        book.tables[table].values[(row, col)] = Decimal(value)
    _fill_published_empty(book)
    return book


def _fill_published_empty(book: Book) -> None:
    """表2 and 表10, published empty, as the unit's budget has them: every line 一般公共预算拨款,
    so 表2 = 表3 合计 by 科目 (all in the 一般公共预算拨款收入 column) and 表10 = 表3 项目支出."""
    from yujuesuan.spec import tables_for
    from yujuesuan.tables import Table

    specs, t3 = tables_for("预算", 2024), book.tables["bu.t3"]
    t2, t10 = Table(spec=specs.table("bu.t2")), Table(spec=specs.table("bu.t10"))
    for row in t3.rows_seen:
        name = t3.row_names.get(row, row)
        t2.add_row(row, name)
        t2.set(row, "total", t3.value(row, "total"))
        t2.set(row, "general", t3.value(row, "total"))
        if t3.value(row, "project"):
            t10.add_row(row, name)
            t10.set(row, "total", t3.value(row, "project"))
    book.tables["bu.t2"], book.tables["bu.t10"] = t2, t10


def _render(book: Book, path: Path) -> RenderResult:
    from yujuesuan.spec import tables_for

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    add_cover(workbook, "预算", year=2024, unit=UNIT)
    result = render_tables(workbook, tables_for("预算", 2024), book, unit=UNIT, year=2024)
    save_with_values(workbook, path, result.expected)
    return result


@pytest.fixture(scope="module")
def corrected(golden_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[RenderResult, Path]:
    path = tmp_path_factory.mktemp("budget-filled") / "filled.xlsx"
    return _render(_corrected(golden_dir), path), path


def test_formulas_land_on_every_published_total_once_the_residues_are_corrected(
    corrected: Rendered,
) -> None:
    result, _ = corrected
    assert result.changed == {}
    assert result.definitions  # totals are formulas, not the book's numbers


def test_filled_budget_book_read_back_by_the_checker_has_no_finding(corrected: Rendered) -> None:
    _, path = corrected
    report = check_workbook(path)
    assert (report.year, report.kind) == (2024, "预算")
    assert report.findings == ()
    assert report.rules_failed_internally == 0


def test_filled_budget_book_reads_back_the_same_amounts(golden_dir: Path, corrected: Rendered) -> None:
    _, path = corrected
    back, table_set = read_book(path)
    expected = _corrected(golden_dir)
    grid_tables = {s.id for s in table_set.tables}  # the 表12-n forms are not rendered here
    for tid, table in ((t, v) for t, v in expected.tables.items() if t in grid_tables):
        shown = {k: v for k, v in back.tables[tid].values.items() if v}
        assert shown == {k: v for k, v in table.values.items() if v}, tid
        assert back.tables[tid].code_rows() == table.code_rows(), tid


def test_budget_formulas_compute_in_the_headless_engine_what_the_file_caches(corrected: Rendered) -> None:
    result, path = corrected
    computed = recalc_with_formulas(path)
    numbers = {k: v for k, v in result.expected.items() if isinstance(v, Decimal)}
    assert set(numbers) <= set(computed)
    wrong = {
        k: (v, computed[k])
        for k, v in numbers.items()
        if abs(Decimal(str(computed[k] or 0)) - v) >= Decimal("0.005")
    }
    assert wrong == {}
    outcome = recalc_workbook(path)
    assert "文件缓存值" in outcome.engines and outcome.mismatches == []


def test_cross_table_repeats_are_formulas_on_the_other_sheet(corrected: Rendered) -> None:
    result, path = corrected
    ws = openpyxl.load_workbook(path)["表1"]
    class_208 = result.cells[("bu.t1", "208", "spending")][1]
    t3_208 = result.cells[("bu.t3", "208", "total")][1]
    assert ws[class_208].value == f"='表3'!{t3_208}"
    general = result.cells[("bu.t4", "本年收入.general", "income")][1]
    assert openpyxl.load_workbook(path)["表4"][general].value.startswith("='表1'!")


def test_published_residues_become_formula_changes_of_one_cent(golden_dir: Path, tmp_path: Path) -> None:
    book = _published(golden_dir)
    _fill_published_empty(book)
    result = _render(book, tmp_path / "published.xlsx")
    cent = Decimal("0.01")
    assert result.changed[("bu.t3", "20805", "total")] == (Decimal("34.04"), Decimal("34.05"))
    assert result.changed[("bu.t5", "201", "basic")] == (Decimal("256.70"), Decimal("256.69"))
    assert all(abs(formula - printed) <= 2 * cent for printed, formula in result.changed.values())
