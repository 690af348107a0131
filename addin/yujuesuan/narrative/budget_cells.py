"""Where each figure of a 部门预算情况说明 will be read once the budget tables exist (§4.1, §6.2).

Data only, not wired into the checks yet: the budget table spec is being written elsewhere, and its
table ids, row keys and column keys are not settled. The ids here follow a placeholder convention
(``bu.t1`` … ``bu.t9``, ``bu.t5_1`` for 表5-1, ``bu.t11`` / ``bu.t12`` for the 绩效目标 tables);
rows are the printed label or code (budget tables have no 行次), columns the printed header (no
栏次). Aligning this module with the real spec is one edit here; ``values.Context`` can then read
these cells for kind 预算 the way it reads ``values.CELLS`` for 决算.

A subject with several cells is printed in several tables; the narrative may quote any of them.
Subjects in ``NARRATIVE_ONLY`` are in no budget table (政府采购, 国有资产, last year's budget).
"""

from __future__ import annotations

Cell = tuple[str, str, str]  # table id, row (label or code), column (header)

T7_COLUMNS = (
    ("sg_total", "“三公”经费合计"),
    ("sg_abroad", "因公出国（境）费"),
    ("sg_car", "公务用车购置及运行费小计"),
    ("sg_car_buy", "公务用车购置费"),
    ("sg_car_run", "公务用车运行费"),
    ("sg_reception", "公务接待费"),
)

BUDGET_CELLS: dict[str, tuple[Cell, ...]] = {
    "grand_total": (("bu.t1", "收入总计", "预算数"), ("bu.t1", "支出总计", "预算数")),
    "income_total": (("bu.t1", "本年收入合计", "预算数"), ("bu.t2", "合计", "合计")),
    "general_income": (
        ("bu.t1", "一、一般公共预算拨款收入", "预算数"),
        ("bu.t4", "(一) 一般公共预算拨款", "预算数"),
    ),
    "spending_total": (("bu.t1", "本年支出合计", "预算数"), ("bu.t3", "合计", "合计")),
    "fiscal_grand_total": (("bu.t4", "收入总计", "预算数"), ("bu.t4", "支出总计", "预算数")),
    "general_spending": (("bu.t5_1", "合计", "合计"), ("bu.t4", "(一) 一般公共预算拨款", "预算数")),
    "appropriation_year": (("bu.t4", "一、本年收入", "预算数"),),
    "basic": (("bu.t3", "合计", "基本支出"), ("bu.t5_1", "合计", "基本支出小计")),
    "project": (("bu.t3", "合计", "项目支出"), ("bu.t5_1", "合计", "项目支出")),
    "operating": (("bu.t3", "合计", "事业单位经营支出"),),
    "remit": (("bu.t3", "合计", "上缴上级支出"),),
    "subsidiary": (("bu.t3", "合计", "对附属单位补助支出"),),
    "personnel": (("bu.t6", "合计", "人员经费"), ("bu.t5_1", "合计", "人员经费")),
    "public": (("bu.t6", "合计", "公用经费"), ("bu.t5_1", "合计", "公用经费")),
    "econ:301": (("bu.t6", "301", "合计"),),
    "econ:302": (("bu.t6", "302", "合计"),),
    "econ:303": (("bu.t6", "303", "合计"),),
    **{key: (("bu.t7", "“三公”经费合计", column),) for key, column in T7_COLUMNS},
    # P6: the seeds state 机关运行经费 = 表6 公用经费 (B27)
    "office_running": (("bu.t6", "合计", "公用经费"),),
    "gf.spending_year": (("bu.t8", "合计", "合计"),),
    "gz.spending_year": (("bu.t9", "合计", "合计"),),
    # P9: 绩效目标管理 covers the whole budget; 优秀项目 money = 项目支出 (表11 当年预算收支)
    "perf_budget": (("bu.t3", "合计", "合计"), ("bu.t11", "支出构成: 合计", "当年预算收支")),
    "perf_projects": (
        ("bu.t3", "合计", "项目支出"),
        ("bu.t11", "支出构成: 项目支出", "当年预算收支"),
    ),
}

# Figures of a class, 款 or 项 ("code:2010504" in a narrative read with the unit's code names).
CODE_CELLS: tuple[Cell, ...] = (("bu.t5_1", "{code}", "合计"), ("bu.t3", "{code}", "合计"))
# A project named in P4 ("信息化项目维护及运行328.89万元") = its 表12 项目当年预算 / 10,000 (元).
PROJECT_CELL: Cell = ("bu.t12", "{project}", "项目当年预算")

# Stated in the narrative only: checked against each other, never against a table.
NARRATIVE_ONLY = frozenset(
    {
        "proc_total",
        "proc_goods",
        "proc_works",
        "proc_services",
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
        return tuple((t, row.format(code=code), col) for t, row, col in CODE_CELLS)
    if subject.startswith("other:"):
        table, row, col = PROJECT_CELL
        return ((table, row.format(project=subject[6:]), col),)
    return BUDGET_CELLS.get(subject, ())
