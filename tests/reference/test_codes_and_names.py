"""``compact`` and ``normalise_name``: examples from the seeds, then hypothesis properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from yujuesuan.reference import compact, load, normalise_name

FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
WHITESPACE = " \t\n\u3000\u00a0\u2002\u200b\ufeff"
NUMERALS = "一二三四五六七八九十廿"
ALL_NAMES = sorted(
    {
        text
        for kind in ("function", "economic")
        for entry in load(kind, 2021)
        for text in (entry.name, *entry.aliases)
    }
)


@pytest.mark.parametrize(
    "raw",
    [
        "2010350",
        " 2010350 ",
        "2010350\u3000",
        "\u00a02010350",
        "２０１０３５０",
        "201-03-50",
        "201 03 50",
        "2010350.0",
        "2010350.00",
        "２０１０３５０．０",
        2010350,
        2010350.0,
        Decimal("2010350"),
        Decimal("2010350.00"),
        Decimal("2.01035E+6"),
    ],
)
def test_codes_typed_or_read_from_cells_compact_to_digits(raw: object) -> None:
    assert compact(raw) == "2010350"  # type: ignore[arg-type]


def test_compact_keeps_what_is_not_a_float_artefact() -> None:
    assert compact("2010350.5") == "2010350.5"
    assert compact("0201") == "0201"
    assert compact("合计") == "合计"
    assert compact(Decimal("1E+999999")) == "1E+999999"


@pytest.mark.parametrize("value", [None, True, ["201"], b"201"])
def test_compact_refuses_values_that_cannot_hold_a_code(value: object) -> None:
    with pytest.raises(TypeError):
        compact(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "printed,expected",
    [
        ("十三、交通运输支 出", "交通运输支出"),
        ("（廿四）债务发行费用支出", "债务发行费用支出"),
        ("(一)一般公共服务支出", "一般公共服务支出"),
        ("1、基本工资", "基本工资"),
        ("一、一般公共服务支出", "一般公共服务支出"),
        ("维修（护）费", "维修(护)费"),
        ("一般公共服务", "一般公共服务"),
        ("一、", "一、"),
        ("201一般公共服务", "201一般公共服务"),
    ],
)
def test_printed_labels_normalise_to_the_bare_name(printed: str, expected: str) -> None:
    assert normalise_name(printed) == expected


def test_leading_code_is_removed_only_on_request() -> None:
    assert normalise_name("201 一般公共服务", strip_code=True) == "一般公共服务"
    assert normalise_name("2010350", strip_code=True) == "2010350"


codes = st.integers(min_value=0, max_value=2**53)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))
raw_codes = st.one_of(
    texts,
    codes,
    st.floats(),
    st.decimals(),
    codes.map(lambda n: f"{n}.0"),
    codes.map(lambda n: str(n).translate(FULL_WIDTH_DIGITS)),
)


@given(raw_codes)
def test_compact_is_idempotent(raw: str | int | float | Decimal) -> None:
    once = compact(raw)
    assert compact(once) == once


@given(codes)
def test_int_str_float_and_decimal_forms_of_a_code_agree(number: int) -> None:
    text = str(number)
    assert compact(number) == text
    assert compact(float(number)) == text
    assert compact(f"{number}.0") == text
    assert compact(Decimal(number)) == text
    assert compact(text.translate(FULL_WIDTH_DIGITS)) == text


@given(codes, st.lists(st.tuples(st.integers(0, 20), st.sampled_from(WHITESPACE)), max_size=5))
def test_whitespace_anywhere_in_a_code_is_ignored(
    number: int, inserts: list[tuple[int, str]]
) -> None:
    assert compact(_insert(str(number), inserts)) == str(number)


@given(texts, st.booleans())
def test_normalise_name_is_idempotent(text: str, strip_code: bool) -> None:
    once = normalise_name(text, strip_code=strip_code)
    assert normalise_name(once, strip_code=strip_code) == once


@given(
    st.sampled_from(ALL_NAMES),
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from(WHITESPACE)), max_size=6),
    st.booleans(),
)
def test_names_ignore_inserted_whitespace_and_parenthesis_width(
    name: str, inserts: list[tuple[int, str]], half_width: bool
) -> None:
    printed = _insert(name, inserts)
    if half_width:
        printed = printed.replace("（", "(").replace("）", ")")
    assert normalise_name(printed) == normalise_name(name)


@given(
    st.sampled_from(ALL_NAMES),
    st.text(alphabet=NUMERALS, min_size=1, max_size=3),
    st.sampled_from(["{}、", "（{}）", "({})", "{}．"]),
)
def test_names_ignore_a_leading_enumerator(name: str, numeral: str, pattern: str) -> None:
    assert normalise_name(pattern.format(numeral) + name) == normalise_name(name)


def _insert(text: str, inserts: list[tuple[int, str]]) -> str:
    for position, char in inserts:
        cut = min(position, len(text))
        text = text[:cut] + char + text[cut:]
    return text
