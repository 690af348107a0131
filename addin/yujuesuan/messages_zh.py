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
    "bound": "{table_title} {subject}不满足“{basis}”：对方为{expected}，本表为{actual}，超出{difference}万元。{verdict}",
    "correspondence": "{table_title} {subject}与对应数不同（{basis}）：对应数{expected}，本表{actual}，差额{difference}万元。此项仅为提示，两者口径不同时可以不等。",
    "unknown_code": "{table_title} {subject}：科目编码不在{note}中，请核对编码。",
    "malformed_code": "{table_title} {subject}：“{note}”不是有效的科目编码（功能科目为3/5/7位，经济科目为3/5位数字）。",
    "name_mismatch": "{table_title} {subject}：科目名称与目录不一致，目录名称为“{note}”。",
    "label_mismatch": "{table_title} {subject}：项目名称与表式不一致，表式为“{note}”。",
    "missing_table": "未找到{table_title}（按标题和表头查找）。{note}",
    "missing_row": "{table_title}缺少{subject}。{note}",
    "non_numeric": "{table_title} {subject}：金额单元格内容无法识别为数字（{note}）。",
    "excess_precision": "{table_title} {subject}：金额有多于两位小数（{note}），公开表按两位小数显示，可能造成尾数差异。",
    "uncalculated_formula": "工作表“{subject}”中有{note}个公式单元格没有保存计算结果，读取时按空值处理，相关校验可能误报。请在 Excel 或 WPS 中打开并保存后再检查。",
    "recalculated_formula": "工作表“{subject}”中有{note}个公式单元格没有保存计算结果，已用 formulas 引擎重算后再检查。",
    "internal_error": "规则{basis}执行时发生内部错误，该规则未能完成检查，其他规则不受影响。{note}",
}

# Kinds whose findings are arithmetic identities (classified 尾数差异 / 错误 by the band).
IDENTITY_KINDS = frozenset({"row_sum", "col_sum", "tree_sum", "cross_table", "bound"})


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
