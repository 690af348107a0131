"""底稿-预算 → ``BudgetLedger``: the budget's working paper read with the 决算 machinery.

The sheet is declared in ``budget_vocabulary``; ``read_ledger(sheets, year=…, contract=CONTRACT)``
checks every cell (codes in the year's catalogs, 功能科目 of a 类 printed on 预算表1, drop-down
choices, amounts in 元) and, across columns, that a 财政拨款 fund pays only the natures it has
columns for and that a 基本支出 line's 经济科目 is of its class (人员经费 301/303, 公用经费
302/307/310/399). One error per bad row, naming sheet, row and column.

>>> from yujuesuan.build.ledger import read_ledger
>>> header = [c.name for c in SHEETS[0].columns]
>>> row = ["2010350", "30201", "一般公共预算拨款", "基本支出-人员经费", "", 100]
>>> result = read_ledger({BUDGET: (header, [(2, row)])}, year=2024, contract=CONTRACT)
>>> [str(e) for e in result.errors]
['底稿-预算!第2行 经济科目编码：经济科目编码“30201”不属于基本支出-人员经费（应为301、303类）']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from yujuesuan.build.budget_vocabulary import BUDGET, NATURE_BY_NAME, SHEETS, fund_of
from yujuesuan.build.ledger import Contract, RowRule, economic_class_verdict


@dataclass(frozen=True, eq=False)
class BudgetLedger:
    """A valid 底稿-预算; amounts are int64 分. ``lines``: function, economic, source, nature,
    project, amount (the frame is shared, treat it as read-only)."""

    kind: ClassVar[str] = "预算"
    year: int
    lines: pd.DataFrame


def _verdict(source: str, nature_name: str, economic: str) -> tuple[str, str] | None:
    """(column key, reason) when a valid line breaks a rule between its columns."""
    fund, nature = fund_of(source), NATURE_BY_NAME[nature_name]
    if fund is not None and nature_name not in fund.columns:
        allowed = "、".join(fund.columns)
        return "nature", f"{source}只能用于{allowed}，不能用于{nature_name}"
    return economic_class_verdict(economic, nature_name, nature.economic_classes)


CONTRACT = Contract(
    "预算",
    SHEETS,
    BudgetLedger,
    "bu.t1",
    {BUDGET: RowRule(("source", "nature", "economic"), _verdict)},
)
