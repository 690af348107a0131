"""Draft the 部门预算情况说明 (P1–P9) from the budget tables and the 上年数 sheet.

Like the 决算 draft, every figure is read from a cell the checker compares it with
(``budget_cells``) and every percentage is computed with the checker's rounding, so a fresh
draft agrees with its tables. Lists that the checker adds up (收入 其中, 支出 其中, 人员经费 包括)
are identities of the tables themselves; the 项 under 基本支出 / 项目支出 are listed without a
list word, because 表5-1's own 尾数差异 would otherwise reappear as a narrative finding.
"""

from __future__ import annotations

from decimal import Decimal

from yujuesuan.money import round_half_up
from yujuesuan.narrative import budget_wording as w
from yujuesuan.narrative.budget_cells import PROJECT_FORM, PROJECT_NAME_ROW
from yujuesuan.narrative.checks import HUNDRED
from yujuesuan.narrative.claims import name_key
from yujuesuan.narrative.draft import Block
from yujuesuan.narrative.names import clean
from yujuesuan.narrative.values import Context
from yujuesuan.reference.expense_groups import PERSONNEL_CLASSES, PUBLIC_CLASSES
from yujuesuan.spec.budget.basic import SG_ROW
from yujuesuan.spec.budget.classes import CLASSES
from yujuesuan.spec.model import TOTAL
from yujuesuan.tables import Table

ZERO = Decimal(0)
PCT_DECIMALS = 2  # budgets print two decimals (spec §6)


def money(value: Decimal) -> str:
    return f"{round_half_up(value, 2).normalize():,f}"


def pct(part: Decimal, whole: Decimal) -> str:
    return f"{round_half_up(part / whole * HUNDRED, PCT_DECIMALS):f}"


def draft(ctx: Context, unit: str = "") -> list[Block]:
    y = ctx.year
    out = [Block(w.HEADING.format(unit=unit, y=y), title=True)]
    for section in SECTIONS:
        out += section(ctx, y, unit)
    return out


def _cell(ctx: Context, table_id: str, row: str, col: str) -> Decimal:
    table = ctx.book.table(table_id)
    return table.value(row, col) if table is not None else ZERO


def _value(ctx: Context, subject: str) -> Decimal:
    found = ctx.table_cells(subject)
    return found[0].value if found else ZERO


def _items(pairs: list[tuple[str, Decimal]]) -> str:
    return "、".join(w.ITEM.format(name=name, amount=money(amount)) for name, amount in pairs)


def _change(ctx: Context, subject: str, y: int, lead: str = "") -> str:
    """The sentence comparing with last year's budget; a marker when no 上年数 gives it."""
    if subject not in ctx.prior:
        return w.NO_PRIOR.format(lead=lead, py=y - 1)
    current, prior = _value(ctx, subject), ctx.prior[subject]
    delta = current - prior
    if delta == 0:
        return w.FLAT.format(lead=lead, py=y - 1)
    if prior == 0:
        return w.NEW.format(lead=lead, py=y - 1, change=money(delta))
    direction, pct_word = w.DIRECTIONS[1 if delta > 0 else -1]
    return w.CHANGE.format(
        lead=lead,
        py=y - 1,
        direction=direction,
        change=money(abs(delta)),
        pct_word=pct_word,
        pct=pct(abs(delta), prior),
    )


def _classes(ctx: Context, table_id: str) -> list[tuple[str, Decimal]]:
    """The 类 lines of 收支总表 / 财政拨款收支总表 that carry an amount, in printed order."""
    names = _code_names(ctx)
    return [
        (names.get(code) or label, _cell(ctx, table_id, code, "spending"))
        for code, label in CLASSES
        if _cell(ctx, table_id, code, "spending")
    ]


def _code_names(ctx: Context) -> dict[str, str]:
    return ctx.names().names


def _total(ctx: Context, y: int, unit: str) -> list[Block]:
    income = [(name, _cell(ctx, "bu.t1", key, "income")) for key, name in w.INCOME_LINES]
    overview = w.OVERVIEW.format(
        unit=unit or "本部门",
        income=_items([(n, a) for n, a in income if a]) or w.ITEM.format(name="本年收入", amount="0"),
        spending=_items(_classes(ctx, "bu.t1")) or w.ITEM.format(name="本年支出", amount="0"),
    )
    total = w.TOTAL.format(y=y, total=money(_value(ctx, "grand_total")))
    return [
        Block(w.TITLES["total"], True),
        Block(overview),
        Block(total + _change(ctx, "grand_total", y)),
    ]


def _income(ctx: Context, y: int, unit: str) -> list[Block]:
    parts = [(name, _cell(ctx, "bu.t1", key, "income")) for key, name in w.INCOME_LINES]
    parts = [(n, a) for n, a in parts if a] or parts[:1]
    text = w.INCOME.format(total=money(_value(ctx, "income_total")), items=_items(parts))
    carried = _cell(ctx, "bu.t1", "上年结转结余", "income")
    if carried:
        text += w.CARRIED.format(amount=money(carried))
    return [Block(w.TITLES["income"], True), Block(text)]


def _spending(ctx: Context, y: int, unit: str) -> list[Block]:
    total = _value(ctx, "spending_total")
    parts = []
    for col, name, share in w.SPENDING_COLUMNS:
        amount = _cell(ctx, "bu.t3", TOTAL, col)
        if share and total:
            parts.append(w.SHARE.format(name=name, amount=money(amount), pct=pct(amount, total)))
        elif amount or share:
            parts.append(w.ITEM.format(name=name, amount=money(amount)))
    text = w.SPENDING.format(y=y, total=money(total), items="；".join(parts))
    return [Block(w.TITLES["spending"], True), Block(text)]


def _fiscal(ctx: Context, y: int, unit: str) -> list[Block]:
    income = [(name, _cell(ctx, "bu.t4", key, "income")) for key, name in w.FISCAL_INCOME_LINES]
    text = w.FISCAL.format(
        y=y,
        total=money(_value(ctx, "fiscal_grand_total")),
        income=_items([(n, a) for n, a in income if a] or income[:1]),
        spending=_items(_classes(ctx, "bu.t4")) or w.ITEM.format(name="本年支出", amount="0"),
    )
    return [Block(w.TITLES["fiscal"], True), Block(text)]


def _general(ctx: Context, y: int, unit: str) -> list[Block]:
    t5 = ctx.book.table("bu.t5")
    head = w.GENERAL.format(y=y, total=money(_value(ctx, "general_spending")))
    out = [
        Block(w.TITLES["general"], True),
        Block(head + _change(ctx, "general_spending", y, "一般公共预算支出") + w.GENERAL_DETAIL),
        Block(w.GENERAL_BASIC.format(amount=money(_cell(ctx, "bu.t5", TOTAL, "basic")))),
    ]
    basic = _lines(t5, "basic")
    if basic:
        out.append(Block(w.BY_CODE.format(items=_items(basic))))
    out.append(Block(w.GENERAL_PROJECT.format(amount=money(_cell(ctx, "bu.t5", TOTAL, "project")))))
    projects = _projects(ctx)
    if projects:
        out.append(Block(w.BY_PROJECT.format(items=_items(projects))))
    for n, (name, amount) in enumerate(_lines(t5, "project"), start=1):
        out.append(Block(w.PROJECT_ITEM.format(n=n, name=name, amount=money(amount))))
    return out


def _projects(ctx: Context) -> list[tuple[str, Decimal]]:
    """(项目名称, 项目当年预算 in 万元) of the 表12 forms, in printed order."""
    out = []
    for table_id, table in ctx.book.tables.items():
        name = table.row_names.get(PROJECT_NAME_ROW, "").strip()
        if table_id.startswith(PROJECT_FORM + "-") and name:
            found = ctx.table_cells("other:" + name_key(name, ctx.kind))
            if found:
                out.append((name, found[0].value))
    return out


def _lines(table: Table | None, col: str) -> list[tuple[str, Decimal]]:
    """The 项 of 表5-1 with an amount in ``col``, by printed name."""
    if table is None:
        return []
    return [
        (clean(table.row_names.get(code, "")) or code, table.value(code, col))
        for code in table.code_rows()
        if len(code) == 7 and table.value(code, col)
    ]


def _basic(ctx: Context, y: int, unit: str) -> list[Block]:
    t6 = ctx.book.table("bu.t6")
    out = [
        Block(w.TITLES["basic"], True),
        Block(w.BASIC.format(y=y, total=money(_value(ctx, "basic")))),
    ]
    for key, classes, lead in (
        ("personnel", PERSONNEL_CLASSES, w.PERSONNEL),
        ("public", PUBLIC_CLASSES, w.PUBLIC),
    ):
        items = [
            (clean(t6.row_names.get(code, "")) or code, t6.value(code, "total"))
            for code in (t6.code_rows() if t6 else [])
            if len(code) == 3 and code in classes and t6.value(code, "total")
        ] if t6 else []  # fmt: skip
        text = lead.format(amount=money(_value(ctx, key)))
        out.append(Block(text + (w.GROUP_PARTS if items else "")))
        out += [Block(w.ECONOMIC_ITEM.format(name=n, amount=money(a))) for n, a in items]
    return out


def _funds(ctx: Context, y: int, unit: str) -> list[Block]:
    out = []
    for key, subject, some, none in (
        ("funds", "gf.spending_year", w.FUNDS, w.NO_FUNDS),
        ("state_capital", "gz.spending_year", w.STATE_CAPITAL, w.NO_STATE_CAPITAL),
    ):
        amount = _value(ctx, subject)
        text = some.format(y=y, amount=money(amount)) if amount else none.format(unit=unit, y=y)
        out += [Block(w.TITLES[key], True), Block(text)]
    return out


def _three_public(ctx: Context, y: int, unit: str) -> list[Block]:
    def sg(col: str) -> str:
        return money(_cell(ctx, "bu.t7", SG_ROW, col))

    return [
        Block(w.TITLES["three_public"], True),
        Block(w.SG_SCOPE_TITLE, True),
        Block(w.SG_SCOPE),
        Block(w.SG_TITLE, True),
        Block(w.SG_TOTAL.format(y=y, total=sg("total"))),
        Block(w.SG_ABROAD.format(amount=sg("abroad"))),
        Block(w.SG_RECEPTION.format(amount=sg("reception"))),
        Block(w.SG_CAR.format(amount=sg("car"), buy=sg("car_purchase"), run=sg("car_running"))),
        Block(_change(ctx, "sg_total", y, w.SG_CHANGE.format(y=y))),
    ]


def _other(ctx: Context, y: int, unit: str) -> list[Block]:
    office = w.OFFICE.format(y=y, amount=money(_value(ctx, "office_running")))
    count = len(_projects(ctx))
    performance = w.PERFORMANCE.format(
        y=y, count=count or w.COUNT_MARKER, total=money(_value(ctx, "perf_budget"))
    )
    return [
        Block(w.TITLES["other"], True),
        Block(w.OFFICE_TITLE, True),
        Block(office + _change(ctx, "office_running", y, w.OFFICE_CHANGE)),
        Block(w.PROCUREMENT_TITLE, True),
        Block(w.PROCUREMENT.format(y=y)),
        Block(w.SERVICES_TITLE, True),
        Block(w.SERVICES.format(y=y)),
        Block(w.ASSETS_TITLE, True),
        Block(w.ASSETS.format(y=y, py=y - 1)),
        Block(w.PERFORMANCE_TITLE, True),
        Block(performance),
        Block(w.PERFORMANCE_PROJECTS),
    ]


SECTIONS = (_total, _income, _spending, _fiscal, _general, _basic, _funds, _three_public, _other)
