"""The drafted 部门预算情况说明 (P1–P9): from the budget tables, right by construction.

A draft checked against the tables it came from raises only its 【请填写…】 / 【请说明原因】
markers (the figures no table holds: 政府采购, 国有资产, last year's budget without 上年数);
with the markers filled in, nothing. Also for random consistent budget books.
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yujuesuan.cli import main
from yujuesuan.narrative import Context, check_narrative
from yujuesuan.narrative.draft import as_text, draft
from yujuesuan.services import check_workbook
from yujuesuan.services.narrate import draft_for, write_draft
from yujuesuan.spec.model import TOTAL
from yujuesuan.tables import Book
from yujuesuan.workbook.read import read_book

MARKER = re.compile(r"【[^】]*】")
Drafted = tuple[str, Context]
MARKER_RULES = {"narrative.explain", "narrative.placeholder"}
NARRATIVE = Path(__file__).parent / "qiaokou-2024-情况说明.txt"
# Seed 002's last-year figures (spec §6.2: P1 prior 819.47, P5 0.81, P6 26.67).
PRIOR = {
    "grand_total": Decimal("819.47"),
    "general_spending": Decimal("819.47"),
    "sg_total": Decimal("0.81"),
    "office_running": Decimal("26.67"),
}


def _filled(text: str) -> str:
    return MARKER.sub("原因已说明", text)


@pytest.fixture(scope="module")
def golden(golden_dir: Path) -> Path:
    return golden_dir / "qiaokou-2024.xlsx"


@pytest.fixture(scope="module")
def drafted(golden: Path) -> Drafted:
    blocks, ctx = draft_for(golden)
    return as_text(blocks), ctx


def test_the_budget_draft_has_the_budget_sections_and_the_unit_of_the_tables(
    drafted: Drafted,
) -> None:
    text, ctx = drafted
    assert ctx.kind == "预算"
    assert text.startswith("第三部分 武汉市硚口区大数据中心2024年部门预算情况说明")
    for words in (
        "2024年部门收支总预算1,757.51万元。",  # P1
        "基本支出367.93万元，占20.93%；项目支出1,389.58万元，占79.07%",  # P2
        "2024年财政拨款收支总预算1,757.51万元。",
        "事业运行256.7万元",  # P4 (表5-1 基本支出)
        "2、信息事务1,377.08万元",  # P4 (表5-1 项目支出)
        "信息化项目维护及运行328.89万元",  # P4 (表12-3 当年预算)
        "1、人员经费344.98万元。",
        "工资福利支出340.05万元。",
        "2024年财政拨款“三公”经费预算数0.76万元",  # P5
        "(2)公务接待费0.76万元",
        "机关运行经费22.95万元",  # P6
        "5个一级项目支出绩效目标，预算支出1,757.51万元",  # P9
    ):
        assert words in text, words


def test_figures_no_budget_table_holds_are_markers_for_the_user(drafted: Drafted) -> None:
    text, _ = drafted
    markers = MARKER.findall(text)
    for topic in ("政府采购", "国有资产", "与2023年预算相比"):
        assert any(topic in m for m in markers), topic
    assert "1,169.56" not in text and "5,871.3" not in text  # never invented


def test_the_only_findings_on_a_fresh_budget_draft_are_its_markers(drafted: Drafted) -> None:
    text, ctx = drafted
    findings = check_narrative(text, ctx)
    assert findings and {f.rule_id for f in findings} <= MARKER_RULES
    assert len(findings) == len(MARKER.findall(text))


def test_the_budget_draft_with_its_markers_filled_passes_its_own_checker(drafted: Drafted) -> None:
    text, ctx = drafted
    assert [f.message for f in check_narrative(_filled(text), ctx)] == []


def test_with_last_years_budget_the_draft_states_the_changes_and_still_agrees(
    drafted: Drafted,
) -> None:
    _, ctx = drafted
    with_prior = Context(ctx.book, prior=PRIOR)
    text = as_text(draft(with_prior, "武汉市硚口区大数据中心"))
    for words in (
        "比2023年预算增加938.04万元，增长114.47%",  # P1 as in seed 002
        "“三公”经费预算比2023年预算减少0.05万元",  # P5
        "此项支出比2023年预算减少3.72万元，下降13.95%",  # P6
    ):
        assert words in text, words
    assert [f.message for f in check_narrative(_filled(text), with_prior)] == []


def test_a_table_changed_after_drafting_makes_the_draft_stale(drafted: Drafted) -> None:
    text, ctx = drafted
    book = copy.deepcopy(ctx.book)
    book.tables["bu.t7"].values[("金额", "reception")] = Decimal("0.86")
    found = check_narrative(_filled(text), Context(book))
    assert ("narrative.table", Decimal("0.76"), Decimal("0.86")) in {
        (f.rule_id, f.actual, f.expected) for f in found
    }


def test_a_budget_draft_saved_as_a_sheet_is_read_back_by_check(
    golden: Path, tmp_path: Path
) -> None:
    out = write_draft(golden, tmp_path / "drafted.xlsx")
    narrative = [f for f in check_workbook(out).findings if f.table == "narrative"]
    assert narrative and {f.rule_id for f in narrative} <= MARKER_RULES
    assert all(f.location is not None and f.location.sheet == "情况说明" for f in narrative)


def test_yjs_check_with_a_budget_narrative_reports_it_against_the_tables(
    golden: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = tmp_path / "说明.txt"
    text = NARRATIVE.read_text(encoding="utf-8")
    changed.write_text(text.replace("公务接待费 0.76 万元", "公务接待费 0.67 万元"), "utf-8")
    assert main(["check", str(golden), "--narrative", str(changed)]) == 1
    out = capsys.readouterr().out
    assert "说明.txt'!第33段" in out or "说明.txt!第33段" in out
    assert "表7 一般公共预算“三公”经费支出表" in out and "按表应为0.76万元" in out


def test_yjs_narrate_drafts_a_budget_workbook(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "草稿.txt"
    assert main(["narrate", str(golden), "-o", str(out)]) == 0
    assert "部门预算情况说明" in out.read_text(encoding="utf-8")


# Random consistent budget books: the golden book's codes, new amounts that satisfy B1–B17.
ITEMS = ("2010350", "2010504", "2080502", "2080505", "2101102", "2101103", "2101199",
         "2210201", "2210202")  # fmt: skip
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2)
maybe = st.one_of(st.just(Decimal(0)), money)


def _sums(items: dict[str, dict[str, Decimal]]) -> dict[str, dict[str, Decimal]]:
    out: dict[str, dict[str, Decimal]] = {}
    for code, cols in items.items():
        for node in (code, code[:5], code[:3], TOTAL):
            for col, v in cols.items():
                out.setdefault(node, {}).setdefault(col, Decimal(0))
                out[node][col] += v
    return out


Amounts = list[Decimal]


def _budget_book(
    base: Book, basic: Amounts, project: Amounts, shares: Amounts, three_public: Amounts
) -> Book:
    book = copy.deepcopy(base)
    book.tables = {k: v for k, v in book.tables.items() if k in {
        "bu.t1", "bu.t3", "bu.t4", "bu.t5", "bu.t6", "bu.t7", "bu.t8", "bu.t9"}}  # fmt: skip
    items = {}
    for code, b, p, s in zip(ITEMS, basic, project, shares, strict=True):
        personnel = (b * s).quantize(Decimal("0.01"))
        items[code] = {"total": b + p, "basic": b, "project": p, "personnel": personnel,
                       "public": b - personnel}  # fmt: skip
    sums = _sums(items)
    t3, t5 = book.tables["bu.t3"], book.tables["bu.t5"]
    t3.values = {(r, c): v for r, cols in sums.items() for c, v in cols.items()
                 if c in ("total", "basic", "project")}  # fmt: skip
    t5.values = {(r, c): v for r, cols in sums.items() for c, v in cols.items()}
    total = sums[TOTAL]["total"]
    classes = {r: cols["total"] for r, cols in sums.items() if len(r) == 3}
    book.tables["bu.t1"].values = {
        ("general", "income"): total, ("本年收入合计", "income"): total,
        ("收入总计", "income"): total, ("本年支出合计", "spending"): total,
        ("支出总计", "spending"): total,
        **{(c, "spending"): v for c, v in classes.items()},
    }  # fmt: skip
    book.tables["bu.t4"].values = {
        ("本年收入", "income"): total, ("本年收入.general", "income"): total,
        ("收入总计", "income"): total, ("本年支出", "spending"): total,
        ("支出总计", "spending"): total,
        **{(c, "spending"): v for c, v in classes.items()},
    }  # fmt: skip
    personnel, public = sums[TOTAL]["personnel"], sums[TOTAL]["public"]
    family = (personnel * shares[0]).quantize(Decimal("0.01"))
    book.tables["bu.t6"].values = {
        (TOTAL, "total"): personnel + public, (TOTAL, "personnel"): personnel,
        (TOTAL, "public"): public, ("301", "total"): personnel - family,
        ("301", "personnel"): personnel - family, ("303", "total"): family,
        ("303", "personnel"): family, ("302", "total"): public, ("302", "public"): public,
    }  # fmt: skip
    abroad, buy, run, reception = three_public
    book.tables["bu.t7"].values = {
        ("金额", "total"): abroad + buy + run + reception, ("金额", "abroad"): abroad,
        ("金额", "car"): buy + run, ("金额", "car_purchase"): buy,
        ("金额", "car_running"): run, ("金额", "reception"): reception,
    }  # fmt: skip
    return book


@pytest.fixture(scope="module")
def base(golden: Path) -> Book:
    return read_book(golden)[0]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    basic=st.lists(money, min_size=len(ITEMS), max_size=len(ITEMS)),
    project=st.lists(maybe, min_size=len(ITEMS), max_size=len(ITEMS)),
    shares=st.lists(st.decimals(min_value=0, max_value=1, places=2), min_size=9, max_size=9),
    three_public=st.lists(maybe, min_size=4, max_size=4),
    prior=st.lists(maybe, min_size=4, max_size=4),
)
def test_a_random_budget_books_draft_passes_its_own_checker(
    base: Book, basic, project, shares, three_public, prior  # type: ignore[no-untyped-def]
) -> None:
    book = _budget_book(base, basic, project, shares, three_public)
    ctx = Context(book, prior=dict(zip(PRIOR, prior, strict=True)))
    text = _filled(as_text(draft(ctx, "某单位")))
    assert [f.message for f in check_narrative(text, ctx)] == []
