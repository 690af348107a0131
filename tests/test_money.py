"""Printed amounts parse exactly, whatever a PDF copy did to them; rounding is half-up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yujuesuan.money import NotANumber, parse_amount, quantize_cent, rounding_band, yuan_to_wanyuan

FULL = str.maketrans("0123456789.,", "０１２３４５６７８９．，")
amounts = st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2)


@given(amounts)
def test_thousands_separators_and_two_decimals_read_back_exactly(amount: Decimal) -> None:
    assert parse_amount(f"{amount:,.2f}") == amount


@given(amounts, st.sampled_from([" ", "\u3000", "\xa0", ""]))
def test_spaces_inside_a_number_from_pdf_ocr_are_ignored(amount: Decimal, space: str) -> None:
    text = f"{amount:,.2f}".replace(",", "," + space).replace(".", "." + space)
    assert parse_amount(text) == amount


@given(amounts)
def test_full_width_digits_read_like_ascii(amount: Decimal) -> None:
    assert parse_amount(f"{amount:,.2f}".translate(FULL)) == amount


@given(amounts)
def test_float_cells_convert_through_their_shortest_repr(amount: Decimal) -> None:
    assert quantize_cent(parse_amount(float(amount))) == amount  # type: ignore[arg-type]


@pytest.mark.parametrize("blank", [None, "", "  ", "-", "—"])
def test_blank_cells_mean_no_amount(blank: object) -> None:
    assert parse_amount(blank) is None


@pytest.mark.parametrize("text", ["四百二十二", "12a", "1.2.3", "1,2", "TRUE", "#REF!"])
def test_text_where_a_number_belongs_is_refused_with_a_reason(text: str) -> None:
    with pytest.raises(NotANumber) as info:
        parse_amount(text)
    assert text in info.value.reason


def test_booleans_are_not_amounts() -> None:
    with pytest.raises(NotANumber):
        parse_amount(True)


def test_half_cent_rounds_up_not_to_even() -> None:
    assert quantize_cent(Decimal("0.125")) == Decimal("0.13")
    assert yuan_to_wanyuan(Decimal("50")) == Decimal("0.01")
    assert yuan_to_wanyuan(Decimal("49.99")) == Decimal("0.00")


@given(st.lists(st.integers(0, 10**10), min_size=1, max_size=30))
def test_sum_of_rounded_parts_stays_within_the_band(parts_in_fen: list[int]) -> None:
    parts = [Decimal(p) / 100 for p in parts_in_fen]  # 元 with cents
    shown = [yuan_to_wanyuan(p) for p in parts]
    total = yuan_to_wanyuan(sum(parts, Decimal(0)))
    assert abs(sum(shown, Decimal(0)) - total) <= rounding_band(len(parts) + 1)
