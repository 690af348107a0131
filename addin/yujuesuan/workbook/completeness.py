"""Completeness of a published set: a table whose title is there but whose body is empty.

Publishing an empty table is allowed only with the official 空表说明 sentence under it
("本单位 2024 年无政府性基金预算。"); without it the table is reported (``empty_table``), so a
clerk who forgot to paste a table hears about it. Tables with no title at all stay
``missing_table`` (read.py).
"""

from __future__ import annotations

from yujuesuan.findings import Finding, Location, Severity
from yujuesuan.reference.names import normalise_name
from yujuesuan.spec.model import TableSet, TableSpec
from yujuesuan.tables import Table
from yujuesuan.workbook.grid import address, text
from yujuesuan.workbook.locate import TitleHit, region_end
from yujuesuan.workbook.open import Grid


def empty_tables(
    grids: dict[str, Grid], hits: list[TitleHit], table_set: TableSet, tables: dict[str, Table]
) -> dict[str, Finding | None]:
    """table id -> finding (empty without explanation) or None (explained), for every table of
    the set whose title was found but which was not read."""
    out: dict[str, Finding | None] = {}
    for spec in table_set.tables:
        own = [h for h in hits if h.table_id == spec.id]
        if spec.id in tables or not own:
            continue
        ends = {h: region_end(h, hits, grids[h.sheet]) for h in own}
        if any(_explained(grids[h.sheet], h.row, ends[h], spec) for h in own):
            out[spec.id] = None
        else:
            out[spec.id] = _finding(spec, own[-1])
    return out


def explained_sheets(
    hits: list[TitleHit], empty: dict[str, Finding | None]
) -> list[tuple[str, str]]:
    """(table id, sheet) of each table whose empty body is explained by its 空表说明."""
    return [
        (tid, next(h.sheet for h in hits if h.table_id == tid))
        for tid, f in empty.items()
        if f is None
    ]


def _explained(grid: Grid, start: int, end: int, spec: TableSpec) -> bool:
    notes = [normalise_name(n) for n in spec.empty_notes]
    for r in range(start, min(end, len(grid))):
        for value in grid[r]:
            t = normalise_name(text(value)) if isinstance(value, str) else ""
            if t and any(n in t for n in notes):
                return True
    return False


def _finding(spec: TableSpec, hit: TitleHit) -> Finding:
    return Finding(
        rule_id=f"{spec.id}.present",
        kind="empty_table",
        severity=Severity.ERROR,
        table=spec.id,
        table_title=spec.title,
        location=Location(hit.sheet, address(hit.row, hit.col)),
        subject=spec.title,
        note="无数据的表应保留表样并注明原因（如“本单位2024年无政府性基金预算。”）。",
    )
