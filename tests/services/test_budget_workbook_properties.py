"""Property: any valid 底稿-预算, written into the 预算 template, builds a workbook that `yjs check`
accepts — apart from what the 2024 表11 cannot show (see tests/build/test_budget_properties.py)."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from yujuesuan.services.build import build_workbook
from yujuesuan.services.check import check_workbook
from yujuesuan.services.template import save_with_values
from yujuesuan.spec import tables_for
from yujuesuan.workbook.render import render_template

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build"))
from budget_factory import random_budget  # noqa: E402


def _write_budget(path: Path, raw: dict) -> Path:
    workbook = render_template(tables_for("预算", 2024), year=2024, unit="性质测试单位")
    for name, (_, rows) in raw.items():
        sheet = workbook[name]
        for number, row in rows:
            for c, value in enumerate(row, start=1):
                sheet.cell(number, c).value = value
    save_with_values(workbook, path, workbook.yjs_expected)
    return path


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), rows=st.integers(1, 300), general=st.booleans())
@example(seed=0, rows=121, general=True)  # 表11 合计 cannot be both 基本 + 项目 and 表3's rounded
@example(seed=0, rows=121, general=False)  # 表3 合计 holds spending 表11 has no row for
def test_random_budget_builds_a_workbook_the_checker_accepts(
    tmp_path: Path, seed: int, rows: int, general: bool
) -> None:
    raw = random_budget(seed, rows, general_only=general)
    outcome = build_workbook(_write_budget(tmp_path / f"底稿-{seed}.xlsx", raw), tmp_path / f"out-{seed}.xlsx")
    assert outcome.kind == "预算"
    unkept = {d.rule_id for d in outcome.result.rounding_report.unkept}
    untrue = {d.rule_id for d in outcome.result.rounding_report.untrue}
    # a 底稿 meets every rule; rounding at 0.1 万元 may give up one of 表11's own sums, which the
    # workbook then shows as a 尾数差异 (the figure itself, not a formula re-imposing the sum)
    assert untrue == set() and all(r.startswith("bu.t11.") for r in unkept), unkept | untrue
    report = check_workbook(outcome.output)
    assert {f.rule_id for f in report.findings} == unkept, [f.message for f in report.findings][:5]
    assert all(f.classification == "尾数差异" for f in report.findings)
    true, shown = outcome.result.true_book, outcome.result.book
    for tid, table in true.tables.items():
        unit = Decimal(1).scaleb(-table.spec.decimals)
        for key, value in table.values.items():
            assert abs(shown.tables[tid].value(*key) - value) < unit
