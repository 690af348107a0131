"""Stated amounts against the tables (spec §6.1 N1–N15), and the state one checking pass shares.

Amounts in the narrative drop trailing zeros, so "2.2" equals 2.20; a figure printed in several
tables (表1/表4/表5 …) agrees when it equals any of them. Percentages are in ``ratios``, claims
against each other in ``consistency``. One defect gives one finding: once a claim is reported,
the checks that would only repeat it (a ratio built on it, a repetition of it) stay silent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from yujuesuan import messages_zh as zh
from yujuesuan.findings import Finding, Location, Severity
from yujuesuan.narrative.claims import LABELS, Claim
from yujuesuan.narrative.text import Paragraph
from yujuesuan.narrative.values import Context

HUNDRED = Decimal(100)
SCORE_WEIGHT = Decimal(20)  # 预算执行 weight in the 自评表 (得分 = 20 × 执行率)
HALF_CENT = Decimal("0.005")
SHEET = "情况说明"


def rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def label(subject: str, names: dict[str, str] | None = None) -> str:
    if subject.startswith("code:"):
        return zh.code_subject(subject[5:], (names or {}).get(subject[5:], ""))
    if subject.startswith("other:"):
        return subject[6:] or zh.UNNAMED
    fund, _, key = subject.rpartition(".")
    return zh.FUNDS.get(fund, "") + LABELS.get(key, key)


def show(value: Decimal | None, unit: str) -> str:
    if value is None:
        return zh.NOT_STATED
    text = f"{value.normalize():f}" if unit != "%" else f"{value:f}"
    return text + unit


@dataclass
class Run:
    """State of one checking pass: the claims, what the tables say, and what was reported."""

    claims: Sequence[Claim]
    ctx: Context
    findings: list[Finding] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # code -> printed name, for messages
    flagged: set[int] = field(default_factory=set)  # ids of claims already reported
    seen: set[tuple[object, ...]] = field(default_factory=set)  # defects already reported once
    paragraphs: Sequence[Paragraph] = ()  # the text the claims came from (budget lists need it)

    def report(
        self,
        claim: Claim,
        kind: str,
        *,
        expected: Decimal | None = None,
        note: str = "",
        severity: Severity = Severity.ERROR,
        source: str = "",
        rule: str = "",
    ) -> None:
        self.flagged.add(id(claim))
        self.findings.append(
            finding(
                claim,
                kind,
                expected=expected,
                note=note,
                severity=severity,
                source=source,
                rule=rule,
                names=self.names,
            )
        )

    def before(self, claim: Claim, test: Callable[[Claim], bool]) -> Claim | None:
        """The nearest earlier claim (same section) that passes ``test``."""
        index = next(i for i, c in enumerate(self.claims) if c is claim)
        for other in reversed(self.claims[:index]):
            if other.section != claim.section:
                return None
            if test(other):
                return other
        return None

    def amount(
        self, claim: Claim, subject: str, quantities: tuple[str, ...] = ("amount",)
    ) -> Decimal | None:
        """A figure for ``subject``: the tables first, else the narrative's own statement."""
        values = self.ctx.table_values(subject)
        if values:
            return values[0][0]
        stated = self.before(claim, lambda c: c.subject == subject and c.quantity in quantities)
        return stated.value if stated else None


def finding(
    claim: Claim,
    kind: str,
    *,
    expected: Decimal | None,
    note: str,
    severity: Severity,
    source: str = "",
    rule: str = "",
    names: dict[str, str] | None = None,
) -> Finding:
    sheet, _, cell = claim.origin.rpartition("!") if claim.origin else (SHEET, "", claim.where())
    return Finding(
        rule_id=rule or f"narrative.{kind.removeprefix('narrative_')}",
        kind=kind,
        severity=severity,
        table="narrative",
        table_title=source,
        location=Location(sheet, cell),
        expected=expected,
        actual=claim.value,
        difference=None if expected is None else claim.value - expected,
        basis=claim.sentence,
        subject=label(claim.subject, names),
        note=note,
    )


def check_amounts(run: Run) -> None:
    """N1–N6, N9–N11: a stated 决算 amount equals the table cell it names."""
    for claim in run.claims:
        if claim.quantity != "amount" or claim.unit != "万元" or claim.in_parentheses:
            continue
        values = run.ctx.table_values(claim.subject)
        if not values or any(v == claim.value for v, _ in values):
            continue
        value, title = values[0]
        run.report(
            claim,
            "narrative_table",
            expected=value,
            source=title,
            note=zh.stated_vs_expected(show(claim.value, "万元"), show(value, "万元")),
        )


def check_budgets(run: Run) -> None:
    """N7/N10: a stated 年初预算 equals the 年初预算 sheet (or the 三公 table's 预算数)."""
    for claim in run.claims:
        if claim.quantity != "budget" or claim.unit != "万元":
            continue
        expected = run.ctx.budget_of(claim.subject)
        if expected is not None and expected != claim.value:
            run.report(
                claim,
                "narrative_table",
                expected=expected,
                source=zh.BUDGET_SOURCE,
                note=zh.stated_vs_expected(show(claim.value, "万元"), show(expected, "万元")),
            )


def check_budget_gaps(run: Run) -> None:
    """N10: 比年初预算减少 X 万元 = 年初预算 − 决算."""
    for claim in run.claims:
        if claim.quantity != "budget_gap":
            continue
        budget_claim = run.before(
            claim, lambda c, s=claim.subject: c.subject == s and c.quantity == "budget"
        )
        budget = budget_claim.value if budget_claim else run.ctx.budget_of(claim.subject)
        actual = run.amount(claim, claim.subject)
        if budget is None or actual is None:
            continue
        expected = abs(budget - actual)
        if expected != claim.value:
            run.report(
                claim,
                "narrative_ratio",
                expected=expected,
                note=zh.stated_vs_expected(show(claim.value, "万元"), show(expected, "万元")),
            )


def check_changes(run: Run) -> None:
    """N1/N5/N10/N12 with a 上年数: change = current − prior, and its direction word."""
    for claim in run.claims:
        if claim.quantity != "change" or claim.subject not in run.ctx.prior:
            continue
        current = run.amount(claim, claim.subject)
        if current is None:
            continue
        delta = current - run.ctx.prior[claim.subject]
        if delta != 0 and claim.direction and (delta > 0) != (claim.direction > 0):
            run.report(
                claim,
                "narrative_direction",
                expected=abs(delta),
                note=zh.direction_note(claim.direction, delta),
            )
        elif abs(delta) != claim.value:
            run.report(
                claim,
                "narrative_table",
                expected=abs(delta),
                source=zh.PRIOR_SOURCE,
                note=zh.stated_vs_expected(show(claim.value, "万元"), show(abs(delta), "万元")),
            )


def half_unit(claim: Claim) -> Decimal:
    return HALF_CENT if claim.unit == "万元" else Decimal(5).scaleb(-(claim.decimals + 1))
