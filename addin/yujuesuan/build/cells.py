"""Reading 底稿 cells one column at a time: codes, drop-down choices, free text, amounts.

Each reader takes a column's raw cells (strings, ints, floats, None, as Excel gives them) and
returns the parsed values plus, per cell, a Chinese reason or None. Codes and choices repeat a
lot, so each distinct value is read once (``pandas.factorize``); amounts that are plain
numbers with at most two decimals are converted with numpy. A 1,000,000-row ledger therefore
reads in seconds, and no amount is ever carried as a float: the result is integer 分.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from yujuesuan.build.vocabulary import Column
from yujuesuan.money import NotANumber, parse_amount
from yujuesuan.reference import Catalog, compact

MAX_YUAN = 10**10  # 100亿元 a row: sums of up to 9 million rows stay inside int64 分
# What a reader returns, one entry per cell: values (Categorical, or int64 分 for amounts),
# reasons (None where the cell is fine) and whether the cell was blank.
Read = tuple[Any, np.ndarray, np.ndarray]
_PARENS = str.maketrans("()", "（）")


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return isinstance(value, str) and not value.strip()


def shown(value: object) -> str:
    """A raw cell as a message quotes it."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _per_value(
    cells: list[object],
    read_one: Callable[[object], tuple[object, str | None]],
    blank: tuple[object, str | None],
    *,
    text: bool = True,
) -> Read:
    """Apply ``read_one`` once per distinct cell value; blank cells get ``blank``.

    Values come back as a ``pandas.Categorical`` of text (sorted categories), or with
    ``text=False`` as an object array; reasons as an object array.
    """
    index, uniques = pd.factorize(pd.Series(cells, dtype=object), use_na_sentinel=True)
    empty = np.array([is_blank(u) for u in uniques] + [True], dtype=bool)
    results = [blank if e else read_one(u) for u, e in zip(uniques, empty[:-1], strict=True)]
    results.append(blank)
    reasons = np.empty(len(results), dtype=object)
    reasons[:] = [r[1] for r in results]
    if not text:
        objects = np.empty(len(results), dtype=object)
        objects[:] = [r[0] for r in results]
        return objects[index], reasons[index], empty[index]
    categories, inverse = np.unique(np.array([str(r[0]) for r in results]), return_inverse=True)
    values = pd.Categorical.from_codes(
        inverse.reshape(-1)[index], categories=pd.Index(categories.tolist(), dtype=object)
    )
    return values, reasons[index], empty[index]  # index -1 (None/NaN) picks the trailing blank


def read_code(
    cells: list[object],
    column: Column,
    *,
    catalog: Catalog,
    year: int,
    length: int,
    allowed: Callable[[str], str | None] = lambda code: None,
) -> Read:
    """Codes as text or numbers → compact codes of ``length`` digits found in ``catalog``.

    ``allowed`` may refuse a valid code with a reason (e.g. a class not printed on 表1).
    """
    level = {7: "项", 5: "款", 3: "类"}[length]

    def one(value: object) -> tuple[object, str | None]:
        try:
            code = compact(value)  # type: ignore[arg-type]
        except TypeError:
            return "", f"{column.label}“{shown(value)}”不是科目编码"
        if not code.isdigit() or len(code) != length:
            return "", f"{column.label}“{shown(value)}”应为{length}位{level}级科目编码"
        if not catalog.is_valid(code):
            return "", f"未知{column.label}“{code}”（{year}年）"
        return code, allowed(code)

    return _per_value(cells, one, ("", f"{column.label}为空" if column.required else None))


def read_choice(cells: list[object], column: Column) -> Read:
    """Drop-down text → the canonical choice (spaces and parenthesis width ignored)."""
    known = {fold(choice): choice for choice in column.choices}

    def one(value: object) -> tuple[object, str | None]:
        found = known.get(fold(str(value)))
        if found is None:
            return "", f"{column.label}“{shown(value)}”不在下拉列表中"
        return found, None

    return _per_value(cells, one, ("", f"{column.label}为空" if column.required else None))


def fold(text: str) -> str:
    return "".join(text.split()).translate(_PARENS)


def read_text(cells: list[object], column: Column) -> Read:
    return _per_value(cells, lambda value: (str(value).strip(), None), ("", None))


def read_cents(cells: list[object], column: Column) -> Read:
    """Amounts in 元 → int64 分; blank counts as 0 and, if the column is required, errs."""
    series = pd.Series(cells, dtype=object)
    cents = np.zeros(len(series), dtype=np.int64)
    reasons = np.full(len(series), None, dtype=object)
    blank = np.zeros(len(series), dtype=bool)
    plain = series.map(type).isin((int, float, np.int64, np.float64)).to_numpy()
    numbers = series[plain].astype(float).to_numpy()
    with np.errstate(over="ignore", invalid="ignore"):  # 1e308 元: not exact, read one by one below
        scaled = np.rint(numbers * 100)
        exact = (scaled / 100 == numbers) & (numbers >= 0) & (numbers <= MAX_YUAN)
    cents[np.flatnonzero(plain)[exact]] = scaled[exact].astype(np.int64)
    slow = np.ones(len(series), dtype=bool)
    slow[np.flatnonzero(plain)[exact]] = False
    values, why, empty = _per_value(
        series[slow].tolist(), lambda v: _cents_of(v, column), (None, None), text=False
    )
    empty |= pd.isna(values)  # "-", "—": parse_amount reads them as blank
    why[empty] = f"{column.label}为空" if column.required else None
    values[empty] = 0
    cents[slow], reasons[slow], blank[slow] = values.astype(np.int64), why, empty
    return cents, reasons, blank


def _cents_of(value: object, column: Column) -> tuple[object, str | None]:
    """One amount → integer 分, or a reason; floats are read to Excel's 15 significant digits."""
    if isinstance(value, bool):
        return 0, f"{column.label}“{value}”不是数字"
    try:
        if isinstance(value, float | np.floating):
            if not math.isfinite(value):
                return 0, f"{column.label}“{value}”不是数字"
            value = Decimal(f"{float(value):.15g}")
        amount = parse_amount(value)
    except NotANumber:
        return 0, f"{column.label}“{shown(value)}”不是数字"
    if amount is None:
        return None, None
    if not amount.is_finite():
        return 0, f"{column.label}“{shown(value)}”不是数字"
    if amount < 0:
        return 0, f"{column.label}不能为负数"
    cents = amount * 100
    if cents != cents.to_integral_value():
        return 0, f"{column.label}“{shown(value)}”超过两位小数"
    if amount > MAX_YUAN:
        return 0, f"{column.label}“{shown(value)}”超出可处理的范围"
    return int(cents), None
