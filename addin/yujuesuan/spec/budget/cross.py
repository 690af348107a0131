"""Identities that tie the 2024 预算 tables together (spec §4.1.1 B4, B8, B12, B16, B18).

收支总表 ↔ 支出总表 ↔ 一般公共预算支出表 ↔ 财政拨款收支总表; 基本支出表 ↔ 表5-1; 三公 ↔ 基本支出表;
收入总表 ↔ 收支总表 / 支出总表 and 项目支出表 ↔ 支出总表 (a budget balances line by line: every
line is an income by 资金来源 and a spending by 功能科目; the seed published 表2 and 表10 empty,
so these are read off the layout, not checked on printed numbers). Where a tie holds only when
all money is 一般公共预算拨款 it is a C rule with that condition.
"""

from __future__ import annotations

from yujuesuan.spec.budget.basic import SG_ROW, T6, T7
from yujuesuan.spec.budget.classes import INCOME_SOURCES
from yujuesuan.spec.budget.code_tables import T2, T3, T5, T8, T9, T10
from yujuesuan.spec.budget.summaries import T1, T4
from yujuesuan.spec.model import TOTAL, Cell, CellIdentity, Condition, RowsMatch, Rule, Strength

NO_CLOSING_BALANCE = Condition(
    "无年终结转结余（表1年终结转结余为空或0）", zero=(Cell(T1, "年终结转结余", "spending"),)
)
# 表2 收入总表 columns and the 表1 收入 lines they add up to.
T2_INCOME_LINES = (*((k, k) for k, _ in INCOME_SOURCES), ("carried", "上年结转结余"))

GENERAL_ONLY = Condition(
    "全部收入均为一般公共预算拨款收入且无上年结转结余（表1其他收入各行、上年结转结余均为空或0）",
    zero=tuple(Cell(T1, k, "income") for k, _ in INCOME_SOURCES[1:])
    + (Cell(T1, "上年结转结余", "income"),),
)


def _eq(
    id: str, left: Cell, right: tuple[Cell, ...], basis: str, relation: str = "="
) -> CellIdentity:
    return CellIdentity(id, (left,), right, basis, relation=relation)


def _t5_t3(col: str, name: str) -> RowsMatch:
    return RowsMatch(
        f"bu.x.t5_t3.{col}",
        (T5, col),
        (T3, col),
        f"仅有一般公共预算拨款时，表5-1各行{name} = 表3同一科目{name}",
        strength=Strength.CONDITIONAL,
        condition=GENERAL_ONLY,
    )


def _income_ties() -> tuple[Rule, ...]:
    """表2 收入总表 ↔ 表1 收入 lines and ↔ 表3 支出总表, 表10 项目支出表 ↔ 表3."""
    by_source = tuple(
        _eq(f"bu.x.t2_t1.{col}", Cell(T2, TOTAL, col), (Cell(T1, line, "income"),), f"表2合计行{label} = 表1{label}")
        for (col, line), label in zip(T2_INCOME_LINES, [n for _, n in INCOME_SOURCES] + ["上年结转结余"], strict=True)
    )
    return by_source + (
        RowsMatch(
            "bu.x.t2_t3.total",
            (T2, "total"),
            (T3, "total"),
            "无年终结转结余时，表2各行合计 = 表3同一科目合计（收支平衡）",
            strength=Strength.CONDITIONAL,
            condition=NO_CLOSING_BALANCE,
        ),
        RowsMatch("bu.x.t10_t3.project", (T10, "total"), (T3, "project"), "表10各行 = 表3同一科目项目支出"),
    )


def rules() -> tuple[Rule, ...]:
    return _income_ties() + (
        _eq(
            "bu.x.t1_t3.total",
            Cell(T1, "本年支出合计", "spending"),
            (Cell(T3, TOTAL, "total"),),
            "表1本年支出合计 = 表3合计",
        ),
        RowsMatch(
            "bu.x.t1_t3.class",
            (T1, "spending"),
            (T3, "total"),
            "表1各类支出 = 表3同一类合计",
            with_total=False,
        ),
        _eq(
            "bu.x.t4_t1.general",
            Cell(T4, "本年收入.general", "income"),
            (Cell(T1, "general", "income"),),
            "表4(一)一般公共预算拨款 = 表1一般公共预算拨款收入",
        ),
        _eq(
            "bu.x.t4_t5.general",
            Cell(T4, "本年收入.general", "income"),
            (Cell(T5, TOTAL, "total"),),
            "表4本年收入(一)一般公共预算拨款 = 表5-1合计",
        ),
        _eq(
            "bu.x.t4_funds.spending",
            Cell(T4, "本年支出", "spending"),
            (Cell(T5, TOTAL, "total"), Cell(T8, TOTAL, "total"), Cell(T9, TOTAL, "total")),
            "表4一、本年支出 = 表5-1合计 + 表8合计 + 表9合计",
        ),
        RowsMatch(
            "bu.x.t4_t5.class",
            (T4, "spending"),
            (T5, "total"),
            "表4各类财政拨款支出 ≥ 表5-1同一类合计",
            relation=">=",
            with_total=False,
        ),
        RowsMatch(
            "bu.x.t4_t1.class",
            (T4, "spending"),
            (T1, "spending"),
            "表4各类财政拨款支出 ≤ 表1同一类支出",
            relation="<=",
            with_total=False,
        ),
        _t5_t3("total", "合计"),
        _t5_t3("basic", "基本支出"),
        _t5_t3("project", "项目支出"),
        _eq(
            "bu.x.t6_t5.total",
            Cell(T6, TOTAL, "total"),
            (Cell(T5, TOTAL, "basic"),),
            "表6合计 = 表5-1合计基本支出小计",
        ),
        _eq(
            "bu.x.t6_t5.personnel",
            Cell(T6, TOTAL, "personnel"),
            (Cell(T5, TOTAL, "personnel"),),
            "表6人员经费 = 表5-1合计人员经费",
        ),
        _eq(
            "bu.x.t6_t5.public",
            Cell(T6, TOTAL, "public"),
            (Cell(T5, TOTAL, "public"),),
            "表6公用经费 = 表5-1合计公用经费",
        ),
        _eq(
            "bu.x.t7_t6.reception",
            Cell(T7, SG_ROW, "reception"),
            (Cell(T6, "30217", "total"),),
            "三公表公务接待费 ≥ 表6 30217公务接待费",
            relation=">=",
        ),
        _eq(
            "bu.x.t7_t6.car_running",
            Cell(T7, SG_ROW, "car_running"),
            (Cell(T6, "30231", "total"),),
            "三公表公务用车运行费 ≥ 表6 30231公务用车运行维护费",
            relation=">=",
        ),
    )
