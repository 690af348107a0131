"""Claims rendered in the official wording from random figures come back exactly, also when
the text is broken across lines at random points (as PDF copies are) or printed full-width."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from yujuesuan.narrative import wording as w
from yujuesuan.narrative.claims import extract
from yujuesuan.narrative.draft import money
from yujuesuan.narrative.names import CodeNames
from yujuesuan.narrative.text import paragraphs

NAMES = CodeNames(
    {
        "201": "一般公共服务支出",
        "208": "社会保障和就业支出",
        "210": "卫生健康支出",
        "221": "住房保障支出",
    }
)
amounts = st.decimals(min_value=0, max_value=Decimal("99999.99"), places=2)
percents = st.decimals(min_value=0, max_value=Decimal("999.9"), places=1)
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")

Expected = list[tuple[Decimal, str, str]]  # value, subject, quantity


@st.composite
def sentences(draw: st.DrawFn) -> tuple[str, Expected]:
    """A few sentences of 第三部分 with the claims each one makes."""
    y = draw(st.integers(2018, 2030))
    t, c, b = draw(amounts), draw(amounts), draw(amounts)
    p, q = draw(percents), draw(percents)
    direction = draw(st.sampled_from(sorted(w.DIRECTIONS)))
    words, pct_word = w.DIRECTIONS[direction]
    code, name = draw(st.sampled_from(sorted(NAMES.names.items())))
    parts = [
        (
            w.TOTAL.format(y=y, total=money(t))
            + w.CHANGE.format(
                py=y - 1,
                subject="收、支总计各",
                direction=words,
                change=money(c),
                pct_word=pct_word,
                pct=f"{p:f}",
            ),
            [
                (t, "grand_total", "amount"),
                (c, "grand_total", "change"),
                (p, "grand_total", "pct_change"),
            ],
        ),
        (
            w.SPENDING.format(y=y, total=money(t))
            + w.SPENDING_SHARE.format(name="基本支出", amount=money(b), pct=f"{q:f}")
            + "。",
            [(t, "spending_total", "amount"), (b, "basic", "amount"), (q, "basic", "share")],
        ),
        (
            w.CLASS.format(n=1, name=name, budget=money(b), amount=money(t), pct=f"{p:f}"),
            [
                (b, f"code:{code}", "budget"),
                (t, f"code:{code}", "amount"),
                (p, f"code:{code}", "completion"),
            ],
        ),
        (
            w.SG_TOTAL.format(
                y=y, budget_word="年初预算", budget=money(b), total=money(c), pct=f"{q:f}"
            ),
            [(b, "sg_total", "budget"), (c, "sg_total", "amount"), (q, "sg_total", "completion")],
        ),
        (
            w.FUNDS.format(
                y=y, opening=money(t), income=money(b), spending=money(c), closing=money(t)
            ),
            [
                (t, "gf.opening", "amount"),
                (b, "gf.income_year", "amount"),
                (c, "gf.spending_year", "amount"),
                (t, "gf.closing", "amount"),
            ],
        ),
    ]
    chosen = draw(st.lists(st.sampled_from(parts), min_size=1, max_size=4))
    return "".join(text for text, _ in chosen), [claim for _, claims in chosen for claim in claims]


def _facts(text: str) -> Expected:
    return [(c.value, c.subject, c.quantity) for c in extract(paragraphs(text), NAMES)]


@given(sentences())
def test_rendered_claims_are_extracted_back_exactly(case: tuple[str, Expected]) -> None:
    text, expected = case
    assert _facts(text) == expected


@given(sentences(), st.data())
def test_claims_survive_line_breaks_at_random_points(
    case: tuple[str, Expected], data: st.DataObject
) -> None:
    text, expected = case
    cuts = sorted(data.draw(st.lists(st.integers(1, len(text) - 1), max_size=12, unique=True)))
    breaks = data.draw(
        st.lists(
            st.sampled_from(["\n", "\n\n", " \n", "\n \n"]), min_size=len(cuts), max_size=len(cuts)
        )
    )
    pieces, last = [], 0
    for cut, brk in zip(cuts, breaks, strict=True):
        pieces += [text[last:cut], brk]
        last = cut
    broken = "".join(pieces) + text[last:]
    assert _facts(broken) == expected


@given(sentences())
def test_claims_survive_full_width_digits_and_percent_signs(case: tuple[str, Expected]) -> None:
    text, expected = case
    assert _facts(text.translate(FULL_WIDTH)) == expected
