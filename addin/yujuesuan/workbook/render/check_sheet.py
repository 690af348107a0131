"""The 校验 sheet: one row per printed identity and per hard cross-table identity, as formulas.

A reviewer in WPS sees ✔/✘ and the difference without the add-in: 规则编号 | 依据 | 位置 |
左边 | 右边 | 差额 (= 左边 − 右边) | 结果 | 未通过 (0/1). ``|差额| < 0.005`` passes an equality;
a bound (≤ / ≥) passes when the difference lies on its side. B2 counts the rows that fail.
Rows: every equation of every RowSum and ColumnSum rule, and of every hard (H) CellIdentity and
RowsMatch rule. Tree sums are left to the table formulas; the Python checks remain the full set.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment

from yujuesuan.checks.equations import Equation, expand
from yujuesuan.findings import Location
from yujuesuan.spec.model import Cell, CellIdentity, ColumnSum, Rule, RowsMatch, RowSum, Strength, TableSet
from yujuesuan.tables import Book
from yujuesuan.workbook.render import style
from yujuesuan.workbook.render.formula import side
from yujuesuan.workbook.render.placement import CellKey

SHEET = "校验"
HEADERS = ("规则编号", "依据", "位置", "左边", "右边", "差额", "结果", "未通过")
WIDTHS = (22.0, 60.0, 12.0, 14.0, 14.0, 12.0, 8.0, 8.0)
FIRST = 5
SUMMARY = "B2"
TOLERANCE = "0.005"
_PASS = {"=": f"ABS({{d}})<{TOLERANCE}", ">=": f"{{d}}>-{TOLERANCE}", "<=": f"{{d}}<{TOLERANCE}"}

Expected = dict[tuple[str, str], Decimal | str]


def equations(table_set: TableSet, book: Book) -> list[Equation]:
    return [eq for rule in table_set.all_rules() if _listed(rule) for eq in expand(rule, book)]


def write(
    workbook: Workbook,
    table_set: TableSet,
    book: Book,
    placed: dict[CellKey, tuple[str, str]],
    value: Callable[[CellKey], Decimal],
) -> Expected:
    """Add the sheet; return the value every formula on it calculates to."""
    ws = workbook.create_sheet(SHEET)
    ws.cell(1, 1, "校验：表下注与表间勾稽关系").font = style.TITLE_FONT
    ws.cell(2, 1, "未通过项数").font = style.HEADER_FONT
    ws.cell(3, 1, f"差额 = 左边 − 右边；|差额| < {TOLERANCE} 为 ✔，否则为 ✘（≤、≥ 关系按方向判断）。")
    for c, text in enumerate(HEADERS, start=1):
        style.header(ws, FIRST - 1, c, text)
    expected: Expected = {}
    rows = equations(table_set, book)
    failed = 0
    for i, eq in enumerate(rows):
        r = FIRST + i
        left = _total(eq.left, value)
        right = _total(eq.right, value)
        diff = left - right
        ok = _passes(eq.relation, diff)
        failed += 0 if ok else 1
        ws.cell(r, 1, eq.rule.id)
        ws.cell(r, 2, eq.rule.basis).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(r, 3, _where(eq.left[0], book, placed))
        ws.cell(r, 4, "=" + side(_terms(eq.left, placed), SHEET))
        ws.cell(r, 5, "=" + side(_terms(eq.right, placed), SHEET))
        ws.cell(r, 6, f"=D{r}-E{r}")
        test = _PASS[eq.relation].format(d=f"F{r}")
        ws.cell(r, 7, f'=IF({test},"✔","✘")').alignment = style.CENTER
        ws.cell(r, 8, f"=IF({test},0,1)").alignment = style.CENTER
        for c in (4, 5, 6):
            ws.cell(r, c).number_format = style.AMOUNT_FORMAT
        expected |= {
            (SHEET, f"D{r}"): left,
            (SHEET, f"E{r}"): right,
            (SHEET, f"F{r}"): diff,
            (SHEET, f"G{r}"): "✔" if ok else "✘",
            (SHEET, f"H{r}"): Decimal(0 if ok else 1),
        }
    last = FIRST + len(rows) - 1
    ws[SUMMARY] = f"=SUM(H{FIRST}:H{last})" if rows else "=0"
    expected[(SHEET, SUMMARY)] = Decimal(failed)
    style.boxed(ws, FIRST - 1, max(last, FIRST - 1), len(HEADERS))
    style.page(ws, widths=WIDTHS, header_rows=(FIRST - 1, FIRST - 1), first_data_row=FIRST)
    return expected


def _listed(rule: Rule) -> bool:
    if isinstance(rule, (RowSum, ColumnSum)):
        return True
    return isinstance(rule, (CellIdentity, RowsMatch)) and rule.strength is Strength.HARD and rule.condition is None


def _terms(cells: tuple[Cell, ...], placed: dict[CellKey, tuple[str, str]]) -> list[tuple[int, str, str]]:
    out = []
    for c in cells:
        at = placed.get((c.table, c.row, c.col))
        if at is not None:
            out.append((c.sign, *at))
    return out


def _total(cells: tuple[Cell, ...], value: Callable[[CellKey], Decimal]) -> Decimal:
    return sum((c.sign * value((c.table, c.row, c.col)) for c in cells), Decimal(0))


def _passes(relation: str, diff: Decimal) -> bool:
    limit = Decimal(TOLERANCE)
    return {"=": abs(diff) < limit, ">=": diff > -limit, "<=": diff < limit}[relation]


def _where(cell: Cell, book: Book, placed: dict[CellKey, tuple[str, str]]) -> str:
    at = placed.get((cell.table, cell.row, cell.col))
    if at is not None:
        return str(Location(*at))
    return f"{book.tables[cell.table].sheet}（{cell.row}行未列示）"
