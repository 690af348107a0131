"""表11 部门整体支出绩效目标表 of the 2024 预算: its money block 部门总体资金情况（万元）
(spec §4.1.1 B24, B25). The goals and indicators around it are text and are not checked.

The block prints 0.1 万元 (``decimals=1``): 当年预算收支, 占比 (% of the side's 合计, one
decimal) and the two years before (printed as years, "2022 年 | 2023 年", read as 前年 | 上年).
当年 figures are 表3 / 表1 totals rounded to 0.1 万元.
"""

from __future__ import annotations

from yujuesuan.spec.budget.code_tables import T3, col
from yujuesuan.spec.budget.summaries import T1
from yujuesuan.spec.model import (
    TOTAL,
    Cell,
    RoundedEqual,
    RowsMode,
    RowSpec,
    RowSum,
    Rule,
    Share,
    TableSpec,
)

T11 = "bu.t11"
AMOUNTS = ("current", "prior2", "prior1")  # 当年预算收支, 前年, 上年 (the share column aside)
INCOME = (("income.fiscal", "财政拨款"), ("income.other", "其他资金"), ("income.total", "合计"))
SPENDING = (("spending.basic", "基本支出"), ("spending.project", "项目支出"), ("spending.total", "合计"))

COLUMNS = (
    col("current", "当年预算收支", "当年预算收支(单位：万元)"),
    col("share", "占比"),
    col("prior2", "前年"),  # the first of the two printed years (labels.RELATIVE_YEARS)
    col("prior1", "上年"),
)


def _side_sum(id: str, rows: tuple[tuple[str, str], ...], basis: str) -> RowSum:
    (first, _), (second, _), (total, _) = rows
    terms = ((1, first), (1, second))
    return RowSum(id=id, table=T11, target=total, terms=terms, basis=basis, columns=AMOUNTS)


def _rounded(id: str, row: str, source: Cell | tuple[Cell, ...], basis: str) -> RoundedEqual:
    basis += "（按0.1万元四舍五入）"
    right = source if isinstance(source, tuple) else (source,)
    return RoundedEqual(id=id, left=Cell(T11, row, "current"), right=right, basis=basis)


def t11() -> TableSpec:
    shares = tuple((key, side[-1][0]) for side in (INCOME, SPENDING) for key, _ in side)
    rules: tuple[Rule, ...] = (
        _side_sum(f"{T11}.income", INCOME, "收入合计 = 财政拨款 + 其他资金（当年及近两年各栏）"),
        _side_sum(f"{T11}.spending", SPENDING, "支出合计 = 基本支出 + 项目支出（当年及近两年各栏）"),
        Share(
            f"{T11}.share",
            T11,
            column="share",
            amount_column="current",
            parts=shares,
            basis="占比 = 当年预算收支 ÷ 同类合计 × 100（保留一位小数）",
        ),
        _rounded("bu.x.t11_t3.basic", "spending.basic", Cell(T3, TOTAL, "basic"), "表11当年基本支出 = 表3合计基本支出"),
        _rounded("bu.x.t11_t3.project", "spending.project", Cell(T3, TOTAL, "project"), "表11当年项目支出 = 表3合计项目支出"),
        # 支出构成 lists only 基本支出 and 项目支出: its 合计 is theirs, not 表3's 合计, which also
        # holds 事业单位经营支出, 上缴上级支出 and 对附属单位补助支出
        _rounded(
            "bu.x.t11_t3.total",
            "spending.total",
            (Cell(T3, TOTAL, "basic"), Cell(T3, TOTAL, "project")),
            "表11当年支出合计 = 表3合计基本支出 + 项目支出",
        ),
        _rounded("bu.x.t11_t1.income", "income.total", Cell(T1, "本年收入合计", "income"), "表11当年收入合计 = 表1本年收入合计"),
    )
    return TableSpec(
        id=T11,
        name="部门整体支出绩效目标表",
        number=11,
        rows_mode=RowsMode.FIXED,
        columns=COLUMNS,
        rows=tuple(RowSpec(key=k, label=label) for k, label in INCOME + SPENDING),
        aliases=("部门整体支出绩效目标申报表",),
        rules=rules,
        decimals=1,
    )
