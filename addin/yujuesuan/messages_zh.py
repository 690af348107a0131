"""Every Chinese message template, in one place an accountant can review.

One template per finding kind; ``render`` fills it. A test renders every kind.
"""

from __future__ import annotations

from decimal import Decimal

TEMPLATES: dict[str, str] = {
    "row_sum": "{table_title} {subject}应满足“{basis}”：应为{expected}，实为{actual}，差额{difference}万元。{verdict}",
    "col_sum": "{table_title} {subject}应满足“{basis}”：应为{expected}，实为{actual}，差额{difference}万元。{verdict}",
    "tree_sum": "{table_title} {subject}应等于其下级科目之和：应为{expected}，实为{actual}，差额{difference}万元。{verdict}",
    "cross_table": "{table_title} {subject}与他表不一致（{basis}）：应为{expected}，实为{actual}，差额{difference}万元。{verdict}",
    "share": "{table_title} {subject}应满足“{basis}”：按所列金额计算应为{expected}，实为{actual}。{note}",
    "bound": "{table_title} {subject}不满足“{basis}”：对方为{expected}，本表为{actual}，超出{difference}万元。{verdict}",
    "correspondence": "{table_title} {subject}与对应数不同（{basis}）：对应数{expected}，本表{actual}，差额{difference}万元。此项仅为提示，两者口径不同时可以不等。",
    "unknown_code": "{table_title} {subject}：科目编码不在{note}中，请核对编码。",
    "malformed_code": "{table_title} {subject}：“{note}”不是有效的科目编码（功能科目为3/5/7位，经济科目为3/5位数字）。",
    "name_mismatch": "{table_title} {subject}：科目名称与目录不一致，目录名称为“{note}”。",
    "label_mismatch": "{table_title} {subject}：项目名称与表式不一致，表式为“{note}”。",
    "missing_table": "未找到{table_title}（按标题和表头查找）。{note}",
    "empty_table": "{table_title}：有标题但表体为空，也无空表说明。{note}",
    "missing_row": "{table_title}缺少{subject}。{note}",
    "non_numeric": "{table_title} {subject}：金额单元格内容无法识别为数字（{note}）。",
    "excess_precision": "{table_title} {subject}：金额有多于两位小数（{note}），公开表按两位小数显示，可能造成尾数差异。",
    "uncalculated_formula": "工作表“{subject}”中有{note}个公式单元格没有保存计算结果，读取时按空值处理，相关校验可能误报。请在 Excel 或 WPS 中打开并保存后再检查。",
    "recalculated_formula": "工作表“{subject}”中有{note}个公式单元格没有保存计算结果，已用 formulas 引擎重算后再检查。",
    "form_sum": "{table_title} {subject}应满足“{basis}”：应为{expected}元，实为{actual}元，差额{difference}元。本表以元为单位，金额未经四舍五入，应完全相等，请核对。",
    "form_bound": "{table_title} {subject}不满足“{basis}”：对方为{expected}元，本项为{actual}元，差额{difference}元，请核对。",
    "form_product": "{table_title} {subject}应满足“{basis}”：单价×计量数应为{expected}元，实为{actual}元，差额{difference}元，请核对单价、计量数或测算数。",
    "form_ratio": "{table_title} {subject}应满足“{basis}”：按执行数÷预算数应为{expected}%，表中为{actual}%，相差{difference}个百分点，超出保留两位小数四舍五入的范围，请核对。",
    "form_total": "{table_title} {subject}应满足“{basis}”：各项目当年预算合计折合{actual}万元，{note}为{expected}万元，差额{difference}万元。{verdict}",
    "unit_mismatch": "{table_title} {subject}为{actual}元，与{note}的{expected}万元数值相同：本表单位为元，项目金额疑似按万元填列（单位错误），请按元填列。",
    "internal_error": "规则{basis}执行时发生内部错误，该规则未能完成检查，其他规则不受影响。{note}",
    "narrative_table": "情况说明中{subject}与{table_title}不一致：{note}。原句：“{basis}”",
    "narrative_ratio": "情况说明中{subject}的数字与据以计算的金额不符：{note}。原句：“{basis}”",
    "narrative_repeat": "情况说明中{subject}前后说法不一：{note}。原句：“{basis}”",
    "narrative_self_score": "情况说明中{subject}的绩效自评得分与其自评表不一致：{note}。原句：“{basis}”",
    "narrative_parts": "情况说明中{subject}与其所列各分项之和不符：{note}。原句：“{basis}”",
    "narrative_zero_base": "情况说明中{subject}上年数为0，增长率无从计算，文中却写“{note}”，应改为说明上年无此项支出。原句：“{basis}”",
    "narrative_direction": "情况说明中{subject}的增减方向与数字不符：{note}。原句：“{basis}”",
    "narrative_section": "情况说明“{table_title}”部分出现“{subject}”，与本部分内容不符，疑为复制错误。原句：“{basis}”",
    "narrative_placeholder": "情况说明中留有模板占位内容“{note}”，请替换为实际内容。原句：“{basis}”",
    "narrative_year": "情况说明中的“{note}”既不是本年度（{subject}）也不是上一年度，请核对。原句：“{basis}”",
    "narrative_percent_sign": "情况说明中{subject}的百分比“{note}”缺少%号。原句：“{basis}”",
    "narrative_missing_number": "情况说明中“{note}”缺少数字，请补充。原句：“{basis}”",
    "narrative_explain": "情况说明中仍有“【请说明原因】”标记，请补充原因后删除标记。原句：“{basis}”",
}

# Words the narrative checker puts into its messages.
UNNAMED = "（未命名项目）"
NOT_STATED = "（未说明）"
BUDGET_SOURCE = "年初预算"
PRIOR_SOURCE = "上年数"
FUNDS = {"gf": "政府性基金预算财政拨款", "gz": "国有资本经营预算财政拨款"}


def share_note(low: Decimal, high: Decimal, residue: bool) -> str:
    """Why a printed 占比 is or is not explained by the rounding of its amounts."""
    span = f"{low:f}至{high:f}"
    if residue:
        return f"属尾数差异：所列金额四舍五入后，占比可在{span}之间。"
    return f"所列金额四舍五入后占比只能在{span}之间，请核对。"


def code_subject(code: str, name: str = "") -> str:
    return f"科目{code}{('“' + name + '”') if name else ''}"


def stated_vs_expected(stated: str, expected: str) -> str:
    return f"文中为{stated}，按表应为{expected}"


def repeat_note(first: str, where: str, stated: str) -> str:
    return f"{where}为{first}，此处为{stated}"


def parts_note(parts: str, total: str, residue: bool) -> str:
    tail = "，差额在四舍五入可解释的范围内（尾数差异）" if residue else ""
    return f"各分项合计{parts}，所述合计{total}{tail}"


def direction_note(direction: int, delta: Decimal) -> str:
    said = "增加" if direction > 0 else "减少"
    actual = "增加" if delta > 0 else "减少"
    return f"文中说{said}，按上年数实为{actual}{abs(delta):f}万元"


def words_disagree(change_direction: int) -> str:
    amount, rate = ("增加", "下降") if change_direction > 0 else ("减少", "增长")
    return f"金额说{amount}，百分比却说{rate}"


def sme_note(implied: str, stated: str) -> str:
    return f"按各类采购的中小企业占比推算，授予中小企业合同金额应为{implied}，文中为{stated}（所列占比疑为各类采购占总额的比例）"


# How build, demo and the ribbon's 重算 name the tables they made, per kind.
TABLES_OF_KIND = {"决算": "九张表", "预算": "预算公开表"}

# Kinds whose findings are arithmetic identities (classified 尾数差异 / 错误 by the band).
IDENTITY_KINDS = frozenset(
    {"row_sum", "col_sum", "tree_sum", "cross_table", "bound", "share", "form_total", "narrative_table",
     "narrative_parts"}
)


def render(kind: str, **values: str) -> str:
    return TEMPLATES[kind].format(**values)


def verdict(classification: str, tolerance: Decimal | None) -> str:
    """Why this difference is or is not a rounding residue, in words."""
    band = "" if tolerance is None else f"±{tolerance.normalize():f}万元"
    if classification == "尾数差异":
        return f"属尾数差异：在参与计算各项四舍五入可解释的范围（{band}）以内。"
    if classification == "错误":
        return f"超出四舍五入可解释的范围（{band}），请核对。"
    return ""
