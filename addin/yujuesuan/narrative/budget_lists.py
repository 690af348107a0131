"""Budget narratives list the parts of a figure under it: the parts must add up (spec §6.2 P4, P7).

A 部门预算情况说明 breaks its totals down in an outline of headings and lists:

    （二）项目支出1,389.58万元，其中：            ← a list opener after the total
    1、一般公共服务支出（类）统计信息事务（款）      ← a heading without a figure: looked through
    （1）信息事务1,377.08万元，主要用于：…328.89万元，包括…57.8万元、…；…15万元，包括…；…
    2、…（款）
    （1）事业运行12.5万元，主要用于：…

The parts of a figure followed by a list opener (``LIST_OPENER``) are the items of that list and of
the plain paragraphs right after it (an item is the first figure of a ``；``-separated segment, or
every figure of a segment that says nothing more); when there are none, the figures that open
the deeper headings below it, at the shallowest such depth. Inside an item, "Y 万元，包括 A、B"
gives the parts of Y. No table is needed: the narrative must agree with itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from yujuesuan import messages_zh as zh
from yujuesuan.findings import Severity
from yujuesuan.narrative import budget_vocabulary as words
from yujuesuan.narrative.checks import Run, label, show
from yujuesuan.narrative.claims import Claim
from yujuesuan.narrative.consistency import _compare_sum
from yujuesuan.narrative.text import normalise

BODY = 99  # depth of a paragraph that opens with no heading mark


@dataclass(frozen=True)
class Node:
    """One paragraph of the outline: its heading depth (``BODY`` if none) and money figures."""

    text: str  # normalised
    level: int
    enclosing: int  # depth of the heading it sits under (its own, for a heading)
    amounts: tuple[Claim, ...]


def check_lists(run: Run) -> None:
    nodes = _outline(run)
    for i, node in enumerate(nodes):
        opener = words.LIST_OPENER.search(node.text)
        if opener is None:
            continue
        lead = [c for c in node.amounts if _start(c) < opener.start()]
        if not lead:
            continue
        stop = node.text.find("。", opener.end())
        parts = _items(run, node, opener.end(), len(node.text) if stop < 0 else stop + 1)
        if node.level != BODY:  # a body paragraph's own list ends with its sentence
            for body in _body_after(nodes, i):
                parts += _items(run, body, 0, len(body.text))
        parts = parts or _heading_leads(nodes, i)
        if parts:
            _compare_sum(run, lead[-1], parts)


def check_equal(run: Run) -> None:
    """P6/P9: a figure stated under two names (机关运行经费 and 公用经费) is the same figure."""
    first: dict[str, Claim] = {}
    for claim in run.claims:
        if claim.quantity == "amount" and claim.unit == "万元" and not claim.in_parentheses:
            first.setdefault(claim.subject, claim)
    for subject, other in words.EQUAL_SUBJECTS:
        this, that = first.get(subject), first.get(other)
        if this is None or that is None or this.value == that.value:
            continue
        if id(this) in run.flagged or id(that) in run.flagged:
            continue
        run.report(
            this,
            "narrative_repeat",
            expected=that.value,
            severity=Severity.WARNING if subject == "office_running" else Severity.ERROR,
            note=zh.repeat_note(
                label(other) + show(that.value, "万元"), that.where(), show(this.value, "万元")
            ),
        )


def _outline(run: Run) -> list[Node]:
    by_paragraph: dict[int, list[Claim]] = {}
    for claim in run.claims:
        if claim.quantity == "amount" and claim.unit == "万元" and not claim.in_parentheses:
            by_paragraph.setdefault(claim.paragraph, []).append(claim)
    nodes, enclosing = [], -1
    for paragraph in run.paragraphs:
        text = normalise(paragraph.text).text
        level = next((lv for p, lv in words.HEADING_LEVELS if p.match(text)), BODY)
        enclosing = level if level != BODY else enclosing
        amounts = tuple(by_paragraph.get(paragraph.index, ()))
        nodes.append(Node(text, level, enclosing, amounts))
    return nodes


def _items(run: Run, node: Node, start: int, stop: int) -> list[Claim]:
    """The list items of ``node`` in [start, stop); an item's own parts are checked on the way."""
    items: list[Claim] = []
    bounds = [start, *(m.end() for m in words.ITEM_SEPARATOR.finditer(node.text, start, stop))]
    for begin, end in zip(bounds, [*bounds[1:], stop], strict=True):
        segment = [c for c in node.amounts if begin <= _start(c) < end]
        if not segment:
            continue
        marker = words.ITEM_PARTS.search(node.text, segment[0].end, end)
        if marker is None:
            items += segment
            continue
        items.append(segment[0])
        parts = [c for c in segment[1:] if _start(c) >= marker.end()]
        if parts:
            _compare_sum(run, segment[0], parts)
    return items


def _body_after(nodes: list[Node], i: int) -> list[Node]:
    out = []
    for node in nodes[i + 1 :]:
        if node.level != BODY:
            break
        out.append(node)
    return out


def _heading_leads(nodes: list[Node], i: int) -> list[Claim]:
    """The first figure of each deeper heading under node ``i``, at the shallowest such depth."""
    depth = nodes[i].enclosing
    leads: list[tuple[int, Claim]] = []
    for node in nodes[i + 1 :]:
        if node.level <= depth:
            break
        if node.level != BODY and node.amounts:
            leads.append((node.level, node.amounts[0]))
    shallowest = min((level for level, _ in leads), default=BODY)
    return [claim for level, claim in leads if level == shallowest]


def _start(claim: Claim) -> int:
    """Where the number starts in the normalised paragraph."""
    return claim.end - len(claim.unit) - len(claim.text)
