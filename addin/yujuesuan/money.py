"""Exact amounts: parsing printed numbers, 元 → 万元, and the rounding band.

Published tables print 万元 with two decimals; ledgers hold 元 with cents. Every amount in
this package is a ``Decimal`` (or an integer of the smallest unit); floats appear only at the
workbook boundary and are converted here with ``Decimal(repr(x))``.

>>> parse_amount("3, 295. 68")
Decimal('3295.68')
>>> parse_amount("４，５５７．３")
Decimal('4557.3')
>>> yuan_to_wanyuan(Decimal("1234567.89"))
Decimal('123.46')
>>> rounding_band(3)
Decimal('0.015')
>>> rounding_band(1)
Decimal('0.010')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
HALF_CENT = Decimal("0.005")
TEN_THOUSAND = Decimal(10000)

_FULL_WIDTH = str.maketrans(
    "０１２３４５６７８９．，－＋　％",
    "0123456789.,-+ %",
)
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$|^[+-]?\.\d+$")
_BLANKS = {"", "-", "—", "－", "/", "——"}


class NotANumber(ValueError):
    """Text stands where an amount belongs; ``reason`` says why in Chinese."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text = text
        self.reason = reason


MAX_AMOUNT = Decimal(10) ** 15  # far beyond any budget in 万元 or 元; keeps 28-digit arithmetic exact


def parse_amount(value: object) -> Decimal | None:
    """Read one printed amount: blank → None; numbers, '2,397.77', '3, 295. 68', full-width digits.

    Raises ``NotANumber`` for anything else (so the reader can name the cell), including numbers
    too large to be an amount (``1e+26``: exact two-decimal arithmetic would overflow).
    """
    amount = _parse(value)
    if amount is not None and not (amount.is_finite() and abs(amount) < MAX_AMOUNT):
        raise NotANumber(str(value), f"“{value}”超出金额的合理范围")
    return amount


def _parse(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise NotANumber(str(value), "单元格是逻辑值，不是金额")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NotANumber(str(value), "单元格不是有效数值")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    text = str(value).translate(_FULL_WIDTH)
    text = re.sub(r"\s+", "", text)
    if text in _BLANKS:
        return None
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    if not _NUMBER.match(text):
        raise NotANumber(str(value), f"“{value}”不是金额")
    try:
        amount = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern above rules this out
        raise NotANumber(str(value), f"“{value}”不是金额") from exc
    return -amount if negative else amount


def quantize_cent(amount: Decimal) -> Decimal:
    """Round half-up (四舍五入) to 0.01, the displayed precision of every 万元 table."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """Round half-up (四舍五入) to ``decimals`` places, as every printed figure is rounded."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def half_unit(decimals: int) -> Decimal:
    """Half the last printed digit: how far a figure printed to ``decimals`` may be from its true value."""
    return Decimal(5).scaleb(-(decimals + 1))


def yuan_to_wanyuan(yuan: Decimal) -> Decimal:
    """The one conversion from 元 to displayed 万元 (half-up, two decimals)."""
    return quantize_cent(yuan / TEN_THOUSAND)


def rounding_band(terms: int) -> Decimal:
    """Largest difference that ``terms`` independently rounded 0.01 figures can explain.

    At least two: any identity compares a printed figure with another rounded quantity, even
    when one side has no printed terms at all.
    """
    return HALF_CENT * max(terms, 2)


def mixed_rounding_band(decimals: Iterable[int]) -> Decimal:
    """``rounding_band`` for figures printed to the given decimals (表11's 0.1 万元 among cents):
    half a unit of each, and at least twice the coarsest. For n cent figures it is
    ``rounding_band(n)``. At least one figure."""
    units = [half_unit(d) for d in decimals]
    return max(sum(units, Decimal(0)), 2 * max(units))


def format_amount(amount: Decimal | None) -> str:
    """Amounts in messages: thousands separators and two decimals, as the tables print them."""
    if amount is None:
        return "空"
    return f"{quantize_cent(amount):,.2f}"
