"""The budget narrative's 政府采购 against 表12 项目采购 (B26) and its P1 change against 表11 上年.

Golden qiaokou-2024 workbook with seed 002's 第三部分: 服务类 1,169.36 万元 is not below Σ 项目采购
of 表12-3 and 表12-5 (11,693,616 元, every 品名 a …服务), nor is 合计 1,169.56; 比 2023 年预算增加
938.04 万元 agrees with 表11's 2023 合计 819.5 (1,757.51 − 938.04 = 819.47, printed to 0.1 万元).
Neither adds a finding to the seed. The forms' sums are floors only (基本支出 buys services too):
a figure below them is reported against the form cells, one above them is not.
"""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from yujuesuan.findings import Finding, Severity
from yujuesuan.money import TEN_THOUSAND as PROJECT_UNIT
from yujuesuan.narrative import Context, check_narrative, claims_of
from yujuesuan.narrative.budget_cells import (
    FORM_LINES,
    NARRATIVE_ONLY,
    PRIOR_CELLS,
    PROJECT_FORM,
)
from yujuesuan.spec import tables_for
from yujuesuan.tables import Book
from yujuesuan.workbook.read import read_book

TEXT = (Path(__file__).parent / "qiaokou-2024-情况说明.txt").read_text(encoding="utf-8")
SPEC = tables_for("预算", 2024)
SERVICES = "服务类1,169.36"
PURCHASE_CELLS = ["'表12-3'!C44", "'表12-3'!C45", "'表12-3'!C46", "'表12-5'!C32", "'表12-5'!C33"]
PURCHASE_SUM = Decimal("1169.36")  # 11,693,616 元
GOODS_LINE = ("bu.t12-5", "purchases.1", "'表12-5'!C32")  # 3,980,000 元 of 其他运行维护服务
CHANGE = "比 2023 年预算增加 938.04 万元"
CHANGE_RULES = ("narrative.table", "narrative.prior_table", "narrative.direction")
PRIOR_CELL = "表11!G12"  # 支出构成 合计, 2023 年


@pytest.fixture(scope="module")
def book(golden_dir: Path) -> Book:
    found, _ = read_book(golden_dir / "qiaokou-2024.xlsx")
    return found


def _without(book: Book, prefix: str) -> Book:
    changed = copy.deepcopy(book)
    changed.tables = {k: t for k, t in changed.tables.items() if not k.startswith(prefix)}
    return changed


def _renamed_purchase(book: Book, form: str, line: str, name: str) -> Book:
    changed = copy.deepcopy(book)
    changed.tables[form].row_names[line] = name
    return changed


def _rows(found: list[Finding], rule: str) -> list[tuple[object, ...]]:
    return [
        (f.severity, f.actual, f.expected, [str(t) for t in f.terms])
        for f in found
        if f.rule_id == rule
    ]


# --- declarations ---------------------------------------------------------------------------


def test_the_summed_purchase_lines_are_a_money_block_of_the_2024_project_form() -> None:
    (form,) = [f for f in SPEC.forms if f.id == PROJECT_FORM]
    for subject, source in FORM_LINES.items():
        block = form.block(source.block)
        assert block.label == "项目采购" and not block.rows  # free lines, one per 品名
        assert source.column in block.amounts and source.column not in block.counts
        assert subject in NARRATIVE_ONLY  # a floor, never a printed cell the figure must equal
    assert form.unit == "元" and PROJECT_UNIT == 10000


@pytest.mark.parametrize("subject", sorted(PRIOR_CELLS))
def test_every_prior_cell_is_a_上年_amount_of_表11(subject: str) -> None:
    table, row, col = PRIOR_CELLS[subject]
    (t11,) = [t for t in SPEC.tables if t.id == table]
    assert t11.number == 11 and t11.row(row) is not None
    assert [c.label for c in t11.columns if c.key == col] == ["上年"]


# --- B26: 服务类 ≥ Σ 项目采购 named …服务, 合计 ≥ Σ every 项目采购 line --------------------------


def _bounds(found: list[Finding]) -> list[tuple[object, ...]]:
    return _rows(found, "narrative.purchase_bound")


def test_the_seeds_procurement_figures_are_not_below_the_表12_purchase_lines(book: Book) -> None:
    ctx = Context(book)
    for subject in ("proc_services", "proc_total"):
        lines = ctx.form_lines(FORM_LINES[subject])
        assert [str(line.location) for line in lines] == PURCHASE_CELLS  # every 品名 a …服务
        total = sum((line.amount or Decimal(0) for line in lines), Decimal(0))
        assert (total / PROJECT_UNIT).quantize(Decimal("0.01"), ROUND_HALF_UP) == PURCHASE_SUM
        assert ctx.table_cells(subject) == []  # a floor, not a figure the narrative must equal
    stated = {c.subject: c.value for c in claims_of(TEXT, ctx) if c.subject.startswith("proc_")}
    assert (stated["proc_services"], stated["proc_total"]) == (PURCHASE_SUM, Decimal("1169.56"))
    assert _bounds(check_narrative(TEXT, ctx)) == []


@pytest.mark.parametrize(
    ("changed", "reported"),
    [("服务类1,169.35", True), ("服务类1,069.36", True), ("服务类1,169.3", True),
     ("服务类1,169.4", False), ("服务类1,169.36", False)],  # 1,169.4: the sum to 0.1 万元
)  # fmt: skip
def test_a_services_figure_below_the_表12_service_lines_is_reported_against_their_cells(
    book: Book, changed: str, reported: bool
) -> None:
    assert TEXT.count(SERVICES) == 1
    found = check_narrative(TEXT.replace(SERVICES, changed), Context(book))
    stated = Decimal(changed.removeprefix("服务类").replace(",", ""))
    expected = [(Severity.ERROR, stated, PURCHASE_SUM, PURCHASE_CELLS)] if reported else []
    assert _bounds(found) == expected
    assert _rows(found, "narrative.table") == []  # never compared as an equality
    if reported:
        (bound,) = [f for f in found if f.rule_id == "narrative.purchase_bound"]
        assert bound.location is not None and bound.location.sheet == "情况说明"
        assert "按表应为不少于1169.36万元" in bound.message and "项目采购" in bound.message


def test_services_bought_from_基本支出_are_allowed_above_the_表12_service_lines(
    book: Book,
) -> None:
    # 物业管理, 印刷 … are 政府采购 paid from 基本支出, on no 表12 form: 服务类 may exceed Σ.
    text = TEXT.replace("合计1,169.56", "合计1,269.56").replace(SERVICES, "服务类1,269.36")
    assert text.count("1,269.") == 2
    ctx = Context(book)
    assert check_narrative(text, ctx) == check_narrative(TEXT, ctx)  # the seed's residue only


@pytest.mark.parametrize(
    ("total", "reported"),
    [("1,069.56", True), ("1,169.35", True), ("1,169.36", False), ("1,169.4", False)],
)
def test_a_procurement_total_below_all_the_表12_purchase_lines_is_reported(
    book: Book, total: str, reported: bool
) -> None:
    text = TEXT.replace("合计1,169.56", "合计" + total)
    assert text != TEXT
    found = check_narrative(text, Context(book))
    stated = Decimal(total.replace(",", ""))
    expected = [(Severity.ERROR, stated, PURCHASE_SUM, PURCHASE_CELLS)] if reported else []
    assert _bounds(found) == expected
    if reported:
        (bound,) = [f for f in found if f.rule_id == "narrative.purchase_bound"]
        assert "不少于1169.36万元" in bound.message and "不列入表12" in bound.message


def test_a_goods_named_purchase_line_counts_for_the_procurement_total_only(book: Book) -> None:
    form, line, cell = GOODS_LINE
    goods = Context(_renamed_purchase(book, form, line, "台式计算机"))  # 398 万元 of goods
    services = [str(x.location) for x in goods.form_lines(FORM_LINES["proc_services"])]
    assert services == [c for c in PURCHASE_CELLS if c != cell]
    # 合计 1,169.56 = 货物类 398.2 + 服务类 771.36 + 工程类 0, with 771.36 = Σ the four 服务 lines
    text = TEXT.replace("货物类0.2", "货物类398.2").replace(SERVICES, "服务类771.36")
    assert _bounds(check_narrative(text, goods)) == []
    assert _bounds(check_narrative(text, Context(book))) == [  # named …服务, it would count
        (Severity.ERROR, Decimal("771.36"), PURCHASE_SUM, PURCHASE_CELLS)
    ]
    short = text.replace("合计1,169.56", "合计1,169.35").replace("货物类398.2", "货物类397.99")
    assert _bounds(check_narrative(short, goods)) == [
        (Severity.ERROR, Decimal("1169.35"), PURCHASE_SUM, PURCHASE_CELLS)
    ]


def test_without_表12_forms_the_procurement_figures_are_checked_against_the_narrative_only(
    book: Book,
) -> None:
    ctx = Context(_without(book, "bu.t12"))
    found = check_narrative(TEXT.replace(SERVICES, "服务类1,096.36"), ctx)
    assert _bounds(found) == [] and _rows(found, "narrative.table") == []
    assert (Severity.ERROR, Decimal("1169.56"), Decimal("1096.56"), []) in _rows(
        found, "narrative.parts"
    )  # 合计 = 货物类 + 服务类 + 工程类 still holds the narrative to itself


def test_forms_without_purchase_lines_leave_the_procurement_figures_narrative_only(
    book: Book,
) -> None:
    bare = copy.deepcopy(book)
    for table_id, table in bare.tables.items():
        if table_id.startswith(PROJECT_FORM + "-"):
            table.rows_seen = [r for r in table.rows_seen if not r.startswith("purchases.")]
    ctx = Context(bare)
    assert [ctx.form_lines(source) for source in FORM_LINES.values()] == [[], []]
    text = TEXT.replace("合计1,169.56", "合计1.2").replace(SERVICES, "服务类1")
    assert _bounds(check_narrative(text, ctx)) == []
    assert _bounds(check_narrative(text, Context(book))) != []  # with the lines, both reported


# --- P1: the change against 表11's 上年 column ------------------------------------------------


def test_without_a_上年数_sheet_last_years_budget_is_表11s_上年_to_half_a_tenth(book: Book) -> None:
    prior = Context(book).prior_of("grand_total")
    assert prior is not None and prior.printed is not None
    assert (prior.value, prior.band, str(prior.printed.location)) == (
        Decimal("819.5"), Decimal("0.05"), PRIOR_CELL
    )  # fmt: skip


def test_the_seeds_stated_change_is_consistent_with_表11s_上年_figure(book: Book) -> None:
    # By hand: 1,757.51 − 938.04 = 819.47, which 表11 prints (to 0.1 万元) as 819.5; and
    # 938.04 / 819.47 = 114.47%. So 表11's 近两年 columns hold budgets here, not 决算.
    ctx = Context(book)
    claims = [c for c in claims_of(TEXT, ctx) if c.subject == "grand_total"]
    total, change = (next(c.value for c in claims if c.quantity == q) for q in ("amount", "change"))
    prior = ctx.prior_of("grand_total")
    assert prior is not None
    assert (total - change).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) == prior.value
    assert [f for f in check_narrative(TEXT, ctx) if f.rule_id != "narrative.parts"] == []


@pytest.mark.parametrize(
    ("changed", "rule", "expected"),
    [
        ("比 2023 年预算增加 938.06 万元", None, None),  # within 0.05 of 1,757.51 − 819.5
        ("比 2023 年预算增加 937.96 万元", None, None),
        ("比 2023 年预算增加 938.07 万元", "narrative.prior_table", Decimal("938.01")),
        ("比 2023 年预算增加 937.95 万元", "narrative.prior_table", Decimal("938.01")),
        ("比 2023 年预算增加 983.04 万元", "narrative.prior_table", Decimal("938.01")),
        ("比 2023 年预算减少 938.04 万元", "narrative.direction", Decimal("938.01")),
    ],
)
def test_a_changed_p1_change_is_reported_against_表11s_上年_cell(
    book: Book, changed: str, rule: str | None, expected: Decimal | None
) -> None:
    assert TEXT.count(CHANGE) == 1
    found = check_narrative(TEXT.replace(CHANGE, changed), Context(book))
    about = [f for f in found if f.rule_id in CHANGE_RULES]
    if rule is None:
        assert about == []
        return
    assert [(f.rule_id, f.expected, [str(t) for t in f.terms]) for f in about] == [
        (rule, expected, [PRIOR_CELL])
    ]
    assert about[0].severity is Severity.ERROR and about[0].location is not None


def test_a_上年数_sheet_wins_over_表11_and_is_exact(book: Book) -> None:
    exact = Context(book, prior={"grand_total": Decimal("819.47")})
    assert [f for f in check_narrative(TEXT, exact) if f.rule_id != "narrative.parts"] == []
    rounded = Context(book, prior={"grand_total": Decimal("819.50")})
    found = [f for f in check_narrative(TEXT, rounded) if f.rule_id != "narrative.parts"]
    assert [(f.rule_id, f.expected, f.terms) for f in found] == [
        ("narrative.table", Decimal("938.01"), ())
    ]
    assert "上年数" in found[0].message


def test_without_表11_the_p1_change_is_not_checked_against_a_table(book: Book) -> None:
    ctx = Context(_without(book, "bu.t11"))
    assert ctx.prior_of("grand_total") is None
    found = check_narrative(TEXT.replace(CHANGE, "比 2023 年预算增加 983.04 万元"), ctx)
    assert [f for f in found if f.rule_id in CHANGE_RULES] == []
