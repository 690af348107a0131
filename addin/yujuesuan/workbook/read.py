"""Read a workbook file into a ``Book`` of tables (headless, openpyxl, read-only).

Tables are found by title (see ``locate``), the year and kind are taken from the titles unless
given, and the layout of that year decides which 行次 and 栏次 to expect.
"""

from __future__ import annotations

from pathlib import Path

from yujuesuan.errors import UnknownYear, WorkbookFormatError
from yujuesuan.findings import Finding, Location, Severity
from yujuesuan.spec import KINDS, all_sets, normalise_kind, tables_for
from yujuesuan.spec.model import TableSet, TableSpec
from yujuesuan.tables import Book, Table
from yujuesuan.workbook.completeness import empty_tables, explained_sheets
from yujuesuan.workbook.forms import read_forms
from yujuesuan.workbook.locate import TitleHit, detect, find_titles, heading_year, region_end
from yujuesuan.workbook.open import Grid, read_grids, uncalculated_formulas
from yujuesuan.workbook.parse import Region, parse_region
from yujuesuan.workbook.recalc import recalc_with_formulas


def title_specs() -> tuple[TableSpec, ...]:
    """Every table of every layout and kind, for title matching (names are the same across layouts)."""
    return tuple(t for kind in KINDS for s in all_sets(kind) for t in s.tables)


def read_book(path: Path, *, year: int | None = None, kind: str | None = None) -> tuple[Book, TableSet]:
    grids = read_grids(path)
    missing = uncalculated_formulas(path)
    recalculated = _fill_formula_values(path, grids, missing) if missing else False
    book, table_set = book_from_grids(grids, source=str(path), year=year, kind=kind)
    sheets = {t.sheet for t in book.tables.values()}
    for sheet, cells in missing.items():
        if sheet in sheets:
            book.problems.append(_uncalculated(sheet, cells, recalculated))
    return book, table_set


def _fill_formula_values(path: Path, grids: dict[str, Grid], missing: dict[str, list[str]]) -> bool:
    """Formulas saved without values (files written by programs): compute them with `formulas`
    so the check sees the totals a spreadsheet would show. False if that engine fails."""
    try:
        values = recalc_with_formulas(path)
    except Exception:  # the engine's own errors are many and undocumented; fall back to blanks
        return False
    for sheet, cells in missing.items():
        for address in cells:
            value = values.get((sheet, address))
            if isinstance(value, (int, float, str)) and sheet in grids:
                _put(grids[sheet], address, value)
    return True


def _put(grid: Grid, address: str, value: object) -> None:
    letters = address.rstrip("0123456789")
    row = int(address[len(letters):]) - 1
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    while len(grid) <= row:
        grid.append([])
    while len(grid[row]) < col:
        grid[row].append(None)
    grid[row][col - 1] = value


def _uncalculated(sheet: str, cells: list[str], recalculated: bool) -> Finding:
    return Finding(
        rule_id="workbook.formulas",
        kind="recalculated_formula" if recalculated else "uncalculated_formula",
        severity=Severity.INFO if recalculated else Severity.WARNING,
        location=Location(sheet, cells[0]),
        subject=sheet,
        note=str(len(cells)),
    )


def book_from_grids(
    grids: dict[str, Grid], *, source: str, year: int | None = None, kind: str | None = None
) -> tuple[Book, TableSet]:
    """The tables in sheet grids (also used by tests that alter a workbook in memory)."""
    path = source
    hits = find_titles(grids, title_specs())
    found_year, found_kind = detect(hits)
    year = year or found_year or (heading_year(grids) if hits else None)
    kind = normalise_kind(kind) if kind else (found_kind or "决算")
    if year is None:
        if not hits:
            raise WorkbookFormatError(f"未在工作簿中找到任何部门决算或部门预算公开表（按表格标题查找）：{path}")
        raise WorkbookFormatError(f"无法从表格标题识别年度：{path}。请用 --year 指定年度。")
    try:
        table_set = tables_for(kind, year)
    except UnknownYear as exc:
        raise WorkbookFormatError(f"{exc}：{path}") from None
    book = Book(source=source, kind=kind, year=year)
    book.tables, book.problems = _read_tables(grids, hits, table_set)
    forms, form_problems = read_forms(grids, table_set, hits)  # 表12-n: one table per instance
    empty = empty_tables(grids, hits, table_set, book.tables)
    book.problems += [_missing(spec) for spec in table_set.tables if spec.id not in book.tables and spec.id not in empty]
    book.problems += [f for f in empty.values() if f is not None]
    # A table published empty with its 空表说明 takes part in cross-table rules as all zeros.
    for tid, sheet in explained_sheets(hits, empty):
        book.tables[tid] = Table(spec=table_set.table(tid), sheet=sheet)
    book.tables.update(forms)
    book.problems += form_problems
    return book, table_set


def _read_tables(grids: dict[str, Grid], hits: list[TitleHit], table_set: TableSet) -> tuple[dict[str, Table], list[Finding]]:
    best: dict[str, tuple[Table, list[Finding]]] = {}
    ids = {t.id for t in table_set.tables}
    for hit, end in _regions(hits, grids):
        if hit.table_id not in ids:
            continue
        region = Region(sheet=hit.sheet, grid=grids[hit.sheet], start=hit.row, end=end)
        table = parse_region(region, table_set.table(hit.table_id))
        if not table.rows_seen:
            continue
        current = best.get(hit.table_id)
        if current is None or len(table.values) > len(current[0].values):
            best[hit.table_id] = (table, region.problems)
    tables = {tid: t for tid, (t, _) in best.items()}
    problems = [p for _, found in best.values() for p in found]
    return tables, problems


def _regions(hits: list[TitleHit], grids: dict[str, Grid]) -> list[tuple[TitleHit, int]]:
    """Each title with the row where its region ends (the next title on the sheet, or the end)."""
    return [(hit, region_end(hit, hits, grids[hit.sheet])) for hit in hits]


def _missing(spec: TableSpec) -> Finding:
    return Finding(
        rule_id=f"{spec.id}.present",
        kind="missing_table",
        severity=Severity.ERROR,
        table=spec.id,
        table_title=spec.title,
        note="公开时九张表均须列示；无数据的表也应保留表样并注明。",
    )
