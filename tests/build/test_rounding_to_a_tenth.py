"""Controlled rounding with a table printed to 0.1 万元 (预算 表11) whose figures are other
tables' 0.01 figures rounded half-up (``RoundedEqual``): both grids are chosen together."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from yujuesuan.build import round_book
from yujuesuan.checks.engine import Policy, run
from yujuesuan.spec.model import (
    Cell,
    ColumnSpec,
    RoundedEqual,
    RowsMode,
    RowSpec,
    RowSum,
    TableSet,
    TableSpec,
)
from yujuesuan.tables import Book, Table

ROWS = ("a", "b", "t")


def _spec(id: str, decimals: int) -> TableSpec:
    return TableSpec(
        id=id,
        name=id,
        number=1 if id == "x.cent" else 2,
        rows_mode=RowsMode.FIXED,
        columns=(ColumnSpec("1", "金额"),),
        rows=tuple(RowSpec(r, r) for r in ROWS),
        rules=(RowSum(f"{id}.t", id, "t", ((1, "a"), (1, "b")), "t = a + b"),),
        decimals=decimals,
    )


def problem(a: str, b: str) -> tuple[Book, TableSet]:
    """A 0.01 table and a 0.1 table, each with t = a + b; each 0.1 figure rounds its 0.01 one."""
    cent, tenth = _spec("x.cent", 2), _spec("x.tenth", 1)
    rounded = tuple(
        RoundedEqual(f"x.r.{r}", Cell("x.tenth", r, "1"), (Cell("x.cent", r, "1"),), "四舍五入")
        for r in ROWS
    )
    table_set = TableSet("预算", "test", range(2024, 2025), (cent, tenth), cross_rules=rounded)
    values = {"a": Decimal(a), "b": Decimal(b), "t": Decimal(a) + Decimal(b)}
    book = Book(kind="预算", year=2024)
    for spec in (cent, tenth):
        table = Table(spec=spec)
        for row in ROWS:
            table.add_row(row, row)
            table.set(row, "1", values[row])
        book.tables[spec.id] = table
    return book, table_set


def half_up(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def test_tenths_add_up_and_round_the_cents_they_stand_for() -> None:
    # a = b = 0.046: cents 0.05 + 0.04 = 0.09 (not 0.05 + 0.05), tenths 0.1 + 0.0 = 0.1
    book, table_set = problem("0.046", "0.046")
    rounded = round_book(book, table_set)
    cent, tenth = rounded.book.tables["x.cent"], rounded.book.tables["x.tenth"]
    for row in ROWS:
        assert tenth.value(row, "1") == half_up(cent.value(row, "1"))
        assert tenth.value(row, "1") == tenth.value(row, "1").quantize(Decimal("0.1"))
    assert tenth.value("t", "1") == tenth.value("a", "1") + tenth.value("b", "1")
    assert cent.value("t", "1") == cent.value("a", "1") + cent.value("b", "1")
    assert rounded.report.ok
    assert run(rounded.book, table_set, Policy(strict=True)).findings == ()


def test_when_the_tenths_cannot_add_up_the_one_rule_given_up_is_reported() -> None:
    # a = b = 0.05 exactly: the tenths of a and b are 0.1 each, of t = 0.10 also 0.1
    book, table_set = problem("0.05", "0.05")
    report = round_book(book, table_set).report
    assert report.status == "with_slack"
    assert len(report.unkept) == 1 and report.unkept[0].rule_id.startswith("x.")
