"""Random 底稿-预算 → build → true values meet every rule exactly, the displayed ones too (the
strict checker finds nothing), and no figure moves by a cent or more."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budget_factory import random_budget
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from yujuesuan.build import CONTRACTS, BuildResult, build_tables, read_ledger
from yujuesuan.checks.engine import Policy, run
from yujuesuan.spec import tables_for
from yujuesuan.spec.budget.classes import CLASSES

settings.register_profile(
    "budget", max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
BUDGET = settings.get_profile("budget")
ALLOWED = {"correspondence", "name_mismatch"}  # W rules and printed names are not identities
CENT = Decimal("0.01")
YEAR = 2024

rows = st.one_of(st.integers(1, 40), st.integers(1, 3000))
seeds = st.integers(0, 2**32 - 1)


def build(raw: dict) -> BuildResult:
    result = read_ledger(raw, year=YEAR, contract=CONTRACTS["预算"])
    assert result.errors == (), [str(e) for e in result.errors[:5]]
    return build_tables(result.ledger, YEAR)


def strict_findings(book) -> list[str]:  # type: ignore[no-untyped-def]
    report = run(book, tables_for("预算", YEAR), Policy(strict=True, raise_errors=True))
    return [f.rule_id for f in report.findings if f.kind not in ALLOWED]


def unkept(result: BuildResult) -> list[str]:
    """Rules rounding could not keep. Only 表11's can be: 合计 = 基本 + 项目 at 0.1 万元 while each
    is its 表3 figure rounded half-up is sometimes impossible (26018.28 + 15909.75 = 41928.03,
    but 26018.3 + 15909.8 ≠ 41928.0)."""
    ids = sorted({d.rule_id for d in result.rounding_report.unkept})
    assert all("t11" in i for i in ids), ids
    return ids


def lines_total_fen(raw: dict) -> int:
    (_, data), = raw.values()
    return sum(_fen(cells[5]) for _, cells in data)


def _fen(cell: object) -> int:
    if isinstance(cell, str):
        digits = cell.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,"))
        return int(Decimal(digits.replace(",", "")) * 100)
    return int(Decimal(repr(cell)) * 100)


@BUDGET
@given(seed=seeds, count=rows)
def test_random_budgets_have_true_tables_that_meet_every_rule_exactly(seed: int, count: int) -> None:
    raw = random_budget(seed, count)
    result = build(raw)
    # 表11's own rules are about printed precision (0.1 万元, 占比): the true figures have none
    rules = [r for r in strict_findings(result.true_book) if "t11" not in r]
    assert rules == []
    untrue = [d.rule_id for d in result.rounding_report.untrue]
    assert untrue == []  # a 底稿 always meets every rule, 表11's included (its 合计 is 基本 + 项目)
    total = Decimal(lines_total_fen(raw)).scaleb(-6)
    assert result.true_book.tables["bu.t3"].value("合计", "total") == total
    assert result.true_book.tables["bu.t1"].value("收入总计", "income") == total


@BUDGET
@given(seed=seeds, count=rows)
def test_random_budgets_build_tables_the_strict_checker_accepts(seed: int, count: int) -> None:
    result = build(random_budget(seed, count))
    found = strict_findings(result.book)
    assert sorted(set(found)) == unkept(result)
    lenient = run(result.book, tables_for("预算", YEAR), Policy(raise_errors=True))
    residues = {f.rule_id for f in lenient.findings if f.classification == "尾数差异"}
    assert set(unkept(result)) <= residues  # what could not be kept is a 尾数差异 at worst


@BUDGET
@given(seed=seeds, count=rows)
def test_every_displayed_budget_figure_is_within_one_unit_of_its_true_value(
    seed: int, count: int
) -> None:
    result = build(random_budget(seed, count))
    for table_id, true in result.true_book.tables.items():
        shown = result.book.tables[table_id]
        unit = Decimal(1).scaleb(-shown.spec.decimals)  # 0.01 万元; 表11 0.1
        extra = {(r, c) for r, c in shown.values.keys() - true.values.keys()}
        assert {c for _, c in extra} <= {"share"}, table_id  # 表11 占比, from the shown figures
        for key, value in true.values.items():
            assert abs(shown.values[key] - value) < unit, (table_id, key)
            assert shown.values[key] == shown.values[key].quantize(unit)
            if value == value.quantize(unit):  # a figure already on its grid stays put
                assert shown.values[key] == value, (table_id, key)


@BUDGET
@given(seed=seeds, count=rows)
def test_with_general_budget_money_only_a_class_shows_the_same_figure_in_every_table(
    seed: int, count: int
) -> None:
    tables = build(random_budget(seed, count, general_only=True)).book.tables
    for code, _ in CLASSES:
        figures = {
            tables["bu.t1"].value(code, "spending"),
            tables["bu.t4"].value(code, "spending"),
            tables["bu.t3"].value(code, "total"),
            tables["bu.t5"].value(code, "total"),
            tables["bu.t2"].value(code, "total"),
            tables["bu.t2"].value(code, "general"),
        }
        assert len(figures) == 1, (code, figures)
    for row in tables["bu.t3"].rows_seen:
        for col in ("total", "basic", "project"):
            assert tables["bu.t3"].value(row, col) == tables["bu.t5"].value(row, col)
        assert tables["bu.t10"].value(row, "total") == tables["bu.t3"].value(row, "project")


@BUDGET
@given(seed=seeds, count=rows)
@example(seed=246, count=81)  # 26018.28 + 15909.75 = 41928.03: 26018.3 + 15909.8 ≠ 41928.0
def test_performance_table_shows_the_budget_totals_rounded_half_up_to_a_tenth(
    seed: int, count: int
) -> None:
    result = build(random_budget(seed, count, general_only=True))
    tables = result.book.tables
    t1, t3, t11 = tables["bu.t1"], tables["bu.t3"], tables["bu.t11"]

    def r(value: Decimal) -> Decimal:
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    missed = unkept(result)
    for row, figure, rule in (
        ("spending.basic", t3.value("合计", "basic"), "bu.x.t11_t3.basic"),
        ("spending.project", t3.value("合计", "project"), "bu.x.t11_t3.project"),
        ("spending.total", t3.value("合计", "basic") + t3.value("合计", "project"), "bu.x.t11_t3.total"),
        ("income.total", t1.value("本年收入合计", "income"), "bu.x.t11_t1.income"),
    ):
        miss = abs(t11.value(row, "current") - r(figure))
        assert miss == (Decimal("0.1") if rule in missed else 0), row
    for total, first, second, rule in (
        ("income.total", "income.fiscal", "income.other", "bu.t11.income"),
        ("spending.total", "spending.basic", "spending.project", "bu.t11.spending"),
    ):
        parts = t11.value(first, "current") + t11.value(second, "current")
        # when one must give, it is the sum of rounded parts (分项之和与合计因四舍五入不等), never
        # the figure that is another table's rounded: those ties outweigh it (rounding.TIE_WEIGHT)
        assert abs(t11.value(total, "current") - parts) == (Decimal("0.1") if rule in missed else 0)
    assert not [rule for rule in missed if rule.startswith("bu.x.")]
    assert sorted(set(strict_findings(result.book))) == missed
