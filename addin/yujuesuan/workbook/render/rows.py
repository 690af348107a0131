"""The rows each table prints, with their names and the book's amounts: the book as it will be shown.

Fixed tables print their declared rows; code tables 合计 then every code row the book has, in
code order; 表6 the layout's three column groups (plus any other code the book has, under its
class) and the two footer lines; 三公 its one row. Names come from the book when the catalog
agrees or does not know the code, otherwise from the catalog (so "(室)" prints as "（室）").
"""

from __future__ import annotations

from yujuesuan import reference
from yujuesuan.errors import UnknownYear
from yujuesuan.spec.final_accounts import t06_basic_detail as t6
from yujuesuan.spec.model import TOTAL, InCatalog, RowsMode, TableSet, TableSpec
from yujuesuan.tables import Book, Table
from yujuesuan.workbook.render.placement import sheet_name


def prepare(table_set: TableSet, book: Book, year: int) -> Book:
    """A book holding every table of the set, with exactly the rows that will be printed."""
    shown = Book(source=book.source, kind=table_set.kind, year=year)
    for spec in table_set.tables:
        source = book.tables.get(spec.id) or Table(spec=spec)
        table = Table(spec=spec, sheet=sheet_name(spec))
        for row, name in _rows(spec, source, year, table_set.layout):
            table.add_row(row, name)
        for (row, col), value in source.values.items():
            if row in table.row_names and col in spec.row_columns(row):
                table.values[(row, col)] = value
        shown.tables[spec.id] = table
    return shown


def economic_groups(layout: str, table: Table) -> list[list[str]]:
    """表6's three column groups: the layout's codes, plus the book's other codes under their class."""
    groups = [list(g) for g in t6.groups(layout)]
    known = {c for g in groups for c in g}
    for code in table.code_rows():
        if code in known:
            continue
        home = next((g for g in groups if any(c[:3] == code[:3] for c in g)), groups[-1])
        home.append(code)
        home.sort(key=lambda c: (c[:3], c))
    return groups


def _rows(spec: TableSpec, source: Table, year: int, layout: str) -> list[tuple[str, str]]:
    if spec.rows_mode is RowsMode.FUNCTION:
        catalog = _catalog(_catalog_kind(spec), year)
        return [(TOTAL, "合计")] + [(c, _name(c, source, catalog)) for c in source.code_rows()]
    if spec.rows_mode is RowsMode.ECONOMIC:
        catalog = _catalog("economic", year)
        codes = [c for g in economic_groups(layout, source) for c in g]
        footers = [r.key for r in spec.rows if not r.key.isdigit()]
        return [(c, _name(c, source, catalog)) for c in codes] + [(f, f) for f in footers]
    return [(r.key, r.label) for r in spec.rows]


def _catalog_kind(spec: TableSpec) -> str:
    """The catalog the table's codes belong to (预算 表6 lists 经济分类 codes by code)."""
    return next((r.catalog for r in spec.rules if isinstance(r, InCatalog)), "function")


def _catalog(kind: str, year: int) -> reference.Catalog | None:
    try:
        return reference.load(kind, year)
    except UnknownYear:
        return None


def _name(code: str, source: Table, catalog: reference.Catalog | None) -> str:
    printed = source.row_names.get(code, "")
    if catalog is None or not catalog.is_valid(code):
        return printed
    if not printed or catalog.matches_name(code, printed):
        return catalog.name(code)
    return printed
