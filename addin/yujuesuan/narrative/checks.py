"""Stated amounts against the tables (spec §6.1 N1–N15), and the state one checking pass shares.

Amounts in the narrative drop trailing zeros, so "2.2" equals 2.20; a figure printed in several
tables (表1/表4/表5 …) agrees when it equals any of them. Percentages are in ``ratios``, claims
against each other in ``consistency``. One defect gives one finding: once a claim is reported,
the checks that would only repeat it (a ratio built on it, a repetition of it) stay silent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from yujuesuan import messages_zh as zh
from yujuesuan import money
from yujuesuan.findings import Finding, Location, Severity
from yujuesuan.money import HALF_CENT
from yujuesuan.narrative.claims import LABELS, Claim
from yujuesuan.narrative.text import Paragraph
from yujuesuan.narrative.values import Context, Prior

HUNDRED = Decimal(100)
SCORE_WEIGHT = Decimal(20)  # 预算执行 weight in the 自评表 (得分 = 20 × 执行率)
SHEET = "情况说明"
RESIDUE_NOTE = "，系表中数字四舍五入所致（尾数差异）"  # message text (messages_zh style)
# A change against 表11's rounded 上年 figure: how far off it may be and still be right.
ROUNDED_PRIOR_NOTE = "（上年数取自该表，按其列示精度允许相差{band}）"
# Its own rule id: a 表11 whose 近两年 columns hold 执行数, not budgets, can be suppressed alone.
PRIOR_TABLE_RULE = "narrative.prior_table"


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
        terms: tuple[Location, ...] = (),
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
                terms=terms,
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
    terms: tuple[Location, ...] = (),
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
        terms=terms,
    )


def check_amounts(run: Run) -> None:
    """N1–N6, N9–N11 / P2–P6, P9: a stated amount equals a table cell that prints it.

    A figure stated with fewer decimals than the table (``1,757.5`` for 1,757.51) is a 尾数差异
    (warning) when it is the table figure rounded; any other difference is an error. The finding
    names the narrative location and the nearest table cell (its address in ``terms``).
    """
    for claim in run.claims:
        if claim.quantity != "amount" or claim.unit != "万元" or claim.in_parentheses:
            continue
        printed = run.ctx.table_cells(claim.subject)
        if not printed or any(p.value == claim.value for p in printed):
            continue
        # the nearest cell, a table printed more coarsely than the claim (表11) only if no other
        nearest = min(
            printed,
            key=lambda p: (p.decimals < min(claim.decimals, 2), abs(p.value - claim.value)),
        )
        residue = abs(nearest.value - claim.value) <= stated_band(claim)
        note = zh.stated_vs_expected(show(claim.value, "万元"), show(nearest.value, "万元"))
        run.report(
            claim,
            "narrative_table",
            expected=nearest.value,
            source=f"{nearest.title} {nearest.where}".strip(),
            note=note + (RESIDUE_NOTE if residue else ""),
            severity=Severity.WARNING if residue else Severity.ERROR,
            terms=(nearest.location,) if nearest.location else (),
        )


def stated_band(claim: Claim) -> Decimal:
    """Half a unit of the last printed decimal, never less than half a cent."""
    return max(HALF_CENT, money.half_unit(claim.decimals))


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
    """N1/N5/N10/N12, P1/P3 with a prior figure: change = current − prior, and its direction word.

    The prior is the 上年数 sheet's (exact), else for a budget 表11's 上年 column, printed to 0.1
    万元: a stated change within half of that of current − prior cannot be faulted.
    """
    for claim in run.claims:
        prior = run.ctx.prior_of(claim.subject) if claim.quantity == "change" else None
        current = run.amount(claim, claim.subject) if prior is not None else None
        if prior is None or current is None:
            continue
        delta = current - prior.value
        source, terms = _prior_source(prior)
        wrong_way = bool(claim.direction) and abs(delta) > prior.band
        if wrong_way and (delta > 0) != (claim.direction > 0):
            note = zh.direction_note(claim.direction, delta)
            run.report(claim, "narrative_direction", expected=abs(delta), note=note, terms=terms)
        elif abs(abs(delta) - claim.value) > prior.band:
            note = zh.stated_vs_expected(show(claim.value, "万元"), show(abs(delta), "万元"))
            if prior.printed is not None:
                note += ROUNDED_PRIOR_NOTE.format(band=show(prior.band, "万元"))
            run.report(
                claim,
                "narrative_table",
                expected=abs(delta),
                note=note,
                source=source,
                terms=terms,
                rule=PRIOR_TABLE_RULE if prior.printed is not None else "",
            )


def _prior_source(prior: Prior) -> tuple[str, tuple[Location, ...]]:
    """Where a prior figure came from, for a finding: the 上年数 sheet or a 表11 cell."""
    printed = prior.printed
    if printed is None:
        return zh.PRIOR_SOURCE, ()
    terms = (printed.location,) if printed.location else ()
    return f"{printed.title} {printed.where}".strip(), terms


def half_unit(claim: Claim) -> Decimal:
    return HALF_CENT if claim.unit == "万元" else money.half_unit(claim.decimals)
