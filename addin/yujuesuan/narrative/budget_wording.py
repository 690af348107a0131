"""The wording of a 部门预算情况说明 (seed qiaokou-2024 第三部分, spec §6.2 P1–P9), as templates.

Placeholders: {y} year, {py} last year, {unit}, amounts already formatted (万元, thousands
separators, trailing zeros dropped), percentages already rounded to two decimals. The checker
reads these sentences back (``budget_vocabulary``), so each number sits next to the words it
expects. Figures no table holds (政府采购, 国有资产, 绩效目标 counts, last year's budget when no
上年数 sheet gives it) are 【请填写：…】 markers, which the checker reports until filled in.
"""

from __future__ import annotations

from yujuesuan.spec.budget.classes import INCOME_SOURCES

HEADING = "第三部分 {unit}{y}年部门预算情况说明"
TITLES = {
    "total": "一、本部门预算收支情况总体说明",
    "income": "二、部门预算收入情况说明",
    "spending": "三、部门预算支出情况说明",
    "fiscal": "四、财政拨款收支预算情况说明",
    "general": "五、一般公共预算支出安排情况说明",
    "basic": "六、一般公共预算基本支出安排情况说明",
    "funds": "七、政府性基金预算支出安排情况说明",
    "state_capital": "八、国有资本经营预算支出安排情况说明",
    "three_public": "九、一般公共预算“三公”经费支出情况说明",
    "other": "十、其他重要事项的情况说明",
}

OVERVIEW = "按照综合预算的原则，{unit}所有收入和支出均纳入部门预算管理。收入包括：{income}。支出包括：{spending}。"
TOTAL = "{y}年部门收支总预算{total}万元。"
# A change vs last year's budget, after a lead naming the figure ("" right after it).
CHANGE = "{lead}比{py}年预算{direction}{change}万元，{pct_word}{pct}%，主要是【请说明原因】。"
FLAT = "{lead}与{py}年预算持平。"
NEW = "{lead}比{py}年预算增加{change}万元（{py}年未安排此项预算），主要是【请说明原因】。"
NO_PRIOR = "【请填写：{lead}与{py}年预算相比的增减金额、增减幅度及主要原因】"
DIRECTIONS = {1: ("增加", "增长"), -1: ("减少", "下降")}
ITEM = "{name}{amount}万元"
INCOME = "部门预算收入{total}万元。其中：{items}。"
CARRIED = "上年结转结余{amount}万元。"
SPENDING = "{y}年部门支出预算{total}万元，其中{items}。"
SHARE = "{name}{amount}万元，占{pct}%"
FISCAL = "{y}年财政拨款收支总预算{total}万元。收入包括：{income}。支出包括：{spending}。"
GENERAL = "{y}年一般公共预算支出预算数为{total}万元。"
GENERAL_DETAIL = "具体安排情况如下："
GENERAL_BASIC = "（一）基本支出{amount}万元，主要用于人员经费和公用经费。"
GENERAL_PROJECT = "（二）项目支出{amount}万元。"
BY_CODE = "按功能科目分：{items}。"  # no 其中/包括：the 项 may carry the table's own residues
BY_PROJECT = "按项目分：{items}。"  # the 表12 forms' 项目当年预算
PROJECT_ITEM = "{n}、{name}{amount}万元，主要用于：【请填写：项目名称及金额】。"
BASIC = "{y}年一般公共预算基本支出{total}万元。按部门预算支出经济分类包括："
PERSONNEL = "1、人员经费{amount}万元。"
PUBLIC = "2、公用经费{amount}万元。"
GROUP_PARTS = "包括："
ECONOMIC_ITEM = "{name}{amount}万元。"
FUNDS = "{y}年政府性基金预算支出{amount}万元。"
NO_FUNDS = "{unit}{y}年没有使用政府性基金预算安排的支出。"
STATE_CAPITAL = "{y}年国有资本经营预算支出{amount}万元。"
NO_STATE_CAPITAL = "{unit}{y}年没有使用国有资本经营预算安排的支出。"
SG_SCOPE_TITLE = "1、“三公”经费安排的单位范围"
SG_SCOPE = "本年一般公共预算财政拨款预算安排“三公”经费的单位包括【请填写：本单位及下属单位】。"
SG_TITLE = "2、一般公共预算财政拨款“三公”经费预算安排情况"
SG_TOTAL = "{y}年财政拨款“三公”经费预算数{total}万元，其中："
SG_ABROAD = "(1)因公出国(境)费{amount}万元；"
SG_RECEPTION = "(2)公务接待费{amount}万元；"
SG_CAR = "(3)公务用车购置及运行维护费{amount}万元，其中：公务用车购置费{buy}万元，公务用车运行维护费{run}万元。"
SG_CHANGE = "{y}年“三公”经费预算"  # the lead of its change sentence
OFFICE_TITLE = "（一）机关运行经费安排情况"
OFFICE = "{y}年本部门及下属单位的机关运行经费{amount}万元。"
OFFICE_CHANGE = "此项支出"
PROCUREMENT_TITLE = "（二）政府采购预算安排情况"
PROCUREMENT = "【请填写：{y}年部门预算中纳入政府采购预算支出合计金额，及货物类、服务类、工程类各自金额】"
SERVICES_TITLE = "（三）政府购买服务预算安排情况"
SERVICES = "【请填写：{y}年政府购买服务预算安排情况】"
ASSETS_TITLE = "（四）国有资产占有使用情况"
ASSETS = "【请填写：截至{py}年12月31日部门占有使用国有资产总额、车辆及单位价值50万元以上设备情况，{y}年预算新增资产】"
PERFORMANCE_TITLE = "（五）预算绩效管理情况"
PERFORMANCE = "{y}年部门项目实行绩效目标管理，设置了部门整体支出绩效目标和{count}个一级项目支出绩效目标，预算支出{total}万元，全面实施绩效目标管理。"
COUNT_MARKER = "【请填写：个数】"
PERFORMANCE_PROJECTS = "【请填写：根据上年度绩效评价和自评结果优先保障的优秀项目个数及金额】"

# 收支总表 income lines (bu.t1 row key -> wording): the table's own labels, except where the
# narratives say it differently; the 财政拨款 income lines of 表4.
NARRATIVE_INCOME_WORDS = {"general": "一般公共预算财政拨款收入"}
INCOME_LINES = tuple((key, NARRATIVE_INCOME_WORDS.get(key, label)) for key, label in INCOME_SOURCES)
FISCAL_INCOME_LINES = (
    ("本年收入.general", "一般公共预算财政拨款本年收入"),
    ("本年收入.gov_funds", "政府性基金预算拨款本年收入"),
    ("本年收入.state_capital", "国有资本经营预算拨款本年收入"),
    ("上年结转.general", "一般公共预算拨款上年结转"),
    ("上年结转.gov_funds", "政府性基金预算拨款上年结转"),
    ("上年结转.state_capital", "国有资本经营预算拨款上年结转"),
)
# 支出总表 natures (bu.t3 column -> wording); the first two are stated with their share.
SPENDING_COLUMNS = (
    ("basic", "基本支出", True),
    ("project", "项目支出", True),
    ("operating", "事业单位经营支出", False),
    ("superior", "上缴上级支出", False),
    ("subsidy", "对附属单位补助支出", False),
)
