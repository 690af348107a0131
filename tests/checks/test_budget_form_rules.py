"""Table-literal tests of the rule kinds the budget forms need: 占比 (Share), figures printed at
0.1 万元 against 0.01 sources (RoundedEqual), unit hierarchies by code prefix (PrefixTree), and
the rounding band of a table printed at 0.1 万元."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from yujuesuan.checks.equations import expand
from yujuesuan.checks.engine import Policy, run
from yujuesuan.findings import Severity
from yujuesuan.spec import tables_for
from yujuesuan.spec.model import PrefixTree, TableSet
from yujuesuan.tables import Book

import table_literals

BUDGET = tables_for("预算", 2024)


def book_from_text(**tables: str) -> Book:
    """``t11=\"\"\"row | current | share\\nspending.basic | 367.9 | 20.9\"\"\"`` → a budget Book."""
    return table_literals.book_from_text(BUDGET, 2024, **tables)


def only(*rule_ids: str) -> TableSet:
    tables = tuple(replace(t, rules=tuple(r for r in t.rules if r.id in rule_ids)) for t in BUDGET.tables)
    cross = tuple(r for r in BUDGET.cross_rules if r.id in rule_ids)
    return TableSet(BUDGET.kind, BUDGET.layout, BUDGET.years, tables, cross)


def _spending(basic: str, basic_share: str, project: str = "1389.6", project_share: str = "79.1") -> str:
    return f"""row | current | share
               spending.basic | {basic} | {basic_share}
               spending.project | {project} | {project_share}
               spending.total | 1757.5 | 100"""


def test_shares_printed_as_the_rounded_quotient_are_clean() -> None:
    report = run(book_from_text(t11=_spending("367.9", "20.9")), only("bu.t11.share"))
    assert report.findings == ()


def test_a_share_a_tenth_off_is_an_error_at_the_share_cell() -> None:
    (finding,) = run(book_from_text(t11=_spending("367.9", "21.0")), only("bu.t11.share")).findings
    assert (finding.severity, str(finding.location), finding.expected, finding.actual) == (
        Severity.ERROR,
        "t11!C2",
        Decimal("20.9"),
        Decimal("21.0"),
    )
    assert {str(t) for t in finding.terms} == {"t11!B2", "t11!B4"}
    assert "按所列金额计算应为20.90" in finding.message and "请核对" in finding.message


def test_a_share_of_small_amounts_taken_from_the_true_values_is_a_rounding_residue() -> None:
    # true 0.14 / 0.34 = 41.2 %; printed 0.1 / 0.3 give 33.3 %, but any of 0.05..0.15 / 0.25..0.35 fits
    book = book_from_text(
        t11="""row | current | share
               income.fiscal | 0.1 | 41.2
               income.total | 0.3 | 100"""
    )
    (finding,) = run(book, only("bu.t11.share")).findings
    assert (finding.classification, finding.row_key, finding.expected) == ("尾数差异", "income.fiscal", Decimal("33.3"))
    assert "属尾数差异" in finding.message
    strict = run(book, only("bu.t11.share"), Policy(strict=True)).findings
    assert [f.severity for f in strict] == [Severity.ERROR]


def test_a_share_of_a_zero_total_is_not_checked() -> None:
    book = book_from_text(t11="row | current | share\nincome.other | 0 | 0\nincome.total | 0 | 0")
    assert run(book, only("bu.t11.share")).findings == ()


def _t3(basic: str) -> str:
    return f"row | total | basic | project\n合计 | 1757.51 | {basic} | 1389.58"


def test_a_tenth_of_a_wan_figure_equal_to_the_rounded_source_is_clean() -> None:
    book = book_from_text(t11=_spending("367.9", "20.9"), t3=_t3("367.93"))
    assert run(book, only("bu.x.t11_t3.basic")).findings == ()


def test_a_tenth_of_a_wan_figure_beyond_the_rounding_of_its_source_is_an_error() -> None:
    book = book_from_text(t11=_spending("368.0", "20.9"), t3=_t3("367.93"))
    (finding,) = run(book, only("bu.x.t11_t3.basic")).findings
    assert (finding.severity, str(finding.location), finding.expected, finding.actual) == (
        Severity.ERROR,
        "t11!B2",
        Decimal("367.9"),
        Decimal("368.0"),
    )
    assert [str(t) for t in finding.terms] == ["t3!C2"]


def test_a_source_on_the_half_tenth_may_have_been_rounded_down_first() -> None:
    # 表3 prints 367.95 (true value 367.945..367.955): 367.9 on 表11 is explained by rounding
    book = book_from_text(t11=_spending("367.9", "20.9"), t3=_t3("367.95"))
    (finding,) = run(book, only("bu.x.t11_t3.basic")).findings
    assert (finding.classification, finding.expected, finding.tolerance) == ("尾数差异", Decimal("368.0"), Decimal("0.055"))


def test_sums_of_a_table_printed_at_a_tenth_have_a_band_of_five_hundredths_per_figure() -> None:
    residue = run(book_from_text(t11=_spending("367.9", "20.9", "1389.7", "79.1")), only("bu.t11.spending"))
    assert residue.flatten("row_key", "col_key", "classification", "tolerance") == [
        ("spending.total", "current", "尾数差异", Decimal("0.15"))
    ]
    error = run(book_from_text(t11=_spending("367.9", "20.9", "1389.9", "79.1")), only("bu.t11.spending"))
    assert error.flatten("row_key", "classification") == [("spending.total", "错误")]


UNITS = """row | total | basic | personnel | public | project
           合计 | 200 | 50 | 40 | 10 | 150
           136 | 120 | 30 | 20 | 10 | 90
           136001 | 100 | 30 | 20 | 10 | 70
           136002 | 20 | | | | 20
           137 | 80 | 20 | 20 | | 60
           137001 | 70 | 20 | 20 | | 50"""


def test_units_add_up_to_their_department_and_departments_to_the_total() -> None:
    report = run(book_from_text(t5_2=UNITS), only("bu.t5_2.tree"))
    assert set(report.flatten("row_key", "col_key", "severity", "expected")) == {
        ("137", "total", Severity.ERROR, Decimal("70")),
        ("137", "project", Severity.ERROR, Decimal("50")),
    }
    total = next(f for f in report.findings if f.col_key == "total")
    assert (str(total.location), [str(t) for t in total.terms]) == ("t5_2!B6", ["t5_2!B7"])


def test_a_department_printed_without_its_units_is_not_summed() -> None:
    book = book_from_text(t5_2="row | total\n合计 | 100\n136 | 100")
    assert run(book, only("bu.t5_2.tree")).findings == ()


def test_the_unit_tree_is_declared_by_prefix_without_a_catalog() -> None:
    spec = BUDGET.table("bu.t5_2")
    (tree,) = [r for r in spec.rules if isinstance(r, PrefixTree)]
    assert tree.levels == (3, 6)
    assert not [r for r in spec.rules if r.kind == "catalog"]


def test_non_linear_rules_expand_to_no_equations_so_rounding_and_formulas_leave_them_alone() -> None:
    book = book_from_text(t11=_spending("367.9", "20.9"), t3=_t3("367.93"))
    for rule_id in ("bu.t11.share", "bu.x.t11_t3.basic"):
        rule = next(r for r in BUDGET.all_rules() if r.id == rule_id)
        assert rule.linear is False
        assert list(expand(rule, book)) == []
