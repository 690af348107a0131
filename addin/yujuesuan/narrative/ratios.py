"""Percentages and scores against the amounts they are computed from (N1–N7, N10, N13, N15).

Compared the way the documents print them: the exact ratio rounded half-up to the printed
decimals, or rounded twice (11.646 → 11.65 → 11.7), or any ratio the 0.01-rounded inputs allow.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from yujuesuan import messages_zh as zh
from yujuesuan.money import HALF_CENT, half_unit, round_half_up
from yujuesuan.narrative.checks import HUNDRED, SCORE_WEIGHT, Run, show
from yujuesuan.narrative.claims import Claim


def check_ratio(
    run: Run,
    claim: Claim,
    numerator: Decimal | None,
    denominator: Decimal | None,
    basis: tuple[Claim | None, ...] = (),
    scale: Decimal = HUNDRED,
    slack: tuple[Decimal, Decimal] = (HALF_CENT, HALF_CENT),
) -> None:
    if numerator is None or denominator is None or any(id(c) in run.flagged for c in basis if c):
        return
    if denominator == 0:
        if claim.value != 0 and numerator != 0:
            run.report(claim, "narrative_zero_base", note=show(claim.value, claim.unit))
        return
    expected = round_half_up(numerator / denominator * scale, claim.decimals)
    if not agrees(claim, numerator, denominator, scale, slack):
        run.report(
            claim,
            "narrative_ratio",
            expected=expected,
            note=zh.stated_vs_expected(show(claim.value, claim.unit), show(expected, claim.unit)),
        )


def agrees(
    claim: Claim,
    numerator: Decimal,
    denominator: Decimal,
    scale: Decimal,
    slack: tuple[Decimal, Decimal],
) -> bool:
    """The printed ratio is what some reading of the rounded inputs gives.

    Accepted: the exact ratio rounded half-up to the printed decimals; that ratio first rounded to
    one more decimal (the documents round twice: 11.646 → 11.65 → 11.7); or any ratio the inputs
    allow, each being itself rounded to 0.01 万元.
    """
    exact = numerator / denominator * scale
    if claim.value in (
        round_half_up(exact, claim.decimals),
        round_half_up(round_half_up(exact, claim.decimals + 1), claim.decimals),
    ):
        return True
    n, d = abs(numerator), abs(denominator)
    if d - slack[1] <= 0:
        return True
    low, high = (
        max(n - slack[0], Decimal(0)) / (d + slack[1]) * scale,
        (n + slack[0]) / (d - slack[1]) * scale,
    )
    half = half_unit(claim.decimals)
    return claim.value + half > low and claim.value - half <= high


def check_percentages(run: Run) -> None:
    for claim in run.claims:
        if claim.unit != "%" or claim.in_parentheses:
            continue
        handler = _PERCENT.get(claim.quantity)
        if handler:
            handler(run, claim)


def _share(run: Run, claim: Claim) -> None:
    """N2/N3/N5/N6/N13/N15: 占 Z% = part / whole."""
    if not claim.denominator or claim.subject.startswith("sme_"):
        return
    part = run.amount(claim, claim.subject) if claim.known else _stated(run, claim)
    check_ratio(
        run, claim, part, run.amount(claim, claim.denominator), (_stated_claim(run, claim),)
    )


def _completion(run: Run, claim: Claim) -> None:
    """N7/N10/N15: 完成年初预算的 W% = 决算 / 年初预算."""
    budget_claim = run.before(
        claim, lambda c: c.subject == claim.subject and c.quantity == "budget"
    )
    budget = budget_claim.value if budget_claim else run.ctx.budget_of(claim.subject)
    actual = run.amount(claim, claim.subject, ("amount", "executed")) if claim.known else None
    if actual is None:
        stated = run.before(
            claim, lambda c: c.subject == claim.subject and c.quantity in ("amount", "executed")
        )
        actual = stated.value if stated else None
    if budget == 0 and claim.value == 0:
        return  # the documents print 0% against a zero 年初预算 by convention
    check_ratio(run, claim, actual, budget, (budget_claim,))


def _rate(run: Run, claim: Claim) -> None:
    """N15: 资金执行率 = 实际执行 / 预算."""
    budget = run.before(claim, lambda c: c.subject == claim.subject and c.quantity == "budget")
    executed = run.before(claim, lambda c: c.subject == claim.subject and c.quantity == "executed")
    if budget and executed:
        check_ratio(run, claim, executed.value, budget.value, (budget, executed))


def _pct_change(run: Run, claim: Claim) -> None:
    """N1/N4/N5/N10: 增长 Y% = change / (current − change)."""
    change = run.before(claim, lambda c: c.subject == claim.subject and c.quantity == "change")
    if (
        change is None
        or change.sentence_index != claim.sentence_index
        or change.paragraph != claim.paragraph
    ):
        return
    if change.direction * claim.direction < 0 and id(change) not in run.flagged:
        run.report(claim, "narrative_direction", note=zh.words_disagree(change.direction))
        return
    current = run.amount(claim, claim.subject)
    if current is None or id(change) in run.flagged:
        return
    prior = current - (change.direction or 1) * change.value
    if prior == 0:
        run.report(claim, "narrative_zero_base", note=show(claim.value, "%"))
        return
    check_ratio(run, claim, change.value, prior, slack=(HALF_CENT, 2 * HALF_CENT))


def _score_rate(run: Run, claim: Claim) -> None:
    """N15: 预算执行 得分率 = 执行率 (= 执行数 / 预算数)."""
    score = run.before(claim, lambda c: c.unit in ("分", "%") and c.quantity != "score_rate")
    if score is None or score.quantity != "budget_score":
        return
    completion = run.before(score, lambda c: c.quantity == "completion")
    if completion is None:
        _executed_over_budget(run, claim, HUNDRED, score)
    elif (
        round_half_up(completion.value, claim.decimals) != claim.value
        and id(completion) not in run.flagged
    ):
        run.report(
            claim,
            "narrative_repeat",
            expected=completion.value,
            note=zh.repeat_note(
                show(completion.value, "%"), completion.where(), show(claim.value, "%")
            ),
        )


def _executed_over_budget(
    run: Run, claim: Claim, scale: Decimal, after: Claim | None = None
) -> None:
    executed = run.before(after or claim, lambda c: c.quantity == "executed")
    budget = run.before(after or claim, lambda c: c.quantity == "budget")
    if executed and budget and executed.subject == budget.subject:
        check_ratio(run, claim, executed.value, budget.value, (executed, budget), scale)


_PERCENT: dict[str, Callable[[Run, Claim], None]] = {
    "share": _share,
    "completion": _completion,
    "rate": _rate,
    "pct_change": _pct_change,
    "score_rate": _score_rate,
}


def check_scores(run: Run) -> None:
    """N15: 预算执行得分 = 20 × 执行率."""
    for claim in run.claims:
        if claim.quantity == "budget_score":
            _executed_over_budget(run, claim, SCORE_WEIGHT)


def _stated_claim(run: Run, claim: Claim) -> Claim | None:
    return run.before(
        claim, lambda c: c.subject == claim.subject and c.unit == "万元" and not c.in_parentheses
    )


def _stated(run: Run, claim: Claim) -> Decimal | None:
    stated = _stated_claim(run, claim)
    return stated.value if stated else None
