"""表1 收支总表 and 表4 财政拨款收支总表 of the 2024 部门预算 (spec §4.1; B1–B3, B7).

Both are two-sided, with no 行次: rows are keyed by a stable name and matched by printed label.
Income lines carry column ``income``, expenditure lines ``spending`` (both printed 预算数).
"""

from __future__ import annotations

from yujuesuan.spec.budget.classes import CLASSES, INCOME_SOURCES, bracketed, numbered
from yujuesuan.spec.model import (
    Cell,
    CellIdentity,
    ColumnSpec,
    RowsMode,
    RowSpec,
    RowSum,
    TableSpec,
)

T1, T4 = "bu.t1", "bu.t4"
COLUMNS = (ColumnSpec("income", "预算数"), ColumnSpec("spending", "预算数"))


def _in(key: str, label: str) -> RowSpec:
    return RowSpec(key=key, label=label, columns=("income",))


def _out(key: str, label: str, code: str | None = None) -> RowSpec:
    return RowSpec(key=key, label=label, code=code, columns=("spending",))


def _sum(id: str, table: str, target: str, terms: tuple[str, ...], basis: str) -> RowSum:
    return RowSum(
        id=id, table=table, target=target, terms=tuple((1, t) for t in terms), basis=basis
    )


def _balance(table: str, basis: str) -> CellIdentity:
    return CellIdentity(
        id=f"{table}.balance",
        left=(Cell(table, "支出总计", "spending"),),
        right=(Cell(table, "收入总计", "income"),),
        basis=basis,
    )


def t1() -> TableSpec:
    income = tuple(_in(k, numbered(i, label)) for i, (k, label) in enumerate(INCOME_SOURCES))
    classes = tuple(_out(code, numbered(i, label), code) for i, (code, label) in enumerate(CLASSES))
    rows = (
        income
        + (
            _in("本年收入合计", "本年收入合计"),
            _in("上年结转结余", "上年结转结余"),
            _in("收入总计", "收入总计"),
        )
        + classes
        + (
            _out("本年支出合计", "本年支出合计"),
            _out("年终结转结余", "年终结转结余"),
            _out("支出总计", "支出总计"),
        )
    )
    rules = (
        _sum(
            f"{T1}.income",
            T1,
            "本年收入合计",
            tuple(k for k, _ in INCOME_SOURCES),
            "本年收入合计 = 一至九项收入之和（表式）",
        ),
        _sum(
            f"{T1}.income_total",
            T1,
            "收入总计",
            ("本年收入合计", "上年结转结余"),
            "收入总计 = 本年收入合计 + 上年结转结余（表式）",
        ),
        _sum(
            f"{T1}.spending",
            T1,
            "本年支出合计",
            tuple(c for c, _ in CLASSES),
            "本年支出合计 = 一至廿四类支出之和（表式）",
        ),
        _sum(
            f"{T1}.spending_total",
            T1,
            "支出总计",
            ("本年支出合计", "年终结转结余"),
            "支出总计 = 本年支出合计 + 年终结转结余（表式）",
        ),
        _balance(T1, "收入总计 = 支出总计（表式）"),
    )
    return TableSpec(
        id=T1,
        name="收支总表",
        number=1,
        rows_mode=RowsMode.FIXED,
        columns=COLUMNS,
        rows=rows,
        aliases=("收支预算总表",),
        rules=rules,
        notes=("备注：财政专户管理资金收入是指教育收费收入；事业收入不含教育收费收入，下同。",),
    )


_FUNDS = (
    ("general", "一般公共预算拨款"),
    ("gov_funds", "政府性基金预算拨款"),
    ("state_capital", "国有资本经营预算拨款"),
)


def t4() -> TableSpec:
    this_year = tuple(
        _in(f"本年收入.{k}", bracketed(i, label)) for i, (k, label) in enumerate(_FUNDS)
    )
    carried = tuple(
        _in(f"上年结转.{k}", bracketed(i, label)) for i, (k, label) in enumerate(_FUNDS)
    )
    classes = tuple(
        _out(code, bracketed(i, label), code) for i, (code, label) in enumerate(CLASSES)
    )
    rows = (
        (_in("本年收入", "一、本年收入"),)
        + this_year
        + (_in("上年结转", "二、上年结转"),)
        + carried
        + (_in("收入总计", "收入总计"), _out("本年支出", "一、本年支出"))
        + classes
        + (_out("年终结转结余", "二、年终结转结余"), _out("支出总计", "支出总计"))
    )
    rules = (
        _sum(
            f"{T4}.income",
            T4,
            "本年收入",
            tuple(r.key for r in this_year),
            "一、本年收入 = (一)+(二)+(三)（表式）",
        ),
        _sum(
            f"{T4}.carried",
            T4,
            "上年结转",
            tuple(r.key for r in carried),
            "二、上年结转 = (一)+(二)+(三)（表式）",
        ),
        _sum(
            f"{T4}.income_total",
            T4,
            "收入总计",
            ("本年收入", "上年结转"),
            "收入总计 = 一、本年收入 + 二、上年结转（表式）",
        ),
        _sum(
            f"{T4}.spending",
            T4,
            "本年支出",
            tuple(c for c, _ in CLASSES),
            "一、本年支出 = (一)至(廿四)类支出之和（表式）",
        ),
        _sum(
            f"{T4}.spending_total",
            T4,
            "支出总计",
            ("本年支出", "年终结转结余"),
            "支出总计 = 一、本年支出 + 二、年终结转结余（表式）",
        ),
        _balance(T4, "收入总计 = 支出总计（表式）"),
    )
    return TableSpec(
        id=T4,
        name="财政拨款收支总表",
        number=4,
        rows_mode=RowsMode.FIXED,
        columns=COLUMNS,
        rows=rows,
        aliases=("财政拨款收支预算总表",),
        rules=rules,
    )
