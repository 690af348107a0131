"""The printed identity notes parse as printed, in every spelling the seeds show."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yujuesuan.errors import SpecError
from yujuesuan.spec.notation import Identity, normalise, parse, render, split_note

# Verbatim from the seeds (hongshan-2021 表1–表9; the 2023 set's superscripts; wuchang prints none).
PRINTED = [
    "27行 = (1+2+3+4+5+6+7+8) 行；30行 = (27+28+29) 行；",
    "57行 = (31+32+...+56) 行；60行 = (57+58+59) 行。",
    "1栏各行 = (2+3+4+5+6+7) 栏各行。",
    "1栏各行 = (2+3+4+5+6) 栏各行。",
    "27行－（1+2+3）行；28行－（29+30+31）行；32行－（27+28）行；",
    "59行－（33+34+…+58）行；64行－（59+60）行。",
    "1栏各行 = (2+3) 栏各行。",
    "1栏 = (2+3+6) 栏；3栏 = (4+5) 栏；7栏 = (8+9+12) 栏；9栏 = (10+11) 栏。",
    "6栏各行 = (1+2-3) 栏各行；3栏各行 = (4+5) 栏各行。",
    "²⁷ 行= (1+2+3+4+5+6+7+8) 行",
    "⁵⁸ 行= (32+33+…+57) 行",
    "¹ 栏各行= (2+3+4+5+6+7) 栏各行。",
    "⁶ 栏各行=(1+2-3) 栏各行",
]


@pytest.mark.parametrize("note", PRINTED)
def test_every_printed_note_in_the_seeds_parses(note: str) -> None:
    assert split_note(note)


def test_ellipsis_expands_to_the_full_range() -> None:
    assert parse("57行 = (31+32+...+56) 行").terms == tuple((1, n) for n in range(31, 57))


def test_dash_printed_for_equals_sign_is_read_as_equals() -> None:
    assert parse("27行－（1+2+3）行") == parse("27行 = (1+2+3) 行")


def test_minus_term_keeps_its_sign() -> None:
    assert parse("6栏各行 = (1+2-3) 栏各行") == Identity("栏", 6, ((1, 1), (1, 2), (-1, 3)), True)


@pytest.mark.parametrize("bad", ["27行 = 1+2 行", "27行 = (1+x) 行", "27行 = (1+2) 栏", "27行 = (5+...+3) 行", "合计 = (1+2)"])
def test_anything_else_is_a_spec_error(bad: str) -> None:
    with pytest.raises(SpecError):
        parse(bad)


@st.composite
def identities(draw: st.DrawFn) -> Identity:
    axis = draw(st.sampled_from(["行", "栏"]))
    terms = tuple(draw(st.lists(st.tuples(st.sampled_from([1, -1]), st.integers(1, 99)), min_size=1, max_size=12)))
    terms = ((1, terms[0][1]),) + terms[1:]
    return Identity(axis, draw(st.integers(1, 99)), terms, axis == "栏" and draw(st.booleans()))


@given(identities())
def test_render_then_parse_round_trips(identity: Identity) -> None:
    assert parse(render(identity)) == identity


@given(identities(), st.sampled_from([" ", "　", ""]), st.booleans())
def test_spacing_and_full_width_do_not_change_the_meaning(identity: Identity, space: str, full: bool) -> None:
    text = render(identity).replace(" ", space)
    if full:
        text = text.replace("(", "（").replace(")", "）").replace("+", "＋").replace("=", "＝")
    assert parse(text) == identity
    assert normalise(text) == normalise(render(identity))
