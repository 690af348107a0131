"""情况说明: extract the numeric claims of a narrative, check them, draft one from the tables.

Core package: plain text in, ``Finding``s out; no spreadsheet library. ``services.narrate``
reads .txt/.docx files and 情况说明 sheets and writes drafts.
"""

from __future__ import annotations

from collections.abc import Sequence

from yujuesuan.findings import Finding
from yujuesuan.narrative.budget_lists import check_equal, check_lists
from yujuesuan.narrative.budget_purchases import check_purchase_bound
from yujuesuan.narrative.checks import (
    Run,
    check_amounts,
    check_budget_gaps,
    check_budgets,
    check_changes,
)
from yujuesuan.narrative.claims import Claim, extract, words_for
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

# A budget narrative (部门预算情况说明) is checked against the budget tables (``budget_cells`` says
# where each figure is printed) and against itself (percentages, lists and their parts, figures
# stated twice). A change is checked against last year's budget (``Context.prior_of``: the 上年数
# sheet, else 表11's 上年 column); 政府采购 服务类 / 合计 not below the 表12 项目采购 lines (B26).
BUDGET_CHECKS = (
    check_amounts,
    check_purchase_bound,
    check_changes,
    check_percentages,
    check_lists,
    check_parts,
    check_equal,
    check_repeats,
)
CHECKS_BY_KIND = {"决算": CHECKS, "预算": BUDGET_CHECKS}

__all__ = ["Claim", "Context", "Paragraph", "check_narrative", "claims_of", "extract", "paragraphs"]


def claims_of(
    text_or_paragraphs: str | Sequence[Paragraph], ctx: Context | None = None, kind: str = ""
) -> list[Claim]:
    """The claims of a narrative; ``kind`` (决算 / 预算) defaults to the context's, else 决算."""
    found = (
        paragraphs(text_or_paragraphs)
        if isinstance(text_or_paragraphs, str)
        else text_or_paragraphs
    )
    words = words_for(kind or (ctx.kind if ctx else ""))
    return extract(found, ctx.names() if ctx else None, words)


def check_narrative(text_or_paragraphs: str | Sequence[Paragraph], ctx: Context) -> list[Finding]:
    """Every finding about one narrative, checked against the workbook behind ``ctx``."""
    found = (
        paragraphs(text_or_paragraphs)
        if isinstance(text_or_paragraphs, str)
        else list(text_or_paragraphs)
    )
    names = ctx.names()
    run = Run(extract(found, names, words_for(ctx.kind)), ctx, names=names.names, paragraphs=found)
    for check in CHECKS_BY_KIND.get(ctx.kind, CHECKS):
        check(run)
    return (
        run.findings
        + list(percent_signs(run.claims))
        + list(lint(found, ctx.book.year))
        + list(check_self_scores(found))
    )
