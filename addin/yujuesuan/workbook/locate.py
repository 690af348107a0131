"""Find the published tables in a workbook by their titles, not by sheet names or addresses.

Titles vary: "2021年度收入支出决算总表（表1）", "收入支出决算总表" with "公开 01 表" below it,
"2023年度财政拨款"三公"经费支出决算表(表9)". We strip the year, the table number and quotes
and compare with each spec's name and aliases; the longest match wins, because
"财政拨款收入支出决算总表" also ends with "收入支出决算总表".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from yujuesuan.spec.model import TableSpec
from yujuesuan.workbook.grid import text
from yujuesuan.workbook.open import Grid

_QUOTES = re.compile(r"[“”\"'‘’「」]")
_NUMBER_SUFFIX = re.compile(r"[(（]?(表\d+(-\d+)?|公开\d+表)[)）]?$")
_YEAR_PREFIX = re.compile(r"^.*?(20\d{2})年度?")
_YEAR = re.compile(r"(20\d{2})年")
_HEADING_YEAR = re.compile(r"(20\d{2})\s*年度?部门(预算|决算)")
_SET_KINDS = {"fa": "决算", "bu": "预算"}  # table-id prefix -> kind, for titles that name neither
MAX_TITLE_PREFIX = 24  # characters allowed before the name (a unit name, say)


@dataclass(frozen=True)
class TitleHit:
    sheet: str
    row: int
    col: int
    table_id: str
    year: int | None
    kind: str | None


def normalise_title(value: object) -> str:
    t = _QUOTES.sub("", text(value))
    t = _NUMBER_SUFFIX.sub("", t)
    return t


TitleNames = list[tuple[str, str]]  # (printed name without quotes, table id)


def title_names(specs: tuple[TableSpec, ...]) -> TitleNames:
    """Every name and alias of ``specs`` as a title ends with it, computed once per search."""
    return [(_QUOTES.sub("", name), spec.id) for spec in specs for name in (spec.name, *spec.aliases)]


def match_title(value: object, names: TitleNames) -> str | None:
    """The id of the table this cell is the title of, or None."""
    t = normalise_title(value)
    if not t or len(t) > 60 or "。" in t or t.startswith(("注", "说明")):
        return None
    best: tuple[int, str] | None = None
    for n, table_id in names:
        if t.endswith(n) and len(t) - len(n) <= MAX_TITLE_PREFIX and not _is_listing(t[: len(t) - len(n)]):
            if best is None or len(n) > best[0]:
                best = (len(n), table_id)
    return best[1] if best else None


def _is_listing(prefix: str) -> bool:
    """A contents-list entry ("一、…") or a sentence, not a title."""
    return bool(re.match(r"^[一二三四五六七八九十]+、", prefix)) or "，" in prefix


def find_titles(grids: dict[str, Grid], specs: tuple[TableSpec, ...]) -> list[TitleHit]:
    hits = []
    names = title_names(specs)
    for sheet, grid in grids.items():
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if not isinstance(value, str):
                    continue
                table_id = match_title(value, names)
                if table_id:
                    kind = _kind(value) or _SET_KINDS.get(table_id.split(".")[0])
                    hits.append(TitleHit(sheet, r, c, table_id, _year_near(grid, r, value), kind))
    return hits


def region_end(hit: TitleHit, titles: Iterable[TitleHit], grid: Grid) -> int:
    """The row where ``hit``'s region ends: a title's region runs to the next title on its sheet
    (among ``titles``), or to the end of its sheet's ``grid``."""
    following = (t.row for t in titles if t.sheet == hit.sheet and t.row > hit.row)
    return min(following, default=len(grid))


def _year_near(grid: Grid, row: int, title: object) -> int | None:
    """The year in the title, or on the 部门/单位 lines just below it ("2022 年度")."""
    found = _YEAR.search(text(title))
    if found:
        return int(found.group(1))
    for r in range(row + 1, min(row + 4, len(grid))):
        for value in grid[r]:
            found = _YEAR.search(text(value))
            if found and len(text(value)) <= 12:
                return int(found.group(1))
    return None


def _kind(title: object) -> str | None:
    t = text(title)
    if "决算" in t:
        return "决算"
    if "预算" in t:
        return "预算"
    return None


def heading_year(grids: dict[str, Grid]) -> int | None:
    """The year of a heading line such as "第二部分 硚口区大数据中心 2024 年部门预算表" (budget
    titles carry no year; the cover or section heading does)."""
    for grid in grids.values():
        for row in grid:
            for value in row:
                found = _HEADING_YEAR.search(text(value)) if isinstance(value, str) else None
                if found:
                    return int(found.group(1))
    return None


def detect(hits: list[TitleHit]) -> tuple[int | None, str | None]:
    """The year and kind most titles agree on."""
    years = Counter(h.year for h in hits if h.year)
    kinds = Counter(h.kind for h in hits if h.kind)
    year = years.most_common(1)[0][0] if years else None
    kind = kinds.most_common(1)[0][0] if kinds else None
    return year, kind
