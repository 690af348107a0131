"""表1 收入支出决算总表 (部门决算公开 / 公开01表).

Two-sided: income lines carry 栏1, expenditure lines 栏2. Two line layouts (spec §1.1):
2021 (layout A) income 1–30, expenditure 31–60; 2022 on (layout B) an extra blank line on
each side, income 总计 on line 31 and expenditure 32–62.
Notes quoted from hongshan-2021 表1 and the 2023 set (layout B).
"""

from __future__ import annotations

from yujuesuan.spec.final_accounts.classes import CLASSES, INCOME_SOURCES
from yujuesuan.spec.model import (
    Cell,
    CellIdentity,
    ColumnSpec,
    RowsMode,
    RowSpec,
    RowSum,
    TableSpec,
    note_target,
)

ID = "fa.t1"
NAME = "收入支出决算总表"
NOTES = ("注：本表反映部门本年度的总收支和年末结转结余情况。",)


def _income(line: int, label: str) -> RowSpec:
    return RowSpec(key=str(line), label=label, line=line, columns=("1",))


def _spending(line: int, label: str, code: str | None = None) -> RowSpec:
    return RowSpec(key=str(line), label=label, line=line, code=code, columns=("2",))


def rows(layout: str) -> tuple[RowSpec, ...]:
    """The 行次 of both sides for ``layout`` "2021" (A) or "2022" (B)."""
    extra = 0 if layout == "2021" else 1
    income = [_income(n, label) for n, label in enumerate(INCOME_SOURCES, start=1)]
    income += [_income(n, "") for n in range(9, 27)]
    income += [_income(27, "本年收入合计"), _income(28, "使用非财政拨款结余"), _income(29, "年初结转和结余")]
    if extra:
        income.append(_income(30, ""))
    income.append(_income(30 + extra, "总计"))
    first = 31 + extra
    spending = [_spending(first + i, label, code) for i, (code, label) in enumerate(CLASSES)]
    last = first + len(CLASSES)  # 本年支出合计
    spending += [
        _spending(last, "本年支出合计"),
        _spending(last + 1, "结余分配"),
        _spending(last + 2, "年末结转和结余"),
    ]
    if extra:
        spending.append(_spending(last + 3, ""))
    spending.append(_spending(last + 3 + extra, "总计"))
    return tuple(income + spending)


# The notes as printed (hongshan-2021 for layout A; the 2023 set, with its superscripts, for B).
FOOTNOTES = {
    "2021": ("27行 = (1+2+3+4+5+6+7+8) 行", "30行 = (27+28+29) 行", "57行 = (31+32+...+56) 行", "60行 = (57+58+59) 行"),
    "2022": ("²⁷ 行= (1+2+3+4+5+6+7+8) 行", "31 行= (27+28+29) 行", "⁵⁸ 行= (32+33+…+57) 行", "62 行= (58+59+60) 行"),
}


def lines(layout: str) -> dict[str, int]:
    """Named lines a cross-table rule needs, per layout."""
    b = 0 if layout == "2021" else 1
    return {
        "income_total": 27,
        "non_fiscal_surplus_used": 28,
        "opening_balance": 29,
        "income_grand_total": 30 + b,
        "first_class": 31 + b,
        "spending_total": 57 + b,
        "surplus_distribution": 58 + b,
        "closing_balance": 59 + b,
        "spending_grand_total": 60 + 2 * b,
    }


def table(layout: str) -> TableSpec:
    named = lines(layout)
    income_total, spending_total = named["income_grand_total"], named["spending_grand_total"]
    rules = tuple(RowSum.from_footnote(f"{ID}.r{note_target(text)}", ID, text) for text in FOOTNOTES[layout]) + (
        CellIdentity(
            id=f"{ID}.balance",
            left=(Cell(ID, str(spending_total), "2"),),
            right=(Cell(ID, str(income_total), "1"),),
            basis=f"收入总计 = 支出总计（第{income_total}行 = 第{spending_total}行，表式）",
        ),
    )
    return TableSpec(
        id=ID,
        name=NAME,
        number=1,
        rows_mode=RowsMode.FIXED,
        columns=(ColumnSpec("1", "金额"), ColumnSpec("2", "金额")),
        rows=rows(layout),
        rules=rules,
        notes=NOTES + tuple(FOOTNOTES[layout]),
    )
