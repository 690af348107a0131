"""Totals, subtotals and repeats are live formulas in the plainest grammar, and calculate to
exactly the amounts the render promised."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from render_formula_grammar import ALLOWED_FUNCTIONS, Disallowed, Evaluator, formula_cells, functions, tokens
from render_support import render_case

from yujuesuan.spec import tables_for
from yujuesuan.workbook.render import render_template


@pytest.mark.parametrize("case", ["hongshan-2021", "wuchang-2022"])
def test_every_formula_uses_only_sum_plus_minus_references_if_and_abs(
    golden_dir: Path, tmp_path: Path, case: str
) -> None:
    *_, path = render_case(golden_dir, case, tmp_path / "rendered.xlsx")
    found = formula_cells(openpyxl.load_workbook(path))
    assert found
    used = set().union(*(functions(f) for f in found.values()))
    assert used <= ALLOWED_FUNCTIONS


@pytest.mark.parametrize("year", [2021, 2022])
def test_template_formulas_use_only_the_plain_grammar(year: int) -> None:
    found = formula_cells(render_template(tables_for("决算", year), year=year))
    assert found
    assert set().union(*(functions(f) for f in found.values())) <= ALLOWED_FUNCTIONS


@pytest.mark.parametrize(
    "formula", ["=ROUND(C7,2)", "=SUBTOTAL(9,C7:C9)", "=OFFSET(A1,1,1)", "=C7*2", "=表1_本年收入合计", "=C7&C8"]
)
def test_the_grammar_check_rejects_anything_else(formula: str) -> None:
    with pytest.raises(Disallowed):
        tokens(formula)


@pytest.mark.parametrize("case", ["hongshan-2021", "wuchang-2022"])
def test_every_formula_cell_calculates_to_the_expected_value(
    golden_dir: Path, tmp_path: Path, case: str
) -> None:
    _, _, result, path = render_case(golden_dir, case, tmp_path / "rendered.xlsx")
    workbook = openpyxl.load_workbook(path)
    found = formula_cells(workbook)
    assert set(found) == set(result.expected)
    evaluator = Evaluator(workbook)
    calculated = {key: evaluator.value(*key) for key in found}
    assert calculated == result.expected


def test_hongshan_totals_are_formulas_and_details_are_values(golden_dir: Path, tmp_path: Path) -> None:
    _, _, result, path = render_case(golden_dir, "hongshan-2021", tmp_path / "rendered.xlsx")
    workbook = openpyxl.load_workbook(path)

    def at(table: str, row: str, col: str) -> object:
        sheet, address = result.cells[(table, row, col)]
        return workbook[sheet][address].value

    t3_class_201 = result.cells[("fa.t3", "201", "1")][1]
    assert at("fa.t1", "27", "1") == "=SUM(C7:C14)"  # 27行 = (1+…+8)行
    assert at("fa.t1", "31", "2") == f"='表3'!{t3_class_201}"  # 表1 类 line repeats 表3 类 第1栏
    assert at("fa.t1", "1", "1") == pytest.approx(2397.77)  # income detail: a value
    assert at("fa.t3", "2010350", "2") == pytest.approx(318.55)  # 项 detail: a value
    assert at("fa.t3", "2010350", "1") == "=SUM(D10:H10)"  # 1栏 = (2+…+6)栏
    assert at("fa.t4", "1", "1") == "='表1'!C7"  # 表4 第1行 = 表1 第1行
    assert str(at("fa.t4", "33", "3")).startswith("='表5'!")  # 表4 3栏 类 line = 表5 类 第1栏
    assert at("fa.t6", "人员经费合计", "amount") == "=C6+C20"  # 301 + 303
    assert at("fa.sg", "金额", "1") == "=B8+C8+F8"  # 1栏 = (2+3+6)栏
    assert at("fa.sg", "金额", "11") == pytest.approx(2.2)
    assert at("fa.t1", "32", "2") is None  # a class the unit has no row for: blank, not 0.00


def test_hongshan_formula_cells_per_table(golden_dir: Path, tmp_path: Path) -> None:
    _, _, result, _ = render_case(golden_dir, "hongshan-2021", tmp_path / "rendered.xlsx")
    assert result.formula_counts() == Counter(
        {"fa.t1": 13, "fa.t2": 73, "fa.t3": 64, "fa.t4": 50, "fa.t5": 37,
         "fa.t6": 6, "fa.sg": 4, "fa.gf": 3, "fa.gz": 1}
    )


def test_no_formula_depends_on_itself(golden_dir: Path, tmp_path: Path) -> None:
    _, _, result, _ = render_case(golden_dir, "hongshan-2021", tmp_path / "rendered.xlsx")
    state: dict[tuple[str, str, str], str] = {}

    def visit(cell: tuple[str, str, str]) -> None:
        assert state.get(cell) != "open", f"cycle through {cell}"
        if state.get(cell) == "done" or cell not in result.definitions:
            return
        state[cell] = "open"
        for _, term in result.definitions[cell].terms:
            visit(term)
        state[cell] = "done"

    for cell in result.definitions:
        visit(cell)


def test_check_sheet_flags_only_the_hongshan_one_cent_residue(golden_dir: Path, tmp_path: Path) -> None:
    _, _, result, path = render_case(golden_dir, "hongshan-2021", tmp_path / "rendered.xlsx")
    ws = openpyxl.load_workbook(path)["校验"]
    assert [c.value for c in ws[4]] == ["规则编号", "依据", "位置", "左边", "右边", "差额", "结果", "未通过"]
    failed = [r for r in range(5, ws.max_row + 1) if result.expected.get(("校验", f"G{r}")) == "✘"]
    assert [(ws.cell(r, 1).value, ws.cell(r, 3).value) for r in failed] == [("fa.x.t6_t5.basic", "表6!C34")]
    assert result.expected[("校验", f"F{failed[0]}")] == Decimal("0.01")
    assert ws[f"G{failed[0]}"].value == f'=IF(ABS(F{failed[0]})<0.005,"✔","✘")'
    assert result.expected[("校验", "B2")] == 1
    assert result.check_rows == ws.max_row - 4
    rule_ids = {ws.cell(r, 1).value for r in range(5, ws.max_row + 1)}
    assert {"fa.t1.r27", "fa.t2.c1", "fa.t4.c2", "fa.sg.c1", "fa.x.t1_t3.class", "fa.x.t4_t5.total"} <= rule_ids
    assert not {"fa.t3.tree", "fa.x.t2_t3.rows", "fa.w.t6_t5.30110"} & rule_ids  # no tree, C or W rows


def test_key_cells_carry_workbook_scoped_names(golden_dir: Path, tmp_path: Path) -> None:
    _, _, result, path = render_case(golden_dir, "hongshan-2021", tmp_path / "rendered.xlsx")
    workbook = openpyxl.load_workbook(path)
    expected = {
        "表1_本年收入合计": Decimal("2397.77"),
        "表1_本年支出合计": Decimal("2397.77"),
        "表1_收入总计": Decimal("2397.77"),
        "表1_支出总计": Decimal("2397.77"),
        "表3_合计_本年支出合计": Decimal("2397.77"),
        "表3_合计_基本支出": Decimal("422.23"),
        "表3_合计_项目支出": Decimal("1975.54"),
        "表5_合计": Decimal("2397.77"),
        "表6_人员经费合计": Decimal("383.77"),
        "表6_公用经费合计": Decimal("38.47"),
        "三公_决算合计": Decimal("2.20"),
        "三公_预算合计": Decimal("4.20"),
    }
    for name, amount in expected.items():
        assert name in workbook.defined_names, name
        ((sheet, address),) = workbook.defined_names[name].destinations
        assert result.expected[(sheet, address.replace("$", ""))] == amount, name
    assert all(not ws.defined_names for ws in workbook.worksheets)
