"""The 部门预算 底稿 (working papers) vocabulary: one sheet, one row per budget line, in 元.

A budget is balanced line by line: each line says what it buys (功能科目, 经济科目, 支出性质,
项目) and who pays for it (资金来源), so 收入总表 (表2) and the income side of 表1/表4 are the
same lines seen by 资金来源. Declarations only — the ledger reader validates against these lists
and the budget builder adds every line into the cells these mappings name (2024 表1–表10,
spec/nine-tables.md §4.1). The template renders the sheet from ``SHEETS`` (headers, drop-down
lists), so both sides agree by construction.

上年结转结余 is one source, not one per 财政拨款 fund: 表4 二、上年结转 stays 0, because the
2024 identities (表4 本年收入(一) = 表5-1合计; 表4 本年支出 = 表5-1 + 表8 + 表9) leave no cell
for spending carried-over appropriations. Such lines show on 表1, 表2 and 表3.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from yujuesuan.build.vocabulary import Column, Sheet
from yujuesuan.reference.expense_groups import PERSONNEL_CLASSES, PUBLIC_CLASSES

BUDGET = "底稿-预算"
PERSONNEL, PUBLIC, PROJECT = "基本支出-人员经费", "基本支出-公用经费", "项目支出"


@dataclass(frozen=True)
class Fund:
    """One 财政拨款 fund: its own table, the 表4 income line, and the columns each 支出性质
    it may pay lands in (a nature not listed cannot be paid from it)."""

    key: str  # 表4 row 本年收入.<key>
    table: str  # bu.t5 (表5-1), bu.t8, bu.t9
    columns: Mapping[str, tuple[str, ...]]  # 支出性质 → columns of ``table``
    details: bool = False  # its basic lines make 表6 and its lines 表7 (一般公共预算 only)


@dataclass(frozen=True)
class Source:
    """A 资金来源: the 表1 income lines and the 表2 columns its lines add to."""

    name: str
    t1_lines: tuple[str, ...]  # own line, 本年收入合计 (this year's money only), 收入总计
    t2_columns: tuple[str, ...]
    fund: str | None = None  # key of the 财政拨款 fund it is


@dataclass(frozen=True)
class Nature:
    """A 支出性质: its 表3 columns, its 表6 columns (basic spending by 经济科目), the 经济分类
    类 its codes must fall under, and its 表10 columns (项目支出表)."""

    name: str
    t3_columns: tuple[str, ...]
    t6_columns: tuple[str, ...] = ()
    economic_classes: tuple[str, ...] = ()
    t10_columns: tuple[str, ...] = ()


_THIS_YEAR = ("本年收入合计", "收入总计")
SOURCES: tuple[Source, ...] = (  # the order of the 表1 收入 lines 一…九, then the balance
    Source("一般公共预算拨款", ("general", *_THIS_YEAR), ("total", "general"), "general"),
    Source("政府性基金预算拨款", ("gov_funds", *_THIS_YEAR), ("total", "gov_funds"), "gov_funds"),
    Source(
        "国有资本经营预算拨款",
        ("state_capital", *_THIS_YEAR),
        ("total", "state_capital"),
        "state_capital",
    ),
    Source("财政专户管理资金", ("special_account", *_THIS_YEAR), ("total", "special_account")),
    Source("事业收入", ("business", *_THIS_YEAR), ("total", "business")),
    Source("事业单位经营收入", ("operating", *_THIS_YEAR), ("total", "operating")),
    Source("上级补助收入", ("superior", *_THIS_YEAR), ("total", "superior")),
    Source("附属单位上缴收入", ("affiliated", *_THIS_YEAR), ("total", "affiliated")),
    Source("其他收入", ("other", *_THIS_YEAR), ("total", "other")),
    Source("上年结转结余", ("上年结转结余", "收入总计"), ("total", "carried")),
)

NATURES: tuple[Nature, ...] = (  # 表3 columns; 基本支出 splits into 人员经费 / 公用经费
    Nature(PERSONNEL, ("total", "basic"), ("total", "personnel"), PERSONNEL_CLASSES),
    Nature(PUBLIC, ("total", "basic"), ("total", "public"), PUBLIC_CLASSES),
    Nature(PROJECT, ("total", "project"), t10_columns=("total",)),
    Nature("事业单位经营支出", ("total", "operating")),
    Nature("上缴上级支出", ("total", "superior")),
    Nature("对附属单位补助支出", ("total", "subsidy")),
)

_BASIC_PROJECT = MappingProxyType(
    {PERSONNEL: ("total", "basic"), PUBLIC: ("total", "basic"), PROJECT: ("total", "project")}
)
FUNDS: tuple[Fund, ...] = (
    Fund(
        "general",
        "bu.t5",
        MappingProxyType(
            {
                PERSONNEL: ("total", "basic", "personnel"),
                PUBLIC: ("total", "basic", "public"),
                PROJECT: ("total", "project"),
            }
        ),
        details=True,
    ),
    Fund("gov_funds", "bu.t8", _BASIC_PROJECT),
    Fund("state_capital", "bu.t9", _BASIC_PROJECT),
)

# 表1 / 表4: every line adds to its class line (类 of its 功能科目) and these totals.
T1_SPENDING = ("本年支出合计", "支出总计")
T4_INCOME = ("本年收入", "收入总计")  # besides 本年收入.<fund>
T4_SPENDING = ("本年支出", "支出总计")
INCOME_COLUMN, SPENDING_COLUMN = "income", "spending"

# 表7 “三公” from the 经济科目 of the lines 表6's fund pays (basic and project alike).
THREE_PUBLIC: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "30212": ("total", "abroad"),  # 因公出国（境）费用
        "31013": ("total", "car", "car_purchase"),  # 公务用车购置
        "30231": ("total", "car", "car_running"),  # 公务用车运行维护费
        "30217": ("total", "reception"),  # 公务接待费
    }
)
THREE_PUBLIC_ROW = "金额"

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        BUDGET,
        (
            Column("功能科目编码", "function", "function"),
            Column("经济科目编码", "economic", "economic"),
            Column("资金来源", "source", "choice", choices=tuple(s.name for s in SOURCES)),
            Column("支出性质", "nature", "choice", choices=tuple(n.name for n in NATURES)),
            Column("项目名称", "project", "text", required=False),
            Column("金额(元)", "amount", "amount"),
        ),
        frame="lines",
    ),
)

SOURCE_BY_NAME: Mapping[str, Source] = MappingProxyType({s.name: s for s in SOURCES})
NATURE_BY_NAME: Mapping[str, Nature] = MappingProxyType({n.name: n for n in NATURES})
FUND_BY_KEY: Mapping[str, Fund] = MappingProxyType({f.key: f for f in FUNDS})


def fund_of(source: str) -> Fund | None:
    key = SOURCE_BY_NAME[source].fund
    return None if key is None else FUND_BY_KEY[key]
