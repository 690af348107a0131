"""The words of a 部门预算情况说明 (spec §6.2, P1–P9), as data; the 决算 words where they agree.

A budget narrative states budgets only, so "预算" is not a quantity word here (``部门支出预算
1,757.51 万元`` is the amount of the document): every money figure is an amount, a change ("比
2023 年预算增加 938.04 万元") or a threshold ("单位价值50万元以上"). Subjects the budget
wording adds come first; the 决算 subjects follow for the words both kinds share (基本支出,
人员经费, 三公 …).
"""

from __future__ import annotations

import re

from yujuesuan.narrative import vocabulary as final

# (regex, subject key, label used in messages) — read with the same rules as vocabulary.SUBJECTS
BUDGET_SUBJECTS: tuple[tuple[str, str, str], ...] = (
    (r"财政拨款收支总预算", "fiscal_grand_total", "财政拨款收支总预算"),
    (r"(部门)?收支总预算", "grand_total", "收支总预算"),
    (r"部门预算收入", "income_total", "部门预算收入"),
    (r"一般公共预算财政拨款(本年)?收入", "general_income", "一般公共预算财政拨款收入"),
    (r"(部门)?支出预算", "spending_total", "部门支出预算"),
    (r"一般公共预算支出(预算数)?", "general_spending", "一般公共预算支出预算"),
    (r"本年预算", "appropriation_year", "本年预算"),
    (r"(一般公共预算)?基本支出", "basic", "基本支出"),
    (r"工资福利支出", "econ:301", "工资福利支出"),
    (r"商品和服务支出", "econ:302", "商品和服务支出"),
    (r"对个人和家庭的?补助(支出)?", "econ:303", "对个人和家庭的补助"),
    (r"[“\"]?三公[”\"]?经费(预算数?)?", "sg_total", "“三公”经费"),
    (r"政府采购(预算)?支出(合计|总额)", "proc_total", "政府采购预算合计"),
    (r"货物类", "proc_goods", "政府采购货物类"),
    (r"工程类", "proc_works", "政府采购工程类"),
    (r"服务类", "proc_services", "政府采购服务类"),
    (r"(占有使用)?国有资产", "assets_total", "国有资产"),
    (r"一般公务用车", "vehicles_official", "一般公务用车"),
    (r"一般执法执勤用车", "vehicles_enforcement", "一般执法执勤用车"),
    (r"特种专业技术车", "vehicles_special", "特种专业技术车"),
    (r"共有车辆", "vehicles_total", "车辆总数"),
    (r"以上设备", "equipment_large", "单位价值50万元以上设备"),
    (r"新增资产", "assets_new", "预算新增资产"),
    (r"政府性基金预算支出", "gf.spending_year", "政府性基金预算支出"),
    (r"国有资本经营预算支出", "gz.spending_year", "国有资本经营预算支出"),
    (r"预算支出", "perf_budget", "绩效目标管理覆盖的预算支出"),
    (r"优秀项目", "perf_projects", "优先保障的优秀项目"),
)
SHARED = frozenset(
    {
        "project",
        "remit",
        "operating",
        "subsidiary",
        "personnel",
        "public",
        "sg_abroad",
        "sg_car",
        "sg_car_buy",
        "sg_car_run",
        "sg_reception",
        "office_running",
        "income_year",
        "spending_year",
    }
)
SUBJECTS = BUDGET_SUBJECTS + tuple(s for s in final.SUBJECTS if s[1] in SHARED)

DENOMINATORS: tuple[tuple[str, str], ...] = (
    (r"(部门)?支出预算", "spending_total"),
    (r"(部门)?收入预算", "income_total"),
    *final.DENOMINATORS,
)
# "基本支出 367.93 万元，占 20.93%" names no denominator: the 部门支出预算 stated before it.
DEFAULT_DENOMINATOR = {**final.DEFAULT_DENOMINATOR, "general_income": "income_total"}

MONEY_WORDS: tuple[tuple[str, str], ...] = (
    (r"单位价值|单价", "threshold"),
    (r"增加|减少|增长|下降|降低|节约", "change"),
)
FILLER = re.compile(final.FILLER.pattern + r"|预算|上年|本部门及下属单位|本部门|下属单位")
# "此项支出比上年减少 3.72 万元": about the figure stated just before (机关运行经费).
BACK_REFERENCE = r"此项支出|该项支出|此项经费"

BUDGET = final.words(
    "预算",
    SUBJECTS,
    denominators=DENOMINATORS,
    default_denominator=DEFAULT_DENOMINATOR,
    money_words=MONEY_WORDS,
    filler=FILLER,
    back_reference=BACK_REFERENCE,
    dates_in_lead=frozenset({"年"}),
)

# Lists: "X 万元。其中：…" / "X 万元，主要用于：…" / "X 万元。按…分类包括：…" open a list of
# the parts of X; inside one list item "Y 万元，包括 A 万元、B 万元" gives the parts of Y (P4, P7).
LIST_OPENER = re.compile(r"(?:[。，,；;]|万元)(?:按[^。，,；;]*)?(?:其中|主要用于|包括)[:：]")
ITEM_PARTS = re.compile(r"包括|其中")
ITEM_SEPARATOR = re.compile(r"[；;。]")
# Heading marks and their depth in the outline ("一、" > "（一）" > "1、" > "（1）" > "①").
HEADING_LEVELS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(p), level)
    for p, level in (
        (r"^第[一二三四五六七八九十]+部分", 0),
        (r"^[一二三四五六七八九十]+、", 1),
        (r"^\([一二三四五六七八九十]+\)", 2),
        (r"^\d{1,2}[、.](?!\d)", 3),
        (r"^\(\d{1,2}\)", 4),
        (r"^[①②③④⑤⑥⑦⑧⑨⑩]", 5),
    )
)

# Figures a budget narrative states twice under different names (P6: 机关运行经费 = 公用经费 in
# the seeds; P9: the money under 绩效目标管理 = the whole budget, 优秀项目 = 项目支出).
EQUAL_SUBJECTS: tuple[tuple[str, str], ...] = (
    ("office_running", "public"),
    ("perf_budget", "spending_total"),
    ("perf_projects", "project"),
)
