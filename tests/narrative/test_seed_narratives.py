"""The two published narratives against their golden workbooks: every listed defect is found,
the correct sentences raise nothing (spec §6.1, §7; issue 5).

The text files are the seeds' 第三部分 copied verbatim, PDF line breaks included, followed by the
performance annex each narrative refers to (hongshan's 附件 up to its 自评表; wuchang's 整体绩效评价
报告 up to its project list).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from yujuesuan.findings import Finding, Severity
from yujuesuan.narrative import Context, check_narrative
from yujuesuan.workbook.read import read_book

HERE = Path(__file__).parent

# (what the defect is, rule id, the stated value the finding carries)
DEFECTS = {
    "hongshan-2021": [
        ("卫生健康支出决算 1.19（表中 22.21）", "narrative.table", Decimal("1.19")),
        ("附件：基本支出执行率 96.2%（其他三处 98.0%）", "narrative.ratio", Decimal("96.2")),
        ("政府采购：分类“中小企业占比”实为分类占总额比例", "narrative.procurement", Decimal("0.9")),
        (
            "人员经费 383.77 + 公用经费 38.47 = 422.24 ≠ 基本支出 422.23",
            "narrative.parts",
            Decimal("422.23"),
        ),
        ("自评表 基本支出总额 430.73 ≠ 430.74", "narrative.repeat", Decimal("430.73")),
        ("430.74 + 1091.23 = 1521.97 ≠ 部门整体 1521.96", "narrative.parts", Decimal("1521.96")),
        ("国有资产：“共有车辆 辆”缺数字", "narrative.missing_number", None),
    ],
    "wuchang-2022": [
        ("支出段落写“收入合计增加”", "narrative.section", Decimal("1459.54")),
        ("“三公”经费“增长 0%”，上年为 0", "narrative.zero_base", Decimal("0")),
        ("公务接待费“增长 0%”，上年为 0", "narrative.zero_base", Decimal("0")),
        ("4101.74 万元占项目支出“90％”（应为 100%）", "narrative.ratio", Decimal("90")),
        ("预算执行得分 17.72（20 × 88.56% = 17.71）", "narrative.ratio", Decimal("17.72")),
        ("得分率 97.8% 与执行率 97.7% 不一致", "narrative.repeat", Decimal("97.8")),
        ("人员经费 376.1 + 公用经费 79.45 = 455.55 ≠ 455.56", "narrative.parts", Decimal("455.56")),
        ("各类支出之和 4557.29（住房保障取 49.79）≠ 4557.3", "narrative.parts", Decimal("4557.3")),
        ("绩效报告 公用经费 79.46（表6 为 79.45）", "narrative.table", Decimal("79.46")),
        ("绩效报告标题留有“部门名称”（§7 未列，模板占位）", "narrative.placeholder", None),
        ("网络建设运转维护 自评“100分”，自评表总分 98.22", "narrative.self_score", Decimal("100")),
    ],
}
# Correct statements quoted in the issue and spec §6.1: none of these values may be reported.
CORRECT = {
    "hongshan-2021": [
        "95.7",
        "1.2",
        "2.2",
        "92",
        "52.4",
        "11.7",
        "6.2",
        "6.1",
        "17.6",
        "82.4",
        "114.4",
        "52.8",
    ],
    "wuchang-2022": [
        "47.1",
        "96.3",
        "0.5",
        "2.1",
        "1.1",
        "195.3",
        "212.6",
        "52.6",
        "60.6",
        "39.1",
        "88.6",
    ],
}
MAX_FALSE_ALARMS = 1


@pytest.fixture(scope="module")
def findings(golden_dir: Path) -> dict[str, list[Finding]]:
    out = {}
    for case in DEFECTS:
        book, _ = read_book(golden_dir / f"{case}.xlsx")
        # 第三部分 first, then the annexes it refers to (wuchang: the project 自评表, in a file of their own)
        text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(HERE.glob(f"{case}-*.txt")))
        out[case] = check_narrative(text, Context(book))
    return out


def _matches(finding: Finding, rule: str, stated: Decimal | None) -> bool:
    return finding.rule_id == rule and (stated is None or finding.actual == stated)


@pytest.mark.parametrize(
    ("case", "defect", "rule", "stated"),
    [(case, *d) for case, defects in DEFECTS.items() for d in defects],
    ids=[d[0] for defects in DEFECTS.values() for d in defects],
)
def test_every_listed_narrative_defect_is_reported(
    findings: dict[str, list[Finding]], case: str, defect: str, rule: str, stated: Decimal | None
) -> None:
    assert any(_matches(f, rule, stated) for f in findings[case]), defect


@pytest.mark.parametrize("case", sorted(DEFECTS))
def test_at_most_one_false_alarm_per_document(
    findings: dict[str, list[Finding]], case: str
) -> None:
    unexplained = [
        f.message for f in findings[case] if not any(_matches(f, r, s) for _, r, s in DEFECTS[case])
    ]
    assert len(unexplained) <= MAX_FALSE_ALARMS, unexplained


@pytest.mark.parametrize("case", sorted(CORRECT))
def test_correct_percentages_raise_nothing(findings: dict[str, list[Finding]], case: str) -> None:
    reported = {str(f.actual) for f in findings[case] if f.actual is not None}
    assert reported.isdisjoint(CORRECT[case])


def test_each_finding_quotes_its_sentence_and_names_paragraph_and_offset(
    findings: dict[str, list[Finding]],
) -> None:
    health = next(f for f in findings["hongshan-2021"] if f.rule_id == "narrative.table")
    assert "支出决算为" in health.basis and "1.19" in health.basis
    assert health.expected == Decimal("22.21") and health.severity is Severity.ERROR
    assert str(health.location).startswith("情况说明!第") and "段第" in str(health.location)
    assert "22.21" in health.message and "1.19" in health.message


def test_residues_between_stated_parts_are_warnings_not_errors(
    findings: dict[str, list[Finding]],
) -> None:
    parts = [f for case in findings.values() for f in case if f.rule_id == "narrative.parts"]
    assert parts and all(f.severity is Severity.WARNING for f in parts)
