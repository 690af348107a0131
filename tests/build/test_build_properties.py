"""Random balanced 底稿 → build → the strict checker finds nothing, and no figure moves a cent."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ledger_factory import random_ledger
from yujuesuan.build import BuildResult, build_tables, read_ledger
from yujuesuan.checks.engine import Policy, run
from yujuesuan.spec import tables_for
from yujuesuan.spec.final_accounts.classes import CLASSES

settings.register_profile(
    "build", max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
BUILD = settings.get_profile("build")
ALLOWED = {"correspondence", "name_mismatch"}  # W rules and printed names are not identities
CENT = Decimal("0.01")

rows = st.one_of(st.integers(1, 40), st.integers(1, 5000))
years = st.sampled_from([2021, 2022, 2024])
seeds = st.integers(0, 2**32 - 1)


def build(raw: dict, year: int) -> BuildResult:
    result = read_ledger(raw, year=year)
    assert result.errors == (), [str(e) for e in result.errors[:5]]
    assert result.ledger is not None
    return build_tables(result.ledger, year)


def spending_total_fen(raw: dict) -> int:
    _, data = raw["底稿-支出"]
    return sum(_fen(cells[5]) for _, cells in data)


def _fen(cell: object) -> int:
    if isinstance(cell, str):
        text = cell.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,")).replace(
            ",", ""
        )
        return int(Decimal(text) * 100)
    return int(Decimal(repr(cell)) * 100)


@BUILD
@given(seed=seeds, count=rows, year=years, balances=st.booleans())
def test_random_ledgers_build_tables_the_strict_checker_accepts(
    seed: int, count: int, year: int, balances: bool
) -> None:
    raw = random_ledger(seed, count, year, balances=balances)
    result = build(raw, year)
    report = run(result.book, tables_for("决算", year), Policy(strict=True, raise_errors=True))
    assert [f.message for f in report.findings if f.kind not in ALLOWED] == []
    assert result.rounding_report.ok and result.rounding_report.untrue == ()
    total = result.true_book.tables["fa.t3"].value("合计", "1")
    assert total == Decimal(spending_total_fen(raw)).scaleb(-6)


@BUILD
@given(seed=seeds, count=rows, year=years)
def test_every_displayed_figure_is_within_one_cent_of_its_true_value(
    seed: int, count: int, year: int
) -> None:
    result = build(random_ledger(seed, count, year), year)
    for table_id, shown in result.book.tables.items():
        true = result.true_book.tables[table_id]
        assert shown.values.keys() == true.values.keys()
        for key, value in shown.values.items():
            assert abs(value - true.values[key]) < CENT, (table_id, key)
            assert value == value.quantize(CENT)


@BUILD
@given(seed=seeds, count=rows, year=years)
def test_with_general_budget_money_only_a_class_shows_the_same_figure_in_every_table(
    seed: int, count: int, year: int
) -> None:
    result = build(random_ledger(seed, count, year, general_only=True, balances=False), year)
    tables = result.book.tables
    t1_lines = {r.code: r.key for r in tables["fa.t1"].spec.rows if r.code}
    t4_lines = {r.code: r.key for r in tables["fa.t4"].spec.rows if r.code}
    for code, _ in CLASSES:
        figures = {
            tables["fa.t1"].value(t1_lines[code], "2"),
            tables["fa.t3"].value(code, "1"),
            tables["fa.t4"].value(t4_lines[code], "2"),
            tables["fa.t4"].value(t4_lines[code], "3"),
            tables["fa.t5"].value(code, "1"),
            tables["fa.t2"].value(code, "1"),
        }
        assert len(figures) == 1, (code, figures)
    for row in tables["fa.t3"].rows_seen:
        assert tables["fa.t3"].value(row, "2") == tables["fa.t5"].value(row, "2")
        assert tables["fa.t3"].value(row, "3") == tables["fa.t5"].value(row, "3")
