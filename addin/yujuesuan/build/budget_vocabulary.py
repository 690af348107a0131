"""The 部门预算 底稿 (working papers) vocabulary: one sheet, one row per budget line, in 元.

A budget is balanced line by line: each line says what it buys (功能科目, 经济科目, 支出性质,
项目) and who pays for it (资金来源), so 收入总表 (表2) and the income side of 表1/表4 are the
same lines seen by 资金来源. Declarations only — the ledger reader validates against these lists
and the budget builder maps them to the 2024 表1–表9 (spec/nine-tables.md §4.1). The template
renders the sheet from ``SHEETS`` (headers, drop-down lists), so both sides agree by construction.
"""

from __future__ import annotations

from yujuesuan.build.vocabulary import Column, Sheet

BUDGET = "底稿-预算"

# 资金来源, in the order of the 表1 收入 lines 一…九, then the balance brought forward.
SOURCES: tuple[str, ...] = (
    "一般公共预算拨款",
    "政府性基金预算拨款",
    "国有资本经营预算拨款",
    "财政专户管理资金",
    "事业收入",
    "事业单位经营收入",
    "上级补助收入",
    "附属单位上缴收入",
    "其他收入",
    "上年结转结余",
)
# 支出性质: 表3 columns; 基本支出 splits into 人员经费 / 公用经费 on 表5-1 and 表6.
NATURES: tuple[str, ...] = (
    "基本支出-人员经费",
    "基本支出-公用经费",
    "项目支出",
    "事业单位经营支出",
    "上缴上级支出",
    "对附属单位补助支出",
)

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        BUDGET,
        (
            Column("功能科目编码", "function", "function"),
            Column("经济科目编码", "economic", "economic"),
            Column("资金来源", "source", "choice", choices=SOURCES),
            Column("支出性质", "nature", "choice", choices=NATURES),
            Column("项目名称", "project", "text", required=False),
            Column("金额(元)", "amount", "amount"),
        ),
        frame="lines",
    ),
)
