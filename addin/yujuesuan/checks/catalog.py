"""Codes in a table exist in the year's catalog and carry the catalog's name (or a known variant)."""

from __future__ import annotations

from yujuesuan import reference
from yujuesuan.errors import UnknownYear
from yujuesuan.findings import Finding, Severity
from yujuesuan.spec.model import InCatalog
from yujuesuan.tables import Book

_LENGTHS = {"function": (3, 5, 7), "economic": (3, 5)}
_CATALOG_TITLE = {"function": "{year}年支出功能分类科目", "economic": "{year}年部门预算支出经济分类科目"}


def check_catalog(rule: InCatalog, book: Book) -> list[Finding]:
    table = book.tables[rule.table]
    if book.year is None:
        return []
    try:
        catalog = reference.load(rule.catalog, book.year)
    except UnknownYear:
        return []
    out = []
    for code in table.code_rows():
        problem = _problem(rule, code, table.row_names.get(code, ""), catalog, book.year)
        if problem is None:
            continue
        kind, severity, note = problem
        out.append(
            Finding(
                rule_id=rule.id,
                kind=kind,
                severity=severity,
                table=rule.table,
                table_title=table.spec.title,
                row_key=code,
                location=table.location(code, ""),
                subject=f"科目{code}{(' ' + table.row_names[code]) if table.row_names.get(code) else ''}",
                basis=rule.basis,
                note=note,
            )
        )
    return out


def _problem(rule: InCatalog, code: str, printed: str, catalog: reference.Catalog, year: int) -> tuple[str, Severity, str] | None:
    if len(code) not in _LENGTHS[rule.catalog]:
        return "malformed_code", Severity.ERROR, code
    if not catalog.is_valid(code):
        return "unknown_code", Severity.ERROR, _CATALOG_TITLE[rule.catalog].format(year=year)
    if printed and not catalog.matches_name(code, printed):
        return "name_mismatch", Severity.WARNING, catalog.name(code)
    return None
