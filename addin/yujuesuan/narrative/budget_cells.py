"""Where each figure of a 部门预算情况说明 is printed in the budget tables (spec §4.1, §6.2).

Data only: ``values.Context`` reads these cells for kind 预算 the way it reads ``values.CELLS``
for 决算. Ids and keys are those of ``spec.budget`` (``yjs spec --kind 预算 --year 2024``):
表5-1 is ``bu.t5``; 表1/表4 rows are keyed by name (income lines column ``income``, spending lines
``spending``); code tables (表3, 表5-1, 表6, 表8, 表9) have a ``合计`` row and code rows; 表7 is one
row ``金额``. A test checks every cell here against ``tables_for("预算", 2024)``.

A subject with several cells is printed in several tables; the narrative may quote any of them.
Subjects in ``NARRATIVE_ONLY`` are in no budget table (政府采购, 国有资产, …); the 项目采购 lines
of the 表12 forms give two of them a floor (``FORM_LINES``, B26). P9 is also read from 表11, a P4
project from its 表12 form (``bu.t12-n``, one per project), and last year's budget from 表11's 上年
column when no 上年数 sheet gives it (``PRIOR_CELLS``).
"""

from __future__ import annotations

from dataclasses import dataclass

from yujuesuan.spec.budget.basic import SG_ROW
from yujuesuan.spec.model import TOTAL

Cell = tuple[str, str, str]  # table id, row key, column key

SG_COLUMNS = (
    ("sg_total", "total"),
    ("sg_abroad", "abroad"),
    ("sg_car", "car"),
    ("sg_car_buy", "car_purchase"),
    ("sg_car_run", "car_running"),
    ("sg_reception", "reception"),
)

BUDGET_CELLS: dict[str, tuple[Cell, ...]] = {
    "grand_total": (("bu.t1", "收入总计", "income"), ("bu.t1", "支出总计", "spending")),
    "income_total": (("bu.t1", "本年收入合计", "income"), ("bu.t2", TOTAL, "total")),
    "general_income": (
        ("bu.t1", "general", "income"),
        ("bu.t4", "本年收入.general", "income"),
    ),
    "spending_total": (("bu.t1", "本年支出合计", "spending"), ("bu.t3", TOTAL, "total")),
    "fiscal_grand_total": (("bu.t4", "收入总计", "income"), ("bu.t4", "支出总计", "spending")),
    "general_spending": (("bu.t5", TOTAL, "total"), ("bu.t4", "本年收入.general", "income")),
    # P4 "一般公共预算支出预算数…其中：(1)本年预算": this year's general appropriation
    "appropriation_year": (("bu.t4", "本年收入.general", "income"), ("bu.t4", "本年收入", "income")),
    "basic": (("bu.t3", TOTAL, "basic"), ("bu.t5", TOTAL, "basic"), ("bu.t6", TOTAL, "total")),
    "project": (("bu.t3", TOTAL, "project"), ("bu.t5", TOTAL, "project")),
    "operating": (("bu.t3", TOTAL, "operating"),),
    "remit": (("bu.t3", TOTAL, "superior"),),
    "subsidiary": (("bu.t3", TOTAL, "subsidy"),),
    "personnel": (("bu.t6", TOTAL, "personnel"), ("bu.t5", TOTAL, "personnel")),
    "public": (("bu.t6", TOTAL, "public"), ("bu.t5", TOTAL, "public")),
    "econ:301": (("bu.t6", "301", "total"),),
    "econ:302": (("bu.t6", "302", "total"),),
    "econ:303": (("bu.t6", "303", "total"),),
    **{key: (("bu.t7", SG_ROW, column),) for key, column in SG_COLUMNS},
    # P6: the seeds state 机关运行经费 = 表6 公用经费 (B27)
    "office_running": (("bu.t6", TOTAL, "public"),),
    "gf.spending_year": (("bu.t8", TOTAL, "total"),),
    "gz.spending_year": (("bu.t9", TOTAL, "total"),),
    # P9: 绩效目标管理 covers the whole budget; 优秀项目 money = 项目支出
    "perf_budget": (("bu.t3", TOTAL, "total"),),
    "perf_projects": (("bu.t3", TOTAL, "project"),),
}

# A 类, 款 or 项 named in words ("code:2010350"): any column a 项 is quoted from — 事业运行 is
# quoted once under 基本支出 (256.70) and once under 项目支出 (12.5) in the seed.
CODE_CELLS: tuple[Cell, ...] = (
    ("bu.t5", "{code}", "total"),
    ("bu.t5", "{code}", "basic"),
    ("bu.t5", "{code}", "project"),
    ("bu.t3", "{code}", "total"),
)
# A 类 is also a line of 收支总表 and 财政拨款收支总表 (keyed by its code).
CLASS_CELLS: tuple[Cell, ...] = (("bu.t1", "{code}", "spending"), ("bu.t4", "{code}", "spending"))

# P9 also in 表11 (当年预算收支, rounded to 0.1 万元: the narrative may quote either figure).
PERFORMANCE_CELLS: dict[str, tuple[Cell, ...]] = {
    "perf_budget": (("bu.t11", "spending.total", "current"),),
    "perf_projects": (("bu.t11", "spending.project", "current"),),
}
# A P4 project ("信息化项目维护及运行328.89万元") = 项目当年预算 of the 表12-n form whose 项目名称
# it names, in 元: one instance table per form (``bu.t12-1`` …), read ÷ 10,000 (``money.yuan_to_wanyuan``).
PROJECT_FORM = "bu.t12"
PROJECT_NAME_ROW = "name"
PROJECT_CELL: Cell = (PROJECT_FORM, "current_budget", "value")


@dataclass(frozen=True)
class FormLines:
    """A floor for a subject: Σ of one column of a block's free lines over every 表12 form, in 元.

    Only lines whose label ends with one of ``label_ends`` count (empty: every line). The forms
    list what projects buy; 基本支出 buys too (物业管理, 印刷 …) and has no form, so the stated
    figure may exceed the sum but not fall short of it.
    """

    block: str  # block key of the form (``spec.budget.projects``)
    column: str
    label_ends: tuple[str, ...]
    title: str  # how a message names the forms and the sum
    where: str


PURCHASE_FORMS = "表12 部门项目支出绩效目标表"

# B26 (seed 002 第三部分 十(二)): 服务类 1,169.36 万元 and Σ 项目采购 金额 of 表12-3 and 表12-5,
# 11,693,616 元, agree to 0.01 万元 — each 品名 there is a 政府采购品目 of the 服务 category
# (基础电信服务, 硬件运维服务, 其他运行维护服务). Agreement is not a rule: 服务类 also counts services
# bought from 基本支出, which no form lists. So 服务类 ≥ Σ lines named …服务 (one named otherwise,
# 台式计算机 or even 物业管理, is left out: that can only lower the floor, never raise a false
# alarm), and 合计 ≥ Σ every line. No 项目采购 line: both stay narrative-only.
FORM_LINES: dict[str, FormLines] = {
    "proc_services": FormLines(
        block="purchases",
        column="amount",
        label_ends=("服务",),
        title=PURCHASE_FORMS,
        where="各表“项目采购”中品名以“服务”结尾者金额合计（元折合万元）",
    ),
    "proc_total": FormLines(
        block="purchases",
        column="amount",
        label_ends=(),
        title=PURCHASE_FORMS,
        where="各表“项目采购”金额合计（元折合万元）",
    ),
}

# P1/P3 without a 上年数 sheet: last year's budget is 表11 近两年收支情况, the later year (上年),
# printed to 0.1 万元 — the stated change is then known to ± half of that. Seed 002: 1,757.51 −
# 938.04 = 819.47 ≈ 819.5 (表11 2023 合计) ✔, so that column holds budgets, not 决算; seed 004's
# 整体表 gives the prior 收支总预算 / 基本支出 / 项目支出 the same way (spec §6.2 P1, P3).
PRIOR_CELLS: dict[str, Cell] = {
    "grand_total": ("bu.t11", "spending.total", "prior1"),
    "income_total": ("bu.t11", "income.total", "prior1"),
    "spending_total": ("bu.t11", "spending.total", "prior1"),
    "basic": ("bu.t11", "spending.basic", "prior1"),
    "project": ("bu.t11", "spending.project", "prior1"),
}

# Stated in the narrative only: checked against each other, never equal to a table cell (some
# have a floor in ``FORM_LINES``).
NARRATIVE_ONLY = frozenset(
    {
        "proc_total",
        "proc_goods",
        "proc_services",
        "proc_works",
        "assets_total",
        "assets_new",
        "vehicles_official",
        "vehicles_enforcement",
        "vehicles_special",
        "vehicles_total",
        "equipment_large",
        "income_year",
        "spending_year",
    }
)


def cells_of(subject: str) -> tuple[Cell, ...]:
    """The budget table cells that print ``subject`` (none for narrative-only figures)."""
    if subject.startswith("code:"):
        code = subject[5:]
        declared = CODE_CELLS + (CLASS_CELLS if len(code) == 3 else ())
        return tuple((t, row.format(code=code), col) for t, row, col in declared)
    if subject.startswith("other:"):
        return ()  # projects: one 表12 instance per name, found by ``values.Context``
    return BUDGET_CELLS.get(subject, ()) + PERFORMANCE_CELLS.get(subject, ())
