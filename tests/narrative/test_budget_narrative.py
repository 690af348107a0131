"""The 部门预算情况说明 (kind 预算, spec §6.2 P1–P9) checked against itself, without tables.

``qiaokou-2024-情况说明.txt`` is seed 002's 第三部分 copied verbatim (PDF line breaks included).
Its correct statements raise nothing, and each of them is really checked: the same text with one
number changed is reported. The 东西湖 2021 sentences (seed 004) are built around the figures
spec §6.2 quotes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from yujuesuan.findings import Finding, Severity
from yujuesuan.narrative import Context, check_narrative, claims_of
from yujuesuan.narrative import budget_vocabulary as budget_words
from yujuesuan.narrative.budget_cells import BUDGET_CELLS, FORM_LINES, NARRATIVE_ONLY, cells_of
from yujuesuan.tables import Book

TEXT = (Path(__file__).parent / "qiaokou-2024-情况说明.txt").read_text(encoding="utf-8")

# Genuine defects of the seed (what, rule id, the stated value the finding carries).
DEFECTS = [
    # seed 002 lines 1000–1004 (五(一)): 事业运行 256.70 + the seven 项 of line 1004 = 367.95
    # 万元, but the 基本支出 stated above them is 367.93; the 项 carry 表5-1's residues (20805
    # 34.04 vs 3.83 + 30.22; 21011 38.24 vs 13.13 + 22.79 + 2.33): a 尾数差异 (warning), not 错误.
    ("五(一) 基本支出 367.93 ≠ 所列各项之和 367.95", "narrative.parts", Decimal("367.93")),
]
# Correct statements of spec §6.2 and §4.1.1 (B23, B26, B27): none of these may be reported.
CORRECT = [
    "114.47", "20.93", "79.07", "13.95", "1169.56", "1377.08", "1389.58", "328.89", "33.19",
    "1000", "12.5", "344.98", "0.76", "22.95", "1757.51",
]  # fmt: skip
MAX_FALSE_ALARMS = 1


def budget(year: int = 2024) -> Context:
    return Context(Book(kind="预算", year=year))


def _matches(finding: Finding, rule: str, stated: Decimal | None) -> bool:
    return finding.rule_id == rule and finding.actual == stated


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return check_narrative(TEXT, budget())


@pytest.mark.parametrize(("defect", "rule", "stated"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_every_listed_defect_of_the_budget_narrative_is_reported(
    findings: list[Finding], defect: str, rule: str, stated: Decimal
) -> None:
    assert any(_matches(f, rule, stated) for f in findings), defect


def test_the_basic_spending_residue_is_a_warning_naming_both_sums(findings: list[Finding]) -> None:
    residue = next(f for f in findings if f.rule_id == "narrative.parts")
    assert residue.severity is Severity.WARNING
    assert residue.expected == Decimal("367.95") and "尾数差异" in residue.message
    assert "基本支出367.93万元" in residue.basis


def test_budget_narrative_has_at_most_one_false_alarm(findings: list[Finding]) -> None:
    unexplained = [f.message for f in findings if not any(_matches(f, r, s) for _, r, s in DEFECTS)]
    assert len(unexplained) <= MAX_FALSE_ALARMS, unexplained


def test_correct_budget_statements_raise_nothing(findings: list[Finding]) -> None:
    reported = {f"{f.actual.normalize():f}" for f in findings if f.actual is not None}
    reported -= {f"{s.normalize():f}" for _, _, s in DEFECTS}
    assert reported.isdisjoint(CORRECT)


# (statement kind, printed text, the same text with one change, rule reported, stated value)
MUTATIONS = [
    ("P1 增长率", "增长 114.47%", "增长 114.57%", "narrative.ratio", "114.57"),
    ("P2 占比", "占 20.93%", "占 20.39%", "narrative.ratio", "20.39"),
    ("P2 分项", "项目支出 1,389.58 万元，占", "项目支出 1,398.58 万元，占",
     "narrative.parts", "1757.51"),
    ("P4 项 = 所列项目", "信息事务1,377.08万元", "信息事务1,377.18万元",
     "narrative.parts", "1377.18"),
    ("P4 项目支出 = 各项", "项目支出1,389.58万元,其中", "项目支出1,398.58万元,其中",
     "narrative.parts", "1398.58"),
    ("P4 项目 = 明细", "维保外包服务费57.8万元", "维保外包服务费57.9万元",
     "narrative.parts", "328.89"),
    ("P4 项目 = 明细", "党建经费1万元", "党建经费2万元", "narrative.parts", "12.5"),
    ("P4 人员经费 = 类", "人员经费344.98万元", "人员经费344.89万元", "narrative.parts", "344.89"),
    ("P5 三公 = 各项", "公务接待费 0.76 万元", "公务接待费 0.67 万元", "narrative.parts", "0.76"),
    ("P6 降低率", "降低 13.95%", "降低 13.59%", "narrative.ratio", "13.59"),
    ("P6 方向", "降低 13.95%", "增长 13.95%", "narrative.direction", "13.95"),
    ("P6 = 公用经费", "机关运行经费 22.95", "机关运行经费 22.59", "narrative.repeat", "22.59"),
    ("P7 合计 = 分类", "货物类0.2万元", "货物类0.3万元", "narrative.parts", "1169.56"),
    ("P9 覆盖预算", "预算支出1,757.51万元", "预算支出1,775.51万元", "narrative.repeat", "1775.51"),
    ("P9 优秀项目", "5个1,389.58万元", "5个1,398.58万元", "narrative.repeat", "1398.58"),
    ("比较年度", "比 2023 年预算增加", "比 2022 年预算增加", "narrative.year", None),
    ("占位内容", "部门预算收入 1,757.51 万元", "部门预算收入 XX 万元",
     "narrative.placeholder", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("printed", "changed", "rule", "stated"),
    [m[1:] for m in MUTATIONS],
    ids=[f"{m[0]}: {m[2]}" for m in MUTATIONS],
)
def test_a_changed_number_in_the_budget_narrative_is_reported(
    printed: str, changed: str, rule: str, stated: str | None
) -> None:
    assert TEXT.count(printed) >= 1, printed
    found = check_narrative(TEXT.replace(printed, changed, 1), budget())
    assert any(
        f.rule_id == rule and (stated is None or f.actual == Decimal(stated)) for f in found
    ), [f.message for f in found]


def _claim_keys() -> set[tuple[str, str, str]]:
    return {(f"{c.value:f}", c.subject, c.quantity) for c in claims_of(TEXT, budget())}


@pytest.mark.parametrize(
    "expected",
    [
        ("1757.51", "grand_total", "amount"),  # P1
        ("938.04", "grand_total", "change"),
        ("114.47", "grand_total", "pct_change"),
        ("1757.51", "spending_total", "amount"),  # P2
        ("367.93", "basic", "amount"),
        ("20.93", "basic", "share"),
        ("79.07", "project", "share"),
        ("256.70", "other:事业运行", "amount"),  # P4
        ("1377.08", "other:信息事务", "amount"),
        ("0.76", "sg_total", "amount"),  # P5
        ("0.05", "sg_total", "change"),
        ("22.95", "office_running", "amount"),  # P6
        ("3.72", "office_running", "change"),
        ("13.95", "office_running", "pct_change"),
        ("1169.56", "proc_total", "amount"),  # P7
        ("0.2", "proc_goods", "amount"),
        ("1169.36", "proc_services", "amount"),
        ("0", "proc_works", "amount"),
        ("5871.30", "assets_total", "amount"),  # P8
        ("0", "vehicles_official", "count"),
        ("7", "equipment_large", "count"),
        ("0.6", "assets_new", "amount"),
        ("1757.51", "perf_budget", "amount"),  # P9
        ("1389.58", "perf_projects", "amount"),
    ],
    ids=lambda e: f"{e[1]}={e[0]}",
)
def test_budget_statements_are_read_with_subject_and_quantity(
    expected: tuple[str, str, str],
) -> None:
    assert expected in _claim_keys()


def test_the_threshold_of_large_equipment_is_not_a_claim() -> None:
    assert not any(c.value == 50 for c in claims_of(TEXT, budget()))


def test_a_narrative_is_read_as_final_accounts_unless_the_kind_says_budget() -> None:
    sentence = "2024 年部门支出预算 1,757.51 万元，其中基本支出 367.93 万元，占 20.93%。"
    assert claims_of(sentence)[0].quantity == "budget"  # 决算: 预算 is a budget figure
    as_budget = claims_of(sentence, kind="预算")[0]
    assert (as_budget.subject, as_budget.quantity) == ("spending_total", "amount")
    assert claims_of(sentence, budget())[0].quantity == "amount"  # the context's kind


# Seed 004 (东西湖 2021, spec §6.2), as printed; the P3 line break is the seed's.
DONGXIHU = {
    "P1": "2021 年部门收支总预算 1296.7 万元。比 2020 年预算增加 9.96 万元，增长 0.77%。",
    "P2": "2021 年部门支出预算 1296.7 万元，其中基本支出 528.97 万元，占 40.79%；"
    "项目支出 767.73 万元，占 59.21%。",
    "P3": "基本支出 528.97 万元，比 2020 年预算增加 45.05 万元，增长 9.31%。"
    "公用经费 56.89 万元，比 2020 年预算减少 2.42 万元，增下降 4.08%。"
    "项目支出 767.73 万元，比 2020 年预算减少 35.09 万\n元，下降4.37%。",
    "P5": "“三公”经费预算 4.8 万元，比 2020 年预算减少 23.8 万元，下降 83.22%。",
    "P7": "2021年部门预算中纳入政府采购预算支出合计478.88万元。包括：货物类144.8万元，"
    "工程类0万元，服务类334.08万元。",
    "P8": "部门共有车辆1辆。其中：一般公务用车 1 辆，一般执法执勤用车 0 辆，特种专业技术车 0 辆。",
}
DONGXIHU_CHANGED = {
    "P1": ("0.77%", "0.79%", "narrative.ratio"),
    "P2": ("59.21%", "59.12%", "narrative.ratio"),
    "P3": ("4.37%", "4.73%", "narrative.ratio"),
    "P5": ("下降 83.22%", "增长 83.22%", "narrative.direction"),
    "P7": ("货物类144.8", "货物类148.8", "narrative.parts"),
    "P8": ("共有车辆1辆", "共有车辆2辆", "narrative.parts"),
}


@pytest.mark.parametrize("kind", sorted(DONGXIHU))
def test_correct_dongxihu_statements_raise_nothing(kind: str) -> None:
    assert [f.message for f in check_narrative(DONGXIHU[kind], budget(2021))] == []


@pytest.mark.parametrize("kind", sorted(DONGXIHU_CHANGED))
def test_a_changed_dongxihu_statement_is_reported(kind: str) -> None:
    printed, changed, rule = DONGXIHU_CHANGED[kind]
    found = check_narrative(DONGXIHU[kind].replace(printed, changed), budget(2021))
    assert [f.rule_id for f in found] == [rule], [f.message for f in found]


def test_every_budget_subject_has_a_table_cell_or_is_declared_narrative_only() -> None:
    keys = {key for _, key, _ in budget_words.SUBJECTS}
    missing = sorted(k for k in keys if not cells_of(k) and k not in NARRATIVE_ONLY)
    assert missing == []
    assert NARRATIVE_ONLY.isdisjoint(BUDGET_CELLS)
    assert set(FORM_LINES) <= NARRATIVE_ONLY  # 表12 项目采购 gives a floor, never the figure


def test_budget_cells_use_budget_table_ids_only() -> None:
    ids = {cell[0] for cells in BUDGET_CELLS.values() for cell in cells}
    assert ids and all(re.fullmatch(r"bu\.t\d+(_\d+)?", i) for i in ids), ids


SG_CHANGE = (
    "2024 年财政拨款“三公”经费预算数 0.76 万元。2024 年“三公”经费预算比 2023 年减少 0.05 万元。"
)


@pytest.mark.parametrize(
    ("prior", "rules"),
    [("0.81", []), ("0.90", ["narrative.table"]), ("0.70", ["narrative.direction"])],
)
def test_a_change_is_checked_against_last_years_budget_when_it_is_known(
    prior: str, rules: list[str]
) -> None:
    ctx = Context(Book(kind="预算", year=2024), prior={"sg_total": Decimal(prior)})
    assert [f.rule_id for f in check_narrative(SG_CHANGE, ctx)] == rules


def test_fund_budgets_are_not_the_money_under_performance_management() -> None:
    text = (
        "2024 年部门支出预算 1,757.51 万元。"
        "政府性基金预算支出 0 万元，国有资本经营预算支出 0 万元。"
    )
    subjects = [c.subject for c in claims_of(text, kind="预算")]
    assert subjects == ["spending_total", "gf.spending_year", "gz.spending_year"]
    assert check_narrative(text, budget()) == []
