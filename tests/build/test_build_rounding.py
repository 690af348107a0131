"""Controlled rounding: displayed 万元 figures still add up where independent 四舍五入 would not."""

from __future__ import annotations

from decimal import Decimal

from ledger_factory import sheets
from yujuesuan.build import build_tables, read_ledger, round_book
from yujuesuan.checks.engine import Policy, run
from yujuesuan.money import quantize_cent
from yujuesuan.spec import tables_for
from yujuesuan.spec.model import (
    Cell,
    CellIdentity,
    ColumnSpec,
    RowsMode,
    RowSpec,
    TableSet,
    TableSpec,
)
from yujuesuan.tables import Book, Table

SET_2021 = tables_for("决算", 2021)
ITEMS = ("2010301", "2010302", "2010350")


def t3_with_three_items_of_fifty_yuan() -> Book:
    """表3 only: three 项 of 50 元 (0.005 万元) under one 款, all basic spending."""
    table = Table(spec=SET_2021.table("fa.t3"))
    for row in ("合计", "201", "20103", *ITEMS):
        table.add_row(row)
        value = Decimal("0.005") if row in ITEMS else Decimal("0.015")
        for col in "123456":
            table.set(row, col, value if col in "12" else Decimal(0))
    return Book(year=2021, tables={"fa.t3": table})


def test_independent_rounding_of_three_half_cents_breaks_the_sum() -> None:
    parts = [quantize_cent(Decimal("0.005"))] * 3
    assert sum(parts) == Decimal("0.03") != quantize_cent(Decimal("0.015")) == Decimal("0.02")


def test_controlled_rounding_makes_the_three_items_add_up_to_their_section() -> None:
    rounded = round_book(t3_with_three_items_of_fifty_yuan(), SET_2021)
    t3 = rounded.book.tables["fa.t3"]
    items = [t3.value(code, "1") for code in ITEMS]
    assert sum(items) == t3.value("20103", "1") == t3.value("201", "1") == t3.value("合计", "1")
    assert all(v in (Decimal("0.00"), Decimal("0.01")) for v in items)
    assert t3.value("合计", "1") in (Decimal("0.01"), Decimal("0.02"))
    assert rounded.report.ok and rounded.report.status == "optimal"
    assert run(rounded.book, SET_2021, Policy(strict=True)).findings == ()


def test_the_build_report_counts_the_sums_that_rounding_each_cell_alone_would_break() -> None:
    report = round_book(t3_with_three_items_of_fifty_yuan(), SET_2021).report
    # 20103 = Σ项 in 栏1 and 栏2: 0.01 × 3 = 0.03 ≠ 0.02 (the 款, 类 and 合计 chain adds up)
    assert report.naive_broken == 2


def test_every_displayed_figure_is_its_true_value_rounded_up_or_down() -> None:
    book = t3_with_three_items_of_fifty_yuan()
    shown = round_book(book, SET_2021).book.tables["fa.t3"]
    for key, true in book.tables["fa.t3"].values.items():
        assert abs(shown.values[key] - true) < Decimal("0.01")
        assert shown.values[key] == shown.values[key].quantize(Decimal("0.01"))


def test_the_same_fifty_yuan_items_from_a_ledger_add_up_in_every_table() -> None:
    spending = [[code, "一般公共预算财政拨款", "项目支出", None, "", 50] for code in ITEMS]
    income = [[code, "一般公共预算财政拨款", 50] for code in ITEMS]
    ledger = read_ledger(sheets(spending, income), year=2021).ledger
    assert ledger is not None
    result = build_tables(ledger, 2021)
    book = result.book
    t3, t5 = book.tables["fa.t3"], book.tables["fa.t5"]
    assert sum(t3.value(code, "1") for code in ITEMS) == t3.value("合计", "1")
    assert book.tables["fa.t1"].value("31", "2") == t3.value("201", "1") == t5.value("201", "1")
    assert (
        book.tables["fa.t4"].value("33", "2")
        == book.tables["fa.t4"].value("33", "3")
        == t5.value("201", "1")
    )
    report = run(book, SET_2021, Policy(strict=True))
    assert [
        f.kind for f in report.findings if f.kind not in ("correspondence", "name_mismatch")
    ] == []


def test_a_tiny_balance_is_never_shown_as_zero_so_the_no_balance_rules_stay_off() -> None:
    spending = [["2010350", "事业收入", "项目支出", None, "", 70]]
    income = [["2010350", "事业收入", 100]]
    balances = [["事业收入", "2010350", None, 30]]  # 年末 30 元 = 0.003 万元
    ledger = read_ledger(sheets(spending, income, balances), year=2021).ledger
    assert ledger is not None
    result = build_tables(ledger, 2021)
    assert result.book.tables["fa.t1"].value("59", "2") == Decimal("0.01")
    assert run(result.book, SET_2021, Policy(strict=True)).ok


def triangle() -> tuple[Book, TableSet]:
    """a = b = c = 0.005 with a+b, b+c, a+c each 0.01: no rounding keeps all three sums."""
    rows = ("a", "b", "c", "ab", "bc", "ac")
    spec = TableSpec(
        id="x.t",
        name="三角",
        number=1,
        rows_mode=RowsMode.FIXED,
        columns=(ColumnSpec("1", "金额"),),
        rows=tuple(RowSpec(r, r) for r in rows),
    )
    sums = tuple(
        CellIdentity(
            f"x.{pair}",
            (Cell("x.t", pair, "1"),),
            tuple(Cell("x.t", p, "1") for p in pair),
            f"{pair} = " + "+".join(pair),
        )
        for pair in ("ab", "bc", "ac")
    )
    table_set = TableSet(
        kind="决算", layout="test", years=range(2021, 2022), tables=(spec,), cross_rules=sums
    )
    table = Table(spec=spec)
    for row in rows:
        table.add_row(row)
        table.set(row, "1", Decimal("0.005") if len(row) == 1 else Decimal("0.01"))
    return Book(year=2021, tables={"x.t": table}), table_set


def test_when_no_rounding_keeps_every_identity_the_fewest_are_broken_and_reported() -> None:
    book, table_set = triangle()
    rounded = round_book(book, table_set)
    report = rounded.report
    assert report.status == "with_slack"
    assert not report.ok
    assert len(report.unkept) == 1
    broken = report.unkept[0]
    assert broken.rule_id in {"x.ab", "x.bc", "x.ac"}
    assert abs(broken.difference) == Decimal("0.01")
    assert broken.cell.table == "x.t"
    shown = rounded.book.tables["x.t"]
    assert all(
        abs(shown.values[k] - v) < Decimal("0.01") for k, v in book.tables["x.t"].values.items()
    )


def test_the_report_says_how_big_the_problem_was() -> None:
    report = round_book(t3_with_three_items_of_fifty_yuan(), SET_2021).report
    assert report.cells == 36
    assert report.variables == 12  # 6 rows × 栏1, 栏2 are fractional; zeros are fixed
    assert report.equations > 0
    assert report.seconds >= 0
