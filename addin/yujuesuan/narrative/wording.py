"""The official wording of 第三部分 (from the seeds), as templates the draft fills in.

Placeholders: {y} year, {py} prior year, amounts already formatted (万元, trailing zeros dropped),
percentages already rounded. The checker reads these sentences back, so every number here
sits next to the words the checker expects (``vocabulary``).
"""

from __future__ import annotations

TITLES = {
    "total": "一、收入支出决算总体情况说明",
    "income": "二、收入决算情况说明",
    "spending": "三、支出决算情况说明",
    "fiscal": "四、财政拨款收入支出决算总体情况说明",
    "general": "五、一般公共预算财政拨款支出决算情况说明",
    "basic": "六、一般公共预算财政拨款基本支出决算情况说明",
    "three_public": "七、一般公共预算财政拨款“三公”经费支出决算情况说明",
    "funds": "八、政府性基金预算财政拨款收入支出决算情况",
    "state_capital": "九、国有资本经营预算财政拨款支出决算情况",
    "office": "十、机关运行经费支出情况",
}
TITLES_FROM_2022 = {
    "funds": "七、政府性基金预算财政拨款支出决算情况说明",
    "state_capital": "八、国有资本经营预算财政拨款支出决算情况说明",
    "three_public": "九、财政拨款“三公”经费支出决算情况说明",
}
SUBTITLES = (
    "（一）财政拨款支出决算总体情况。",
    "（二）财政拨款支出决算结构情况。",
    "（三）财政拨款支出决算具体情况。",
)

HEADING = "第三部分 {unit}{y}年度部门决算情况说明"
TOTAL = "{y}年度收、支总计{total}万元。"
CHANGE = "与{py}年度相比，{subject}{direction}{change}万元，{pct_word}{pct}%。"
CHANGE_FROM_ZERO = "{py}年度无此项支出，本年{subject}增加{change}万元。"
FLAT = "与{py}年度相比，{subject}持平。"
DIRECTIONS = {1: ("增加", "增长"), -1: ("减少", "下降")}
REASON = "主要原因是【请说明原因】。"
INCOME = "{y}年度收入合计{total}万元。其中："
INCOME_ONLY = "{y}年度收入合计{total}万元。"
INCOME_PART = "{name}{amount}万元，占本年收入{pct}%"
SPENDING = "{y}年度支出合计{total}万元。其中："
SPENDING_SHARE = "{name}{amount}万元，占本年支出{pct}%"
SPENDING_PLAIN = "{name}{amount}万元"
FISCAL = "{y}年度财政拨款收、支总计{total}万元。"
GENERAL_TOTAL = "{y}年度财政拨款支出{total}万元，占本年支出合计的{pct}%。"
STRUCTURE = "{y}年度财政拨款支出{total}万元，主要用于以下方面："
STRUCTURE_PART = "{name}{amount}万元，占{pct}%"
DETAIL = "{y}年度一般公共预算财政拨款支出年初预算为{budget}万元，支出决算为{total}万元，完成年初预算的{pct}%。"
DETAIL_PARTS = "其中：基本支出{basic}万元，项目支出{project}万元。"
CLASS = "{n}.{name}（类）。年初预算为{budget}万元，支出决算为{amount}万元，完成年初预算的{pct}%。"
CLASS_NO_BUDGET = "{n}.{name}（类）。支出决算为{amount}万元，年初未安排预算。"
BELOW_BUDGET = "支出决算数小于年初预算数的主要原因是【请说明原因】。"
BASIC = "{y}年度一般公共预算财政拨款基本支出{total}万元，其中："
PERSONNEL = "人员经费{amount}万元，主要包括：{items}。"
PUBLIC = "公用经费{amount}万元，主要包括：{items}。"
PERSONNEL_BARE = "人员经费{amount}万元。"
PUBLIC_BARE = "公用经费{amount}万元。"
SG_TOTAL = "{y}年度“三公”经费财政拨款{budget_word}数为{budget}万元，支出决算为{total}万元，完成{budget_word}的{pct}%，其中："
SG_TOTAL_NO_BUDGET = "{y}年度“三公”经费财政拨款支出决算为{total}万元，其中："
SG_ABROAD = "1.因公出国(境)费支出决算为{amount}万元。"
SG_CAR = "2.公务用车购置及运行费支出决算为{amount}万元。其中：公务用车购置费{buy}万元，公务用车运行费{run}万元。"
SG_RECEPTION = "3.公务接待费支出决算为{amount}万元。"
BUDGET_WORDS = {"2021": "年初预算", "2022": "全年预算"}
FUNDS = "{y}年度政府性基金预算财政拨款年初结转和结余{opening}万元，本年收入{income}万元，本年支出{spending}万元，年末结转和结余{closing}万元。"
STATE_CAPITAL = "{y}年度国有资本经营预算财政拨款本年支出{spending}万元。"
OFFICE = "【请填写：行政单位及参照公务员法管理的事业单位写明{y}年度机关运行经费支出金额及与{py}年度比较；其他单位写明没有机关运行经费支出】"

# The 收入 lines of 表1 (line number -> wording) and the 支出 natures of 表3 (column -> wording).
INCOME_LINES = (
    ("fiscal_income", "财政拨款收入"),
    ("4", "上级补助收入"),
    ("5", "事业收入"),
    ("6", "经营收入"),
    ("7", "附属单位上缴收入"),
    ("8", "其他收入"),
)
SPENDING_COLUMNS = (
    ("2", "基本支出", True),
    ("3", "项目支出", True),
    ("4", "上缴上级支出", False),
    ("5", "经营支出", False),
    ("6", "对附属单位补助支出", False),
)
