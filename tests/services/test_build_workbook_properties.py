"""Property: any balanced 底稿, written into the template, builds a workbook that `yjs check`
accepts with zero findings and whose every displayed value is within 0.01 of its true value."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yujuesuan.services.build import build_workbook
from yujuesuan.services.check import check_workbook
from yujuesuan.services.template import save_with_values
from yujuesuan.spec import tables_for
from yujuesuan.workbook.render import render_template

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build"))
from ledger_factory import random_ledger  # noqa: E402


def _write_ledger(path: Path, raw: dict, year: int) -> Path:
    workbook = render_template(tables_for("决算", year), year=year, unit="性质测试单位")
    for name, (header, rows) in raw.items():
        sheet = workbook[name]
        sheet.delete_rows(2, sheet.max_row)  # the template's prefilled 三公 item rows
        for c, value in enumerate(header, start=1):
            sheet.cell(1, c).value = value
        for number, row in rows:
            for c, value in enumerate(row, start=1):
                sheet.cell(number, c).value = value
    save_with_values(workbook, path, workbook.yjs_expected)
    return path


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), rows=st.integers(1, 300), year=st.sampled_from([2021, 2022]))
def test_random_ledger_builds_a_workbook_the_checker_accepts(tmp_path: Path, seed: int, rows: int, year: int) -> None:
    source = _write_ledger(tmp_path / f"底稿-{seed}.xlsx", random_ledger(seed, rows, year), year)
    outcome = build_workbook(source, tmp_path / f"out-{seed}.xlsx")
    assert outcome.result.rounding_report.ok
    report = check_workbook(outcome.output, strict=True)
    assert report.findings == (), [f.message for f in report.findings][:5]
    true, shown = outcome.result.true_book, outcome.result.book
    for tid, table in true.tables.items():
        for key, value in table.values.items():
            assert abs(shown.tables[tid].value(*key) - value) < Decimal("0.01")
