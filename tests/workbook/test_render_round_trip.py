"""A book rendered into a workbook and read back is the same book: same tables, same amounts,
same findings (only the cell addresses differ) — once the formulas carry their values."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from render_support import render_case, shown, with_values

from yujuesuan.checks.engine import Policy, run
from yujuesuan.workbook.read import read_book


def _findings(book, table_set, plausibility=False):  # type: ignore[no-untyped-def]
    report = run(book, table_set, Policy(plausibility=plausibility))
    return [replace(f, location=None, terms=(), file="") for f in report.findings]


def test_hongshan_rendered_then_read_back_has_the_same_tables_amounts_and_findings(
    golden_dir: Path, tmp_path: Path
) -> None:
    golden, table_set, result, path = render_case(golden_dir, "hongshan-2021", tmp_path / "rendered.xlsx")
    back, back_set = read_book(with_values(path, result, tmp_path / "calculated.xlsx"))
    assert back_set == table_set
    assert (back.year, back.kind) == (2021, "决算")
    assert list(back.tables) == list(golden.tables)
    assert shown(back) == shown(golden)
    for tid, table in golden.tables.items():
        assert back.tables[tid].code_rows() == table.code_rows(), tid
    assert not back.problems
    assert _findings(back, table_set) == _findings(golden, table_set)
    assert _findings(back, table_set, plausibility=True) == _findings(golden, table_set, plausibility=True)


def test_hongshan_read_back_points_the_one_cent_residue_at_the_rendered_cells(golden_dir: Path, tmp_path: Path) -> None:
    _, table_set, result, path = render_case(golden_dir, "hongshan-2021", tmp_path / "rendered.xlsx")
    back, _ = read_book(with_values(path, result, tmp_path / "calculated.xlsx"))
    (residue,) = run(back, table_set).findings
    assert (residue.rule_id, residue.actual, residue.expected) == (
        "fa.x.t6_t5.basic", Decimal("422.24"), Decimal("422.23")
    )
    assert str(residue.location) == "表6!{}".format(result.cells[("fa.t6", "人员经费合计", "amount")][1])
    assert {str(t) for t in residue.terms} == {
        "表6!" + result.cells[("fa.t6", "公用经费合计", "amount")][1],
        "表5!" + result.cells[("fa.t5", "合计", "2")][1],
    }


def test_hongshan_formulas_land_exactly_on_every_published_total(golden_dir: Path, tmp_path: Path) -> None:
    _, _, result, _ = render_case(golden_dir, "hongshan-2021", tmp_path / "rendered.xlsx")
    assert result.changed == {}


def test_wuchang_formulas_replace_the_printed_49_79_by_the_sum_49_80(golden_dir: Path, tmp_path: Path) -> None:
    golden, table_set, result, path = render_case(golden_dir, "wuchang-2022", tmp_path / "rendered.xlsx")
    assert result.changed == {
        ("fa.t1", "50", "2"): (Decimal("49.79"), Decimal("49.80")),
        ("fa.t4", "51", "2"): (Decimal("49.79"), Decimal("49.80")),
        ("fa.t4", "51", "3"): (Decimal("49.79"), Decimal("49.80")),
    }
    back, _ = read_book(with_values(path, result, tmp_path / "calculated.xlsx"))
    assert list(back.tables) == list(golden.tables)
    residues = {f.rule_id for f in run(back, table_set).findings}
    assert residues == {"fa.x.t6_t5.basic"}  # the class-line residues are gone; 表6 is detail
