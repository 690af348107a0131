"""Fuzzing the parsers that read what users and PDFs give us: whatever comes in, only our
documented errors come out (NotANumber, SpecError, WorkbookFormatError, findings) — no other
exception, and no input that makes them work without bound."""

from __future__ import annotations

import copy
import string
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yujuesuan.build import read_ledger
from yujuesuan.build.vocabulary import SHEETS
from yujuesuan.errors import SpecError, WorkbookFormatError
from yujuesuan.money import NotANumber, parse_amount
from yujuesuan.reference import compact
from yujuesuan.spec.notation import parse, split_note
from yujuesuan.workbook.read import book_from_grids

# text as it comes out of PDFs and spreadsheets: digits (half/full width), separators, CJK,
# superscripts, ellipses, parentheses of both widths, whitespace of all kinds
PDF_TEXT = st.text(
    alphabet=st.sampled_from(
        list(string.digits + ",.+-=()%") + list("０１２３４５６７８９，．（）＋－＝％　…。；行栏各合计万元")
        + list("⁰¹²³⁴⁵⁶⁷⁸⁹") + [" ", "\t", "\n", "\u200b", "\ufeff", "e", "E", "_", "'", '"']
    ),
    max_size=40,
)
CELL = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True), PDF_TEXT, st.text(max_size=20),
    st.decimals(allow_nan=False, allow_infinity=False),
)


@given(CELL)
def test_amount_parser_returns_a_decimal_or_says_why_not(value: object) -> None:
    try:
        result = parse_amount(value)
    except NotANumber as exc:
        assert exc.reason
        return
    assert result is None or isinstance(result, Decimal)


@given(st.one_of(PDF_TEXT, st.text(max_size=30), st.integers(), st.floats(), st.decimals()))
def test_code_normaliser_never_fails_on_a_cell_value_and_is_idempotent(value: object) -> None:
    code = compact(value)  # type: ignore[arg-type]
    assert isinstance(code, str) and compact(code) == code


@given(st.one_of(PDF_TEXT, st.builds(lambda a, b, c: f"{a}行=({b}+…+{c})行", st.integers(0, 10**12), st.integers(0, 10**12), st.integers(0, 10**12))))
def test_footnote_parser_parses_or_raises_spec_error_within_bounds(text: str) -> None:
    try:
        identity = parse(text)
    except SpecError:
        return
    assert len(identity.terms) < 1000
    try:
        split_note(text)
    except SpecError:
        pass


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], max_examples=40)
@given(st.data())
def test_table_reader_survives_any_cell_in_a_real_layout(golden_grids, data) -> None:  # type: ignore[no-untyped-def]
    """Each published workbook, with random cells replaced by random values: a Book (with
    findings) comes back, or a WorkbookFormatError — never another exception."""
    case = data.draw(st.sampled_from(sorted(golden_grids)))
    grids = copy.deepcopy(golden_grids[case])
    for _ in range(data.draw(st.integers(1, 30))):
        sheet = data.draw(st.sampled_from(sorted(grids)))
        if not grids[sheet]:
            continue
        r = data.draw(st.integers(0, len(grids[sheet]) - 1))
        row = grids[sheet][r]
        c = data.draw(st.integers(0, max(len(row), 1)))
        while len(row) <= c:
            row.append(None)
        row[c] = data.draw(CELL)
    try:
        book, _ = book_from_grids(grids, source="fuzz")
    except WorkbookFormatError:
        return
    assert book.year is not None


@given(st.lists(st.lists(CELL, max_size=8), max_size=12))
def test_table_reader_survives_arbitrary_grids(rows: list[list[object]]) -> None:
    try:
        book_from_grids({"Sheet1": rows, "表3": copy.deepcopy(rows)}, source="fuzz")
    except WorkbookFormatError:
        pass


@given(st.data())
def test_ledger_reader_reports_rows_never_raises(data) -> None:  # type: ignore[no-untyped-def]
    sheets = {}
    for sheet in SHEETS:
        header = [c.name for c in sheet.columns]
        rows = data.draw(st.lists(st.lists(CELL, min_size=len(header), max_size=len(header) + 1), max_size=6))
        sheets[sheet.name] = (header, list(enumerate(rows, start=2)))
    result = read_ledger(sheets, year=2021)
    assert (result.ledger is None) == bool(result.errors)
    assert all(str(e) for e in result.errors)


NARRATIVE = st.text(
    alphabet=st.sampled_from(
        list("0123456789.,%％万元增加减少增长下降占完成年初预算的执行率得分总分自评表项目绩效收支总计基本支出人员经费公用经费三公")
        + list("０１２３４５６７８９，．（）()：:；。、\n\t “”XX……")
    ),
    max_size=200,
)


@given(NARRATIVE)
def test_narrative_checker_survives_any_text(text: str) -> None:
    from yujuesuan.narrative import Context, check_narrative
    from yujuesuan.tables import Book

    findings = check_narrative(text, Context(Book(year=2021)))
    assert all(f.message for f in findings)
