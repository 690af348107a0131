"""Form rules (表12-n, unit 元) on table literals: exact sums, products to the 分, printed ratios,
and the 元 total against 表3's 万元."""

from __future__ import annotations

from decimal import Decimal

from yujuesuan.checks.forms import check_forms
from yujuesuan.findings import Severity
from yujuesuan.spec import tables_for
from yujuesuan.tables import Book, Table

BUDGET = tables_for("预算", 2024)
FORM = BUDGET.forms[0]


def form(n: int, figures: str) -> Table:
    """A 表12-n instance from "row col amount" lines (row keys as the reader makes them)."""
    table = Table(spec=FORM.instance_spec(f"12-{n}", f"项目{n}"), sheet=f"表12-{n}")
    for i, line in enumerate(figures.strip().splitlines(), start=1):
        row, col, amount = line.split()
        table.add_row(row, row, f"A{i}")
        table.set(row, col, Decimal(amount), f"B{i}")
    return table


def project(n: int, amount: str) -> Table:
    """A consistent 表12-n of ``amount`` 元: one detail line, all 一般公共预算财政拨款."""
    rows = ("current_budget value", "total_budget value", "source_total amount", "general amount", "details.1 amount")
    return form(n, "\n".join(f"{r} {amount}" for r in rows))


def table3(project: str) -> Table:
    table = Table(spec=BUDGET.table("bu.t3"), sheet="表3")
    table.add_row("合计", "合计", "B6")
    table.set("合计", "project", Decimal(project), "E6")
    return table


def check(*tables: Table) -> list[tuple[str, str, Severity]]:
    book = Book(kind="预算", year=2024, tables={t.spec.id: t for t in tables})
    findings, _, failed = check_forms(book, BUDGET, raise_errors=True)
    assert failed == 0
    return [(f.rule_id, f"{f.location.cell if f.location else ''}", f.severity) for f in findings]


PROJECT = """
current_budget value 125000.00
total_budget value 125000.00
source_total amount 125000.00
general amount 125000.00
general_current amount 125000.00
details.1 price 115000.00
details.1 quantity 1
details.1 amount 115000.00
details.2 price 10000.00
details.2 quantity 1
details.2 amount 10000.00
"""


def test_a_consistent_project_has_no_finding() -> None:
    assert check(form(1, PROJECT)) == []


def test_one_cent_off_in_a_yuan_form_is_an_error_not_a_rounding_residue() -> None:
    found = check(form(1, PROJECT.replace("details.2 amount 10000.00", "details.2 amount 10000.01")))
    assert ("bu.t12.b20.details", "B1", Severity.ERROR) in found
    assert ("bu.t12.b19", "B11", Severity.ERROR) in found


def test_a_product_with_a_fractional_count_is_rounded_half_up_to_the_fen() -> None:
    lines = "details.1 price 33.33\ndetails.1 quantity 1.5\ndetails.1 amount {}"
    assert [r for r, *_ in check(form(1, lines.format("50.00")))] == []  # 49.995 → 50.00
    assert [r for r, *_ in check(form(1, lines.format("49.99")))] == ["bu.t12.b19"]


def test_a_detail_line_without_unit_price_is_not_a_product_line() -> None:
    assert check(form(1, "details.1 amount 5000.00")) == []


def test_a_total_budget_above_the_current_year_is_allowed_below_it_is_an_error() -> None:
    assert check(form(1, PROJECT.replace("total_budget value 125000.00", "total_budget value 375000.00"))) == []
    found = check(form(1, PROJECT.replace("total_budget value 125000.00", "total_budget value 100000.00")))
    assert found == [("bu.t12.b20.total_budget", "B2", Severity.ERROR)]


def test_an_execution_rate_may_differ_from_the_exact_ratio_only_by_its_printed_rounding() -> None:
    history = "history.1 budget 300.00\nhistory.1 spent 100.00\nhistory.1 rate {}"
    assert check(form(1, history.format("33.33"))) == []  # 33.333…
    assert check(form(1, history.format("33.34"))) == [("bu.t12.b21", "B3", Severity.ERROR)]


def test_a_year_without_budget_has_no_rate_to_check() -> None:
    assert check(form(1, "history.1 rate 95.00")) == []


def test_the_yuan_total_rounding_to_the_wanyuan_figure_is_right() -> None:
    projects = [project(1, "13895849.00")]
    assert check(*projects, table3("1389.58")) == []


def test_the_yuan_total_a_little_past_the_wanyuan_rounding_is_a_residue_for_several_projects() -> None:
    amounts = ("125000.00", "150000.00", "3288900.00", "331900.00", "10000051.00")
    projects = [project(n, v) for n, v in enumerate(amounts, start=1)]
    assert check(*projects, table3("1389.58")) == [("bu.t12.b22", "B1", Severity.WARNING)]  # 1389.5851
    assert check(*projects, table3("1389.68")) == [("bu.t12.b22", "B1", Severity.ERROR)]


def test_project_amounts_equal_to_the_wanyuan_figure_are_a_unit_error() -> None:
    book = Book(kind="预算", year=2024, tables={t.spec.id: t for t in (project(1, "1389.58"), table3("1389.58"))})
    (finding,) = check_forms(book, BUDGET, raise_errors=True)[0]
    assert (finding.kind, finding.severity) == ("unit_mismatch", Severity.ERROR)
    assert "单位错误" in finding.message


def test_without_table_3_the_cross_unit_total_is_not_run() -> None:
    book = Book(kind="预算", year=2024, tables={"bu.t12-1": form(1, PROJECT)})
    _, run, _ = check_forms(book, BUDGET)
    assert run == len(FORM.rules) - 1
