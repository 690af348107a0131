"""``compact``: a 科目编码 (catalog code) as typed or read from a cell → its digit string.

Cells hold codes as text with stray spaces (`` 2010350``, ``2010350　``), full-width digits
(``２０１０３５０``), dashes (``201-03-50``) or as numbers that a spreadsheet turned into
floats (``2010350.0``). ``compact`` removes exactly those artefacts and does not validate;
``Catalog.validate`` does. Same verb as python-stdnum's ``compact``.

>>> compact(" ２０１０３５０ ")
'2010350'
>>> compact(2010350.0)
'2010350'
"""

from __future__ import annotations

import re
from decimal import Decimal

_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},  # ０-９
        "．": ".",
        "－": "",
        "-": "",
        "\u200b": None,
        "\ufeff": None,
    }
)
RawCode = str | int | float | Decimal
"""What a code may arrive as: text, or a number from a spreadsheet cell."""

_MAX_DIGITS = 64  # far longer than any code
_FLOAT_ARTEFACT = re.compile(r"([0-9]+)\.0+")


def compact(code: RawCode) -> str:
    """Return ``code`` as a plain string of digits, without checking that it exists."""
    if isinstance(code, bool) or not isinstance(code, (str, int, float, Decimal)):
        raise TypeError(f"cannot read a code from {type(code).__name__}")
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    elif isinstance(code, Decimal) and _fits(code):
        code = format(code, "f")  # no exponent: Decimal("2.01E+6") → "2010000"
    text = "".join(str(code).translate(_FOLD).split())
    artefact = _FLOAT_ARTEFACT.fullmatch(text)
    return artefact.group(1) if artefact else text


def _fits(number: Decimal) -> bool:
    """A finite Decimal short enough to print in full (``format`` would expand ``1E+999999``)."""
    exponent = number.as_tuple().exponent
    return isinstance(exponent, int) and exponent > -_MAX_DIGITS and number.adjusted() < _MAX_DIGITS
