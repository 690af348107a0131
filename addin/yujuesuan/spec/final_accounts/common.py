"""Shared shape of the 决算 tables whose rows are 功能分类科目 codes (表2, 表3, 表5, 政府性基金, 国有资本经营)."""

from __future__ import annotations

from yujuesuan.spec.code_tables import function_code_table
from yujuesuan.spec.model import ColumnSpec, ColumnSum, TableSpec, note_target


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
    sums = tuple(ColumnSum.from_footnote(f"{id}.c{note_target(text)}", id, text) for text in footnotes)
    return function_code_table(id, name, number, columns, sums, aliases=aliases, notes=notes + footnotes)
