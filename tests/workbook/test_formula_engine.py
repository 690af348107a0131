"""`yjs recalc`'s `formulas` engine: each formula shape compiled once, the same values as the
full `formulas.ExcelModel`, and a fallback to that model for formulas outside the plain grammar."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from yujuesuan.workbook import formula_engine
from yujuesuan.workbook.formula_engine import Ref, Unsupported, calculate, shape
from yujuesuan.workbook.recalc import compare, recalc_with_formulas, recalc_with_formulas_model

ROOT = Path(__file__).resolve().parents[2]


def test_recalculated_template_values_equal_the_full_formulas_model() -> None:
    path = ROOT / "workbooks" / "决算-2022-模板.xlsx"
    fast = recalc_with_formulas(path)
    assert len(fast) > 1000
    assert compare(fast, recalc_with_formulas_model(path)) == []


def test_shared_shapes_are_compiled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import formulas

    parsed: list[str] = []
    real = formulas.Parser.ast

    def counting(self, expression, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(expression)
        return real(self, expression, *args, **kwargs)

    monkeypatch.setattr(formulas.Parser, "ast", counting)
    cells = {("表", f"B{r}"): f"=SUM(A{r}:A{r + 2})" for r in range(1, 50)}
    values = calculate(cells, {("表", f"A{r}"): r for r in range(1, 52)})
    assert values[("表", "B1")] == 6 and values[("表", "B49")] == 49 + 50 + 51
    assert parsed == ["=SUM(B1:B2)"]


def test_totals_of_totals_follow_their_inputs_in_any_order() -> None:
    cells = {("s", "A4"): "=A3+A2", ("s", "A3"): "=SUM(A1:A2)", ("s", "A2"): "=A1-'其他'!B1"}
    values = calculate(cells, {("s", "A1"): 10, ("其他", "B1"): 4})
    assert values == {("s", "A2"): 6, ("s", "A3"): 16, ("s", "A4"): 22}


def test_a_blank_reference_shows_zero_and_blank_cells_do_not_count_in_sums() -> None:
    cells = {("s", "B1"): "=A1", ("s", "B2"): "=SUM(A1:A3)", ("s", "B3"): '=IF(ABS(A1-A3)<0.005,"✔","✘")'}
    assert calculate(cells, {("s", "A3"): 0.001}) == {("s", "B1"): 0, ("s", "B2"): 0.001, ("s", "B3"): "✔"}


def test_a_long_chain_of_totals_does_not_exhaust_the_stack() -> None:
    cells = {("s", f"A{r}"): f"=A{r - 1}+1" for r in range(2, 3000)}
    assert calculate(cells, {("s", "A1"): 1})[("s", "A2999")] == 2999


@pytest.mark.parametrize(
    "formula",
    ["=本年收入合计+1", "=SUM(A:A)", "=[1]Sheet1!A1", "=INDIRECT(\"A1\")", "=TRUE"],
)
def test_formulas_outside_the_plain_grammar_are_left_to_the_full_model(formula: str) -> None:
    with pytest.raises(Unsupported):
        calculate({("s", "B1"): formula}, {})


def test_a_circular_reference_is_left_to_the_full_model() -> None:
    with pytest.raises(Unsupported):
        calculate({("s", "A1"): "=A2", ("s", "A2"): "=A1+1"}, {})


def test_a_workbook_with_defined_names_is_recalculated_by_the_full_model(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "表"
    ws["A1"], ws["A2"] = 5, "=SUM(A1)+1"
    from openpyxl.workbook.defined_name import DefinedName

    book.defined_names["本数"] = DefinedName("本数", attr_text="表!$A$1")
    ws["A3"] = "=本数*2"
    path = tmp_path / "names.xlsx"
    book.save(path)
    assert recalc_with_formulas(path) == {("表", "A2"): 6, ("表", "A3"): 10}


def test_shape_names_each_distinct_reference_once() -> None:
    text, refs = shape("=C7+C7-'表 3'!$D$8:D9", "表1")
    assert text == "=A1+A1-B3:B4"
    assert refs == {"A1": Ref("表1", "C7"), "B3:B4": Ref("表 3", "D8", "D9")}
    assert formula_engine.Ref("s", "B2", "A1").cells() == [[("s", "A1"), ("s", "B1")], [("s", "A2"), ("s", "B2")]]
