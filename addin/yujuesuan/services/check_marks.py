"""校验勾稽关系 over sheet grids: the findings, the 校验结果 rows, and which cells to colour.

The check is the one ``yjs check`` runs (``workbook.read.book_from_grids`` + ``checks.engine.run``,
plus the 情况说明 sheet when there is one), on the grids a ``Book`` port read (live values in Excel,
cached values in a file). Only the
cell a finding is about is coloured: one fill for 错误, one for 尾数差异. The original fill of
every coloured cell is recorded on the 校验结果 sheet (hidden columns) so that 清除标记 can put it
back, and only where the cell still carries our colour.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from yujuesuan.checks.engine import Policy, run
from yujuesuan.findings import Finding, Report
from yujuesuan.services.grids import Grid
from yujuesuan.services.sheet_image import CellStyle, SheetImage

RESULT_SHEET = "校验结果"
FILLS = {"错误": "FFC7CE", "尾数差异": "FFEB9C"}  # classification → RRGGBB (light red, light yellow)
HEADERS = ("严重程度", "规则编号", "表", "单元格", "应为", "实为", "差额", "说明")
LINK_COLUMN = "D"
RECORD_COLUMNS = "K:M"  # hidden: sheet, cell, original fill token
RECORD_HEADERS = ("标记工作表", "标记单元格", "原底色（清除标记用）")
WIDTHS = {"A": 10.0, "B": 22.0, "C": 36.0, "D": 14.0, "E": 12.0, "F": 12.0, "G": 10.0, "H": 90.0}


@dataclass(frozen=True)
class Mark:
    sheet: str
    address: str
    classification: str  # a key of FILLS

    @property
    def rgb(self) -> str:
        return FILLS[self.classification]


def check_grids(grids: Mapping[str, Grid], *, source: str) -> Report:
    from yujuesuan.services.narrate import grid_findings
    from yujuesuan.workbook.read import book_from_grids

    book, table_set = book_from_grids(dict(grids), source=source)
    report = run(book, table_set, Policy())
    return report.with_findings(grid_findings(grids, book)).with_file(source)


def marks(report: Report, sheets: Collection[str]) -> list[Mark]:
    """One mark per failing cell of ``sheets`` (错误 over 尾数差异 when both), in finding order."""
    found: dict[tuple[str, str], Mark] = {}
    for f in report.findings:
        if f.classification not in FILLS or f.location is None or not f.location.cell:
            continue
        if f.location.sheet not in sheets:
            continue
        key = (f.location.sheet, f.location.cell)
        if key not in found or f.classification == "错误":
            found[key] = Mark(*key, f.classification)
    return list(found.values())


def by_fill(found: list[Mark]) -> dict[tuple[str, str], list[str]]:
    """(sheet, RRGGBB) → addresses, so each colour is one call per sheet."""
    groups: dict[tuple[str, str], list[str]] = {}
    for mark in found:
        groups.setdefault((mark.sheet, mark.rgb), []).append(mark.address)
    return groups


def result_rows(report: Report) -> list[list[object]]:
    """The 校验结果 sheet: a header, then one row per finding."""
    return [list(HEADERS)] + [_row(f) for f in report.findings]


def result_image(report: Report) -> SheetImage:
    """The 校验结果 sheet as an image: bold header, amounts as #,##0.00, widths, header frozen."""
    rows = result_rows(report)
    last = len(rows)
    amounts = [f"{c}{r}" for r in range(2, last + 1) for c in "EFG"]
    styles = {CellStyle(bold=True, fill="D9D9D9"): [f"{c}1" for c in "ABCDEFGH"]}
    if amounts:
        styles[CellStyle(number_format="#,##0.00")] = amounts
    return SheetImage(RESULT_SHEET, rows=rows, styles=styles, widths=dict(WIDTHS), freeze="A2")


def _row(f: Finding) -> list[object]:
    where = str(f.location) if f.location and f.location.cell else ""
    return [
        f.classification,
        f.rule_id,
        f.table_title or f.table,
        where,
        _number(f.expected),
        _number(f.actual),
        _number(f.difference),
        f.message,
    ]


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # the sheet is the boundary


def links(report: Report) -> list[tuple[str, str, str]]:
    """(address on 校验结果, target "'表3'!D27", text) for every finding with a cell."""
    out = []
    for i, f in enumerate(report.findings, start=2):
        if f.location and f.location.cell:
            target = "'" + f.location.sheet.replace("'", "''") + "'!" + f.location.cell
            out.append((f"{LINK_COLUMN}{i}", target, str(f.location)))
    return out


def first_error(report: Report) -> tuple[str, str] | None:
    for f in report.findings:
        if f.classification == "错误" and f.location and f.location.cell:
            return f.location.sheet, f.location.cell
    return None


def summary(report: Report) -> str:
    counts = report.by_classification()
    parts = "，".join(f"{label} {counts.get(label, 0)}" for label in ("错误", "尾数差异", "警告", "提示"))
    return f"校验完成：{parts}。详见“{RESULT_SHEET}”工作表（点击单元格可跳转）。"


def recorded(grid: Grid) -> list[tuple[str, str, str | None]]:
    """The (sheet, cell, original fill) records of a 校验结果 sheet ("" means no fill)."""
    from yujuesuan.services.grids import split_address, value_at

    _, first = split_address(RECORD_COLUMNS.split(":")[0] + "1")
    out = []
    for r in range(1, len(grid)):
        sheet, address, token = (value_at(grid, r, first + i) for i in range(3))
        if sheet and address:
            out.append((str(sheet), str(address), str(token) if token else None))
    return out
