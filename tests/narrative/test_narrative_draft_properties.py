"""Drafts of random units pass their own checker: every sentence is read back and agrees."""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yujuesuan.narrative import Context, check_narrative
from yujuesuan.narrative.draft import as_text, draft
from yujuesuan.tables import Book
from yujuesuan.workbook.read import read_book

CLASSES = ("201", "208", "210", "221")
T1_CLASS_LINES = {"201": "31", "208": "38", "210": "39", "221": "49"}  # 2021 layout
T4_CLASS_LINES = {"201": "33", "208": "40", "210": "41", "221": "51"}
MARKER = re.compile(r"【[^】]*】")
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2)


@pytest.fixture(scope="module")
def base(golden_dir: Path) -> Book:
    return read_book(golden_dir / "hongshan-2021.xlsx")[0]


def _unit(
    base: Book,
    basic: list[Decimal],
    project: list[Decimal],
    personnel_share: Decimal,
    three_public: list[Decimal],
) -> Book:
    book = copy.deepcopy(base)
    total = sum(basic) + sum(project)
    for tid in ("fa.t3", "fa.t5"):
        table = book.tables[tid]
        table.values = {
            k: v for k, v in table.values.items() if not k[0].isdigit() or len(k[0]) == 3
        }
        for code, b, p in zip(CLASSES, basic, project, strict=True):
            table.values.update({(code, "1"): b + p, (code, "2"): b, (code, "3"): p})
        table.values.update(
            {("合计", "1"): total, ("合计", "2"): sum(basic), ("合计", "3"): sum(project)}
        )
    t1, t4 = book.tables["fa.t1"], book.tables["fa.t4"]
    t1.values = {
        ("1", "1"): total,
        ("27", "1"): total,
        ("30", "1"): total,
        ("57", "2"): total,
        ("60", "2"): total,
    }
    t4.values = {
        ("1", "1"): total,
        ("27", "1"): total,
        ("32", "1"): total,
        ("59", "3"): total,
        ("64", "2"): total,
    }
    for code, b, p in zip(CLASSES, basic, project, strict=True):
        t1.values[(T1_CLASS_LINES[code], "2")] = b + p
        t4.values[(T4_CLASS_LINES[code], "3")] = b + p
    personnel = (sum(basic) * personnel_share).quantize(Decimal("0.01"))
    book.tables["fa.t6"].values.update(
        {("人员经费合计", "amount"): personnel, ("公用经费合计", "amount"): sum(basic) - personnel}
    )
    abroad, buy, run, reception = three_public
    sg = {
        7: abroad + buy + run + reception,
        8: abroad,
        9: buy + run,
        10: buy,
        11: run,
        12: reception,
    }
    book.tables["fa.sg"].values = {("金额", str(c)): v for c, v in sg.items()}
    return book


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    basic=st.lists(money, min_size=4, max_size=4),
    project=st.lists(money, min_size=4, max_size=4),
    personnel_share=st.decimals(min_value=0, max_value=1, places=2),
    three_public=st.lists(money, min_size=4, max_size=4),
    prior=st.lists(money, min_size=3, max_size=3),
    budgets=st.lists(money, min_size=5, max_size=5),
)
def test_a_random_units_draft_passes_its_own_checker(
    base: Book,
    basic,
    project,
    personnel_share,
    three_public,  # type: ignore[no-untyped-def]
    prior,
    budgets,
) -> None:
    book = _unit(base, basic, project, personnel_share, three_public)
    ctx = Context(
        book,
        prior={"grand_total": prior[0], "general_spending": prior[1], "sg_total": prior[2]},
        budget={
            "general_spending": sum(budgets[:4]),
            **{f"code:{c}": b for c, b in zip(CLASSES, budgets, strict=False)},
            "sg_total": budgets[4],
        },
    )
    text = MARKER.sub("原因已说明", as_text(draft(ctx, "某单位")))
    assert [f.message for f in check_narrative(text, ctx)] == []
