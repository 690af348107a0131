"""重算: read the 底稿 of a workbook, build its tables, write them into the workbook.

The kind comes from the workbook: a 底稿-预算 sheet (or, without any 底稿, a 封面 heading
"…部门预算") makes it a 部门预算 workbook, built from that sheet into the 预算 tables (表1–表11);
otherwise it is a 决算 workbook, its four 底稿 sheets built into the nine 决算 tables.

The input is never written unless ``in_place`` (then after a timestamped backup); the output is
written atomically, and only the sheets 表1–表9 and 校验 change: the rest of the user's package
(other sheets, charts, images, VBA) is copied part by part (``workbook.write_tables``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yujuesuan.build import CONTRACTS, BuildResult, LedgerError, build_tables, read_ledger
from yujuesuan.errors import AddinError
from yujuesuan.services.files import backup, output_path, write_atomically
from yujuesuan.services.grids import year_from_cover
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
    kind: str = "决算"


def build_workbook(source: Path, output: Path | None = None, *, in_place: bool = False, year: int | None = None) -> BuildOutcome:
    from yujuesuan.workbook.ledger_sheets import cover_of, ledger_sheets_from_file
    from yujuesuan.workbook.open import check_file
    from yujuesuan.workbook.render import render_tables
    from yujuesuan.workbook.write_tables import write_tables

    source = Path(source)
    target = output_path(source, output, in_place=in_place)
    check_file(source)
    found = ledger_sheets_from_file(source, needed_sheets())
    info = cover_of(found)
    year = year or year_from_cover(info, source, hint="，或用 --year 指定")
    kind, ledger, sheets = read_working_papers(found, year=year, source=source)
    result = build_tables(ledger, year)
    unit = str(info.get("单位名称") or "")
    table_set = tables_for(kind, year)
    saved_backup = backup(source) if in_place else None
    rendered: list[Any] = []

    def write(tmp: Path) -> None:
        given_up = result.rounding_report.given_up()
        render = lambda wb: render_tables(wb, table_set, result.book, unit=unit, year=year, given_up=given_up)  # noqa: E731
        rendered.append(write_tables(source, tmp, render))

    write_atomically(target, write)
    rows = sum(len(data) for _, data in sheets.values())
    expected = dict(rendered[-1].expected)
    return BuildOutcome(target, saved_backup, year, unit, rows, result, expected, kind)


# Every kind's 底稿 sheets: the workbook's own tell which kind it is.
LEDGER_SHEETS = tuple(s.name for c in CONTRACTS.values() for s in c.sheets)


def needed_sheets() -> tuple[str, ...]:
    """The sheets a build reads: the 封面 and every kind's 底稿 (the rest is never read)."""
    from yujuesuan.workbook.ledger_sheets import COVER

    return (COVER, *LEDGER_SHEETS)


def read_working_papers(found: Mapping[str, Any], *, year: int, source: Path) -> tuple[str, Any, dict[str, Any]]:
    """(kind, valid ledger, its 底稿 sheets) from the sheets read off a workbook (``found``: name →
    (header, rows), the 封面 among them); raises ``LedgerInvalid`` listing every 底稿 error.
    Shared by ``yjs build`` and the ribbon's 重算 so both build the same kind from the same rows."""
    from yujuesuan.workbook.ledger_sheets import COVER

    kind = detect_kind(found, found.get(COVER, ((), ()))[0])
    contract = CONTRACTS[kind]
    sheets = {s.name: found[s.name] for s in contract.sheets if s.name in found}
    ledger, errors = read_ledger(sheets, year=year, contract=contract)
    if errors or ledger is None:
        raise LedgerInvalid(source, errors)
    return kind, ledger, sheets


# Words of a 封面 heading that name the kind when the workbook has no 底稿 sheet to tell.
_HEADING_KINDS = (("部门预算", "预算"), ("部门决算", "决算"))


def detect_kind(sheets: Mapping[str, Any], heading: Iterable[object] = ()) -> str:
    """预算 or 决算: the kind whose 底稿 sheets the workbook has, else the one its 封面 heading
    names (``heading``: the cells of the cover's first row), else 决算."""
    present = [k for k, c in CONTRACTS.items() if any(s.name in sheets for s in c.sheets)]
    if len(present) == 1:
        return present[0]
    title = "".join(str(v) for v in heading if v is not None)
    return next((kind for word, kind in _HEADING_KINDS if word in title), "决算")


