"""部门预算公开: the 2024 budget tables (表1–表10) and their identities, as data (spec §4.1).

Layout "2024" (seed qiaokou-2024): no 行次 or 栏次 — rows and columns are keyed by name and
matched by printed label; 24 expenditure classes including 债务发行费用支出.
"""

from __future__ import annotations

from yujuesuan.spec.budget import basic, code_tables, cross, summaries
from yujuesuan.spec.budget import projects
from yujuesuan.spec.budget import performance, units
from yujuesuan.spec.model import TableSet

LAYOUT_YEARS = {"2024": range(2024, 2026)}
_BUILDERS = (
    summaries.t1,
    code_tables.t2,
    code_tables.t3,
    summaries.t4,
    code_tables.t5,
    units.t5_2,
    basic.t6,
    basic.t7,
    code_tables.t8,
    code_tables.t9,
    code_tables.t10,
    performance.t11,
)


def table_set(layout: str) -> TableSet:
    return TableSet(
        kind="预算",
        layout=layout,
        years=LAYOUT_YEARS[layout],
        tables=tuple(b() for b in _BUILDERS),
        cross_rules=cross.rules(),
        forms=(projects.t12(),),
    )
