"""表12-n 部门项目支出绩效目标表 (部门预算 2024, spec §4.1): one form per project, unit 元.

Identities B19–B22 of spec §4.1.1. Amounts are in 元 and are not rounded figures, so every
identity inside a form must hold to the 分; only B21 (a percentage printed to 2 decimals) and
B22 (元 against the 万元 of 表3) allow for rounding.

项目总预算 ≥ 项目当年预算 is declared as a bound, not an equality: in the seed both are equal
because all five projects are 常年性项目, but a multi-year project's 总预算 covers every year.
"""

from __future__ import annotations

from yujuesuan.spec.forms import (
    VALUE,
    BlockSpec,
    FieldSpec,
    FormIdentity,
    FormProduct,
    FormRatio,
    FormRule,
    FormSpec,
    FormTotal,
    Lines,
)
from yujuesuan.spec.model import TOTAL, Cell, RowSpec, cols

ID = "bu.t12"
_SOURCES = (
    RowSpec(key="source_total", label="合计"),
    RowSpec(key="general", label="一般公共预算财政拨款"),
    RowSpec(key="general_current", label="其中：申请当年预算拨款"),
    RowSpec(key="fund", label="政府性基金预算财政拨款"),
    RowSpec(key="special_account", label="财政专户管理资金"),
    RowSpec(key="unit_funds", label="单位资金"),
    RowSpec(key="unit_carryover", label="其中：使用上年度财政拨款结转"),
)


def _cell(row: str, col: str = "amount") -> Cell:
    return Cell(ID, row, col)


def _rules() -> tuple[FormRule, ...]:
    current = _cell("current_budget", VALUE)
    return (
        FormProduct(
            id="bu.t12.b19", form=ID, block="details", factors=("price", "quantity"), target="amount",
            basis="项目支出明细测算各行：单价 × 计量数 = 测算数",
        ),
        FormIdentity(
            id="bu.t12.b20.details", form=ID, left=(current,), right=(Lines("details", "amount"),),
            basis="项目当年预算 = Σ 项目支出明细测算 测算数",
        ),
        FormIdentity(
            id="bu.t12.b20.sources", form=ID, left=(_cell("source_total"),),
            right=tuple(_cell(k) for k in ("general", "fund", "special_account", "unit_funds")),
            basis="项目资金来源 合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 财政专户管理资金 + 单位资金",
        ),
        FormIdentity(
            id="bu.t12.b20.source_total", form=ID, left=(_cell("source_total"),), right=(current,),
            basis="项目资金来源 合计 = 项目当年预算",
        ),
        FormIdentity(
            id="bu.t12.b20.total_budget", form=ID, left=(_cell("total_budget", VALUE),), right=(current,),
            basis="项目总预算 ≥ 项目当年预算", relation=">=",
        ),
        FormIdentity(
            id="bu.t12.b20.general_current", form=ID, left=(_cell("general"),), right=(_cell("general_current"),),
            basis="一般公共预算财政拨款 ≥ 其中：申请当年预算拨款", relation=">=",
        ),
        FormIdentity(
            id="bu.t12.b20.unit_carryover", form=ID, left=(_cell("unit_funds"),), right=(_cell("unit_carryover"),),
            basis="单位资金 ≥ 其中：使用上年度财政拨款结转", relation=">=",
        ),
        FormRatio(
            id="bu.t12.b21", form=ID, block="history", target="rate", numerator="spent", denominator="budget",
            basis="项目前两年预算情况：执行率 = 执行数 / 预算数（%，保留两位小数）",
        ),
        FormTotal(
            id="bu.t12.b22", form=ID, field="current_budget", against=Cell("bu.t3", TOTAL, "project"),
            basis="Σ 各项目当年预算（元）÷ 10,000 = 表3 支出总表“合计”行项目支出（万元）",
        ),
    )


def t12() -> FormSpec:
    return FormSpec(
        id=ID,
        name="部门项目支出绩效目标表",
        number=12,
        unit="元",
        name_field="name",
        fields=(
            FieldSpec("name", "项目名称", amount=False),
            FieldSpec("frequency", "项目安排频度", amount=False),
            FieldSpec("total_budget", "项目总预算"),
            FieldSpec("current_budget", "项目当年预算"),
        ),
        blocks=(
            BlockSpec(
                "history", "项目前两年预算情况", cols("year 年度", "budget 预算数", "spent 执行数", "rate 执行率"),
                label_column="year", amounts=("budget", "spent"), percents=("rate",),
            ),
            BlockSpec(
                "sources", "项目资金来源", cols("source 来源项目", "amount 金额"),
                label_column="source", amounts=("amount",), rows=_SOURCES,
            ),
            BlockSpec(
                "details", "项目支出明细测算",
                cols("task 项目任务明细", "standard 支出标准", "price 单价", "quantity 计量数", "amount 测算数", "note 测算依据及说明"),
                label_column="task", amounts=("price", "quantity", "amount"), counts=("quantity",),
            ),
            BlockSpec(
                "purchases", "项目采购", cols("item 品名", "quantity 数量", "amount 金额"),
                label_column="item", amounts=("quantity", "amount"), counts=("quantity",),
            ),
        ),
        stops=("项目绩效总目标", "长期绩效目标表", "年度绩效目标表"),
        rules=_rules(),
    )
