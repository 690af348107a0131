"""The shape shared by every table whose rows are 功能分类科目 codes, in both kinds (决算 表2/表3/
表5/政府性基金/国有资本经营; 预算 表2/表3/表5-1/表8/表9): a 合计 row then code rows, the table's own
column identities, the code tree (合计 = Σ类, 类 = Σ款, 款 = Σ项) and the catalog check."""

from __future__ import annotations

from yujuesuan.spec.model import (
    TOTAL,
    ColumnSpec,
    ColumnSum,
    InCatalog,
    RowsMode,
    RowSpec,
    TableSpec,
    TreeSum,
)


def function_code_table(
    id: str,
    name: str,
    number: int,
    columns: tuple[ColumnSpec, ...],
    sums: tuple[ColumnSum, ...],
    **extra: object,
) -> TableSpec:
    rules = sums + (
        TreeSum(f"{id}.tree", id, catalog="function"),
        InCatalog(f"{id}.codes", id, catalog="function"),
    )
    return TableSpec(
        id=id,
        name=name,
        number=number,
        rows_mode=RowsMode.FUNCTION,
        columns=columns,
        rows=(RowSpec(key=TOTAL, label="合计"),),
        rules=rules,
        **extra,  # type: ignore[arg-type]
    )
