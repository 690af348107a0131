"""项目绩效自评: the score a narrative states for a project against the 总分 of its 自评表.

The 决算 narrative (十三 预算绩效情况说明) gives each project's 绩效自评得分, and the annex prints
each project's 自评表 ending in "总分 N". wuchang 2022 states 网络建设运转维护 "自评得分为100分"
while its 自评表 totals 98.22. Projects are matched by name (quotes, year, 项目/经费/资金 and
绩效 dropped; one name may contain the other: 疫情防控 ↔ 疫情防控经费).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from yujuesuan.findings import Finding
from yujuesuan.narrative.lint import paragraph_finding
from yujuesuan.narrative.text import Paragraph, normalise

# "1.网络建设运转维护项目绩效自评：" / "…部门整体绩效自评得分" — what the next score is about
_ABOUT = re.compile(r"(?:^|[。；])(?:\d{1,2}[.、])?(?P<name>[^。；：:，,]{2,40}?)绩效自评(?:[：:]|得分)")
_SCORE = re.compile(r"绩效自评得分为(?P<score>\d+(?:\.\d+)?)分")
_TABLE = re.compile(r"\d{4}年度(?P<name>[^。；：:]{2,40}?)(?:绩效)?自评表")
# a score is at most 100 with two decimals: PDF text may glue the next line's digits on
_TOTAL = re.compile(r"总分(?P<total>\d{1,3}(?:\.\d{1,2})?)")
_NOISE = re.compile(r"[“”\"'‘’]|\d{4}年度?|我单位|武汉市|本单位")
_SUFFIXES = ("绩效", "项目", "经费", "资金", "专项资金")
_GENERIC = frozenset({"", "项目", "本项目", "该项目"})


def key(name: str) -> str:
    text = _NOISE.sub("", name)
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text, changed = text[: -len(suffix)], True
    return text


def check_self_scores(paragraphs: Iterable[Paragraph]) -> Iterator[Finding]:
    stated: list[tuple[str, Paragraph, int, Decimal]] = []
    totals: dict[str, Decimal] = {}
    about, table = "", ""
    for paragraph in paragraphs:
        norm = normalise(paragraph.text)
        events = [(m.start(), "about", m) for m in _ABOUT.finditer(norm.text)]
        events += [(m.start(), "score", m) for m in _SCORE.finditer(norm.text)]
        events += [(m.start(), "table", m) for m in _TABLE.finditer(norm.text)]
        events += [(m.start(), "total", m) for m in _TOTAL.finditer(norm.text)]
        for _, what, m in sorted(events, key=lambda e: e[0]):
            if what == "about":
                # "…。项目绩效自评得分为…" names no project: the heading before it does
                about = key(m.group("name")) if key(m.group("name")) not in _GENERIC else about
            elif what == "score" and about:
                stated.append((about, paragraph, norm.origin(m.start("score")), Decimal(m.group("score"))))
            elif what == "table":
                table = key(m.group("name"))
            elif what == "total" and table:
                totals.setdefault(table, Decimal(m.group("total")))
                table = ""
    for name, paragraph, offset, score in stated:
        total = _total_for(name, totals)
        if total is not None and total != score:
            yield paragraph_finding(
                paragraph, offset, "narrative_self_score", subject=f"“{name}”", expected=total, actual=score,
                note=f"自评表总分为{total.normalize():f}分，此处为{score.normalize():f}分",
            )


def _total_for(name: str, totals: dict[str, Decimal]) -> Decimal | None:
    if name in totals:
        return totals[name]
    found = [t for n, t in totals.items() if n in name or name in n]
    return found[0] if len(found) == 1 else None
