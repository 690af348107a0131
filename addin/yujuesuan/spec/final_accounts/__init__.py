"""部门决算公开: the nine final-accounts tables and their identities, per layout.

Layout "2021" (hongshan-2021: 三公 is 表7, 表1 expenditure lines 31–60) and layout "2022"
(2022 and later: 政府性基金 公开07表, 国有资本经营 公开08表, 三公 公开09表; 表1 lines 32–62).
"""

from __future__ import annotations

import importlib

from yujuesuan.spec.final_accounts import cross
from yujuesuan.spec.model import TableSet

# One module per published table (see each module's docstring for its source).
_MODULES = tuple(
    importlib.import_module(f"{__name__}.{name}")
    for name in (
        "t01_income_expense_summary",
        "t02_income",
        "t03_expenditure",
        "t04_fiscal_summary",
        "t05_general_budget",
        "t06_basic_detail",
        "t07_three_public",
        "t08_government_funds",
        "t09_state_capital",
    )
)

LAYOUT_YEARS = {"2021": range(2021, 2022), "2022": range(2022, 2026)}


def table_set(layout: str) -> TableSet:
    tables = tuple(sorted((m.table(layout) for m in _MODULES), key=lambda t: t.number))
    return TableSet(kind="决算", layout=layout, years=LAYOUT_YEARS[layout], tables=tables, cross_rules=cross.rules(layout))
