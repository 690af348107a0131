"""The 2024 部门预算 tables are declared as data beside the 决算 ones, with their own rule ids."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from yujuesuan.spec import all_sets, normalise_kind, tables_for
from yujuesuan.spec.model import RowsMode
from yujuesuan.spec.validate import validate


def test_budget_set_for_2024_and_2025_validates_and_lists_the_published_tables_in_order() -> None:
    table_set = tables_for("预算", 2024)
    assert validate(table_set) == []
    assert tables_for("budget", 2025) is table_set
    titles = [t.title for t in table_set.tables]
    assert titles[4:6] == ["表5-1 一般公共预算支出表(分功能科目)", "表5-2 一般公共预算支出表(分单位)"]
    assert [t.id for t in table_set.tables][:12] == [
        *(f"bu.t{n}" for n in range(1, 6)), "bu.t5_2", *(f"bu.t{n}" for n in range(6, 12))
    ]


def test_every_budget_rule_id_starts_with_bu() -> None:
    assert all(r.id.startswith("bu.") for r in tables_for("预算", 2024).all_rules())


def test_summary_table_lists_the_24_classes_of_2024_with_debt_issuance() -> None:
    t1 = tables_for("预算", 2024).table("bu.t1")
    classes = [r for r in t1.rows if r.code]
    assert len(classes) == 24
    assert (classes[-1].code, classes[-1].label) == ("233", "廿四、债务发行费用支出")
    assert not {"202", "203", "234"} & {r.code for r in classes}


def test_budget_expenditure_table_puts_operating_before_remittance() -> None:
    t3 = tables_for("预算", 2024).table("bu.t3")
    assert [c.label for c in t3.columns] == [
        "合计",
        "基本支出",
        "项目支出",
        "事业单位经营支出",
        "上缴上级支出",
        "对附属单位补助支出",
    ]
    assert t3.rows_mode is RowsMode.FUNCTION


def test_kind_names_are_normalised_and_final_accounts_listing_is_unchanged() -> None:
    assert normalise_kind("预算") == "预算"
    assert [s.kind for s in all_sets()] == ["决算", "决算"]
    assert [s.kind for s in all_sets("预算")] == ["预算"]


def test_yjs_spec_lists_the_budget_rules_as_csv() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "yujuesuan.cli",
            "spec",
            "--kind",
            "预算",
            "--year",
            "2024",
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    ids = {r["id"] for r in rows}
    assert {
        "bu.t1.spending",
        "bu.t5.c_basic",
        "bu.x.t6_t5.personnel",
        "bu.x.t7_t6.reception",
    } <= ids
    budget = tables_for("预算", 2024)
    assert len(rows) == len(budget.all_rules()) + sum(len(f.rules) for f in budget.forms)  # + 表12-n
