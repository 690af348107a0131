"""Raw 底稿 sheets for tests: hand-written rows, or random ledgers that balance by construction.

A random ledger balances per 资金来源 and 功能科目 (年初 + 本年收入 = 本年支出 + 年末), and its
三公 决算数 are at least the 表6 lines they cover, so every identity of the nine tables holds on
its true values and a correct builder must produce tables the strict checker accepts.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence

from yujuesuan import reference
from yujuesuan.build import vocabulary as v

HEADERS: dict[str, list[str]] = {
    v.SPENDING: ["功能科目编码", "资金来源", "支出性质", "经济科目编码", "项目名称", "金额(元)"],
    v.INCOME: ["功能科目编码", "收入来源", "金额(元)"],
    v.BALANCES: ["资金来源", "功能科目编码", "年初结转和结余(元)", "年末结转和结余(元)"],
    v.THREE_PUBLIC: ["项目", "预算数(元)", "决算数(元)"],
}
GENERAL = "一般公共预算财政拨款"
FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")
# 三公 决算数 ≥ the 表6 line of the same item (spec X19–X21)
THREE_PUBLIC_LINES = {
    "因公出国（境）费": "30212",
    "公务用车购置费": "31013",
    "公务用车运行费": "30231",
    "公务接待费": "30217",
}


def sheets(
    spending: Iterable[Sequence[object]] = (),
    income: Iterable[Sequence[object]] = (),
    balances: Iterable[Sequence[object]] = (),
    three_public: Iterable[Sequence[object]] = (),
) -> dict:
    """The four sheets with the standard headers; data rows numbered from Excel row 2."""
    rows = (spending, income, balances, three_public)
    return {
        name: (list(HEADERS[name]), [(i + 2, list(r)) for i, r in enumerate(data)])
        for name, data in zip(HEADERS, rows, strict=True)
    }


def item_codes(year: int) -> list[str]:
    return [e.code for e in reference.load("function", year) if e.level is reference.Level.ITEM]


def economic_codes(year: int, classes: Sequence[str] = ()) -> list[str]:
    return [
        e.code
        for e in reference.load("economic", year)
        if len(e.code) == 5 and (not classes or e.code[:3] in classes)
    ]


def as_cell(cents: int, rng: random.Random) -> object:
    """An amount in 元 the way a 底稿 cell may hold it."""
    text = f"{cents // 100:,}.{cents % 100:02d}"
    return rng.choice(
        [
            cents / 100,
            cents / 100,
            text,
            text.translate(FULL_WIDTH),
            cents // 100 if cents % 100 == 0 else cents / 100,
        ]
    )


def random_ledger(
    seed: int,
    rows: int,
    year: int,
    *,
    general_only: bool = False,
    balances: bool = True,
    max_cents: int = 10**9,
) -> dict:
    rng = random.Random(seed)
    codes = item_codes(year)
    sources = (
        [GENERAL]
        if general_only
        else [s.name for s in v.SOURCES if balances or s.income_line is not None]
    )
    spending, spent = _spending(rng, rows, year, codes, sources, max_cents)
    income, balance_rows = _balance(rng, spent, balances, max_cents)
    return sheets(spending, income, balance_rows, _three_public(rng, spending, max_cents))


def _spending(
    rng: random.Random, rows: int, year: int, codes: list[str], sources: list[str], max_cents: int
) -> tuple[list[list[object]], dict[tuple[str, str], int]]:
    funds = {f.source for f in v.FUNDS}
    out, spent = [], defaultdict(int)
    for _ in range(rows):
        code, source = rng.choice(codes), rng.choice(sources)
        nature = rng.choice([n for n in v.NATURES if source not in funds or n.part])
        economic = None
        if nature.economic_classes and (source == GENERAL or rng.random() < 0.5):
            economic = rng.choice(economic_codes(year, nature.economic_classes))
        cents = rng.randint(0, max_cents)
        raw_code = rng.choice([code, float(code), int(code), f" {code} "])
        out.append([raw_code, source, nature.name, economic, "", as_cell(cents, rng)])
        spent[(source, code)] += cents
    return out, spent


def _balance(
    rng: random.Random, spent: dict[tuple[str, str], int], balances: bool, max_cents: int
) -> tuple[list[list[object]], list[list[object]]]:
    """Income and 结转结余 rows such that 年初 + 收入 = 支出 + 年末 per (资金来源, 功能科目)."""
    income_sources = {s.name for s in v.INCOME_SOURCES}
    income, rows = [], []
    for (source, code), amount in sorted(spent.items()):
        if source == "使用非财政拨款结余":
            continue
        closing = rng.randint(0, max_cents) if balances and rng.random() < 0.5 else 0
        opening = rng.randint(0, amount + closing) if balances and rng.random() < 0.5 else 0
        if source not in income_sources:
            opening = amount + closing
        earned = amount + closing - opening
        if source in income_sources and (earned or rng.random() < 0.3):
            cut = rng.randint(0, earned)
            income += [
                [code, source, as_cell(part, rng)]
                for part in (cut, earned - cut)
                if part or cut == earned
            ]
        if opening or closing:
            rows.append(
                [source, code, as_cell(opening, rng) if opening else None, as_cell(closing, rng)]
            )
    return income, rows


def _three_public(
    rng: random.Random, spending: list[list[object]], max_cents: int
) -> list[list[object]]:
    detail: dict[str, int] = defaultdict(int)
    for _, source, nature, economic, _, amount in spending:
        if source == GENERAL and nature.startswith("基本支出") and economic:
            detail[str(economic)] += _cents(amount)
    out = []
    for item, line in THREE_PUBLIC_LINES.items():
        if detail[line] or rng.random() < 0.8:
            actual = detail[line] + rng.randint(0, max_cents // 100) * rng.randint(0, 1)
            out.append([item, as_cell(rng.randint(0, max_cents), rng), as_cell(actual, rng)])
    return out


def _cents(cell: object) -> int:
    if isinstance(cell, str):
        text = cell.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,")).replace(
            ",", ""
        )
        whole, _, frac = text.partition(".")
        return int(whole) * 100 + int((frac + "00")[:2])
    return round(float(cell) * 100)  # type: ignore[arg-type]
