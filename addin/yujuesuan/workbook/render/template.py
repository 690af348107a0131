"""The blank template: 封面, the 底稿 (working papers, in 元), 上年数, 年初预算, 表1…表9, 校验.

The tables are rendered from an empty book, so the code tables show their header, 合计 and notes
and every fixed-table total is already a formula. The 底稿 sheets carry drop-down lists for
资金来源 / 收入来源 / 支出性质 and text format on code columns over ``LEDGER_ROWS`` rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.spec.model import TableSet
from yujuesuan.tables import Book
from yujuesuan.workbook.render import style
from yujuesuan.workbook.render.names import define
from yujuesuan.workbook.render.save import fix_properties
from yujuesuan.workbook.render.tables import render_tables

LEDGER_ROWS = 2000
FUND_SOURCES = (
    "一般公共预算财政拨款",
    "政府性基金预算财政拨款",
    "国有资本经营预算财政拨款",
    "上级补助收入",
    "事业收入",
    "经营收入",
    "附属单位上缴收入",
    "其他收入",
    "使用非财政拨款结余",
    "年初结转和结余",
)
INCOME_SOURCES = FUND_SOURCES[:8]
NATURES = ("基本支出-人员经费", "基本支出-公用经费", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
THREE_PUBLIC_ITEMS = ("因公出国（境）费", "公务用车购置费", "公务用车运行费", "公务接待费")
PRIOR_YEAR_ITEMS = ("收支总计", "一般公共预算财政拨款支出合计", "“三公”经费合计", "机关运行经费")
OPENING_BUDGET_ITEMS = ("一般公共预算财政拨款支出合计", "“三公”经费合计", *THREE_PUBLIC_ITEMS)
COVER_FIELDS = ("单位名称", "年度", "单位编码")  # each also a defined name for its value cell


@dataclass(frozen=True)
class Sheet:
    """A working-paper sheet: header row, prefilled 项目 rows, text and list columns (1-based)."""

    name: str
    headers: tuple[str, ...]
    items: tuple[str, ...] = ()
    text_cols: tuple[int, ...] = ()
    lists: dict[int, tuple[str, ...]] = field(default_factory=dict)
    amount_cols: tuple[int, ...] = ()


SHEETS = (
    Sheet("底稿-支出", ("功能科目编码", "资金来源", "支出性质", "经济科目编码", "项目名称", "金额(元)"),
          text_cols=(1, 4), lists={2: FUND_SOURCES, 3: NATURES}, amount_cols=(6,)),
    Sheet("底稿-收入", ("功能科目编码", "收入来源", "金额(元)"),
          text_cols=(1,), lists={2: INCOME_SOURCES}, amount_cols=(3,)),
    Sheet("底稿-结转结余", ("资金来源", "功能科目编码", "年初结转和结余(元)", "年末结转和结余(元)"),
          text_cols=(2,), lists={1: FUND_SOURCES}, amount_cols=(3, 4)),
    Sheet("底稿-三公", ("项目", "预算数(元)", "决算数(元)"), items=THREE_PUBLIC_ITEMS, amount_cols=(2, 3)),
    Sheet("上年数", ("项目", "金额(万元)"), items=PRIOR_YEAR_ITEMS, amount_cols=(2,)),
    Sheet("年初预算", ("项目", "金额(万元)"), items=OPENING_BUDGET_ITEMS, amount_cols=(2,)),
)


def render_template(table_set: TableSet, *, year: int, unit: str = "") -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    _cover(workbook.create_sheet("封面"), workbook, year=year, unit=unit, kind=table_set.kind)
    for sheet in SHEETS:
        _ledger(workbook.create_sheet(sheet.name), sheet)
    result = render_tables(workbook, table_set, Book(kind=table_set.kind, year=year), unit=unit, year=year)
    workbook.yjs_expected = dict(result.expected)  # formula values, cached into the file on save
    fix_properties(workbook, title=f"{year}年度部门{table_set.kind}公开")
    return workbook


def _cover(ws: Worksheet, workbook: Workbook, *, year: int, unit: str, kind: str) -> None:
    ws.cell(1, 1, f"{year}年度部门{kind}公开").font = style.TITLE_FONT
    values: dict[str, object] = {"单位名称": unit or None, "年度": year, "单位编码": None}
    for i, name in enumerate(COVER_FIELDS):
        row = 3 + i
        ws.cell(row, 1, name).font = style.HEADER_FONT
        cell = ws.cell(row, 2, values[name])
        cell.number_format = style.TEXT_FORMAT if name != "年度" else "0"
        ws.cell(row, 1).border = ws.cell(row, 2).border = style.BORDER
        define(workbook, name, ws.title, cell.coordinate)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 40


def _ledger(ws: Worksheet, sheet: Sheet) -> None:
    for c, text in enumerate(sheet.headers, start=1):
        style.header(ws, 1, c, text)
        ws.cell(1, c).border = style.BORDER
        ws.column_dimensions[ws.cell(1, c).column_letter].width = 26 if c in sheet.lists else 16
    for r, item in enumerate(sheet.items, start=2):
        ws.cell(r, 1, item)
    last = LEDGER_ROWS + 1
    # Column-level formats: every cell typed into the column gets them, and the file stays small
    # (per-cell formats over 2,000 rows made every engine parse 24,000 empty cells).
    for cols, number_format in ((sheet.text_cols, style.TEXT_FORMAT), (sheet.amount_cols, style.AMOUNT_FORMAT)):
        for c in cols:
            ws.column_dimensions[ws.cell(1, c).column_letter].number_format = number_format
    for c, options in sheet.lists.items():
        letter = ws.cell(1, c).column_letter
        check = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
        check.error = f"请从下拉列表中选择{sheet.headers[c - 1]}"
        check.errorTitle = sheet.headers[c - 1]
        ws.add_data_validation(check)
        check.add(f"{letter}2:{letter}{last}")
    ws.freeze_panes = "A2"
