"""重算九张表 through the openpyxl adapter equals ``yjs build`` cell for cell."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from yujuesuan.cli import main
from yujuesuan.excel import ribbon
from yujuesuan.services.sheet_image import style_of

from ribbon_support import copy, demo_dir, demo_ledger, run_on  # noqa: F401 - fixtures

TABLE_SHEETS = [f"表{n}" for n in range(1, 10)] + ["校验"]


def _sheet(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, object]:
    cells = {c.coordinate: (c.value, style_of(c)) for row in ws.iter_rows() for c in row if c.value is not None or c.has_style}
    return {
        "cells": cells,
        "merges": sorted(str(r) for r in ws.merged_cells.ranges),
        "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
        "freeze": ws.freeze_panes,
    }


@pytest.fixture(scope="module")
def both(demo_ledger: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:  # noqa: F811 - fixture
    folder = tmp_path_factory.mktemp("rebuild")
    assert main(["build", str(demo_ledger), "-o", str(folder / "cli.xlsx")]) == 0
    message, ribbon_out = run_on(ribbon.rebuild, demo_ledger, folder / "ribbon.xlsx")
    assert message.startswith("已根据底稿")
    return folder / "cli.xlsx", ribbon_out


def test_rebuilt_tables_equal_yjs_build_cell_for_cell(both: tuple[Path, Path]) -> None:
    cli, rebuilt = (openpyxl.load_workbook(p) for p in both)
    for name in TABLE_SHEETS:
        assert _sheet(rebuilt[name]) == _sheet(cli[name]), name
    assert {n: d.attr_text for n, d in rebuilt.defined_names.items()} == {n: d.attr_text for n, d in cli.defined_names.items()}


def test_rebuilt_formulas_carry_the_values_yjs_build_stores(both: tuple[Path, Path]) -> None:
    cli, rebuilt = (openpyxl.load_workbook(p, data_only=True) for p in both)
    for name in TABLE_SHEETS:
        values = {c.coordinate: c.value for row in rebuilt[name].iter_rows() for c in row if c.value is not None}
        assert values == {c.coordinate: c.value for row in cli[name].iter_rows() for c in row if c.value is not None}
    assert cli["校验"]["B2"].value == rebuilt["校验"]["B2"].value == 0


def test_rebuilding_again_replaces_the_tables_in_place(both: tuple[Path, Path], tmp_path: Path) -> None:
    _, rebuilt = both
    _, again = run_on(ribbon.rebuild, rebuilt, tmp_path / "again.xlsx")
    first, second = openpyxl.load_workbook(rebuilt), openpyxl.load_workbook(again)
    assert second.sheetnames == first.sheetnames
    for name in TABLE_SHEETS:
        assert _sheet(second[name]) == _sheet(first[name])


def test_an_invalid_ledger_is_reported_row_by_row_and_nothing_is_written(demo_ledger: Path, tmp_path: Path) -> None:  # noqa: F811 - fixture
    source = copy(demo_ledger, tmp_path / "bad.xlsx")
    workbook = openpyxl.load_workbook(source)
    workbook["底稿-支出"]["A2"] = "9999999"
    workbook.save(source)
    message, out = run_on(ribbon.rebuild, source, tmp_path / "never.xlsx")
    assert message.startswith("底稿有1处错误，未生成报表")
    assert "底稿-支出" in message and "9999999" in message
    assert not out.exists()


@pytest.fixture(scope="module")
def budget_both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The bundled budget unit's 底稿 workbook (qiaokou-2024) through `yjs build` and through 重算."""
    from yujuesuan.services.demo import BUDGET, write_sample_ledger

    folder = tmp_path_factory.mktemp("budget-rebuild")
    ledger = write_sample_ledger(folder / "预算底稿.xlsx", BUDGET)
    assert main(["build", str(ledger), "-o", str(folder / "cli.xlsx")]) == 0
    message, ribbon_out = run_on(ribbon.rebuild, ledger, folder / "ribbon.xlsx")
    return folder / "cli.xlsx", ribbon_out, message


def test_rebuilding_a_budget_workbook_draws_the_budget_tables_as_yjs_build_does(budget_both: tuple[Path, Path, str]) -> None:
    cli_path, ribbon_path, message = budget_both
    assert message.startswith("已根据底稿") and "2024年度预算公开表" in message
    cli, rebuilt = openpyxl.load_workbook(cli_path), openpyxl.load_workbook(ribbon_path)
    tables = [n for n in cli.sheetnames if n.startswith("表")]
    assert {"表5-1", "表10", "表11"} <= set(tables) and "底稿-支出" not in rebuilt.sheetnames
    for name in [*tables, "校验"]:
        assert _sheet(rebuilt[name]) == _sheet(cli[name]), name
    assert openpyxl.load_workbook(ribbon_path, data_only=True)["校验"]["B2"].value == 0
