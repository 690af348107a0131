"""重算九张表: read the 底稿 of a workbook, build the nine tables, write them into the workbook.

The input is never written unless ``in_place`` (then after a timestamped backup); the output is
written atomically; sheets other than 表1–表9 and 校验 are kept as they were loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yujuesuan.build import BuildResult, LedgerError, build_tables, read_ledger
from yujuesuan.build.vocabulary import SHEETS
from yujuesuan.errors import AddinError, WorkbookFormatError
from yujuesuan.services.files import backup, output_path, write_atomically
from yujuesuan.services.template import save_with_values
from yujuesuan.spec import tables_for

TABLE_SHEET = re.compile(r"^表[1-9]$")
CHECK_SHEET = "校验"


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
    from yujuesuan.workbook.ledger_sheets import cover, ledger_sheets_from_file
    from yujuesuan.workbook.open import check_file
    from yujuesuan.workbook.render import render_tables

    source = Path(source)
    target = output_path(source, output, in_place=in_place)
    check_file(source)
    workbook = _load(source)
    info = cover(workbook)
    year = year or _year(info, source)
    sheets = ledger_sheets_from_file(source, [s.name for s in SHEETS])
    ledger, errors = read_ledger(sheets, year=year)
    if errors or ledger is None:
        raise LedgerInvalid(source, errors)
    result = build_tables(ledger, year)
    for name in [n for n in workbook.sheetnames if TABLE_SHEET.match(n) or n == CHECK_SHEET]:
        del workbook[name]
    unit = str(info.get("单位名称") or "")
    rendered = render_tables(workbook, tables_for("决算", year), result.book, unit=unit, year=year)
    saved_backup = backup(source) if in_place else None
    write_atomically(target, lambda tmp: save_with_values(workbook, tmp, rendered.expected))
    rows = sum(len(data) for _, data in sheets.values())
    return BuildOutcome(target, saved_backup, year, unit, rows, result, dict(rendered.expected))


def _load(path: Path) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(path, keep_vba=path.suffix.lower() in (".xlsm", ".xltm"), keep_links=False)
    except Exception as exc:  # openpyxl raises many types for a damaged package
        raise WorkbookFormatError(f"工作簿已损坏，无法打开：{path}（{type(exc).__name__}）") from None


def _year(info: dict[str, Any], path: Path) -> int:
    raw = str(info.get("年度") or "").strip()
    match = re.search(r"(20\d{2})", raw)
    if not match:
        raise AddinError(f"封面未填写年度（或格式不对）：{path}。请在“封面”的“年度”后填写如 2021，或用 --year 指定。")
    return int(match.group(1))
