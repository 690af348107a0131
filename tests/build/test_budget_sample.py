"""The bundled qiaokou-2024 底稿-预算 builds the published 2024 tables: every figure as printed,
except where the published tables contradict themselves (tests/golden/cases/qiaokou-2024/
README.md, 尾数差异) — there the build shows the one-cent-off figure that makes them add up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from yujuesuan.build import CONTRACTS, BuildResult, build_tables, read_ledger
from yujuesuan.build.budget_vocabulary import BUDGET
from yujuesuan.checks.engine import Policy, run
from yujuesuan.samples import sample_rows
from yujuesuan.spec import tables_for
from yujuesuan.tables import Book
from yujuesuan.workbook.read import book_from_grids

SAMPLE, YEAR = "qiaokou-2024", 2024
CENT = Decimal("0.01")
# (table, row, columns) printed one cent off the sum of their parts (README, known residues):
# 20805 = 3.83 + 30.22 is printed 34.04 and 21011 = 13.13 + 22.79 + 2.33 is printed 38.24,
# so one 项 of each shows one cent less; 表5-1 201/20103/2010350 人员经费 233.74 + 公用经费
# 22.95 ≠ 基本支出小计 256.70, so 人员经费 shows 233.75 (which also makes 合计 344.98 = Σ类).
RESIDUES = {
    ("bu.t3", "2080502"): ("total", "basic"),
    ("bu.t3", "2101103"): ("total", "basic"),
    ("bu.t5", "2080502"): ("total", "basic", "personnel"),
    ("bu.t5", "2101103"): ("total", "basic", "personnel"),
    ("bu.t5", "201"): ("personnel",),
    ("bu.t5", "20103"): ("personnel",),
    ("bu.t5", "2010350"): ("personnel",),
}
# 表11's two prior years (2022 年, 2023 年) are not in a 底稿-预算.
NOT_IN_THE_LEDGER = {"bu.t11": ("prior2", "prior1")}
# 表2 and 表10 were published without a body, 表8/表9 with the 无…预算 sentence only.
PUBLISHED_EMPTY = ("bu.t2", "bu.t8", "bu.t9", "bu.t10")


def sample_sheets() -> dict:
    header, *rows = sample_rows(SAMPLE, BUDGET)
    return {BUDGET: (header, [(i + 2, row) for i, row in enumerate(rows)])}


@pytest.fixture(scope="module")
def built() -> BuildResult:
    result = read_ledger(sample_sheets(), year=YEAR, contract=CONTRACTS["预算"])
    assert result.errors == ()
    return build_tables(result.ledger, YEAR)


@pytest.fixture(scope="module")
def published(golden_grids) -> Book:  # type: ignore[no-untyped-def]
    book, _ = book_from_grids(golden_grids[SAMPLE], source=SAMPLE)
    return book


def differences(built: Book, published: Book) -> dict[tuple[str, str, str], tuple[Decimal, Decimal]]:
    out = {}
    for table_id, printed in published.tables.items():
        if table_id in PUBLISHED_EMPTY or table_id not in built.tables:
            continue
        ours = built.tables[table_id]
        for row, col in printed.values.keys() | ours.values.keys():
            if col in NOT_IN_THE_LEDGER.get(table_id, ()):
                continue
            if printed.value(row, col) != ours.value(row, col):
                out[(table_id, row, col)] = (printed.value(row, col), ours.value(row, col))
    return out


def test_the_sample_builds_every_published_figure_but_the_known_residues(
    built: BuildResult, published: Book
) -> None:
    found = differences(built.book, published)
    expected = {(t, row, col) for (t, row), cols in RESIDUES.items() for col in cols}
    assert set(found) == expected
    assert all(abs(printed - ours) == CENT for printed, ours in found.values())


def test_the_sample_lists_the_published_rows_of_every_code_table(
    built: BuildResult, published: Book
) -> None:
    for table_id in ("bu.t3", "bu.t5", "bu.t6"):
        assert built.book.tables[table_id].rows_seen == published.tables[table_id].rows_seen


def test_the_sample_needs_controlled_rounding_and_gets_it(built: BuildResult) -> None:
    report = built.rounding_report
    assert report.naive_broken > 0  # 四舍五入 cell by cell would break some sums …
    assert report.ok and report.untrue == ()  # … the built tables keep them all
    findings = run(built.book, tables_for("预算", YEAR), Policy(strict=True, raise_errors=True))
    assert [f.message for f in findings.findings] == []


def test_the_sample_amounts_are_whole_yuan_a_few_yuan_off_the_printed_figures(
    built: BuildResult,
) -> None:
    header, *rows = sample_rows(SAMPLE, BUDGET)
    amounts = [Decimal(r[header.index("金额(元)")]) for r in rows]
    assert all(a == a.to_integral_value() for a in amounts)
    t6 = built.true_book.tables["bu.t6"]
    off = [t6.values[k] for k in t6.values if t6.values[k] != t6.values[k].quantize(CENT)]
    assert len(off) > 10


def test_the_sample_file_is_package_data() -> None:
    from importlib import resources

    path = Path(str(resources.files("yujuesuan.samples").joinpath(SAMPLE, f"{BUDGET}.csv")))
    assert path.is_file()


# Rules the published seed cannot exercise (表2 and 表10 were printed without a body): on the
# built sample, raising one cell of the rule's left side by 1.00 万元 must be an 错误 of that rule.
EMPTY_IN_THE_SEED = ("bu.t2", "bu.t10")


def _rules_on_published_empty_tables() -> list[str]:
    from yujuesuan.spec.model import rule_tables

    return [
        r.id
        for r in tables_for("预算", YEAR).all_rules()
        if set(rule_tables(r)) & set(EMPTY_IN_THE_SEED) and not r.id.endswith(".codes")
    ]


@pytest.mark.parametrize("rule_id", _rules_on_published_empty_tables())
def test_one_wan_more_on_a_table_the_seed_printed_empty_is_an_error_of_its_rule(
    built: BuildResult, rule_id: str
) -> None:
    import copy

    from yujuesuan.checks.equations import expand

    table_set = tables_for("预算", YEAR)
    rule = next(r for r in table_set.all_rules() if r.id == rule_id)
    book = copy.deepcopy(built.book)
    equation = next(iter(expand(rule, book)))
    cell = equation.left[0]
    table = book.tables[cell.table]
    table.values[(cell.row, cell.col)] = table.value(cell.row, cell.col) + 1
    found = run(book, table_set, Policy(raise_errors=True)).findings
    assert any(f.rule_id == rule_id and f.classification == "错误" for f in found), [f.message for f in found]
