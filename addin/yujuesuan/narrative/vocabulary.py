"""The words of 情况说明 sentences, as data: what a number is about and what kind of number it is.

Patterns apply to normalised text (half-width digits and parentheses, no spaces). ``SUBJECTS``
map wording to a subject key; the key names a table figure in ``values`` (or none, for
figures no table holds such as 年初预算 or 政府采购). ``QUANTITY_WORDS`` decide whether a
number is an amount (决算数), a budget, a change, a share … from the words just before it.
Order matters only where two patterns end at the same place: the longer one wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (regex, subject key, label used in messages)
SUBJECTS: tuple[tuple[str, str, str], ...] = (
    (r"财政拨款收、?支总计", "fiscal_grand_total", "财政拨款收、支总计"),
    (r"收、?支总计", "grand_total", "收、支总计"),
    (r"(本年)?收入合计", "income_total", "收入合计"),
    (r"一般公共预算财政拨款收入", "general_income", "一般公共预算财政拨款收入"),
    (r"政府性基金预算财政拨款收入", "gf_income", "政府性基金预算财政拨款收入"),
    (r"国有资本经营预算财政拨款收入", "gz_income", "国有资本经营预算财政拨款收入"),
    (r"财政拨款收入", "fiscal_income", "财政拨款收入"),
    (r"(本年)?支出合计", "spending_total", "支出合计"),
    (r"(一般公共预算)?财政拨款支出", "general_spending", "一般公共预算财政拨款支出"),
    (r"(一般公共预算财政拨款)?基本支出", "basic", "基本支出"),
    (r"(一般公共预算财政拨款)?项目支出", "project", "项目支出"),
    (r"上缴上级支出", "remit", "上缴上级支出"),
    (r"经营支出", "operating", "经营支出"),
    (r"对附属单位补助支出", "subsidiary", "对附属单位补助支出"),
    (r"人员经费", "personnel", "人员经费"),
    (r"公用经费", "public", "公用经费"),
    (r"[“\"]?三公[”\"]?经费(财政拨款)?(支出)?(决算数?)?", "sg_total", "“三公”经费"),
    (r"因公出国\(境\)(费)?(支出)?", "sg_abroad", "因公出国（境）费"),
    (r"公务用车购置及运行(维护)?费(支出)?", "sg_car", "公务用车购置及运行费"),
    (r"公务用车购置费", "sg_car_buy", "公务用车购置费"),
    (r"公务用车运行(维护)?费", "sg_car_run", "公务用车运行费"),
    (r"公务接待(费)?(支出)?", "sg_reception", "公务接待费"),
    (r"机关运行经费(支出)?", "office_running", "机关运行经费"),
    (r"政府采购支出总额", "proc_total", "政府采购支出总额"),
    (r"政府采购货物支出", "proc_goods", "政府采购货物支出"),
    (r"政府采购工程支出", "proc_works", "政府采购工程支出"),
    (r"政府采购服务支出", "proc_services", "政府采购服务支出"),
    (r"授予中小企业合同金额", "sme", "授予中小企业合同金额"),
    (r"授予小微企业合同金额", "micro", "授予小微企业合同金额"),
    (r"货物采购授予中小企业合同金额", "sme_goods", "货物采购授予中小企业合同金额"),
    (r"工程采购授予中小企业合同金额", "sme_works", "工程采购授予中小企业合同金额"),
    (r"服务采购授予中小企业合同金额", "sme_services", "服务采购授予中小企业合同金额"),
    (r"公务用车保有量", "vehicles_official", "公务用车保有量"),
    (r"共有车辆", "vehicles_total", "车辆总数"),
    (r"年初(财政拨款)?结转和结余", "opening", "年初结转和结余"),
    (r"年末(财政拨款)?结转和结余", "closing", "年末结转和结余"),
    (r"本年收入", "income_year", "本年收入"),
    (r"本年支出", "spending_year", "本年支出"),
    (r"部门整体(支出)?(财政)?(调整)?", "perf_whole", "部门整体支出"),
)

# Subjects that take the fund named earlier in the paragraph ("政府性基金预算财政拨款年初结转和结余").
SCOPED = frozenset({"opening", "closing", "income_year", "spending_year"})
SCOPES: tuple[tuple[str, str], ...] = (("政府性基金", "gf"), ("国有资本经营", "gz"))

# What follows "占": the denominator of a share.
DENOMINATORS: tuple[tuple[str, str], ...] = (
    (r"本年收入", "income_total"),
    (r"本年支出(合计)?", "spending_total"),
    (r"(一般公共预算)?项目支出总额", "project"),
    (r"政府采购支出总额", "proc_total"),
    (r"授予中小企业合同金额", "sme"),
    (r"货物支出金额", "proc_goods"),
    (r"工程支出金额", "proc_works"),
    (r"服务支出金额", "proc_services"),
    (r"[“\"]?三公[”\"]?经费", "sg_total"),
)

# When "占 Z%" names no denominator.
DEFAULT_DENOMINATOR: dict[str, str] = {
    "fiscal_income": "income_total",
    "general_income": "income_total",
    "basic": "spending_total",
    "project": "spending_total",
    "remit": "spending_total",
    "operating": "spending_total",
    "general_spending": "spending_total",
    "sg_abroad": "sg_total",
    "sg_car": "sg_total",
    "sg_reception": "sg_total",
    "code": "general_spending",
}

UNIT = re.compile(
    r"^(万元|%|辆|台\(套\)|台|套|个|人次|分|年|月|日|次|项|家|条|件|元|人|户|G|M|T|核)"
)
MONEY_UNITS = frozenset({"万元"})
COUNT_UNITS = frozenset({"辆", "台(套)", "台", "套", "个", "人次"})

# Quantity words, searched in the words before the number (after its subject), first match wins.
PERCENT_WORDS: tuple[tuple[str, str], ...] = (
    (r"得分率", "score_rate"),
    (r"执行率|完成率", "rate"),
    (r"完成(年初|全年)?预算(数)?的?", "completion"),
    (r"占", "share"),
    (r"增长|下降|降低|减少|增加|上升|增", "pct_change"),
)
MONEY_WORDS: tuple[tuple[str, str], ...] = (
    (r"单价", "threshold"),
    (r"比(年初|全年)?预算(数)?(减少|节约|增加|超支)", "budget_gap"),
    (r"增加|减少|增长|下降|降低|节约", "change"),
    (r"执行数|执行总额|执行金额", "executed"),
    (r"预算(数|总额)?|预算为", "budget"),
)
SCORE_WORDS: tuple[tuple[str, str], ...] = (
    (r"预算执行得分", "budget_score"),
    (r"得分", "score"),
)
UP_WORDS = ("增加", "增长", "上升", "超支", "增")
DOWN_WORDS = ("减少", "下降", "降低", "节约")

# Words that say what kind of number follows, not what it is about (stripped before naming an
# unknown subject such as a project).
FILLER = re.compile(
    r"\d{4}年度?|与上年|与\d{4}年度?相比|比\d{4}年度?|较上年|相比|其中|主要用于|以下方面|具体情况如下|"
    r"年初预算数?为?|全年预算数?为?|预算数为?|预算总额为?|支出决算数?为?|决算数为?|决算为?|实际执行总额为?|"
    r"执行数为?|资金执行率为?|执行率为?|完成(年初|全年)?预算(数)?的?|得分率|得分为?|共|计|合计|总额|各|均为|为|"
    r"增加|减少|增长|下降|降低|节约|持平|占|的|达到|约|了|是|比|较|和|及|、|\(|\)|“|”|\"|年度|项目|主要|用于"
)
CJK = re.compile(r"[\u4e00-\u9fff]")

PLACEHOLDERS = re.compile(
    r"XX分|XX|××|xx|……|\.{4,}|部门名称|待补充|＿{2,}|_{3,}|【[^】]*填写[^】]*】"
)
MISSING_NUMBER = re.compile(r"(共有车辆|保有量|为|共计|合计|总额)(万元|辆|台\(套\)|人次)")
EXPLAIN_MARKER = "【请说明原因】"
YEAR = re.compile(r"(?<!\d)(19|20)(\d{2})年(度)?")
YEAR_COMPARE_AFTER = re.compile(r"^(收|支|财政拨款|一般公共|[“\"]三公|部门决算|决算数|相比)")
YEAR_COMPARE_BEFORE = re.compile(r"(与|比|较)$")
PERCENT_CONTEXT = re.compile(r"(占|完成(年初|全年)?预算(数)?的|增长|下降|执行率为?|得分率|完成率)$")

# Where a subject does not belong: section title word -> subjects that betray a copy error.
FOREIGN_IN_SECTION: tuple[tuple[str, frozenset[str]], ...] = (
    ("、支出决算情况说明", frozenset({"income_total", "fiscal_income"})),
    ("、收入决算情况说明", frozenset({"spending_total", "basic", "project"})),
)

# Declared part–whole relations checked on stated amounts within one section.
RELATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (("basic", ("personnel", "public")),)


@dataclass(frozen=True, eq=False)
class Words:
    """One document kind's wording, compiled: what the claim reader looks for (see ``words``)."""

    kind: str
    subjects: tuple[tuple[re.Pattern[str], str], ...]
    labels: dict[str, str]
    denominators: tuple[tuple[re.Pattern[str], str], ...]
    default_denominator: dict[str, str]
    percent_words: tuple[tuple[str, str], ...]
    money_words: tuple[tuple[str, str], ...]
    filler: re.Pattern[str]
    back_reference: re.Pattern[str] | None = None  # "此项支出": the previous claim's subject
    # units of numbers that stay in the words before the next number ("比2023年预算增加 X")
    dates_in_lead: frozenset[str] = frozenset()


def words(
    kind: str,
    subjects: tuple[tuple[str, str, str], ...],
    *,
    denominators: tuple[tuple[str, str], ...] = DENOMINATORS,
    default_denominator: dict[str, str] | None = None,
    percent_words: tuple[tuple[str, str], ...] = PERCENT_WORDS,
    money_words: tuple[tuple[str, str], ...] = MONEY_WORDS,
    filler: re.Pattern[str] = FILLER,
    back_reference: str = "",
    dates_in_lead: frozenset[str] = frozenset(),
) -> Words:
    return Words(
        kind=kind,
        subjects=tuple((re.compile(p), key) for p, key, _ in subjects),
        labels={key: label for _, key, label in subjects},
        denominators=tuple((re.compile(p), key) for p, key in denominators),
        default_denominator=dict(
            DEFAULT_DENOMINATOR if default_denominator is None else default_denominator
        ),
        percent_words=percent_words,
        money_words=money_words,
        filler=filler,
        back_reference=re.compile(back_reference) if back_reference else None,
        dates_in_lead=dates_in_lead,
    )


FINAL_ACCOUNTS = words("决算", SUBJECTS)
