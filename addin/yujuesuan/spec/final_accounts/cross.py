"""Identities that tie the nine 决算 tables together (spec §3, X1–X23).

Kinds: H must hold; C only under the stated condition (checked on the workbook's own cells);
"<=" / ">=" bounds; W plausibility correspondences (warnings only). X6, X7, X17, X18 and X22
are intra-table rules declared with their tables.
"""

from __future__ import annotations

from yujuesuan.spec.final_accounts import t01_income_expense_summary as t1
from yujuesuan.spec.model import TOTAL, Cell, CellIdentity, Condition, RowsMatch, Rule, Strength

T1, T2, T3, T4, T5, T6 = "fa.t1", "fa.t2", "fa.t3", "fa.t4", "fa.t5", "fa.t6"
SG, GF, GZ = "fa.sg", "fa.gf", "fa.gz"
_SOURCES = {4: "上级补助收入", 5: "事业收入", 6: "经营收入", 7: "附属单位上缴收入", 8: "其他收入"}

# X19–X21: a 三公 决算 column is at least the basic-spending economic line of the same item.
_THREE_PUBLIC_BOUNDS = (
    ("car_running", "11", "30231", "公务用车运行费 ≥ 表6 30231公务用车运行维护费"),
    ("reception", "12", "30217", "公务接待费 ≥ 表6 30217公务接待费"),
    ("abroad", "8", "30212", "因公出国（境）费 ≥ 表6 30212因公出国（境）费用"),
    ("car_purchase", "10", "31013", "公务用车购置费 ≥ 表6 31013公务用车购置"),
)

# §3.1: the same personnel cost booked by economic code (表6) and by functional 项 (表5 基本支出).
_CORRESPONDENCES = (
    ("30108", ("2080505",), "机关事业单位基本养老保险缴费"),
    ("30109", ("2080506",), "职业年金缴费"),
    ("30110", ("2101101", "2101102"), "职工基本医疗保险缴费 ↔ 行政/事业单位医疗"),
    ("30111", ("2101103",), "公务员医疗补助"),
    ("30113", ("2210201",), "住房公积金"),
)


def t1_line(layout: str, name: str) -> str:
    return str(t1.lines(layout)[name])


def _t1(layout: str, name: str) -> Cell:
    line = t1.lines(layout)[name]
    return Cell(T1, str(line), "1" if line <= t1.lines(layout)["income_grand_total"] else "2")


def conditions(layout: str) -> dict[str, Condition]:
    balances = (
        _t1(layout, "non_fiscal_surplus_used"),
        _t1(layout, "opening_balance"),
        _t1(layout, "surplus_distribution"),
        _t1(layout, "closing_balance"),
    )
    other_income = tuple(Cell(T1, str(n), "1") for n in range(2, 9))
    return {
        "no_balances": Condition("表1无使用非财政拨款结余、年初结转和结余、结余分配和年末结转和结余", zero=balances),
        "general_budget_only": Condition(
            "全部收入均为一般公共预算财政拨款且无结转结余（表1第2–8行、结转结余各行均为空或0）",
            zero=other_income + balances,
        ),
    }


def rules(layout: str) -> tuple[Rule, ...]:
    cond = conditions(layout)
    income_total, spending_total = _t1(layout, "income_total"), _t1(layout, "spending_total")
    out: list[Rule] = [
        CellIdentity("fa.x.t1_t2.income", (income_total,), (Cell(T2, TOTAL, "1"),), "表1本年收入合计 = 表2合计第1栏"),
        CellIdentity(
            "fa.x.t1_t2.fiscal",
            (Cell(T2, TOTAL, "2"),),
            (Cell(T1, "1", "1"), Cell(T1, "2", "1"), Cell(T1, "3", "1")),
            "表2合计财政拨款收入（第2栏） = 表1第1+2+3行",
        ),
    ]
    out += [
        CellIdentity(
            f"fa.x.t1_t2.c{n - 1}",
            (Cell(T1, str(n), "1"),),
            (Cell(T2, TOTAL, str(n - 1)),),
            f"表1第{n}行{label} = 表2合计第{n - 1}栏",
        )
        for n, label in _SOURCES.items()
    ]
    out += [
        CellIdentity("fa.x.t1_t3.total", (spending_total,), (Cell(T3, TOTAL, "1"),), "表1本年支出合计 = 表3合计第1栏"),
        RowsMatch("fa.x.t1_t3.class", (T1, "2"), (T3, "1"), "表1各类支出 = 表3同一类第1栏", with_total=False),
        RowsMatch("fa.x.t2_t3.rows", (T2, "1"), (T3, "1"), "表2各行第1栏 = 表3同一科目第1栏",
                  strength=Strength.CONDITIONAL, condition=cond["no_balances"]),
    ]
    out += [
        CellIdentity(f"fa.x.t4_t1.l{n}", (Cell(T4, str(n), "1"),), (Cell(T1, str(n), "1"),), f"表4第{n}行 = 表1第{n}行")
        for n in (1, 2, 3)
    ]
    out += [
        RowsMatch("fa.x.t4_t1.class", (T4, "2"), (T1, "2"), "表4各类支出合计（第2栏） ≤ 表1同一类支出",
                  relation="<=", with_total=False),
        RowsMatch("fa.x.t4_t1.class_eq", (T4, "2"), (T1, "2"), "全部支出为财政拨款时，表4各类支出合计 = 表1同一类支出",
                  strength=Strength.CONDITIONAL, condition=cond["general_budget_only"], with_total=False),
        RowsMatch("fa.x.t4_t5.class", (T4, "3"), (T5, "1"), "表4各类一般公共预算财政拨款支出（第3栏） = 表5同一类第1栏",
                  with_total=False),
        RowsMatch("fa.x.t4_gf.class", (T4, "4"), (GF, "3"), "表4各类政府性基金预算财政拨款支出（第4栏） = 政府性基金表同一类本年支出（第3栏）",
                  with_total=False),
        RowsMatch("fa.x.t4_gz.class", (T4, "5"), (GZ, "1"), "表4各类国有资本经营预算财政拨款支出（第5栏） = 国有资本经营表同一类（第1栏）",
                  with_total=False),
        CellIdentity("fa.x.t4_t5.total", (Cell(T4, "59", "3"),), (Cell(T5, TOTAL, "1"),), "表4第59行第3栏 = 表5合计第1栏"),
        CellIdentity("fa.x.t4_gf.income", (Cell(T4, "2", "1"),), (Cell(GF, TOTAL, "2"),), "表4第2行 = 政府性基金表合计本年收入（第2栏）"),
        CellIdentity("fa.x.t4_gf.opening", (Cell(T4, "30", "1"),), (Cell(GF, TOTAL, "1"),), "表4第30行 = 政府性基金表合计年初结转和结余（第1栏）"),
        CellIdentity("fa.x.t4_gf.spending", (Cell(T4, "59", "4"),), (Cell(GF, TOTAL, "3"),), "表4第59行第4栏 = 政府性基金表合计本年支出（第3栏）"),
        CellIdentity("fa.x.t4_gf.closing", (Cell(T4, "60", "4"),), (Cell(GF, TOTAL, "6"),), "表4第60行第4栏 = 政府性基金表合计年末结转和结余（第6栏）"),
        CellIdentity("fa.x.t4_gz.spending", (Cell(T4, "59", "5"),), (Cell(GZ, TOTAL, "1"),), "表4第59行第5栏 = 国有资本经营表合计（第1栏）"),
        RowsMatch("fa.x.t3_t5.basic", (T3, "2"), (T5, "2"), "仅有一般公共预算财政拨款时，表3各行基本支出 = 表5同一科目基本支出",
                  strength=Strength.CONDITIONAL, condition=cond["general_budget_only"]),
        RowsMatch("fa.x.t3_t5.project", (T3, "3"), (T5, "3"), "仅有一般公共预算财政拨款时，表3各行项目支出 = 表5同一科目项目支出",
                  strength=Strength.CONDITIONAL, condition=cond["general_budget_only"]),
        CellIdentity(
            "fa.x.t3_t5.basic_bound",
            (Cell(T3, TOTAL, "2"),),
            (Cell(T5, TOTAL, "2"), Cell(GF, TOTAL, "4"), Cell(GZ, TOTAL, "2")),
            "表3合计基本支出 ≥ 表5基本支出 + 政府性基金基本支出 + 国有资本经营基本支出",
            relation=">=",
        ),
        CellIdentity(
            "fa.x.t6_t5.basic",
            (Cell(T6, "人员经费合计", "amount"), Cell(T6, "公用经费合计", "amount")),
            (Cell(T5, TOTAL, "2"),),
            "表6人员经费合计 + 公用经费合计 = 表5合计基本支出（第2栏）",
        ),
    ]
    out += [
        CellIdentity(f"fa.x.sg_t6.{name}", (Cell(SG, "金额", col),), (Cell(T6, code, "amount"),), f"三公表{basis}", relation=">=")
        for name, col, code, basis in _THREE_PUBLIC_BOUNDS
    ]
    out.append(
        CellIdentity("fa.x.t1.income_spending", (spending_total,), (income_total,), "无结转结余时，表1本年支出合计 = 本年收入合计",
                     strength=Strength.CONDITIONAL, condition=cond["no_balances"])
    )
    out += [
        CellIdentity(
            f"fa.w.t6_t5.{code}",
            (Cell(T6, code, "amount"),),
            tuple(Cell(T5, item, "2") for item in items),
            f"表6 {code} ↔ 表5 {'+'.join(items)} 基本支出（{label}）",
            strength=Strength.PLAUSIBLE,
        )
        for code, items, label in _CORRESPONDENCES
    ]
    return tuple(out)
