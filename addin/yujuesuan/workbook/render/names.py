"""Workbook-scoped defined names for the key cells (``表1_本年收入合计`` …), used by formulas and
by Python alike; a name whose table is not in the workbook is not defined. Each kind has its own
list (预算: ``BUDGET_KEY_CELLS``)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName

from yujuesuan.spec.budget.basic import SG_ROW
from yujuesuan.spec.final_accounts import t01_income_expense_summary as t1
from yujuesuan.spec.final_accounts.t06_basic_detail import PERSONNEL_TOTAL, PUBLIC_TOTAL
from yujuesuan.spec.final_accounts.t07_three_public import ROW as THREE_PUBLIC_ROW
from yujuesuan.spec.model import TOTAL, TableSet
from yujuesuan.workbook.render.placement import CellKey


def key_cells(layout: str) -> dict[str, CellKey]:
    lines = {name: str(line) for name, line in t1.lines(layout).items()}
    return {
        "表1_本年收入合计": ("fa.t1", lines["income_total"], "1"),
        "表1_本年支出合计": ("fa.t1", lines["spending_total"], "2"),
        "表1_收入总计": ("fa.t1", lines["income_grand_total"], "1"),
        "表1_支出总计": ("fa.t1", lines["spending_grand_total"], "2"),
        "表3_合计_本年支出合计": ("fa.t3", TOTAL, "1"),
        "表3_合计_基本支出": ("fa.t3", TOTAL, "2"),
        "表3_合计_项目支出": ("fa.t3", TOTAL, "3"),
        "表5_合计": ("fa.t5", TOTAL, "1"),
        "表6_人员经费合计": ("fa.t6", PERSONNEL_TOTAL, "amount"),
        "表6_公用经费合计": ("fa.t6", PUBLIC_TOTAL, "amount"),
        "三公_决算合计": ("fa.sg", THREE_PUBLIC_ROW, "7"),
        "三公_预算合计": ("fa.sg", THREE_PUBLIC_ROW, "1"),
    }


BUDGET_KEY_CELLS: dict[str, CellKey] = {
    "表1_本年收入合计": ("bu.t1", "本年收入合计", "income"),
    "表1_本年支出合计": ("bu.t1", "本年支出合计", "spending"),
    "表1_收入总计": ("bu.t1", "收入总计", "income"),
    "表1_支出总计": ("bu.t1", "支出总计", "spending"),
    "表3_合计": ("bu.t3", TOTAL, "total"),
    "表3_合计_基本支出": ("bu.t3", TOTAL, "basic"),
    "表3_合计_项目支出": ("bu.t3", TOTAL, "project"),
    "表5_1_合计": ("bu.t5", TOTAL, "total"),
    "表6_人员经费合计": ("bu.t6", TOTAL, "personnel"),
    "表6_公用经费合计": ("bu.t6", TOTAL, "public"),
    "三公_预算合计": ("bu.t7", SG_ROW, "total"),
}


def define(workbook: Workbook, name: str, sheet: str, address: str) -> None:
    col = "".join(ch for ch in address if ch.isalpha())
    row = address[len(col):]
    target = "'" + sheet.replace("'", "''") + f"'!${col}${row}"
    workbook.defined_names[name] = DefinedName(name, attr_text=target)


def define_key_cells(
    workbook: Workbook, table_set: TableSet, placed: dict[CellKey, tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    """Define every key cell the workbook has; name → (sheet, address)."""
    out = {}
    cells = BUDGET_KEY_CELLS if table_set.kind == "预算" else key_cells(table_set.layout)  # 决算 by layout
    for name, cell in cells.items():
        if cell in placed:
            define(workbook, name, *placed[cell])
            out[name] = placed[cell]
    return out
