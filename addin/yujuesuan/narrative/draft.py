"""Draft the numeric sentences of 第三部分 from the tables, 上年数 and 年初预算.

Every figure is read from the table cell the checker compares it with, and every percentage is
computed from those figures with the rounding the checker applies, so a fresh draft agrees with
its workbook by construction. Where a reason is required (决算 below 95% of 年初预算, a change of
more than ``LARGE_CHANGE`` percent) the draft writes 【请说明原因】, which the checker reports
until someone replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from yujuesuan.narrative import wording as w
from yujuesuan.money import round_half_up
from yujuesuan.narrative.checks import HUNDRED
from yujuesuan.narrative.names import clean
from yujuesuan.narrative.values import Context
from yujuesuan.reference.expense_groups import PERSONNEL_CLASSES, PUBLIC_CLASSES

LARGE_CHANGE = Decimal(10)  # percent
EXPLAIN_BELOW = Decimal(95)  # 决算数低于年初预算数 95% 的应作说明
PCT_DECIMALS = 1


@dataclass(frozen=True)
class Block:
    """A paragraph of the draft; ``title`` paragraphs are headings."""

    text: str
    title: bool = False


def money(value: Decimal) -> str:
    return f"{round_half_up(value, 2).normalize():f}"


def pct(part: Decimal, whole: Decimal) -> str:
    value = round_half_up(part / whole * HUNDRED, PCT_DECIMALS)
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"


def draft(ctx: Context, unit: str = "") -> list[Block]:
    if ctx.kind == "预算":
        from yujuesuan.narrative import budget_draft

        return budget_draft.draft(ctx, unit)
    y = ctx.year
    out = [Block(w.HEADING.format(unit=unit, y=y), title=True)]
    for section in SECTIONS if ctx.layout == "2021" else SECTIONS_FROM_2022:
        out += section(ctx, y)
    return out


def _value(ctx: Context, subject: str) -> Decimal:
    found = ctx.table_values(subject)
    return found[0][0] if found else Decimal(0)


def _change(ctx: Context, subject: str, words: str, y: int) -> str:
    """The year-on-year sentence, or "" when no 上年数 is given."""
    if subject not in ctx.prior:
        return ""
    current, prior = _value(ctx, subject), ctx.prior[subject]
    delta = current - prior
    if delta == 0:
        return w.FLAT.format(py=y - 1, subject=words.removesuffix("各"))
    if prior == 0:
        return w.CHANGE_FROM_ZERO.format(py=y - 1, subject=words, change=money(delta))
    direction, pct_word = w.DIRECTIONS[1 if delta > 0 else -1]
    text = w.CHANGE.format(
        py=y - 1,
        subject=words,
        direction=direction,
        change=money(abs(delta)),
        pct_word=pct_word,
        pct=pct(abs(delta), prior),
    )
    return text + (w.REASON if abs(delta) / prior * HUNDRED > LARGE_CHANGE else "")


def _title(ctx: Context, key: str) -> str:
    return w.TITLES_FROM_2022.get(key, w.TITLES[key]) if ctx.layout != "2021" else w.TITLES[key]


def _total(ctx: Context, y: int) -> list[Block]:
    text = w.TOTAL.format(y=y, total=money(_value(ctx, "grand_total")))
    return [
        Block(_title(ctx, "total"), True),
        Block(text + _change(ctx, "grand_total", "收、支总计各", y)),
    ]


def _income(ctx: Context, y: int) -> list[Block]:
    total = _value(ctx, "income_total")
    t1 = ctx.book.table("fa.t1")
    parts = []
    for key, name in w.INCOME_LINES:
        amount = (
            _value(ctx, key) if not key.isdigit() else (t1.value(key, "1") if t1 else Decimal(0))
        )
        if amount and total:
            parts.append(
                w.INCOME_PART.format(name=name, amount=money(amount), pct=pct(amount, total))
            )
    text = (
        w.INCOME.format(y=y, total=money(total)) + "；".join(parts) + "。"
        if parts
        else w.INCOME_ONLY.format(y=y, total=money(total))
    )
    return [Block(_title(ctx, "income"), True), Block(text)]


def _spending(ctx: Context, y: int) -> list[Block]:
    t3 = ctx.book.table("fa.t3")
    total = t3.value("合计", "1") if t3 else Decimal(0)
    parts = []
    for col, name, share in w.SPENDING_COLUMNS:
        amount = t3.value("合计", col) if t3 else Decimal(0)
        if share and total:
            parts.append(
                w.SPENDING_SHARE.format(name=name, amount=money(amount), pct=pct(amount, total))
            )
        elif amount or share:
            parts.append(w.SPENDING_PLAIN.format(name=name, amount=money(amount)))
    text = w.SPENDING.format(y=y, total=money(total)) + "；".join(parts) + "。"
    return [Block(_title(ctx, "spending"), True), Block(text)]


def _fiscal(ctx: Context, y: int) -> list[Block]:
    return [
        Block(_title(ctx, "fiscal"), True),
        Block(
            w.FISCAL.format(y=y, total=money(_value(ctx, "fiscal_grand_total")))
            + _change(ctx, "fiscal_grand_total", "财政拨款收、支总计各", y)
        ),
    ]


def _general(ctx: Context, y: int) -> list[Block]:
    total, spending = _value(ctx, "general_spending"), _value(ctx, "spending_total")
    t5 = ctx.book.table("fa.t5")
    classes = [c for c in (t5.code_rows() if t5 else []) if len(c) == 3 and t5 and t5.value(c, "1")]
    names = {c: clean(t5.row_names.get(c, "")) for c in classes} if t5 else {}
    out = [Block(_title(ctx, "general"), True), Block(w.SUBTITLES[0], True)]
    first = w.GENERAL_TOTAL.format(
        y=y, total=money(total), pct=pct(total, spending) if spending else "0"
    )
    out.append(Block(first + _change(ctx, "general_spending", "一般公共预算财政拨款支出", y)))
    out.append(Block(w.SUBTITLES[1], True))
    parts = [
        w.STRUCTURE_PART.format(
            name=names[c],
            amount=money(_value(ctx, "code:" + c)),
            pct=pct(_value(ctx, "code:" + c), total),
        )
        for c in classes
        if total
    ]
    out.append(Block(w.STRUCTURE.format(y=y, total=money(total)) + "；".join(parts) + "。"))
    out.append(Block(w.SUBTITLES[2], True))
    return out + _detail(ctx, y, total, classes, names)


def _detail(
    ctx: Context, y: int, total: Decimal, classes: list[str], names: dict[str, str]
) -> list[Block]:
    out = []
    budget = ctx.budget.get("general_spending")
    t5 = ctx.book.table("fa.t5")
    parts = w.DETAIL_PARTS.format(
        basic=money(_value(ctx, "basic")), project=money(_value(ctx, "project"))
    )
    if budget:
        head = w.DETAIL.format(
            y=y, budget=money(budget), total=money(total), pct=pct(total, budget)
        )
        out.append(Block(head + _below(total, budget) + parts))
    elif t5:
        out.append(Block(parts))
    for n, code in enumerate(classes, start=1):
        amount, line_budget = _value(ctx, "code:" + code), ctx.budget.get("code:" + code)
        if line_budget:
            text = w.CLASS.format(
                n=n,
                name=names[code],
                budget=money(line_budget),
                amount=money(amount),
                pct=pct(amount, line_budget),
            )
            out.append(Block(text + _below(amount, line_budget)))
        elif budget:
            out.append(Block(w.CLASS_NO_BUDGET.format(n=n, name=names[code], amount=money(amount))))
    return out


def _below(actual: Decimal, budget: Decimal) -> str:
    return w.BELOW_BUDGET if actual / budget * HUNDRED < EXPLAIN_BELOW else ""


def _basic(ctx: Context, y: int) -> list[Block]:
    t6 = ctx.book.table("fa.t6")
    out = [
        Block(_title(ctx, "basic"), True),
        Block(w.BASIC.format(y=y, total=money(_value(ctx, "basic")))),
    ]
    for key, groups, full, bare in (
        ("personnel", PERSONNEL_CLASSES, w.PERSONNEL, w.PERSONNEL_BARE),
        ("public", PUBLIC_CLASSES, w.PUBLIC, w.PUBLIC_BARE),
    ):
        amount = _value(ctx, key)
        items = (
            [
                clean(t6.row_names.get(c, ""))
                for c in t6.code_rows()
                if len(c) == 5 and c[:3] in groups and t6.value(c, "amount")
            ]
            if t6
            else []
        )
        items = [i for i in items if i]
        out.append(
            Block(
                full.format(amount=money(amount), items="、".join(items))
                if items
                else bare.format(amount=money(amount))
            )
        )
    return out


def _three_public(ctx: Context, y: int) -> list[Block]:
    budget, total = ctx.budget_of("sg_total") or Decimal(0), _value(ctx, "sg_total")
    word = w.BUDGET_WORDS[ctx.layout]
    if budget:
        lead = w.SG_TOTAL.format(
            y=y, budget_word=word, budget=money(budget), total=money(total), pct=pct(total, budget)
        )
    else:
        lead = w.SG_TOTAL_NO_BUDGET.format(y=y, total=money(total))
    out = [Block(_title(ctx, "three_public"), True), Block(lead)]
    out.append(Block(w.SG_ABROAD.format(amount=money(_value(ctx, "sg_abroad")))))
    out.append(
        Block(
            w.SG_CAR.format(
                amount=money(_value(ctx, "sg_car")),
                buy=money(_value(ctx, "sg_car_buy")),
                run=money(_value(ctx, "sg_car_run")),
            )
        )
    )
    out.append(Block(w.SG_RECEPTION.format(amount=money(_value(ctx, "sg_reception")))))
    change = _change(ctx, "sg_total", "“三公”经费财政拨款支出决算", y)
    if change:
        out.append(Block(change))
    return out


def _funds(ctx: Context, y: int) -> list[Block]:
    text = w.FUNDS.format(
        y=y,
        opening=money(_value(ctx, "gf.opening")),
        income=money(_value(ctx, "gf.income_year")),
        spending=money(_value(ctx, "gf.spending_year")),
        closing=money(_value(ctx, "gf.closing")),
    )
    capital = w.STATE_CAPITAL.format(y=y, spending=money(_value(ctx, "gz.spending_year")))
    return [
        Block(_title(ctx, "funds"), True),
        Block(text),
        Block(_title(ctx, "state_capital"), True),
        Block(capital),
    ]


def _office(ctx: Context, y: int) -> list[Block]:
    return [Block(_title(ctx, "office"), True), Block(w.OFFICE.format(y=y, py=y - 1))]


SECTIONS = (_total, _income, _spending, _fiscal, _general, _basic, _three_public, _funds, _office)
# From 2022 the 三公 table comes after 政府性基金 and 国有资本经营, and so does its section.
SECTIONS_FROM_2022 = (
    _total,
    _income,
    _spending,
    _fiscal,
    _general,
    _basic,
    _funds,
    _three_public,
    _office,
)


def as_text(blocks: list[Block]) -> str:
    return "\n".join(b.text for b in blocks) + "\n"
