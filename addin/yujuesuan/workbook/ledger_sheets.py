"""Read the 底稿 sheets and the 封面 of a workbook as raw rows (the build validates them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from yujuesuan.build.ledger import NumberedRows
from yujuesuan.workbook.grid import text

COVER = "封面"
RawSheet = tuple[list[Any], list[tuple[int, list[Any]]]]


def ledger_sheets(workbook: Any, names: Iterable[str]) -> dict[str, RawSheet]:
    """Header row and non-blank data rows (with Excel row numbers) of each 底稿 sheet present."""
    out: dict[str, RawSheet] = {}
    for name in names:
        if name not in workbook.sheetnames:
            continue
        rows = workbook[name].iter_rows(values_only=True)
        header = list(next(rows, ()))
        data = [(number, list(row)) for number, row in enumerate(rows, start=2) if any(text(v) for v in row)]
        out[name] = (header, data)
    return out


def ledger_sheets_from_file(path: Path, names: Iterable[str]) -> dict[str, RawSheet]:
    """The same, read with python-calamine (cached values only, which is all a 底稿 holds; ~25×
    faster than openpyxl on a large ledger). Falls back to openpyxl when calamine is missing."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover - calamine is a declared dependency
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return ledger_sheets(book, names)
        finally:
            book.close()
    book = CalamineWorkbook.from_path(str(path))
    out: dict[str, RawSheet] = {}
    for name in names:
        if name not in book.sheet_names:
            continue
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        header = list(rows[0]) if rows else []
        # blank rows are passed on: the ledger reader skips them column-wise, faster than here
        out[name] = (header, NumberedRows(rows[1:], first=2))
    return out


def cover(workbook: Any) -> dict[str, Any]:
    """单位名称 / 年度 / 单位编码 from the 封面 sheet of an openpyxl-like workbook."""
    if COVER not in workbook.sheetnames:
        return {}
    return cover_fields(workbook[COVER].iter_rows(values_only=True))


def cover_of(sheets: Mapping[str, RawSheet]) -> dict[str, Any]:
    """The same from sheets already read by ``ledger_sheets`` / ``ledger_sheets_from_file`` with
    the 封面 among them, so a build opens its file once."""
    if COVER not in sheets:
        return {}
    header, rows = sheets[COVER]
    return cover_fields([header, *(values for _, values in rows)])


def cover_fields(rows: Iterable[Sequence[Any]]) -> dict[str, Any]:
    """Label in one cell, value in the next."""
    found: dict[str, Any] = {}
    for row in rows:
        cells = list(row)
        for i, value in enumerate(cells[:-1]):
            label = text(value).rstrip("：:")
            if label in ("单位名称", "年度", "单位编码") and cells[i + 1] not in (None, ""):
                found[label] = cells[i + 1]
    return found
