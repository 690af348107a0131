"""The 表12-n declaration: B19–B22 as data, validated like the tables, and kept off the grid paths."""

from __future__ import annotations

import re
from dataclasses import replace

from yujuesuan.spec import tables_for
from yujuesuan.spec.forms import FormProduct, FormTotal, form_problems
from yujuesuan.spec.listing import rule_rows
from yujuesuan.spec.model import Cell
from yujuesuan.spec.validate import validate

BUDGET = tables_for("预算", 2024)
(FORM,) = BUDGET.forms


def test_the_2024_budget_declares_the_project_form_with_the_four_seed_identities() -> None:
    assert (FORM.id, FORM.unit, FORM.number) == ("bu.t12", "元", 12)
    ids = [r.id for r in FORM.rules]
    for identity in ("b19", "b20", "b21", "b22"):
        assert any(i.startswith(f"bu.t12.{identity}") for i in ids), identity


def test_every_form_rule_quotes_its_identity_in_chinese() -> None:
    for rule in FORM.rules:
        assert re.search(r"[\u4e00-\u9fff]", rule.basis) and re.search(r"[=≥×÷/Σ]", rule.basis), rule.id


def test_form_rules_are_not_among_the_grid_rules_that_templates_and_rounding_read() -> None:
    grid_ids = {r.id for r in BUDGET.all_rules()}
    assert not grid_ids & {r.id for r in FORM.rules}
    assert "bu.t12" not in {t.id for t in BUDGET.tables}


def test_yjs_spec_lists_the_form_rules_for_review() -> None:
    rows = {r["id"]: r for r in rule_rows(BUDGET)}
    assert rows["bu.t12.b22"]["tables"] == "bu.t12 bu.t3"
    assert rows["bu.t12.b20.total_budget"]["relation"] == ">="
    assert {r.id for r in FORM.rules} <= set(rows)


def test_a_typo_in_a_form_rule_is_caught_by_validation() -> None:
    broken = replace(FORM.rules[0], factors=("price", "qty"))
    assert isinstance(broken, FormProduct)
    problems = form_problems(replace(FORM, rules=(broken,)))
    assert problems == ["bu.t12“项目支出明细测算”无“qty”列"]


def test_a_cross_unit_total_against_an_unknown_column_is_caught_by_validation() -> None:
    total = next(r for r in FORM.rules if isinstance(r, FormTotal))
    bad = replace(total, against=Cell("bu.t3", "合计", "projects"))
    table_set = replace(BUDGET, forms=(replace(FORM, rules=(bad,)),))
    assert validate(table_set) == ["bu.t12.b22: bu.t3无第projects栏"]


def test_a_duplicate_rule_id_between_a_form_and_the_tables_is_caught() -> None:
    clash = replace(FORM.rules[0], id=BUDGET.all_rules()[0].id)
    table_set = replace(BUDGET, forms=(replace(FORM, rules=(clash,)),))
    assert f"规则编号重复：{clash.id}" in validate(table_set)


def test_an_instance_takes_its_printed_number_and_project_name_in_its_title() -> None:
    spec = FORM.instance_spec("12-3", "信息化项目维护及运行")
    assert (spec.id, spec.title) == ("bu.t12-3", "表12-3 部门项目支出绩效目标表（信息化项目维护及运行）")
