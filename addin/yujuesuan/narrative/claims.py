"""Numeric claims in a narrative: each number with its unit, what it is about and what it says.

A claim is found from the words just before the number in its clause: the rightmost subject
(``vocabulary.SUBJECTS``, a 类/款/项 name, or an unknown name such as a project), and the
quantity words between that subject and the number (年初预算 → budget, 占 → share, 增长 →
pct_change …). A clause that names no subject continues the previous claim's subject
("年初预算为 19.42 万元，支出决算为 22.21 万元，完成年初预算的 114.4%").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from yujuesuan.narrative import vocabulary as vocab
from yujuesuan.narrative.budget_vocabulary import BUDGET
from yujuesuan.narrative.names import CodeNames
from yujuesuan.narrative.text import Normalised, Paragraph, is_title, normalise

_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
_CLAUSE = re.compile(r"[，,；;：:。\t]")
FINAL = vocab.FINAL_ACCOUNTS
WORDS = {FINAL.kind: FINAL, BUDGET.kind: BUDGET}  # document kind -> its wording
LABELS = {**BUDGET.labels, **FINAL.labels}


@dataclass(frozen=True)
class Claim:
    """One printed number and what it claims. ``subject`` is a key of ``vocabulary.SUBJECTS``,
    "code:201", "gf.opening", or "other:<name>"."""

    paragraph: int
    offset: int  # in the paragraph's joined text
    value: Decimal
    decimals: int
    unit: str
    quantity: str
    subject: str
    sentence: str
    section: str = ""
    denominator: str = ""
    direction: int = 0  # +1 增加/增长, -1 减少/下降, 0 none
    after_parts_word: bool = False  # the number follows "其中" in its sentence
    parts_of: int = -1  # where that "其中" is (normalised paragraph index): one group of parts
    in_parentheses: bool = False
    sentence_index: int = 0
    missing_percent: bool = False
    origin: str = ""  # sheet!cell when the narrative sits in a sheet
    text: str = ""
    end: int = 0  # end of the number and its unit in the normalised paragraph

    @property
    def known(self) -> bool:
        return not self.subject.startswith("other:")

    def where(self) -> str:
        return self.origin or f"第{self.paragraph}段第{self.offset + 1}字"


def words_for(kind: str) -> vocab.Words:
    """The wording of one document kind ("决算" when none is named)."""
    return WORDS.get(kind or FINAL.kind, FINAL)


def extract(
    paragraphs: Iterable[Paragraph], names: CodeNames | None = None, words: vocab.Words = FINAL
) -> list[Claim]:
    names = names or CodeNames({})
    claims: list[Claim] = []
    section, carry = "", "other:"
    for paragraph in paragraphs:
        norm = normalise(paragraph.text)
        if is_title(paragraph.text) and re.match(r"^[一二三四五六七八九十]+、", norm.text):
            section = norm.text
            continue
        found = _paragraph_claims(paragraph, norm, section, names, carry, words)
        claims += found
        # a heading-like sentence after the last number ("7.住房保障支出(类)…(项)。") names the
        # subject of the next paragraph
        tail = norm.text[found[-1].end :] if found else norm.text
        named = find_subject(tail, names, words) if "。" in tail or not found else None
        carry = named[0] if named else "other:"
    return claims


def _paragraph_claims(
    paragraph: Paragraph,
    norm: Normalised,
    section: str,
    names: CodeNames,
    carry: str = "other:",
    words: vocab.Words = FINAL,
) -> list[Claim]:
    text = norm.text
    out: list[Claim] = []
    previous_end = 0
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        unit_match = vocab.UNIT.match(text[end:])
        unit = unit_match.group(0) if unit_match else ""
        if unit in words.dates_in_lead:  # "比 2023 年预算…": the year is part of the words
            continue
        number_start, previous_end = previous_end, end + len(unit)
        if _is_marker(text, start, end) or unit in {"年", "月", "日"}:
            continue
        read = _unit_and_lead(text, start, unit, number_start)
        if read is None:
            continue
        unit, lead, missing = read
        said = _claim(text, start, lead, unit, out, names, carry, words)
        if said is not None:
            out.append(_make(paragraph, norm, match, unit, said, section, missing))
    return out


def _unit_and_lead(
    text: str, start: int, unit: str, number_start: int
) -> tuple[str, str, bool] | None:
    """The unit (a missing % supplied from context) and the clause words before the number."""
    clause_start = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=number_start)
    lead = text[max(clause_start, number_start) : start]
    missing = False
    if unit == "":
        if vocab.PERCENT_CONTEXT.search(lead):
            unit, missing = "%", True
        elif (cell := _budget_cell(text, start)) is not None:
            lead, unit = cell, "万元"
        else:
            return None
    if unit not in vocab.MONEY_UNITS | vocab.COUNT_UNITS | {"%", "分"}:
        return None
    return unit, lead, missing


def _make(
    paragraph: Paragraph,
    norm: Normalised,
    match: re.Match[str],
    unit: str,
    said: tuple[str, str, str, int],
    section: str,
    missing: bool,
) -> Claim:
    text, start = norm.text, match.start()
    subject, quantity, denominator, direction = said
    sentence_start = text.rfind("。", 0, start) + 1
    sentence_end = text.find("。", start)
    sentence_end = len(text) if sentence_end < 0 else sentence_end + 1
    origin_start, origin_end = norm.origin(sentence_start), norm.origin(sentence_end - 1) + 1
    opened = text.count("(", sentence_start, start) > text.count(")", sentence_start, start)
    return Claim(
        paragraph=paragraph.index,
        offset=norm.origin(start),
        value=Decimal(match.group(0)),
        decimals=len(match.group(0).partition(".")[2]),
        unit=unit,
        quantity=quantity,
        subject=subject,
        sentence=paragraph.text[origin_start:origin_end].strip(),
        section=section,
        denominator=denominator,
        direction=direction,
        after_parts_word="其中" in text[sentence_start:start],
        parts_of=text.rfind("其中", sentence_start, start),
        in_parentheses=opened,
        sentence_index=text.count("。", 0, start),
        missing_percent=missing,
        origin=paragraph.origin,
        text=match.group(0),
        end=match.end() + len(unit),
    )


def _is_marker(text: str, start: int, end: int) -> bool:
    """List numbers ("1.", "(2)"), codes and dates are not claims."""
    if (
        end < len(text)
        and text[end] in ".、"
        and (end + 1 >= len(text) or not text[end + 1].isdigit())
    ):
        return True
    if start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
        return True
    return end - start >= 6 and "." not in text[start:end]


def _budget_cell(text: str, start: int) -> str | None:
    """A number in a table row right after a "…总额" label cell (the 自评表 prints no unit)."""
    if "\t" not in text:
        return None
    cells = [c for c in text[:start].split("\t")]
    label = next((c for c in reversed(cells) if c), "")
    return (
        label[:-2] + "预算总额" if label.endswith("总额") and not _NUMBER.fullmatch(label) else None
    )


def _claim(
    text: str,
    start: int,
    lead: str,
    unit: str,
    previous: list[Claim],
    names: CodeNames,
    carry: str,
    words: vocab.Words = FINAL,
) -> tuple[str, str, str, int] | None:
    denominator = ""
    own = lead
    if unit == "%" and "占" in lead:
        own, _, after = lead.rpartition("占")
        denominator = _denominator(after, words)
    subject, said = _subject(text, start, own, lead, previous, names, carry, words)
    subject = _scoped(subject, text[:start])
    quantity = _quantity(unit, said, words)
    if quantity is None:
        return None
    if quantity == "share" and not denominator:
        denominator = words.default_denominator.get(
            "code" if subject.startswith("code:") else subject, ""
        )
    return subject, quantity, denominator, _direction(said)


def _subject(
    text: str,
    start: int,
    own: str,
    lead: str,
    previous: list[Claim],
    names: CodeNames,
    carry: str,
    words: vocab.Words,
) -> tuple[str, str]:
    """What the number is about, and the words that say what kind of number it is."""
    back = words.back_reference.search(own) if words.back_reference else None
    outside = [c for c in previous if not c.in_parentheses]
    if back is not None and outside:
        return outside[-1].subject, lead[back.end() :]
    found = find_subject(own, names, words)
    if found is not None:
        subject, _, subject_end = found
        if _has_name(own[subject_end:], words):
            subject = "other:" + _name(own[subject_end:], words)
        return subject, lead[subject_end:]
    if _has_name(own, words):
        return "other:" + _name(own, words), lead
    return _inherited(text, start, previous, names, carry, words), lead


def find_subject(
    lead: str, names: CodeNames, words: vocab.Words = FINAL
) -> tuple[str, int, int] | None:
    """The rightmost subject named in ``lead``: (key, start, end); longer wins at the same end."""
    best: tuple[int, int, str] | None = None
    for pattern, key in words.subjects:
        for m in pattern.finditer(lead):
            best = _better(best, (m.end(), m.end() - m.start(), key), m.start())
    for code, start, end in names.find(lead):
        best = _better(best, (end, end - start, "code:" + code), start)
    if best is None:
        return None
    end, length, key = best
    return key, end - length, end


def _better(best, candidate, start):  # type: ignore[no-untyped-def]
    return candidate if best is None or candidate[:2] > best[:2] else best


def _inherited(
    text: str,
    start: int,
    previous: list[Claim],
    names: CodeNames,
    carry: str,
    words: vocab.Words = FINAL,
) -> str:
    """A clause naming no subject: one named since the previous claim (a heading such as
    "3. 卫生健康支出。"), else the previous claim's, else the paragraph's, else the heading's."""
    outside = [c for c in previous if not c.in_parentheses]
    since = text.rfind("。", outside[-1].end if outside else 0, start)
    found = (
        find_subject(text[outside[-1].end if outside else 0 : start], names, words)
        if since >= 0
        else None
    )
    if found is not None:
        return found[0]
    if outside:
        return outside[-1].subject
    found = find_subject(text[:start], names, words)
    return found[0] if found else carry


def _scoped(subject: str, prefix: str) -> str:
    if subject not in vocab.SCOPED:
        return subject
    for word, scope in vocab.SCOPES:
        if word in prefix:
            return f"{scope}.{subject}"
    return subject


def _denominator(after: str, words: vocab.Words) -> str:
    for pattern, key in words.denominators:
        if pattern.search(after):
            return key
    return ""


def _quantity(unit: str, said: str, words: vocab.Words = FINAL) -> str | None:
    table: tuple[tuple[str, str], ...]
    if unit == "%":
        table, default = words.percent_words, "percent"
    elif unit == "万元":
        table, default = words.money_words, "amount"
    elif unit == "分":
        table, default = vocab.SCORE_WORDS, "score"
    else:
        return "count"
    for pattern, quantity in table:
        if re.search(pattern, said):
            return None if quantity == "threshold" else quantity
    return default


def _direction(words: str) -> int:
    positions = [(words.rfind(w), 1) for w in vocab.UP_WORDS] + [
        (words.rfind(w), -1) for w in vocab.DOWN_WORDS
    ]
    found = [p for p in positions if p[0] >= 0]
    return max(found)[1] if found else 0


def _name(text: str, words: vocab.Words = FINAL) -> str:
    return words.filler.sub("", text).strip("，,；;：:。 ")


def name_key(printed: str, kind: str = "") -> str:
    """How a printed name (a 表12 项目名称) reads as an ``other:`` subject in the narrative."""
    return _name(normalise(printed).text, words_for(kind))


def _has_name(text: str, words: vocab.Words = FINAL) -> bool:
    return len(vocab.CJK.findall(_name(text, words))) >= 2
