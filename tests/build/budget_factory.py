"""Raw 底稿-预算 sheets for tests: hand-written lines, or random ones valid by construction.

A budget balances line by line (each line is both a spending and the income of its 资金来源),
so any valid set of lines makes tables whose identities hold exactly on the true values.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from ledger_factory import as_cell, economic_codes, item_codes
from yujuesuan.build import budget_vocabulary as v
from yujuesuan.spec import tables_for

HEADER = ["功能科目编码", "经济科目编码", "资金来源", "支出性质", "项目名称", "金额(元)"]
GENERAL = "一般公共预算拨款"
THREE_PUBLIC_CODES = tuple(v.THREE_PUBLIC)


def budget_sheets(lines: Iterable[Sequence[object]]) -> dict:
    """The 底稿-预算 sheet with the standard header; data rows numbered from Excel row 2."""
    return {v.BUDGET: (list(HEADER), [(i + 2, list(r)) for i, r in enumerate(lines)])}


def printed_items(year: int) -> list[str]:
    """项 codes of the year whose 类 is a line of 预算表1 (others are refused by the reader)."""
    classes = {r.code for r in tables_for("预算", year).table("bu.t1").rows if r.code}
    return [c for c in item_codes(year) if c[:3] in classes]


def random_budget(
    seed: int,
    rows: int,
    year: int = 2024,
    *,
    general_only: bool = False,
    max_cents: int = 10**9,
) -> dict:
    rng = random.Random(seed)
    codes = printed_items(year)
    any_economic = economic_codes(year)
    sources = [GENERAL] if general_only else [s.name for s in v.SOURCES]
    out = []
    for _ in range(rows):
        source = rng.choice(sources)
        fund = v.fund_of(source)
        nature = rng.choice([n for n in v.NATURES if fund is None or n.name in fund.columns])
        if nature.economic_classes:
            economic = rng.choice(economic_codes(year, nature.economic_classes))
        elif rng.random() < 0.3:  # projects pay “三公” too
            economic = rng.choice(THREE_PUBLIC_CODES)
        else:
            economic = rng.choice(any_economic)
        code = rng.choice(codes)
        raw_code = rng.choice([code, float(code), int(code), f" {code} "])
        amount = as_cell(rng.randint(0, max_cents), rng)
        out.append([raw_code, economic, source, nature.name, "", amount])
    return budget_sheets(out)
