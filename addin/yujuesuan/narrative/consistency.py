"""Claims against each other: repetitions, parts vs totals, copy errors, 政府采购 shares, vehicles.

These need no table: a narrative that says 98.0% in one place and 96.2% in another, or whose
parts do not add up to the total it states beside them, is wrong whatever the tables say.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from yujuesuan import messages_zh as zh
from yujuesuan.findings import Severity
from yujuesuan.narrative import vocabulary as vocab
from yujuesuan.money import HALF_CENT
from yujuesuan.narrative.checks import Run, half_unit, show
from yujuesuan.narrative.claims import Claim

REPEATABLE = ("amount", "budget", "executed", "share", "completion", "rate", "pct_change", "change")
PART_QUANTITIES = ("amount", "budget", "executed", "count")
SME_CATEGORIES = (
    ("sme_goods", "proc_goods"),
    ("sme_works", "proc_works"),
    ("sme_services", "proc_services"),
)


def check_repeats(run: Run) -> None:
    """The same figure of the same subject stated twice with different values."""
    first: dict[tuple[str, str, str], Claim] = {}
    for claim in run.claims:
        if not claim.known or claim.quantity not in REPEATABLE or claim.in_parentheses:
            continue
        key = (claim.subject, claim.quantity, claim.denominator)
        earlier = first.setdefault(key, claim)
        if (
            earlier is claim
            or earlier.value == claim.value
            or id(claim) in run.flagged
            or id(earlier) in run.flagged
        ):
            continue
        if claim.quantity in ("change", "pct_change") and earlier.direction != claim.direction:
            continue
        if _both_printed(run, earlier, claim):
            continue
        run.report(
            claim,
            "narrative_repeat",
            expected=earlier.value,
            note=zh.repeat_note(
                show(earlier.value, earlier.unit), earlier.where(), show(claim.value, claim.unit)
            ),
        )


def _both_printed(run: Run, earlier: Claim, claim: Claim) -> bool:
    """Two amounts of one subject that are both table cells of it (预算 事业运行 quoted under
    基本支出 and under 项目支出) are two figures, not one stated twice."""
    if claim.quantity != "amount":
        return False
    printed = {p.value for p in run.ctx.table_cells(claim.subject)}
    return earlier.value in printed and claim.value in printed


def check_parts(run: Run) -> None:
    """ "X 万元，其中：A 万元、B 万元…" — the parts add up to X (within the rounding band)."""
    groups: dict[tuple[int, int], list[Claim]] = defaultdict(list)
    for claim in run.claims:
        if (
            claim.after_parts_word
            and claim.quantity in PART_QUANTITIES
            and not claim.in_parentheses
        ):
            groups[(claim.paragraph, claim.parts_of)].append(claim)
    for (paragraph, parts_of), parts in groups.items():
        unit, quantity = parts[0].unit, parts[0].quantity
        parts = [p for p in parts if p.quantity == quantity and p.unit == unit]
        total = run.before(parts[0], lambda c, q=quantity, u=unit: c.quantity == q and c.unit == u)
        if total is None or total.paragraph != paragraph or len(parts) < 2:
            continue
        if total.end > parts_of or {p.subject for p in parts} & {total.subject}:
            continue  # the "total" is itself one of the parts
        _compare_sum(run, total, parts)
    for whole, members in vocab.RELATIONS:
        _relation(run, whole, members)
    _structure(run)
    _budget_lines(run)


def _compare_sum(run: Run, total: Claim, parts: list[Claim]) -> None:
    if any(id(c) in run.flagged for c in (total, *parts)):
        return
    stated = sum((p.value for p in parts), Decimal(0))
    band = sum((half_unit(c) for c in (total, *parts)), Decimal(0))
    difference = abs(stated - total.value)
    key = (total.subject, total.quantity, total.value, stated)
    if difference == 0 or key in run.seen:
        return
    run.seen.add(key)
    severity = Severity.WARNING if difference <= band else Severity.ERROR
    run.report(
        total,
        "narrative_parts",
        expected=stated,
        severity=severity,
        note=zh.parts_note(
            show(stated, total.unit), show(total.value, total.unit), difference <= band
        ),
    )


def _relation(run: Run, whole: str, members: tuple[str, ...]) -> None:
    by_section: dict[str, dict[str, Claim]] = defaultdict(dict)
    for claim in run.claims:
        if (
            claim.quantity == "amount"
            and claim.subject in (whole, *members)
            and not claim.in_parentheses
        ):
            by_section[claim.section].setdefault(claim.subject, claim)
    for found in by_section.values():
        if whole in found and all(m in found for m in members):
            _compare_sum(run, found[whole], [found[m] for m in members])


def _structure(run: Run) -> None:
    """N6: the 类 amounts listed after "主要用于以下方面" add up to the total before it."""
    by_paragraph: dict[int, list[Claim]] = defaultdict(list)
    for claim in run.claims:
        by_paragraph[claim.paragraph].append(claim)
    for claims in by_paragraph.values():
        codes = [c for c in claims if c.subject.startswith("code:") and c.quantity == "amount"]
        totals = [c for c in claims if c.subject == "general_spending" and c.quantity == "amount"]
        if (
            len(codes) >= 2
            and totals
            and "主要用于" in codes[0].sentence
            and all(len(c.subject) == 8 for c in codes)
        ):
            _compare_sum(run, totals[0], codes)


def _budget_lines(run: Run) -> None:
    """N7: Σ 年初预算 of the listed 类 (or 项) = the overall 年初预算."""
    overall = [c for c in run.claims if c.subject == "general_spending" and c.quantity == "budget"]
    lines = [c for c in run.claims if c.subject.startswith("code:") and c.quantity == "budget"]
    if not overall or len(lines) < 2:
        return
    width = min(len(c.subject) for c in lines)
    same_level = [c for c in lines if len(c.subject) == width]
    _compare_sum(run, overall[0], same_level)


def check_sections(run: Run) -> None:
    """A subject that does not belong in its section (wuchang's 收入合计 in the 支出 paragraph)."""
    for claim in run.claims:
        for word, foreign in vocab.FOREIGN_IN_SECTION:
            key = (claim.paragraph, claim.sentence_index, claim.subject)
            if word in claim.section and claim.subject in foreign and key not in run.seen:
                run.seen.add(key)
                run.report(claim, "narrative_section", source=claim.section)


def check_procurement(run: Run) -> None:
    """N13: per-category 中小企业 shares must reproduce the stated 中小企业 total."""
    shares = {
        c.subject: c for c in run.claims if c.subject.startswith("sme_") and c.quantity == "share"
    }
    amounts = {
        c.subject: c.value
        for c in run.claims
        if c.subject.startswith("proc_") and c.quantity == "amount"
    }
    sme = next((c for c in run.claims if c.subject == "sme" and c.quantity == "amount"), None)
    if not shares or sme is None:
        return
    implied, band = Decimal(0), HALF_CENT
    for share_key, amount_key in SME_CATEGORIES:
        amount = amounts.get(amount_key, Decimal(0))
        if amount and share_key not in shares:
            return
        if share_key in shares:
            share = shares[share_key]
            implied += amount * share.value / 100
            band += amount * half_unit(share) / 100
    if abs(implied - sme.value) > band:
        first = next(iter(shares.values()))
        run.report(
            first,
            "narrative_ratio",
            expected=sme.value,
            rule="narrative.procurement",
            note=zh.sme_note(
                show(implied.quantize(Decimal("0.01")), "万元"), show(sme.value, "万元")
            ),
        )


def check_vehicles(run: Run) -> None:
    """N14: 三公 公务用车保有量 = 国有资产 车辆数 when both are stated."""
    official = next((c for c in run.claims if c.subject == "vehicles_official"), None)
    total = next((c for c in run.claims if c.subject == "vehicles_total"), None)
    if official and total and official.value != total.value:
        run.report(
            total,
            "narrative_repeat",
            expected=official.value,
            note=zh.repeat_note(
                show(official.value, "辆"), official.where(), show(total.value, "辆")
            ),
        )
