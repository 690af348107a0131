"""The blank template: 封面, the 底稿 (working papers, in 元), the tables, 校验.

Each kind declares its 封面 heading and its 底稿 sheets (``KITS``): 决算 底稿-支出/收入/结转结余/
三公, 上年数, 年初预算; 预算 the sheets of ``build.budget_vocabulary.SHEETS``, rendered from that
declaration so the 底稿 reader and the template agree by construction. The tables are rendered
from an empty book, so the code tables show their header, 合计 and notes and every fixed-table
total is already a formula. The 底稿 sheets carry drop-down lists for the choice columns
(资金来源 / 收入来源 / 支出性质) and text format on code columns over ``LEDGER_ROWS`` rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.spec.model import TableSet
from yujuesuan.tables import Book
from yujuesuan.workbook.render import style
from yujuesuan.workbook.render.names import define
from yujuesuan.workbook.render.save import fix_properties
from yujuesuan.workbook.render.tables import render_tables

if TYPE_CHECKING:
    from yujuesuan.build import vocabulary

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


CODE_KINDS = ("function", "economic")  # 底稿 column kinds that hold a 科目编码 (kept as text)


def from_vocabulary(sheet: vocabulary.Sheet) -> Sheet:
    """The template sheet of a 底稿 declaration: its headers, code columns as text, choice
    columns as drop-downs, amount columns formatted."""
    numbered = list(enumerate(sheet.columns, start=1))
    return Sheet(
        sheet.name,
        tuple(c.name for c in sheet.columns),
        text_cols=tuple(i for i, c in numbered if c.kind in CODE_KINDS),
        lists={i: c.choices for i, c in numbered if c.choices},
        amount_cols=tuple(i for i, c in numbered if c.kind == "amount"),
    )


def budget_sheets() -> tuple[Sheet, ...]:
    # Imported when needed: ``yujuesuan.build`` loads pandas and scipy.
    from yujuesuan.build.budget_vocabulary import SHEETS as BUDGET_SHEETS

    return tuple(from_vocabulary(s) for s in BUDGET_SHEETS)


@dataclass(frozen=True)
class Kit:
    """What a kind's template holds besides the tables: the 封面 heading ({year}, {unit}) — the
    reader takes a budget's year from it — and its 底稿 sheets."""

    cover: str
    sheets: Callable[[], tuple[Sheet, ...]]

    def heading(self, *, year: int, unit: str) -> str:
        return self.cover.format(year=year, unit=unit).strip()


KITS = {
    "决算": Kit("{year}年度部门决算公开", lambda: SHEETS),
    "预算": Kit("{unit} {year} 年部门预算", budget_sheets),
}


def render_template(table_set: TableSet, *, year: int, unit: str = "") -> Workbook:
    kit = KITS[table_set.kind]
    workbook = Workbook()
    workbook.remove(workbook.active)
    add_cover(workbook, table_set.kind, year=year, unit=unit)
    for sheet in kit.sheets():
        _ledger(workbook.create_sheet(sheet.name), sheet)
    result = render_tables(workbook, table_set, Book(kind=table_set.kind, year=year), unit=unit, year=year)
    workbook.yjs_expected = dict(result.expected)  # formula values, cached into the file on save
    fix_properties(workbook, title=kit.heading(year=year, unit=unit))
    return workbook


def add_cover(workbook: Workbook, kind: str, *, year: int, unit: str) -> Worksheet:
    """The 封面 sheet: the kind's heading, then 单位名称 / 年度 / 单位编码 (each a defined name)."""
    ws = workbook.create_sheet("封面")
    ws.cell(1, 1, KITS[kind].heading(year=year, unit=unit)).font = style.TITLE_FONT
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
    return ws


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
