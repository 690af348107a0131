"""政府采购 in a 部门预算情况说明 against the 项目采购 lines of the 表12 forms (spec §4.1.1 B26).

Lower bounds only (``budget_cells.FORM_LINES``): the forms list what projects buy, while a unit
also buys out of 基本支出 (物业管理, 印刷 …) with no form, so a stated 服务类 or 合计 above the
forms' sum is legitimate and only one below it is reported.
"""

from __future__ import annotations

from yujuesuan import messages_zh as zh
from yujuesuan.money import TEN_THOUSAND, yuan_to_wanyuan
from yujuesuan.narrative.budget_cells import FORM_LINES
from yujuesuan.narrative.checks import Run, show, stated_band
from yujuesuan.narrative.values import line_total

RULE = "narrative.purchase_bound"
# message text (messages_zh style): why the sum is a floor, not the figure itself
FLOOR_NOTE = "；基本支出中的政府采购（如物业管理、印刷）不列入表12，故只核对不少于表列之和"


def check_purchase_bound(run: Run) -> None:
    """B26: each ``FORM_LINES`` subject stated ≥ Σ of its lines (元 → 万元), within its rounding."""
    if run.ctx.kind != "预算":
        return
    for subject, source in FORM_LINES.items():
        lines = run.ctx.form_lines(source)
        total = line_total(lines)
        if total is None:
            continue  # no 表12 form, no such line, or an unreadable amount: narrative-only
        floor = total / TEN_THOUSAND
        expected = yuan_to_wanyuan(total)
        terms = tuple(line.location for line in lines if line.location)
        for claim in run.claims:
            if (
                claim.subject != subject
                or claim.quantity != "amount"
                or claim.unit != "万元"
                or claim.in_parentheses
                or id(claim) in run.flagged
                or claim.value + stated_band(claim) >= floor
            ):
                continue
            note = zh.stated_vs_expected(show(claim.value, "万元"), "不少于" + show(expected, "万元"))
            run.report(
                claim,
                "narrative_table",
                expected=expected,
                source=f"{source.title} {source.where}",
                note=note + FLOOR_NOTE,
                rule=RULE,
                terms=terms,
            )
