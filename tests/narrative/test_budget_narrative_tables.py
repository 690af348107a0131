"""The 部门预算情况说明 checked against its budget tables (spec §6.2 P1–P9, §4.1).

The golden qiaokou-2024 workbook (seed 002's tables, as published) with seed 002's 第三部分: the
only finding is the seed's own 基本支出 residue; every figure the tables print is compared with
its cell, so one changed number is reported against the table cell, named by sheet and address.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from yujuesuan.findings import Finding, Severity
from yujuesuan.narrative import Context, check_narrative, claims_of
from yujuesuan.narrative import budget_vocabulary as budget_words
from yujuesuan.narrative.budget_cells import (
    BUDGET_CELLS,
    CLASS_CELLS,
    CODE_CELLS,
    NARRATIVE_ONLY,
    PERFORMANCE_CELLS,
    PROJECT_CELL,
    PROJECT_FORM,
    PROJECT_NAME_ROW,
)
from yujuesuan.spec import tables_for
from yujuesuan.spec.forms import VALUE
from yujuesuan.spec.model import TOTAL, RowsMode
from yujuesuan.tables import Book
from yujuesuan.workbook.read import read_book

TEXT = (Path(__file__).parent / "qiaokou-2024-情况说明.txt").read_text(encoding="utf-8")
SPEC = {t.id: t for t in tables_for("预算", 2024).tables}


def _declared() -> list[tuple[str, str, str]]:
    cells = [c for cells in (*BUDGET_CELLS.values(), *PERFORMANCE_CELLS.values()) for c in cells]
    sample = {"{code}": "201"}
    for table, row, col in CODE_CELLS + CLASS_CELLS:
        cells.append((table, sample.get(row, row), col))
    return cells


@pytest.mark.parametrize("cell", _declared(), ids=lambda c: "/".join(c))
def test_every_declared_budget_cell_exists_in_the_2024_budget_spec(
    cell: tuple[str, str, str],
) -> None:
    table, row, col = cell
    assert table in SPEC, f"{table} is not a 2024 budget table"
    spec = SPEC[table]
    assert col in spec.column_keys(), f"{table}: no column {col}"
    if spec.rows_mode is RowsMode.FIXED:
        assert spec.row(row) is not None, f"{table}: no row {row}"
        assert col in spec.row_columns(row), f"{table} row {row} has no column {col}"
    else:
        assert row == TOTAL or row.isdigit(), f"{table}: rows are 合计 and codes, not {row}"


def test_the_project_cell_is_a_field_of_the_2024_project_form() -> None:
    (form,) = [f for f in tables_for("预算", 2024).forms if f.id == PROJECT_FORM]
    fields = {f.key for f in form.fields}
    assert {PROJECT_CELL[1], PROJECT_NAME_ROW} <= fields and form.name_field == PROJECT_NAME_ROW
    assert form.unit == "元" and PROJECT_CELL[0] == PROJECT_FORM and PROJECT_CELL[2] == VALUE


def test_every_budget_subject_is_read_from_a_table_or_declared_narrative_only() -> None:
    keys = {key for _, key, _ in budget_words.SUBJECTS}
    read = set(BUDGET_CELLS) | NARRATIVE_ONLY
    assert sorted(k for k in keys if k not in read) == []


@pytest.fixture(scope="module")
def ctx(golden_dir: Path) -> Context:
    book, _ = read_book(golden_dir / "qiaokou-2024.xlsx")
    assert (book.kind, book.year) == ("预算", 2024)
    return Context(book)


def _key(f: Finding) -> tuple[object, ...]:
    return (f.rule_id, f.severity, f.actual, f.expected, str(f.location), [str(t) for t in f.terms])


def test_the_golden_budget_narrative_has_only_the_seeds_basic_spending_residue(
    ctx: Context,
) -> None:
    # Seed 002 五(一): 事业运行 256.70 + the seven 项 = 367.95, stated 基本支出 367.93 (the 项
    # carry 表5-1's residues in 20805 and 21011). Every other figure equals its table cell.
    found = check_narrative(TEXT, ctx)
    assert [_key(f) for f in found] == [
        ("narrative.parts", Severity.WARNING, Decimal("367.93"), Decimal("367.95"),
         "情况说明!第13段第8字", []),
    ]  # fmt: skip
    assert found[0].classification == "尾数差异"  # a rounding residue, shown as such


def test_the_golden_budget_narrative_figures_are_really_compared_with_the_tables(
    ctx: Context,
) -> None:
    compared = [c for c in claims_of(TEXT, ctx) if ctx.table_cells(c.subject)]
    subjects = {c.subject for c in compared if c.quantity == "amount"}
    assert {"grand_total", "spending_total", "basic", "project", "personnel", "public",
            "sg_total", "office_running", "perf_budget", "perf_projects", "code:201",
            "code:2010350", "code:2010504", "econ:301"} <= subjects  # fmt: skip


def test_a_项_quoted_under_basic_and_under_project_spending_is_not_a_contradiction(
    ctx: Context,
) -> None:
    # 事业运行 (2010350) is 256.70 under 基本支出 and 12.5 under 项目支出 in 表5-1.
    stated = [c.value for c in claims_of(TEXT, ctx) if c.subject == "code:2010350"]
    assert stated == [Decimal("256.70"), Decimal("12.5")]


# (statement, printed text, the same text with one number changed, stated, table value, cell)
TABLE_MUTATIONS = [
    ("P1 收支总预算", "部门收支总预算 1,757.51", "部门收支总预算 1,757.52",
     "1757.52", "1757.51", "表1!B33"),
    ("P1 收入", "部门预算收入 1,757.51", "部门预算收入 1,757.15", "1757.15", "1757.51", "表1!B31"),
    ("P1 类", "、卫生健康支出 38.24", "、卫生健康支出 38.42", "38.42", "38.24", "'表5-1'!C17"),
    ("P2 基本支出", "其中基本支出 367.93", "其中基本支出 376.93", "376.93", "367.93", "表3!D6"),
    ("P2 项目支出", "项目支出 1,389.58 万元，占", "项目支出 1,389.85 万元，占",
     "1389.85", "1389.58", "表3!E6"),
    ("P3 财政拨款", "财政拨款收支总预算 1,757.51", "财政拨款收支总预算 1,775.51",
     "1775.51", "1757.51", "表4!B33"),
    ("P4 本年预算", "本年预算1,757.51", "本年预算1,757.5", "1757.5", "1757.51", "表4!B8"),
    ("P4 项 基本支出", "事业运行256.70", "事业运行256.07", "256.07", "256.70", "'表5-1'!D10"),
    ("P4 项 项目支出", "事业运行12.5", "事业运行12.6", "12.6", "12.50", "'表5-1'!G10"),
    ("P4 项", "信息事务1,377.08", "信息事务1,377.80", "1377.80", "1377.08", "'表5-1'!C12"),
    ("P4 项 基本", "提租补贴6.43", "提租补贴6.34", "6.34", "6.43", "'表5-1'!C25"),
    ("P4 人员经费", "人员经费344.98", "人员经费344.89", "344.89", "344.98", "表6!D7"),
    ("P4 经济分类", "工资福利支出340.05", "工资福利支出340.50", "340.50", "340.05", "表6!C8"),
    ("P5 三公", "预算数 0.76", "预算数 0.67", "0.67", "0.76", "表7!A7"),
    ("P5 因公出国", "因公出国(境)费 0 万元", "因公出国(境)费 1 万元", "1", "0.00", "表7!B7"),
    ("P6 机关运行经费", "机关运行经费 22.95", "机关运行经费 22.59", "22.59", "22.95", "表6!E7"),
    ("P9 预算支出", "预算支出1,757.51", "预算支出1,775.51", "1775.51", "1757.51", "表3!C6"),
    ("P9 优秀项目", "5个1,389.58", "5个1,398.58", "1398.58", "1389.58", "表3!E6"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("printed", "changed", "stated", "table", "cell"),
    [m[1:] for m in TABLE_MUTATIONS],
    ids=[f"{m[0]}: {m[2]}" for m in TABLE_MUTATIONS],
)
def test_a_changed_number_is_reported_against_the_table_cell_that_prints_it(
    ctx: Context, printed: str, changed: str, stated: str, table: str, cell: str
) -> None:
    assert TEXT.count(printed) == 1, printed
    found = [
        f for f in check_narrative(TEXT.replace(printed, changed), ctx)
        if f.rule_id == "narrative.table"
    ]  # fmt: skip
    assert [(f.actual, f.expected, [str(t) for t in f.terms]) for f in found] == [
        (Decimal(stated), Decimal(table), [cell])
    ]
    assert found[0].location is not None and found[0].location.sheet == "情况说明"
    assert changed.replace(" ", "") in found[0].basis.replace(" ", "")


def test_a_figure_that_is_the_table_figure_rounded_is_a_rounding_residue(ctx: Context) -> None:
    found = check_narrative("2024 年部门支出预算 1,757.5 万元。", ctx)
    assert [(f.rule_id, f.severity) for f in found] == [("narrative.table", Severity.WARNING)]
    assert found[0].classification == "尾数差异"  # in the 严重程度 column too, not only the text
    assert "尾数差异" in found[0].message and "表1 收支总表" in found[0].message


def test_a_wrong_figure_names_the_table_and_its_cell_in_the_message(ctx: Context) -> None:
    (found,) = check_narrative("2024 年部门支出预算 1,775.51 万元。", ctx)
    assert found.severity is Severity.ERROR
    assert "表1 收支总表 “本年支出合计”行" in found.message
    assert "文中为1775.51万元，按表应为1757.51万元" in found.message


def test_without_tables_a_budget_narrative_is_checked_against_itself_only() -> None:
    text = TEXT.replace("部门收支总预算 1,757.51", "部门收支总预算 1,757.52")
    assert check_narrative(text, Context(Book(kind="预算", year=2024))) == check_narrative(
        TEXT, Context(Book(kind="预算", year=2024))
    )


def test_each_project_stated_in_p4_is_its_表12_当年预算_in_万元(ctx: Context) -> None:
    stated = {
        (c.subject, c.value, str(ctx.table_cells(c.subject)[0].location))
        for c in claims_of(TEXT, ctx)
        if c.subject.startswith("other:") and ctx.table_cells(c.subject)
    }
    assert stated == {
        ("other:党政综合事务管理专业服务", Decimal("12.5"), "'表12-1'!D13"),
        ("other:信息化管理与服务", Decimal("15"), "'表12-2'!F13"),
        ("other:信息化维护运行", Decimal("328.89"), "'表12-3'!E14"),
        ("other:网络安全加固政务新媒体监测", Decimal("33.19"), "'表12-4'!E13"),
        ("other:城市视频经费", Decimal("1000"), "'表12-5'!D13"),
    }


@pytest.mark.parametrize(
    ("printed", "changed", "stated", "table", "cell"),
    [
        ("信息化项目维护及运行328.89", "信息化项目维护及运行328.98", "328.98", "328.89", "'表12-3'!E14"),
        ("城市视频经费1000", "城市视频经费1100", "1100", "1000.00", "'表12-5'!D13"),
    ],
)  # fmt: skip
def test_a_changed_project_amount_is_reported_against_its_表12_form(
    ctx: Context, printed: str, changed: str, stated: str, table: str, cell: str
) -> None:
    found = check_narrative(TEXT.replace(printed, changed), ctx)
    table_findings = [f for f in found if f.rule_id == "narrative.table"]
    assert [(f.actual, f.expected, [str(t) for t in f.terms]) for f in table_findings] == [
        (Decimal(stated), Decimal(table), [cell])
    ]
    assert "部门项目支出绩效目标表" in table_findings[0].message


def test_p9_figures_are_also_read_from_表11_rounded_to_a_tenth(ctx: Context) -> None:
    # 表11 当年预算收支 prints 1757.5 / 1389.6; the narrative may quote 表3 or 表11.
    assert [(p.value, str(p.location)) for p in ctx.table_cells("perf_projects")] == [
        (Decimal("1389.58"), "表3!E6"),
        (Decimal("1389.6"), "表11!D11"),
    ]


NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(\s*万元)")


def _one_digit_changed(number: str) -> str:
    last = number[-1]
    return number[:-1] + str((int(last) + 1) % 10)


def test_every_table_figure_of_the_narrative_changed_by_one_digit_is_reported_against_a_table(
    ctx: Context,
) -> None:
    checked, missed = 0, []
    for m in NUMBER.finditer(TEXT):
        changed = TEXT[: m.start(1)] + _one_digit_changed(m.group(1)) + TEXT[m.end(1) :]
        value = Decimal(_one_digit_changed(m.group(1)).replace(",", ""))
        claim = next(
            (c for c in claims_of(changed, ctx) if c.value == value and c.quantity == "amount"),
            None,
        )
        if claim is None or not ctx.table_cells(claim.subject):
            continue  # a narrative-only figure (政府采购, 国有资产, a change vs last year)
        checked += 1
        found = check_narrative(changed, ctx)
        if not any(f.rule_id == "narrative.table" and f.actual == value and f.terms for f in found):
            missed.append((m.group(0), [f.message for f in found]))
    assert missed == []
    assert checked >= 45  # P1–P6, P9 figures and the 项/projects of P4
