"""What every table layout hands back: where each amount cell of a table sits on its sheet."""

from __future__ import annotations

from dataclasses import dataclass, field

from yujuesuan.spec.model import TableSpec

CellKey = tuple[str, str, str]  # (table id, row key, column key)


@dataclass(frozen=True)
class Context:
    """What a layout prints around the numbers: the unit (部门), the year, the layout and kind of
    the set (the kind decides the heading lines and whether 行次/栏次 are printed)."""

    unit: str
    year: int
    layout: str
    kind: str = "决算"


@dataclass
class Placement:
    """One table on one sheet: amount cells by (row key, column key) → address such as "C33"."""

    table_id: str
    sheet: str
    cells: dict[tuple[str, str], str] = field(default_factory=dict)
    first_data_row: int = 0  # 1-based; panes are frozen above it


def sheet_name(spec: TableSpec) -> str:
    """``表N``, or the printed label when the table has one (``表5-1``)."""
    return f"表{spec.label or spec.number}"
