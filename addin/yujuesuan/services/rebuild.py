"""重算九张表 over sheet grids: 底稿 → the tables of the workbook's kind and 校验, as sheet images.

The same steps as ``services.build.build_workbook`` (read 封面 and 底稿, detect 决算/预算, validate,
build with controlled rounding, render with ``workbook.render``), but from grids a ``Book`` port
read and into images any adapter can write, so the ribbon's 重算 equals ``yjs build`` cell for cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yujuesuan.build import BuildResult, build_tables
from yujuesuan.services.build import needed_sheets, read_working_papers
from yujuesuan.services.grids import Grid, GridBook, year_from_cover
from yujuesuan.services.sheet_image import SheetImage, image_of
from yujuesuan.spec import tables_for


@dataclass(frozen=True)
class Rebuilt:
    images: tuple[SheetImage, ...]  # the tables and 校验, in workbook order
    names: Mapping[str, tuple[str, str]]  # defined name → (sheet, address)
    year: int
    unit: str
    rows: int
    result: BuildResult
    kind: str = "决算"


def rebuild_tables(grids: Mapping[str, Grid], *, source: str, year: int | None = None) -> Rebuilt:
    """Raises ``LedgerInvalid`` (every 底稿 error) when the 底稿 cannot be built."""
    import openpyxl

    from yujuesuan.workbook.ledger_sheets import cover_of, ledger_sheets
    from yujuesuan.workbook.render import render_tables

    found = ledger_sheets(GridBook(grids), needed_sheets())
    info = cover_of(found)
    year = year or year_from_cover(info, source)
    kind, ledger, sheets = read_working_papers(found, year=year, source=Path(source))
    result = build_tables(ledger, year)
    unit = str(info.get("单位名称") or "")
    scratch = openpyxl.Workbook()
    scratch.remove(scratch.active)
    given_up = result.rounding_report.given_up()
    rendered = render_tables(scratch, tables_for(kind, year), result.book, unit=unit, year=year, given_up=given_up)
    images = tuple(image_of(ws, _calculated(rendered.expected, ws.title)) for ws in scratch.worksheets)
    rows = sum(len(data) for _, data in sheets.values())
    return Rebuilt(images, dict(rendered.names), year, unit, rows, result, kind)


def _calculated(expected: Mapping[tuple[str, str], Any], sheet: str) -> dict[str, Any]:
    return {address: value for (name, address), value in expected.items() if name == sheet}
