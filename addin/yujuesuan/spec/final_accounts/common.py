"""Shared shape of the 决算 tables whose rows are 功能分类科目 codes (表2, 表3, 表5, 政府性基金, 国有资本经营)."""

from __future__ import annotations

from yujuesuan.spec.model import (
    TOTAL,
    ColumnSpec,
    ColumnSum,
    InCatalog,
    RowSpec,
    RowsMode,
    TableSpec,
    TreeSum,
    note_target,
)


def code_table(
    id: str,
    name: str,
    number: int,
    columns: tuple[ColumnSpec, ...],
    *,
    footnotes: tuple[str, ...] = (),
    notes: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
) -> TableSpec:
    """A 合计 row then code rows; every printed 栏 identity, the code tree and the catalog."""
    rules = tuple(
        ColumnSum.from_footnote(f"{id}.c{note_target(text)}", id, text) for text in footnotes
    ) + (
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
        aliases=aliases,
        rules=rules,
        notes=notes + footnotes,
    )
