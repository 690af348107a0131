"""表6 一般公共预算基本支出表 and 表7 一般公共预算“三公”经费支出表 of the 2024 预算 (B14, B15, B17).

表6 lists only the 经济分类科目 codes with a budget line, in one block: 合计 | 人员经费 | 公用经费.
表7 is one row of six amounts.
"""

from __future__ import annotations

from yujuesuan.reference.expense_groups import PERSONNEL_CLASSES, PUBLIC_CLASSES
from yujuesuan.spec.budget.code_tables import col, col_sum
from yujuesuan.spec.model import (
    TOTAL,
    Cell,
    CellIdentity,
    InCatalog,
    RowsMode,
    RowSpec,
    TableSpec,
    TreeSum,
)

T6, T7 = "bu.t6", "bu.t7"
SG_ROW = "金额"


def _code_sum(id: str, target_col: str, codes: tuple[str, ...], basis: str) -> CellIdentity:
    return CellIdentity(
        id=id,
        left=(Cell(T6, TOTAL, target_col),),
        right=tuple(Cell(T6, c, "total") for c in codes),
        basis=basis,
    )


def t6() -> TableSpec:
    rules = (
        col_sum(
            f"{T6}.c_total",
            T6,
            "total",
            ("personnel", "public"),
            "合计 = 人员经费 + 公用经费（各行，表式）",
        ),
        _code_sum(
            f"{T6}.personnel",
            "personnel",
            PERSONNEL_CLASSES,
            "人员经费合计 = 301工资福利支出 + 303对个人和家庭的补助",
        ),
        _code_sum(
            f"{T6}.public",
            "public",
            PUBLIC_CLASSES,
            "公用经费合计 = 302商品和服务支出 + 307债务利息及费用支出 + 310资本性支出 + 399其他支出",
        ),
        TreeSum(f"{T6}.tree", T6, catalog="economic", basis="合计 = Σ类；类 = Σ款（按编码前缀）"),
        InCatalog(f"{T6}.codes", T6, catalog="economic"),
    )
    return TableSpec(
        id=T6,
        name="一般公共预算基本支出表",
        number=6,
        rows_mode=RowsMode.FUNCTION,
        columns=(col("total", "合计"), col("personnel", "人员经费"), col("public", "公用经费")),
        rows=(RowSpec(key=TOTAL, label="合计"),),
        rules=rules,
    )


SG_COLUMNS = (
    col("total", "“三公”经费合计", "三公经费合计", "合计"),
    col("abroad", "因公出国（境）费"),
    col("car", "小计", "公务用车购置及运行费小计"),
    col("car_purchase", "公务用车购置费"),
    col("car_running", "公务用车运行费", "公务用车运行维护费"),
    col("reception", "公务接待费"),
)


def t7() -> TableSpec:
    rules = (
        col_sum(
            f"{T7}.c_total",
            T7,
            "total",
            ("abroad", "car", "reception"),
            "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费小计 + 公务接待费（表式）",
        ),
        col_sum(
            f"{T7}.c_car",
            T7,
            "car",
            ("car_purchase", "car_running"),
            "小计 = 公务用车购置费 + 公务用车运行费（表式）",
        ),
    )
    return TableSpec(
        id=T7,
        name="一般公共预算“三公”经费支出表",
        number=7,
        rows_mode=RowsMode.FIXED,
        columns=SG_COLUMNS,
        rows=(RowSpec(key=SG_ROW, label=""),),
        rules=rules,
    )
