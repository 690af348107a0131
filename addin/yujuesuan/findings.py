"""Findings are values: what is wrong, where (sheet!cell), by how much, under which rule.

A finding never stores its rendered message; ``message`` renders it from the one Chinese
template of its kind in ``messages_zh`` so that tests compare fields, not prose.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from yujuesuan import messages_zh
from yujuesuan.money import format_amount


class Severity(enum.Enum):
    ERROR = "error"  # 错误: identity broken beyond the rounding band, unknown code, unreadable cell
    WARNING = "warning"  # 警告: 尾数差异 within the band, name variants, plausibility gaps
    INFO = "info"  # 提示

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


_PLAIN_SHEET = re.compile(r"^[\w\u4e00-\u9fff]+$")


@dataclass(frozen=True, slots=True)
class Location:
    """A cell in the user's workbook, as Excel names it."""

    sheet: str
    cell: str | None = None

    def __str__(self) -> str:
        sheet = self.sheet if _PLAIN_SHEET.match(self.sheet) else "'" + self.sheet.replace("'", "''") + "'"
        return f"{sheet}!{self.cell}" if self.cell else sheet


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    kind: str  # closed set: the keys of messages_zh.TEMPLATES
    severity: Severity
    table: str = ""  # spec id, e.g. "fa.t3"
    table_title: str = ""  # e.g. "表3 支出决算表"
    row_key: str | None = None
    col_key: str | None = None
    location: Location | None = None
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None  # actual - expected
    tolerance: Decimal | None = None
    terms: tuple[Location, ...] = ()
    basis: str = ""  # the printed note or declared identity, verbatim
    subject: str = ""  # what the cell is, in words: "第27行", "科目201 一般公共服务支出"
    note: str = ""
    file: str = ""

    @property
    def rounding_residue(self) -> bool:
        """True for a 尾数差异: a nonzero difference inside the rounding band."""
        return self.severity is Severity.WARNING and self.kind in messages_zh.IDENTITY_KINDS

    @property
    def classification(self) -> str:
        if self.rounding_residue:
            return "尾数差异"
        return self.severity.label

    @property
    def message(self) -> str:
        return messages_zh.render(
            self.kind,
            table_title=self.table_title,
            subject=self.subject,
            basis=self.basis,
            expected=format_amount(self.expected),
            actual=format_amount(self.actual),
            difference=_signed(self.difference),
            tolerance=format_amount(self.tolerance),
            verdict=messages_zh.verdict(self.classification, self.tolerance),
            note=self.note,
        )

    def to_record(self) -> dict[str, object]:
        return {
            "file": self.file,
            "rule_id": self.rule_id,
            "kind": self.kind,
            "severity": self.severity.value,
            "classification": self.classification,
            "table": self.table,
            "sheet": self.location.sheet if self.location else "",
            "cell": self.location.cell if self.location and self.location.cell else "",
            "row": self.row_key,
            "column": self.col_key,
            "expected": _plain(self.expected),
            "actual": _plain(self.actual),
            "difference": _plain(self.difference),
            "tolerance": _plain(self.tolerance),
            "terms": [str(t) for t in self.terms],
            "basis": self.basis,
            "message": self.message,
        }


def _plain(amount: Decimal | None) -> str | None:
    return None if amount is None else str(amount)


def _signed(amount: Decimal | None) -> str:
    if amount is None:
        return "空"
    text = format_amount(amount)
    return text if amount < 0 else "+" + text


@dataclass(frozen=True)
class Report:
    """All findings for one workbook, sorted, with what was checked."""

    findings: tuple[Finding, ...] = ()
    source: str = ""
    year: int | None = None
    kind: str = ""
    tables_found: tuple[str, ...] = ()
    rules_run: int = 0
    rules_failed_internally: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def by_classification(self) -> Counter[str]:
        return Counter(f.classification for f in self.findings)

    def flatten(self, *fields: str) -> list[tuple[object, ...]]:
        return [tuple(getattr(f, name) for name in fields) for f in self.findings]

    def to_records(self) -> list[dict[str, object]]:
        return [f.to_record() for f in self.findings]

    def with_file(self, file: str) -> Report:
        return replace(self, source=file, findings=tuple(replace(f, file=file) for f in self.findings))

    def with_findings(self, extra: Iterable[Finding]) -> Report:
        """This report with ``extra`` findings (the narrative's) after its own."""
        return replace(self, findings=self.findings + tuple(extra))
