"""The 2024 预算 tables whose rows are 功能分类科目 codes: 表2, 表3, 表5-1, 表8, 表9 (and 表10).

No 栏次 is printed: columns are keyed by name and matched by header text. The column identities
are the layout's (spec §4.1.1 B5, B9, B10); the hierarchy 合计 = Σ类, 类 = Σ款, 款 = Σ项 is B6/B11.
"""

from __future__ import annotations

from yujuesuan.spec.code_tables import function_code_table
from yujuesuan.spec.model import TOTAL, ColumnSpec, ColumnSum, RowsMode, RowSpec, TableSpec


def col(key: str, label: str, *aliases: str) -> ColumnSpec:
    return ColumnSpec(key=key, label=label, aliases=aliases)


def col_sum(id: str, table: str, target: str, terms: tuple[str, ...], basis: str) -> ColumnSum:
    return ColumnSum(
        id=id, table=table, target=target, terms=tuple((1, t) for t in terms), basis=basis
    )


def general_sums(table: str) -> tuple[ColumnSum, ColumnSum]:
    """The two column identities of the 一般公共预算 支出 columns (表5-1 and 附表-5-2)."""
    return (
        col_sum(
            f"{table}.c_total",
            table,
            "total",
            ("basic", "project"),
            "合计 = 基本支出小计 + 项目支出（各行，表式）",
        ),
        col_sum(
            f"{table}.c_basic",
            table,
            "basic",
            ("personnel", "public"),
            "基本支出小计 = 人员经费 + 公用经费（各行，表式）",
        ),
    )


T2, T3, T5, T8, T9, T10 = "bu.t2", "bu.t3", "bu.t5", "bu.t8", "bu.t9", "bu.t10"

_INCOME = (
    col("total", "合计"),
    col("general", "一般公共预算拨款收入", "一般公共预算拨款"),
    col("gov_funds", "政府性基金预算拨款收入", "政府性基金预算拨款"),
    col("state_capital", "国有资本经营预算拨款收入", "国有资本经营预算拨款"),
    col("special_account", "财政专户管理资金收入"),
    col("business", "事业收入"),
    col("operating", "事业单位经营收入"),
    col("superior", "上级补助收入"),
    col("affiliated", "附属单位上缴收入"),
    col("other", "其他收入"),
    col("carried", "上年结转结余", "上年结转"),
)
_SPENDING = (
    col("total", "合计"),
    col("basic", "基本支出"),
    col("project", "项目支出"),
    col("operating", "事业单位经营支出"),
    col("superior", "上缴上级支出"),
    col("subsidy", "对附属单位补助支出"),
)
GENERAL_COLUMNS = (  # also 附表-5-2 (分单位)
    col("total", "合计"),
    col("basic", "小计", "基本支出小计"),
    col("personnel", "人员经费"),
    col("public", "公用经费"),
    col("project", "项目支出"),
)
_FUND = (col("total", "合计"), col("basic", "基本支出"), col("project", "项目支出"))


def t2() -> TableSpec:
    # The 2024 seed publishes 收入总表 empty; the columns are the 收支总表 income lines.
    terms = tuple(c.key for c in _INCOME[1:])
    return function_code_table(
        T2,
        "收入总表",
        2,
        _INCOME,
        (col_sum(f"{T2}.c_total", T2, "total", terms, "合计 = 各项收入之和（表式）"),),
        aliases=("收入预算总表",),
    )


def t3() -> TableSpec:
    terms = tuple(c.key for c in _SPENDING[1:])
    basis = "合计 = 基本支出 + 项目支出 + 事业单位经营支出 + 上缴上级支出 + 对附属单位补助支出（各行，表式）"
    return function_code_table(
        T3,
        "支出总表",
        3,
        _SPENDING,
        (col_sum(f"{T3}.c_total", T3, "total", terms, basis),),
        aliases=("支出预算总表",),
    )


def t5() -> TableSpec:
    return function_code_table(
        T5,
        "一般公共预算支出表(分功能科目)",
        5,
        GENERAL_COLUMNS,
        general_sums(T5),
        label="5-1",
        aliases=("一般公共预算支出表（分功能科目）", "一般公共预算支出表"),
    )


def _fund_table(id: str, name: str, number: int, fund: str) -> TableSpec:
    sums = (
        col_sum(
            f"{id}.c_total",
            id,
            "total",
            ("basic", "project"),
            "合计 = 基本支出 + 项目支出（各行，表式）",
        ),
    )
    return function_code_table(id, name, number, _FUND, sums, empty_notes=(f"无{fund}预算",))


def t8() -> TableSpec:
    return _fund_table(T8, "政府性基金预算支出表", 8, "政府性基金")


def t9() -> TableSpec:
    return _fund_table(T9, "国有资本经营预算支出表", 9, "国有资本经营")


def t10() -> TableSpec:
    # Published empty in the 2024 seed (no header): only its presence and body are checked.
    return TableSpec(
        id=T10,
        name="项目支出表",
        number=10,
        rows_mode=RowsMode.FUNCTION,
        columns=(col("total", "合计"),),
        rows=(RowSpec(key=TOTAL, label="合计"),),
    )
