"""情况说明: extract the numeric claims of a narrative, check them, draft one from the tables.

Core package: plain text in, ``Finding``s out; no spreadsheet library. ``services.narrate``
reads .txt/.docx files and 情况说明 sheets and writes drafts.
"""

from __future__ import annotations

from collections.abc import Sequence

from yujuesuan.findings import Finding
from yujuesuan.narrative.checks import (
    Run,
    check_amounts,
    check_budget_gaps,
    check_budgets,
    check_changes,
)
from yujuesuan.narrative.claims import Claim, extract
from yujuesuan.narrative.consistency import (
    check_parts,
    check_procurement,
    check_repeats,
    check_sections,
    check_vehicles,
)
from yujuesuan.narrative.lint import lint, percent_signs
from yujuesuan.narrative.ratios import check_percentages, check_scores
from yujuesuan.narrative.self_scores import check_self_scores
from yujuesuan.narrative.text import Paragraph, paragraphs
from yujuesuan.narrative.values import Context

# Order matters: table checks first, so that consistency checks can stay silent on claims
# already reported (one defect, one finding).
CHECKS = (
    check_amounts,
    check_budgets,
    check_changes,
    check_percentages,
    check_scores,
    check_budget_gaps,
    check_sections,
    check_procurement,
    check_parts,
    check_vehicles,
    check_repeats,
)

__all__ = ["Claim", "Context", "Paragraph", "check_narrative", "claims_of", "extract", "paragraphs"]


def claims_of(
    text_or_paragraphs: str | Sequence[Paragraph], ctx: Context | None = None
) -> list[Claim]:
    found = (
        paragraphs(text_or_paragraphs)
        if isinstance(text_or_paragraphs, str)
        else text_or_paragraphs
    )
    return extract(found, ctx.names() if ctx else None)


def check_narrative(text_or_paragraphs: str | Sequence[Paragraph], ctx: Context) -> list[Finding]:
    """Every finding about one narrative, checked against the workbook behind ``ctx``."""
    found = (
        paragraphs(text_or_paragraphs)
        if isinstance(text_or_paragraphs, str)
        else list(text_or_paragraphs)
    )
    names = ctx.names()
    run = Run(extract(found, names), ctx, names=names.names)
    for check in CHECKS:
        check(run)
    return (
        run.findings
        + list(percent_signs(run.claims))
        + list(lint(found, ctx.book.year))
        + list(check_self_scores(found))
    )
