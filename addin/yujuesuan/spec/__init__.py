"""Table layouts and rules, as data, per kind (决算/预算) and year.

``tables_for("决算", 2022)`` returns the validated ``TableSet``; ``list_rules`` flattens it for
review (``yjs spec``). Every set is validated when first built: unique rule ids, every row and
column a rule names exists, every footnote parses.
"""

from __future__ import annotations

from functools import cache

from yujuesuan.errors import SpecError, UnknownYear
from yujuesuan.spec import budget, final_accounts
from yujuesuan.spec.model import TableSet
from yujuesuan.spec.validate import validate

KINDS = ("决算", "预算")
_ALIASES = {"决算": "决算", "final_accounts": "决算", "fa": "决算", "预算": "预算", "budget": "预算", "bu": "预算"}
_PACKAGES = {"决算": final_accounts, "预算": budget}


def normalise_kind(kind: str) -> str:
    try:
        return _ALIASES[kind]
    except KeyError:
        raise UnknownYear(f"不支持的报表类型：{kind}（目前支持：决算、预算）") from None


@cache
def tables_for(kind: str, year: int) -> TableSet:
    kind = normalise_kind(kind)
    layouts = _PACKAGES[kind].LAYOUT_YEARS
    for layout, years in layouts.items():
        if year in years:
            return _built(layout, kind)
    known = "、".join(str(y.start) if len(y) == 1 else f"{y.start}–{y.stop - 1}" for y in layouts.values())
    raise UnknownYear(f"没有{year}年度{kind}报表的表式（已有：{known}）")


@cache
def _built(layout: str, kind: str) -> TableSet:
    table_set = _PACKAGES[kind].table_set(layout)
    problems = validate(table_set)
    if problems:
        raise SpecError("；".join(problems))
    return table_set


def all_sets(kind: str = "决算") -> tuple[TableSet, ...]:
    """Every layout of one kind (决算 by default; ``all_sets("预算")`` for the budget layouts)."""
    kind = normalise_kind(kind)
    return tuple(_built(layout, kind) for layout in _PACKAGES[kind].LAYOUT_YEARS)


__all__ = ["SpecError", "TableSet", "all_sets", "normalise_kind", "tables_for"]
