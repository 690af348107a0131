"""A consistent set passes clean; moving, padding or re-typing the tables changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import grids_copy
from workbook_tools import amounts_as_text, code_and_name_in_one_cell, insert_blank_column, insert_blank_row, shift, stacked, write_grids
from yujuesuan.findings import Report
from yujuesuan.services import check_workbook
from yujuesuan.workbook.open import Grid

# hongshan-2021 made consistent: 30110 moved to the figure its functional 项 shows, the
# difference absorbed by 30199, and the one-cent residue of 人员经费合计 removed.
CONSISTENT_PATCH = {"C14": 19.98, "C19": 22.76, "C6": 375.59, "C34": 383.76}


def consistent(grids: dict[str, dict[str, Grid]]) -> dict[str, Grid]:
    out = grids_copy(grids["hongshan-2021"])
    for address, value in CONSISTENT_PATCH.items():
        col, row = ord(address[0]) - 65, int(address[1:]) - 1
        out["表6"][row][col] = value
    return out


def signature(report: Report) -> set[tuple[object, ...]]:
    return {(f.rule_id, f.classification, f.row_key, f.col_key, f.difference) for f in report.findings}


def variants(grids: dict[str, Grid]) -> dict[str, dict[str, Grid]]:
    return {
        "blank rows": {k: insert_blank_row(insert_blank_row(g, 12), 5) for k, g in grids.items()},
        "blank columns": {k: insert_blank_column(insert_blank_column(g, 1), 0) for k, g in grids.items()},
        "moved": {k: shift(g, 4, 3) for k, g in grids.items()},
        "amounts as text": {k: amounts_as_text(g) for k, g in grids.items()},
        "one sheet": stacked(grids),
        "renamed sheets": {f"Sheet{i}": g for i, g in enumerate(grids.values(), start=1)},
        "code and name in one cell": {k: code_and_name_in_one_cell(g) for k, g in grids.items()},
    }


def test_a_consistent_set_yields_zero_findings(golden_grids, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = check_workbook(write_grids(consistent(golden_grids), tmp_path / "clean.xlsx"))
    assert report.findings == ()
    assert len(report.tables_found) == 9


@pytest.mark.parametrize("variant", ["blank rows", "blank columns", "moved", "amounts as text", "one sheet", "renamed sheets", "code and name in one cell"])
@pytest.mark.parametrize("source", ["consistent", "hongshan-2021", "wuchang-2022"])
def test_moved_padded_or_retyped_tables_give_the_same_findings(golden_grids, tmp_path: Path, variant: str, source: str) -> None:  # type: ignore[no-untyped-def]
    grids = consistent(golden_grids) if source == "consistent" else golden_grids[source]
    original = check_workbook(write_grids(grids, tmp_path / "original.xlsx"))
    changed = check_workbook(write_grids(variants(grids)[variant], tmp_path / "changed.xlsx"))
    assert changed.tables_found == original.tables_found
    assert signature(changed) == signature(original)


def _without_column_number_rows(grid: Grid) -> Grid:
    """Drop the 栏次 row of code tables (tables without 行次; some units do not print it)."""
    if "行次" in str(grid).replace(" ", "") or "行" in {str(v).strip() for row in grid for v in row}:
        return grid
    return [row for row in grid if _first_text(row) != "栏次"]


def _first_text(row: list[object]) -> str:
    return next((str(v).replace(" ", "") for v in row if v not in (None, "")), "")


@pytest.mark.parametrize("source", ["consistent", "hongshan-2021", "wuchang-2022"])
def test_code_tables_without_a_column_number_row_are_read_by_their_header_labels(golden_grids, tmp_path: Path, source: str) -> None:  # type: ignore[no-untyped-def]
    grids = consistent(golden_grids) if source == "consistent" else golden_grids[source]
    original = check_workbook(write_grids(grids, tmp_path / "original.xlsx"))
    stripped = {k: _without_column_number_rows(g) for k, g in grids.items()}
    assert sum(len(g) for g in stripped.values()) == sum(len(g) for g in grids.values()) - 5  # 表2, 3, 5, 8, 9
    changed = check_workbook(write_grids(stripped, tmp_path / "changed.xlsx"))
    assert changed.tables_found == original.tables_found
    assert signature(changed) == signature(original)
