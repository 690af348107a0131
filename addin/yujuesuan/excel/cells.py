"""Shape handling for UDFs: a single value or a 2-D range in, the same shape out.

Excel passes one cell as a scalar and a range as a list of rows; each UDF applies its
per-cell function over whatever came, so one call serves a whole column.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from yujuesuan.errors import AddinError
from yujuesuan.money import NotANumber, parse_amount


class CellError(AddinError):
    """A per-cell problem shown in the cell as short Chinese text (``#未知科目``)."""


def each(value: Any, fn: Callable[[Any], Any]) -> Any:
    """``fn`` over a scalar, a row or a 2-D range; a cell that fails shows its error text."""
    if isinstance(value, list):
        return [each(v, fn) for v in value]
    try:
        return fn(value)
    except CellError as exc:
        return str(exc)


def amount(value: Any) -> Decimal:
    """An amount cell as an exact Decimal (blank is 0)."""
    try:
        parsed = parse_amount(value)
    except NotANumber:
        raise CellError("#不是数字") from None
    return Decimal(0) if parsed is None else parsed


def flat(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [x for v in value for x in flat(v)]
    return [value]


def excel_number(value: Decimal) -> float:
    """Back to Excel at the boundary (the Decimal was exact until here)."""
    return float(value)
