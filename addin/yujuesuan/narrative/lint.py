"""Text-level defects: placeholders left in, numbers missing, wrong years, % signs, markers.

These need no claim: "共有车辆 辆" (000) lost its number, "XX 万元" was never filled in, a
"2019 年度" in a 2021 document was copied from an old one, and the drafted 【请说明原因】 stays
reported until someone writes the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from yujuesuan.findings import Finding, Location, Severity
from yujuesuan.narrative import vocabulary as vocab
from yujuesuan.narrative.checks import SHEET
from yujuesuan.narrative.claims import Claim
from yujuesuan.narrative.text import Paragraph, normalise


def lint(paragraphs: Iterable[Paragraph], year: int | None) -> Iterator[Finding]:
    for paragraph in paragraphs:
        norm = normalise(paragraph.text)
        for m in vocab.PLACEHOLDERS.finditer(norm.text):
            yield paragraph_finding(
                paragraph, norm.origin(m.start()), "narrative_placeholder", note=m.group(0)
            )
        for m in vocab.MISSING_NUMBER.finditer(norm.text):
            yield paragraph_finding(
                paragraph, norm.origin(m.start()), "narrative_missing_number", note=m.group(0)
            )
        start = 0
        while (at := paragraph.text.find(vocab.EXPLAIN_MARKER, start)) >= 0:
            yield paragraph_finding(paragraph, at, "narrative_explain", severity=Severity.WARNING)
            start = at + 1
        if year:
            yield from _years(paragraph, norm.text, norm.origin, year)


def _years(paragraph: Paragraph, text: str, origin, year: int) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
    for m in vocab.YEAR.finditer(text):
        found = int(m.group(1) + m.group(2))
        if found in (year, year - 1):
            continue
        comparing = bool(vocab.YEAR_COMPARE_BEFORE.search(text[: m.start()])) or bool(
            m.group(3) and vocab.YEAR_COMPARE_AFTER.match(text[m.end() :])
        )
        if comparing:  # history ("自2018年…以来") and plans ("2022年年初下拨") are fine
            yield paragraph_finding(
                paragraph, origin(m.start()), "narrative_year", note=m.group(0), subject=f"{year}年"
            )


def percent_signs(claims: Iterable[Claim]) -> Iterator[Finding]:
    from yujuesuan.narrative.checks import finding

    for claim in claims:
        if claim.missing_percent:
            yield finding(
                claim,
                "narrative_percent_sign",
                expected=None,
                note=claim.text,
                severity=Severity.ERROR,
            )


def paragraph_finding(
    paragraph: Paragraph,
    offset: int,
    kind: str,
    *,
    note: str = "",
    subject: str = "",
    severity: Severity = Severity.ERROR,
    expected: Decimal | None = None,
    actual: Decimal | None = None,
) -> Finding:
    sheet, _, cell = (
        paragraph.origin.rpartition("!")
        if paragraph.origin
        else (SHEET, "", f"第{paragraph.index}段第{offset + 1}字")
    )
    return Finding(
        rule_id=f"narrative.{kind.removeprefix('narrative_')}",
        kind=kind,
        severity=severity,
        table="narrative",
        location=Location(sheet, cell),
        basis=_sentence(paragraph.text, offset),
        subject=subject,
        note=note,
        expected=expected,
        actual=actual,
        difference=None if expected is None or actual is None else actual - expected,
    )


def _sentence(text: str, offset: int) -> str:
    start = text.rfind("。", 0, offset) + 1
    end = text.find("。", offset)
    return text[start : len(text) if end < 0 else end + 1].strip()
