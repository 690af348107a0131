"""The committed templates are what `yjs template` generates today, and use only safe functions."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from yujuesuan.cli import main

WORKBOOKS = Path(__file__).resolve().parent.parent / "workbooks"
ALLOWED = {"SUM", "IF", "ABS"}
TEMPLATES = (("决算", 2021), ("决算", 2022), ("决算", 2023), ("预算", 2024))  # workbooks/<kind>-<year>-模板.xlsx


def committed(kind: str, year: int) -> Path:
    return WORKBOOKS / f"{kind}-{year}-模板.xlsx"


def contents(path: Path) -> dict[str, object]:
    book = openpyxl.load_workbook(path)
    return {
        "sheets": book.sheetnames,
        "cells": {
            ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
            for ws in book.worksheets
        },
        "merged": {ws.title: sorted(str(r) for r in ws.merged_cells.ranges) for ws in book.worksheets},
        "names": sorted((name, str(d.attr_text)) for name, d in book.defined_names.items()),
        "validations": {
            ws.title: sorted((str(v.sqref), v.formula1) for v in ws.data_validations.dataValidation) for ws in book.worksheets
        },
    }


@pytest.mark.parametrize(("kind", "year"), TEMPLATES)
def test_committed_template_matches_what_the_command_generates(kind: str, year: int, tmp_path: Path) -> None:
    fresh = tmp_path / "t.xlsx"
    assert main(["template", "--kind", kind, "--year", str(year), "-o", str(fresh)]) == 0
    assert contents(fresh) == contents(committed(kind, year))


@pytest.mark.parametrize(("kind", "year"), TEMPLATES)
def test_template_formulas_use_only_functions_every_engine_computes_alike(kind: str, year: int) -> None:
    book = openpyxl.load_workbook(committed(kind, year))
    formulas = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert formulas
    used = {name for f in formulas for name in re.findall(r"([A-Z][A-Z0-9.]*)\(", re.sub(r'"[^"]*"', "", f))}
    assert used <= ALLOWED, used - ALLOWED


@pytest.mark.parametrize(("kind", "year"), TEMPLATES)
def test_blank_template_is_found_by_the_checker(kind: str, year: int) -> None:
    from yujuesuan.services import check_workbook
    from yujuesuan.spec import tables_for

    report = check_workbook(committed(kind, year))
    assert (report.year, report.kind) == (year, kind)
    assert len(report.tables_found) == len(tables_for(kind, year).tables)
    assert report.ok, [f.message for f in report.findings]


@pytest.mark.parametrize(("kind", "year"), TEMPLATES)
def test_template_formulas_carry_their_values_so_viewers_show_totals(kind: str, year: int) -> None:
    from yujuesuan.workbook.open import uncalculated_formulas

    assert uncalculated_formulas(committed(kind, year)) == {}
