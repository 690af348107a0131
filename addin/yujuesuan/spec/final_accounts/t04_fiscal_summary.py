"""表4 财政拨款收入支出决算总表: appropriation income (栏1) against spending by class and fund (栏2–5).

Line numbering is the same in every seed (spec §1.4). hongshan-2021 prints its notes with "－"
for "="; they are quoted as printed. The column identity and the balances are not printed but
follow from the layout (spec §2.4).
"""

from __future__ import annotations

from yujuesuan.spec.final_accounts.classes import CLASSES
from yujuesuan.spec.model import (
    Cell,
    CellIdentity,
    ColumnSpec,
    ColumnSum,
    RowsMode,
    RowSpec,
    RowSum,
    TableSpec,
    note_target,
)

ID = "fa.t4"
NAME = "财政拨款收入支出决算总表"
SPENDING_COLUMNS = ("2", "3", "4", "5")
FOOTNOTES = ("27行－（1+2+3）行", "28行－（29+30+31）行", "32行－（27+28）行", "59行－（33+34+…+58）行", "64行－（59+60）行")
FIRST_CLASS_LINE = 33

_INCOME = {
    1: "一、一般公共预算财政拨款",
    2: "二、政府性基金预算财政拨款",
    3: "三、国有资本经营预算财政拨款",
    27: "本年收入合计",
    28: "年初财政拨款结转和结余",
    29: "一般公共预算财政拨款",
    30: "政府性基金预算财政拨款",
    31: "国有资本经营预算财政拨款",
    32: "总计",
}
_SPENDING = {59: "本年支出合计", 60: "年末财政拨款结转和结余", 64: "总计"}


def rows() -> tuple[RowSpec, ...]:
    income = tuple(
        RowSpec(
            key=str(n),
            label=_INCOME.get(n, ""),
            line=n,
            columns=("1",),
            aliases=("三、国有资本经营财政拨款",) if n == 3 else (),
        )
        for n in range(1, 33)
    )
    classes = tuple(
        RowSpec(key=str(FIRST_CLASS_LINE + i), label=label, line=FIRST_CLASS_LINE + i, code=code, columns=SPENDING_COLUMNS)
        for i, (code, label) in enumerate(CLASSES)
    )
    spending = tuple(
        RowSpec(key=str(n), label=_SPENDING.get(n, ""), line=n, columns=SPENDING_COLUMNS) for n in range(59, 65)
    )
    return income + classes + spending


def _fund(rule_id: str, income_line: int, opening_line: int, col: str, name: str) -> CellIdentity:
    # 本年收入 + 年初结转 = 本年支出 + 年末结转, per fund (spec §2.4, not printed)
    return CellIdentity(
        id=rule_id,
        left=(Cell(ID, "59", col), Cell(ID, "60", col)),
        right=(Cell(ID, str(income_line), "1"), Cell(ID, str(opening_line), "1")),
        basis=f"{name}：本年支出 + 年末结转和结余 = 本年收入 + 年初结转和结余（59行{col}栏 + 60行{col}栏 = {income_line}行 + {opening_line}行）",
    )


def table(layout: str) -> TableSpec:
    rules = tuple(RowSum.from_footnote(f"{ID}.r{note_target(text)}", ID, text) for text in FOOTNOTES) + (
        ColumnSum.from_footnote(f"{ID}.c2", ID, "2栏各行 = (3+4+5) 栏各行"),
        CellIdentity(
            id=f"{ID}.balance",
            left=(Cell(ID, "64", "2"),),
            right=(Cell(ID, "32", "1"),),
            basis="收入总计 = 支出总计（64行2栏 = 32行）",
        ),
        _fund(f"{ID}.fund_general", 1, 29, "3", "一般公共预算财政拨款"),
        _fund(f"{ID}.fund_gov_funds", 2, 30, "4", "政府性基金预算财政拨款"),
        _fund(f"{ID}.fund_state_capital", 3, 31, "5", "国有资本经营预算财政拨款"),
    )
    return TableSpec(
        id=ID,
        name=NAME,
        number=4,
        rows_mode=RowsMode.FIXED,
        columns=(
            ColumnSpec("1", "金额", ("决算数",)),
            ColumnSpec("2", "合计", ("小计",)),
            ColumnSpec("3", "一般公共预算财政拨款"),
            ColumnSpec("4", "政府性基金预算财政拨款"),
            ColumnSpec("5", "国有资本经营预算财政拨款"),
        ),
        rows=rows(),
        rules=rules,
        notes=(
            "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。",
        )
        + FOOTNOTES,
    )
