"""附表-5-2 and 表11 of the 2024 预算 are declared as data; a typo in their new rule kinds is caught
by ``validate``, not in a user's report."""

from __future__ import annotations

from dataclasses import replace

from yujuesuan.spec import tables_for
from yujuesuan.spec.model import PrefixTree, RoundedEqual, Share, TableSet
from yujuesuan.spec.validate import validate

BUDGET = tables_for("预算", 2024)


def _with_rule(table_id: str, kind: type, **changes: object) -> TableSet:
    tables = tuple(
        replace(t, rules=tuple(replace(r, **changes) if isinstance(r, kind) else r for r in t.rules))
        if t.id == table_id
        else t
        for t in BUDGET.tables
    )
    return TableSet(BUDGET.kind, BUDGET.layout, BUDGET.years, tables, BUDGET.cross_rules)


def test_table_11_prints_tenths_and_ties_its_current_figures_to_tables_3_and_1() -> None:
    t11 = BUDGET.table("bu.t11")
    assert t11.title == "表11 部门整体支出绩效目标表" and t11.decimals == 1
    ties = {r.id: (r.left.row, r.right[0].table) for r in t11.rules if isinstance(r, RoundedEqual)}
    assert ties == {
        "bu.x.t11_t3.basic": ("spending.basic", "bu.t3"),
        "bu.x.t11_t3.project": ("spending.project", "bu.t3"),
        "bu.x.t11_t3.total": ("spending.total", "bu.t3"),
        "bu.x.t11_t1.income": ("income.total", "bu.t1"),
    }
    (share,) = [r for r in t11.rules if isinstance(r, Share)]
    assert ("spending.basic", "spending.total") in share.parts and share.decimals == 1


def test_the_unit_table_repeats_table_5_1_totals_in_all_five_columns() -> None:
    t52 = BUDGET.table("bu.t5_2")
    assert t52.title == "表5-2 一般公共预算支出表(分单位)"
    ties = [r for r in t52.rules if r.id.startswith("bu.x.t5_2_t5.")]
    assert sorted(r.right[0].col for r in ties) == sorted(t52.column_keys())


def test_a_share_over_an_undeclared_row_is_caught() -> None:
    broken = _with_rule("bu.t11", Share, parts=(("spending.basics", "spending.total"),))
    assert validate(broken) == ["bu.t11.share: bu.t11无第spending.basics行"] * 2


def test_a_rounded_tie_to_an_undeclared_column_is_caught() -> None:
    tables = tuple(
        replace(t, rules=tuple(
            replace(r, right=(replace(r.right[0], col="basics"),)) if r.id == "bu.x.t11_t3.basic" else r
            for r in t.rules
        ))
        for t in BUDGET.tables
    )
    broken = TableSet(BUDGET.kind, BUDGET.layout, BUDGET.years, tables, BUDGET.cross_rules)
    assert validate(broken) == ["bu.x.t11_t3.basic: bu.t3无第basics栏"]


def test_unit_levels_out_of_order_are_caught() -> None:
    assert validate(_with_rule("bu.t5_2", PrefixTree, levels=(6, 3))) == [
        "bu.t5_2.tree: 编码层级应由短到长：(6, 3)"
    ]
