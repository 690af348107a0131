"""填充科目名称: the catalog name beside every 科目编码, in the tables and in the 底稿.

In a table (表2/3/5/6, 政府性基金, 国有资本经营) the name goes into the blank cell right of a code
cell (a name already printed is left alone: the check reports one that differs). In a 底稿 sheet
each code column gets a name column at the right end (``功能科目名称`` / ``经济科目名称``), rewritten
in full on every run. Unknown codes get ``#未知科目``. The year is the tables' or the 封面's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from yujuesuan import reference
from yujuesuan.build import budget_vocabulary, vocabulary
from yujuesuan.build.cells import fold
from yujuesuan.errors import AddinError
from yujuesuan.services.grids import Grid, GridBook, split_address, value_at, year_from_cover
from yujuesuan.workbook.grid import address, column_letter, text

UNKNOWN = "#未知科目"
CODE_KINDS = {"function": "function", "economic": "economic"}  # 底稿 column kind → catalog kind


@dataclass(frozen=True)
class Write:
    sheet: str
    top_left: str
    rows: list[list[object]]


@dataclass
class NamePlan:
    writes: list[Write] = field(default_factory=list)
    filled: int = 0  # names written
    codes: int = 0  # codes seen

    def summary(self) -> str:
        return f"已填充科目名称 {self.filled} 个（共识别科目编码 {self.codes} 个）。"


def plan_names(grids: Mapping[str, Grid], *, source: str) -> NamePlan:
    plan = NamePlan()
    year = _year(grids, source)
    _tables(grids, source, year, plan)
    for sheet in vocabulary.SHEETS + budget_vocabulary.SHEETS:
        if sheet.name in grids:
            _ledger(sheet, grids[sheet.name], year, plan)
    return plan


def name_of(code: str, kind: str, year: int) -> str:
    catalog = reference.load(kind, year)
    return catalog.name(code) if code in catalog else UNKNOWN


def _year(grids: Mapping[str, Grid], source: str) -> int:
    from yujuesuan.workbook.ledger_sheets import cover

    info = cover(GridBook(grids))
    if info.get("年度"):
        return year_from_cover(info, source)
    return reference.newest_year()


def _code(value: object) -> str:
    try:
        return reference.compact(value) if value not in (None, "") else ""  # type: ignore[arg-type]
    except TypeError:
        return ""


def _tables(grids: Mapping[str, Grid], source: str, year: int, plan: NamePlan) -> None:
    from yujuesuan.workbook.read import book_from_grids

    try:
        book, _ = book_from_grids(dict(grids), source=source, year=year)
    except AddinError:  # no table in the workbook: only the 底稿 get names
        return
    for table in book.tables.values():
        kind = table.spec.code_catalog
        if kind is None:
            continue  # rows by 行次 or label, no codes
        amounts = set(table.cells.values())
        grid = grids[table.sheet]
        for code, at in table.row_cells.items():
            if not code.isdigit():
                continue
            row, col = split_address(at)
            beside = address(row, col + 1)
            if _code(value_at(grid, row, col)) != code or beside in amounts:
                continue  # code and name in one cell, or no name column
            plan.codes += 1
            if not text(value_at(grid, row, col + 1)):
                plan.writes.append(Write(table.sheet, beside, [[name_of(code, kind, year)]]))
                plan.filled += 1


def _ledger(sheet, grid: Grid, year: int, plan: NamePlan) -> None:  # type: ignore[no-untyped-def]
    if not grid:
        return
    header = [fold(str(h)) if h is not None else "" for h in grid[0]]
    free = len(header)
    for column in sheet.columns:
        if column.kind not in CODE_KINDS or fold(column.name) not in header:
            continue
        source = header.index(fold(column.name))
        title = column.name.replace("编码", "名称")
        target = header.index(fold(title)) if fold(title) in header else free
        free += target == free
        names: list[list[object]] = [[title]]
        for row in grid[1:]:
            code = _code(value_at([row], 0, source))
            if code:
                plan.codes += 1
                plan.filled += 1
            names.append([name_of(code, CODE_KINDS[column.kind], year) if code else None])
        plan.writes.append(Write(sheet.name, f"{column_letter(target)}1", names))
