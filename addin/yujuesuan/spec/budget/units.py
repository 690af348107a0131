"""附表-5-2 一般公共预算支出表(分单位) of the 2024 预算 (spec §4.1.1 B13).

Rows are 合计, then 单位编码: the department (``136``) and its units (``136001``). Unit codes are
no catalog, so the hierarchy is declared by code length and prefix (``PrefixTree``), without a
catalog check. The columns are those of 表5-1, and its 合计 row repeats 表5-1's column by column.
"""

from __future__ import annotations

from yujuesuan.spec.budget.code_tables import GENERAL_COLUMNS, T5, general_sums
from yujuesuan.spec.model import (
    TOTAL,
    Cell,
    CellIdentity,
    PrefixTree,
    RowsMode,
    RowSpec,
    Rule,
    TableSpec,
)

T5_2 = "bu.t5_2"
UNIT_LEVELS = (3, 6)  # 部门编码 136 › 单位编码 136001


_COLUMN_WORDS = {
    "total": "合计",
    "basic": "基本支出小计",
    "personnel": "人员经费",
    "public": "公用经费",
    "project": "项目支出",
}


def _same_as_t5(col: str, label: str) -> CellIdentity:
    return CellIdentity(
        id=f"bu.x.t5_2_t5.{col}",
        left=(Cell(T5_2, TOTAL, col),),
        right=(Cell(T5, TOTAL, col),),
        basis=f"表5-2合计行{label} = 表5-1合计行{label}",
    )


def t5_2() -> TableSpec:
    rules: tuple[Rule, ...] = (
        *general_sums(T5_2),
        PrefixTree(
            f"{T5_2}.tree",
            T5_2,
            levels=UNIT_LEVELS,
            basis="合计 = Σ部门；部门 = Σ所属单位（按单位编码前缀）",
        ),
    ) + tuple(_same_as_t5(key, label) for key, label in _COLUMN_WORDS.items())
    return TableSpec(
        id=T5_2,
        name="一般公共预算支出表(分单位)",
        number=52,  # printed 附表-5-2 between 表5-1 and 表6; numbers must be unique in a set
        label="5-2",
        rows_mode=RowsMode.FUNCTION,
        columns=GENERAL_COLUMNS,
        rows=(RowSpec(key=TOTAL, label="合计"),),
        aliases=("一般公共预算支出表（分单位）",),
        rules=rules,
    )
