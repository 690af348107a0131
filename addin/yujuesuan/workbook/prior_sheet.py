"""The 上年数 (prior-year figures) sheet: its format, and writing last year's figures into it.

Format (row 1 is the header; amounts in 万元, two decimals)::

    A 项目 | B 金额(万元) | C 科目编码 | D 基本支出(万元) | E 项目支出(万元) | F 口径 | G 上年科目编码 | H 说明

* Total rows have a 项目 label in A and the amount in B; C–G are empty. The template's rows
  (收支总计, 一般公共预算财政拨款支出合计, “三公”经费合计, 机关运行经费) keep their label and place;
  further totals (本年收入合计, 基本支出合计, 因公出国（境）费 …) are added below them.
* Code rows have this year's 功能分类 code in C (text), 合计 / 基本 / 项目 in B / D / E and the
  table they come from in F (``支出决算表`` = 表3, ``一般公共预算财政拨款支出决算表`` = 表5); G holds
  last year's code when it differed. A reader keys code rows by (F, C). A is ``201 一般公共服务支出``
  (code and this year's name) for 表5 rows, which the narrative reads as code 201's prior figure,
  and ``支出决算表 201 一般公共服务支出`` for 表3 rows.
* H says where each figure came from (``2021年表1!C36``) or how a code was matched.

Writing replaces the code rows and the values of the labelled rows it knows, and keeps every
other labelled row (a figure the user typed, e.g. 机关运行经费) as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

SHEET = "上年数"
HEADERS = (
    "项目",
    "金额(万元)",
    "科目编码",
    "基本支出(万元)",
    "项目支出(万元)",
    "口径",
    "上年科目编码",
    "说明",
)
AMOUNT_COLUMNS = (2, 4, 5)
CODE_COLUMNS = (3, 7)
AMOUNT_FORMAT = "#,##0.00"
TEXT_FORMAT = "@"
WIDTHS = (34, 14, 12, 14, 14, 30, 12, 36)


@dataclass(frozen=True)
class PriorRow:
    """One row of 上年数 (see the module docstring for the columns)."""

    label: str
    amount: Decimal | None
    code: str = ""
    basic: Decimal | None = None
    project: Decimal | None = None
    scope: str = ""
    prior_code: str = ""
    note: str = ""

    def cells(self) -> tuple[Any, ...]:
        return (
            self.label,
            _number(self.amount),
            self.code or None,
            _number(self.basic),
            _number(self.project),
            self.scope or None,
            self.prior_code or None,
            self.note or None,
        )

    def plus(self, other: PriorRow) -> PriorRow:
        """This row with ``other``'s amounts added (two old codes merged into one)."""

        def add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
            return None if a is None and b is None else (a or Decimal(0)) + (b or Decimal(0))

        note = "；".join(n for n in (self.note, other.note) if n)
        return PriorRow(
            self.label,
            add(self.amount, other.amount),
            self.code,
            add(self.basic, other.basic),
            add(self.project, other.project),
            self.scope,
            "、".join(filter(None, (self.prior_code, other.prior_code))),
            note,
        )


def _number(value: Decimal | None) -> float | None:
    """Decimal → the float a spreadsheet cell holds (the workbook boundary; 2 decimals exact)."""
    return None if value is None else float(value)


def existing_rows(ws: Any) -> list[tuple[Any, ...]]:
    """The data rows (row 2 on) of a 上年数 sheet, padded to the header's width."""
    out = []
    for row in ws.iter_rows(min_row=2, max_col=len(HEADERS), values_only=True):
        values = tuple(row) + (None,) * (len(HEADERS) - len(row))
        if any(v not in (None, "") for v in values):
            out.append(values)
    return out


def write_prior_sheet(workbook: Any, rows: list[PriorRow]) -> None:
    """Put ``rows`` into the workbook's 上年数 sheet (created if missing), keeping other rows."""
    ws = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.create_sheet(SHEET)
    by_label = {row.label: row for row in rows if not row.code}
    kept: list[tuple[Any, ...]] = []
    for values in existing_rows(ws):
        if values[2] not in (None, ""):  # a code row from an earlier run: replaced below
            continue
        label = str(values[0] or "").strip()
        kept.append(by_label.pop(label).cells() if label in by_label else values)
    kept += [row.cells() for row in rows if not row.code and row.label in by_label]
    kept += [row.cells() for row in rows if row.code]
    _clear(ws)
    for col, text in enumerate(HEADERS, start=1):
        ws.cell(1, col, text)
    for r, values in enumerate(kept, start=2):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col, value)
            if col in AMOUNT_COLUMNS:
                cell.number_format = AMOUNT_FORMAT
            elif col in CODE_COLUMNS and value is not None:
                cell.number_format = TEXT_FORMAT
                cell.value = str(value)
    _layout(ws)


def _clear(ws: Any) -> None:
    for row in ws.iter_rows(min_row=2, max_col=max(ws.max_column, len(HEADERS))):
        for cell in row:
            cell.value = None


def _layout(ws: Any) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(WIDTHS, start=1):
        ws.cell(1, col).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"


def read_prior_rows(workbook: Any) -> list[PriorRow]:
    """The rows of a workbook's 上年数 sheet (empty if it has none), amounts as ``Decimal``.

    For the narrative (与上年相比): totals by 项目 label, code rows by (口径, 科目编码). A cell
    that is not a number reads as None.
    """
    if SHEET not in workbook.sheetnames:
        return []
    return [_row(values) for values in existing_rows(workbook[SHEET]) if values[0] or values[2]]


def _row(values: tuple[Any, ...]) -> PriorRow:
    label, amount, code, basic, project, scope, prior_code, note = values[: len(HEADERS)]
    return PriorRow(
        label=_text(label),
        amount=_decimal(amount),
        code=_code(code),
        basic=_decimal(basic),
        project=_decimal(project),
        scope=_text(scope),
        prior_code=_code(prior_code),
        note=_text(note),
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _code(value: Any) -> str:
    from yujuesuan.reference import compact

    return (
        ""
        if value in (None, "")
        else compact(value)
        if isinstance(value, (int, float))
        else _text(value)
    )


def _decimal(value: Any) -> Decimal | None:
    from yujuesuan.money import NotANumber, parse_amount

    try:
        return parse_amount(value)
    except NotANumber:
        return None
