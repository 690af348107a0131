"""校验: read a workbook, run every rule of its kind and year, return the report."""

from __future__ import annotations

from pathlib import Path

from yujuesuan.checks.engine import Policy, run
from yujuesuan.findings import Report
from yujuesuan.workbook.read import read_book


def check_workbook(
    path: Path,
    *,
    year: int | None = None,
    kind: str | None = None,
    strict: bool = False,
    plausibility: bool = False,
    narrative: Path | None = None,
) -> Report:
    """All findings for one workbook file. Raises ``WorkbookFormatError`` if it cannot be read.

    The narrative (``narrative`` file, else a 情况说明 sheet when the workbook has one) is checked too.
    """
    from yujuesuan.services.narrate import narrative_findings

    book, table_set = read_book(path, year=year, kind=kind)
    report = run(book, table_set, Policy(strict=strict, plausibility=plausibility))
    return report.with_findings(narrative_findings(Path(path), book, narrative)).with_file(str(path))
