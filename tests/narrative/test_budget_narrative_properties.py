"""Correct budget statements (spec §6.2 P1, P2, P7) written from random figures raise nothing,
also when broken across lines at random points as PDF copies are; a wrong percentage is reported."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st
from yujuesuan.narrative import Context, check_narrative
from yujuesuan.tables import Book

cents = st.integers(min_value=1, max_value=99_999_999)
CENT = Decimal("0.01")


def money(value: int) -> str:
    return f"{Decimal(value) / 100:,.2f}"


def pct(part: int, whole: int) -> Decimal:
    return (Decimal(part) / Decimal(whole) * 100).quantize(CENT, rounding=ROUND_HALF_UP)


@st.composite
def statements(draw: st.DrawFn, least: int = 1) -> tuple[str, str]:
    """P1 + P2 + P7 of one 2024 budget (totals of at least ``least`` cents), and the printed P1
    percentage."""
    sizes = st.integers(min_value=least, max_value=99_999_999)
    total, prior = draw(sizes), draw(sizes)
    basic = draw(st.integers(min_value=1, max_value=total)) if total > 1 else 1
    project = total - basic
    goods, services, works = draw(cents), draw(cents), draw(st.integers(0, 99_999))
    change, grew = abs(total - prior), total >= prior
    p1 = pct(change, prior)
    text = (
        f"2024 年部门收支总预算 {money(total)} 万元。比 2023 年预算{'增加' if grew else '减少'} "
        f"{money(change)} 万元，{'增长' if grew else '下降'} {p1}%。\n"
        f"2024 年部门支出预算 {money(basic + project)} 万元，其中基本支出 {money(basic)} 万元，"
        f"占 {pct(basic, basic + project)}%；项目支出 {money(project)} 万元，"
        f"占 {pct(project, basic + project)}%。\n"
        f"2024年部门预算中纳入政府采购预算支出合计{money(goods + services + works)}万元。"
        f"包括：货物类{money(goods)}万元，服务类{money(services)}万元，工程类{money(works)}万元。"
    )
    return text, f"{p1}%"


def _broken(text: str, at: int) -> str:
    at %= len(text)
    return text[:at] + "\n" + text[at:]


BUDGET = Context(Book(kind="预算", year=2024))


@given(statements(), st.integers(min_value=0))
def test_correct_budget_statements_raise_nothing_however_the_lines_break(
    written: tuple[str, str], at: int
) -> None:
    text, _ = written
    assert [f.message for f in check_narrative(_broken(text, at), BUDGET)] == []


# From 100 万元 on, the 0.01 万元 rounding of the amounts moves a % by less than 0.1 + 1% of it.
@given(statements(least=100_00))
def test_a_growth_rate_off_by_more_than_rounding_allows_is_reported(
    written: tuple[str, str],
) -> None:
    text, printed = written
    stated = Decimal(printed[:-1])
    wrong = stated + Decimal("0.1") + (stated / 100).quantize(CENT)
    found = check_narrative(text.replace(printed, f"{wrong}%", 1), BUDGET)
    assert [f.rule_id for f in found] == ["narrative.ratio"]
