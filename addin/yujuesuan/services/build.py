"""重算九张表: read the 底稿 of a workbook, build the nine tables, write them into the workbook.

The input is never written unless ``in_place`` (then after a timestamped backup); the output is
written atomically, and only the sheets 表1–表9 and 校验 change: the rest of the user's package
(other sheets, charts, images, VBA) is copied part by part (``workbook.write_tables``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yujuesuan.build import BuildResult, LedgerError, build_tables, read_ledger
from yujuesuan.build.vocabulary import SHEETS
from yujuesuan.errors import AddinError
from yujuesuan.services.files import backup, output_path, write_atomically
from yujuesuan.spec import tables_for

class LedgerInvalid(AddinError):
    """The 底稿 has errors; nothing was built. ``errors`` lists every one."""

    def __init__(self, path: Path, errors: tuple[LedgerError, ...]) -> None:
        super().__init__(f"底稿有{len(errors)}处错误，未生成报表：{path}")
        self.errors = errors


@dataclass(frozen=True)
class BuildOutcome:
    output: Path
    backup: Path | None
    year: int
    unit: str
    rows: int
    result: BuildResult
    formula_values: dict[tuple[str, str], Any]  # what each formula cell must compute to


def build_workbook(source: Path, output: Path | None = None, *, in_place: bool = False, year: int | None = None) -> BuildOutcome:
    from yujuesuan.workbook.ledger_sheets import ledger_sheets_from_file
    from yujuesuan.workbook.open import check_file
    from yujuesuan.workbook.render import render_tables
    from yujuesuan.workbook.write_tables import read_cover, write_tables

    source = Path(source)
    target = output_path(source, output, in_place=in_place)
    check_file(source)
    info = read_cover(source)
    year = year or _year(info, source)
    sheets = ledger_sheets_from_file(source, [s.name for s in SHEETS])
    ledger, errors = read_ledger(sheets, year=year)
    if errors or ledger is None:
        raise LedgerInvalid(source, errors)
    result = build_tables(ledger, year)
    unit = str(info.get("单位名称") or "")
    table_set = tables_for("决算", year)
    saved_backup = backup(source) if in_place else None
    rendered: list[Any] = []

    def write(tmp: Path) -> None:
        render = lambda wb: render_tables(wb, table_set, result.book, unit=unit, year=year)  # noqa: E731
        rendered.append(write_tables(source, tmp, render))

    write_atomically(target, write)
    rows = sum(len(data) for _, data in sheets.values())
    return BuildOutcome(target, saved_backup, year, unit, rows, result, dict(rendered[-1].expected))


def _year(info: dict[str, Any], path: Path) -> int:
    raw = str(info.get("年度") or "").strip()
    match = re.search(r"(20\d{2})", raw)
    if not match:
        raise AddinError(f"封面未填写年度（或格式不对）：{path}。请在“封面”的“年度”后填写如 2021，或用 --year 指定。")
    return int(match.group(1))
