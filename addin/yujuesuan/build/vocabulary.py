"""The 底稿 (working papers) vocabulary, and where each term lands in the nine 决算 tables.

Declarations only. ``ledger`` validates against these lists (the drop-down lists of the 底稿
sheets) and ``compute`` adds every ledger amount into the cells these mappings name, so a new
资金来源 or 支出性质 is one line here, never a new branch in code. Sources: design.md (底稿),
spec/nine-tables.md §1–§3.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from yujuesuan.reference.expense_groups import PERSONNEL_CLASSES, PUBLIC_CLASSES

SPENDING, INCOME, BALANCES, THREE_PUBLIC = "底稿-支出", "底稿-收入", "底稿-结转结余", "底稿-三公"


@dataclass(frozen=True)
class Fund:
    """One kind of 财政拨款 (appropriation) and the tables that show it."""

    key: str
    source: str  # the 资金来源 / 收入来源 that is this fund
    table: str  # its own table: 表5, 政府性基金, 国有资本经营
    part_columns: Mapping[str, tuple[str, ...]]  # "basic"/"project" -> columns of ``table``
    total_column: str  # the 本年支出 column of ``table``
    summary_column: str  # 表4 栏 (3–5)
    income_line: str  # 表4 收入 line (1–3)
    opening_line: str  # 表4 年初财政拨款结转和结余 line (29–31)
    income_columns: tuple[str, ...] = ()  # columns of ``table`` that show its 本年收入
    opening_columns: tuple[str, ...] = ()
    closing_columns: tuple[str, ...] = ()
    details_basic: bool = False  # 表6 itemises its basic spending by 经济分类 (and needs the code)


@dataclass(frozen=True)
class Source:
    """A 资金来源 (spending, 结转结余) or 收入来源 (income)."""

    name: str
    income_line: str | None = None  # 表1 收入 line 一…八; None: not a 收入来源
    income_columns: tuple[str, ...] = ()  # 表2 columns its income adds to
    fund: str | None = None  # key of the appropriation fund it is
    spending_line: str | None = None  # 表1 line (``t1.lines`` name) recording spending paid from it


@dataclass(frozen=True)
class Nature:
    """A 支出性质: its 表3 columns and its part of an appropriation fund's spending."""

    name: str
    spending_columns: tuple[str, ...]  # 表3 columns
    part: str | None = None  # "basic" / "project"; None: appropriations cannot pay for it
    economic_classes: tuple[str, ...] = ()  # 经济分类 类 its economic codes must fall under
    detail_total: str | None = None  # 表6 footer row that adds it up


@dataclass(frozen=True)
class ThreePublicItem:
    """One “三公” item (底稿-三公 项目) and the 三公 table columns its amounts add to."""

    name: str
    budget_columns: tuple[str, ...]
    actual_columns: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    """One column of a 底稿 sheet: exact header, frame key, and how a cell is read."""

    name: str  # header as printed, e.g. "金额(元)"
    key: str  # column of the Ledger frame
    kind: str  # "function" | "economic" | "choice" | "amount" | "text"
    required: bool = True
    choices: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How a message names the cell's content ("金额", not "金额(元)")."""
        return self.name.removesuffix("(元)")


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    one_of: tuple[str, ...] = ()  # optional amount columns of which a row must fill one
    unique: tuple[str, ...] = ()  # columns whose value may appear on one row only
    frame: str = ""  # Ledger attribute


GENERAL = "一般公共预算财政拨款"
FUNDS: tuple[Fund, ...] = (
    Fund(
        "general",
        GENERAL,
        "fa.t5",
        MappingProxyType({"basic": ("1", "2"), "project": ("1", "3")}),
        total_column="1",
        summary_column="3",
        income_line="1",
        opening_line="29",
        details_basic=True,
    ),
    Fund(
        "gov_funds",
        "政府性基金预算财政拨款",
        "fa.gf",
        MappingProxyType({"basic": ("3", "4"), "project": ("3", "5")}),
        total_column="3",
        summary_column="4",
        income_line="2",
        opening_line="30",
        income_columns=("2",),
        opening_columns=("1",),
        closing_columns=("6",),
    ),
    Fund(
        "state_capital",
        "国有资本经营预算财政拨款",
        "fa.gz",
        MappingProxyType({"basic": ("1", "2"), "project": ("1", "3")}),
        total_column="1",
        summary_column="5",
        income_line="3",
        opening_line="31",
    ),
)

# 表2 栏2 财政拨款收入 takes all three appropriations (spec X2).
SOURCES: tuple[Source, ...] = (
    Source(GENERAL, "1", ("1", "2"), fund="general"),
    Source("政府性基金预算财政拨款", "2", ("1", "2"), fund="gov_funds"),
    Source("国有资本经营预算财政拨款", "3", ("1", "2"), fund="state_capital"),
    Source("上级补助收入", "4", ("1", "3")),
    Source("事业收入", "5", ("1", "4")),
    Source("经营收入", "6", ("1", "5")),
    Source("附属单位上缴收入", "7", ("1", "6")),
    Source("其他收入", "8", ("1", "7")),
    Source("使用非财政拨款结余", spending_line="non_fiscal_surplus_used"),
    Source("年初结转和结余"),
)
INCOME_SOURCES: tuple[Source, ...] = tuple(s for s in SOURCES if s.income_line is not None)

# 人员经费 = 301 + 303, 公用经费 = 302 + 307 + 310 + 399 (表6 footer, spec X17).
NATURES: tuple[Nature, ...] = (
    Nature("基本支出-人员经费", ("1", "2"), "basic", PERSONNEL_CLASSES, "人员经费合计"),
    Nature("基本支出-公用经费", ("1", "2"), "basic", PUBLIC_CLASSES, "公用经费合计"),
    Nature("项目支出", ("1", "3"), "project"),
    Nature("上缴上级支出", ("1", "4")),
    Nature("经营支出", ("1", "5")),
    Nature("对附属单位补助支出", ("1", "6")),
)

# 三公 table: 栏1 合计 = 2 + 3 + 6, 栏3 小计 = 4 + 5; 栏7–12 the same for 决算数.
THREE_PUBLIC_ITEMS: tuple[ThreePublicItem, ...] = (
    ThreePublicItem("因公出国（境）费", ("1", "2"), ("7", "8")),
    ThreePublicItem("公务用车购置费", ("1", "3", "4"), ("7", "9", "10")),
    ThreePublicItem("公务用车运行费", ("1", "3", "5"), ("7", "9", "11")),
    ThreePublicItem("公务接待费", ("1", "6"), ("7", "12")),
)
THREE_PUBLIC_ROW = "金额"

# 表1 lines (names of ``t01_income_expense_summary.lines``) every amount of a kind adds to,
# besides its own line: income → 本年收入合计 and 总计, and so on.
T1_INCOME = ("income_total", "income_grand_total")
T1_PAID_FROM_SOURCE = ("income_grand_total",)
T1_OPENING = ("opening_balance", "income_grand_total")
T1_SPENDING = ("spending_total", "spending_grand_total")
T1_CLOSING = ("closing_balance", "spending_grand_total")
T1_INCOME_COLUMN, T1_SPENDING_COLUMN = "1", "2"
# 结余分配 (surplus_distribution) has no 底稿 and stays 0.

# 表4: income → 27, 32; opening → 28, 32 (栏1); spending → 59, 64; closing → 60, 64 (栏2 and the
# fund's 栏).
T4_INCOME = ("27", "32")
T4_OPENING = ("28", "32")
T4_SPENDING = ("59", "64")
T4_CLOSING = ("60", "64")
T4_INCOME_COLUMN = "1"
T4_TOTAL_COLUMN = "2"

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        SPENDING,
        (
            Column("功能科目编码", "function", "function"),
            Column("资金来源", "source", "choice", choices=tuple(s.name for s in SOURCES)),
            Column("支出性质", "nature", "choice", choices=tuple(n.name for n in NATURES)),
            Column("经济科目编码", "economic", "economic", required=False),
            Column("项目名称", "project", "text", required=False),
            Column("金额(元)", "amount", "amount"),
        ),
        frame="spending",
    ),
    Sheet(
        INCOME,
        (
            Column("功能科目编码", "function", "function"),
            Column("收入来源", "source", "choice", choices=tuple(s.name for s in INCOME_SOURCES)),
            Column("金额(元)", "amount", "amount"),
        ),
        frame="income",
    ),
    Sheet(
        BALANCES,
        (
            Column("资金来源", "source", "choice", choices=tuple(s.name for s in SOURCES)),
            Column("功能科目编码", "function", "function"),
            Column("年初结转和结余(元)", "opening", "amount", required=False),
            Column("年末结转和结余(元)", "closing", "amount", required=False),
        ),
        one_of=("opening", "closing"),
        frame="balances",
    ),
    Sheet(
        THREE_PUBLIC,
        (
            Column("项目", "item", "choice", choices=tuple(i.name for i in THREE_PUBLIC_ITEMS)),
            Column("预算数(元)", "budget", "amount", required=False),
            Column("决算数(元)", "actual", "amount", required=False),
        ),
        one_of=("budget", "actual"),
        unique=("item",),
        frame="three_public",
    ),
)


@dataclass(frozen=True)
class Lookup:
    """The declarations indexed by name (built once)."""

    sources: Mapping[str, Source] = field(default_factory=lambda: {s.name: s for s in SOURCES})
    natures: Mapping[str, Nature] = field(default_factory=lambda: {n.name: n for n in NATURES})
    funds: Mapping[str, Fund] = field(default_factory=lambda: {f.key: f for f in FUNDS})
    items: Mapping[str, ThreePublicItem] = field(
        default_factory=lambda: {i.name: i for i in THREE_PUBLIC_ITEMS}
    )

    def fund_of(self, source: str) -> Fund | None:
        key = self.sources[source].fund
        return None if key is None else self.funds[key]


LOOKUP = Lookup()
