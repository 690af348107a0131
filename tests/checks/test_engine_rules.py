"""Table-literal tests of the rule engine: the numbers read like the published tables."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from yujuesuan.checks.engine import Policy, run
from yujuesuan.findings import Severity
from yujuesuan.spec import tables_for
from yujuesuan.spec.model import TableSet, TreeSum
from yujuesuan.tables import Book

import table_literals

SET_2021 = tables_for("决算", 2021)


def book_from_text(table_set: TableSet, **tables: str) -> Book:
    return table_literals.book_from_text(table_set, 2021, **tables)


def only(table_set: TableSet, *rule_ids: str) -> TableSet:
    """The set restricted to some rules, so a literal needs only the tables those rules read."""
    tables = tuple(
        replace(t, rules=tuple(r for r in t.rules if r.id in rule_ids)) for t in table_set.tables
    )
    cross = tuple(r for r in table_set.cross_rules if r.id in rule_ids)
    return TableSet(table_set.kind, table_set.layout, table_set.years, tables, cross)


def test_row_27_one_cent_high_is_a_rounding_residue() -> None:
    book = book_from_text(SET_2021, t1="line | 1\n1 | 2397.77\n27 | 2397.78")
    report = run(book, only(SET_2021, "fa.t1.r27"))
    assert report.flatten("rule_id", "row_key", "classification", "difference") == [
        ("fa.t1.r27", "27", "尾数差异", Decimal("0.01")),
    ]


def test_row_27_one_yuan_wan_high_is_an_error_at_the_total_cell() -> None:
    book = book_from_text(SET_2021, t1="line | 1\n1 | 2397.77\n27 | 2398.77")
    (finding,) = run(book, only(SET_2021, "fa.t1.r27")).findings
    assert (finding.severity, str(finding.location), finding.expected, finding.actual) == (
        Severity.ERROR,
        "t1!B3",
        Decimal("2397.77"),
        Decimal("2398.77"),
    )
    assert [str(t) for t in finding.terms][0] == "t1!B2"
    assert "27行" in finding.message and "应为2,397.77" in finding.message


def test_class_total_must_equal_its_sections_and_items() -> None:
    book = book_from_text(
        SET_2021,
        t3="""row | 1 | 2 | 3
              合计 | 100 | 60 | 40
              201 | 100 | 60 | 40
              20103 | 100 | 60 | 40
              2010350 | 60 | 60 |
              2010399 | 39 | | 39""",
    )
    report = run(book, only(SET_2021, "fa.t3.tree", "fa.t3.c1"))
    assert {(f.rule_id, f.row_key, f.col_key, f.severity) for f in report.findings} == {
        ("fa.t3.tree", "20103", "1", Severity.ERROR),
        ("fa.t3.tree", "20103", "3", Severity.ERROR),
    }


def test_item_without_its_section_row_counts_towards_the_class_and_is_reported() -> None:
    book = book_from_text(SET_2021, t3="row | 1\n合计 | 5\n201 | 5\n2010350 | 5")
    report = run(book, only(SET_2021, "fa.t3.tree"))
    assert [(f.kind, f.row_key, f.severity) for f in report.findings] == [("missing_row", "2010350", Severity.WARNING)]


def test_conditional_identity_is_skipped_when_its_condition_does_not_hold() -> None:
    t1 = "line | 1 | 2\n28 | 5 | \n29 |  | "
    book = book_from_text(SET_2021, t1=t1, t2="row | 1\n合计 | 10", t3="row | 1\n合计 | 15")
    assert run(book, only(SET_2021, "fa.x.t2_t3.rows")).findings == ()
    book.tables["fa.t1"].values.clear()
    assert [f.rule_id for f in run(book, only(SET_2021, "fa.x.t2_t3.rows")).findings] == ["fa.x.t2_t3.rows"]


def test_three_public_car_running_may_exceed_the_basic_line_but_not_fall_below_it() -> None:
    sg = "row | 11\n金额 | 2.20"
    ok = book_from_text(SET_2021, sg=sg, t6="row | amount\n30231 | 2.20")
    low = book_from_text(SET_2021, sg=sg, t6="row | amount\n30231 | 3.20")
    rules = only(SET_2021, "fa.x.sg_t6.car_running")
    assert run(ok, rules).findings == ()
    (finding,) = run(low, rules).findings
    assert (finding.kind, finding.severity, finding.difference) == ("bound", Severity.ERROR, Decimal("-1.00"))


def test_correspondence_gap_is_only_a_warning() -> None:
    book = book_from_text(SET_2021, t6="row | amount\n30110 | 26.72", t5="row | 2\n2101102 | 19.98")
    assert run(book, only(SET_2021, "fa.w.t6_t5.30110")).findings == ()  # off by default
    (finding,) = run(book, only(SET_2021, "fa.w.t6_t5.30110"), Policy(plausibility=True)).findings
    assert (finding.kind, finding.severity, finding.classification) == ("correspondence", Severity.WARNING, "警告")


def test_strict_policy_turns_a_residue_into_an_error() -> None:
    book = book_from_text(SET_2021, t1="line | 1\n1 | 2397.77\n27 | 2397.78")
    (finding,) = run(book, only(SET_2021, "fa.t1.r27"), Policy(strict=True)).findings
    assert finding.severity is Severity.ERROR


def test_a_crashing_rule_becomes_one_internal_error_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from yujuesuan.checks import engine

    real = engine.expand

    def broken(rule, book):  # type: ignore[no-untyped-def]
        if isinstance(rule, TreeSum):
            raise RuntimeError("boom")
        return real(rule, book)

    monkeypatch.setattr(engine, "expand", broken)
    book = book_from_text(SET_2021, t1="line | 1\n1 | 1\n27 | 3", t3="row | 1\n合计 | 1")
    report = run(book, only(SET_2021, "fa.t1.r27", "fa.t3.tree"))
    assert sorted(f.kind for f in report.findings) == ["internal_error", "row_sum"]
    assert report.rules_failed_internally == 1
    with pytest.raises(RuntimeError):
        run(book, only(SET_2021, "fa.t3.tree"), Policy(raise_errors=True))


def test_findings_are_sorted_by_table_then_row_then_column() -> None:
    book = book_from_text(
        SET_2021,
        t1="line | 1\n1 | 1\n27 | 3",
        t3="row | 1 | 2 | 3 | 4 | 5 | 6\n合计 | 9 | 1 | 1 | | |\n201 | 9 | 1 | 1 | | |",
    )
    report = run(book, only(SET_2021, "fa.t1.r27", "fa.t3.c1", "fa.t3.tree"))
    keys = report.flatten("table", "row_key")
    assert keys == sorted(keys, key=lambda k: (k[0] != "fa.t1", k[1] != "合计", k[1]))
