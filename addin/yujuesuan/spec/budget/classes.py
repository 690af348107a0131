"""Row vocabularies of the 2024 部门预算 tables (spec §4.1, seed qiaokou-2024).

The 24 expenditure classes (类) printed on 收支总表 and 财政拨款收支总表 from 2024 on: no 外交,
国防 or 抗疫特别国债; 债务发行费用支出 added. Numbering 一…二十, then 廿一…廿四 (as printed).
"""

from __future__ import annotations

CLASSES: tuple[tuple[str, str], ...] = (
    ("201", "一般公共服务支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"),
    ("229", "其他支出"),
    ("231", "债务还本支出"),
    ("232", "债务付息支出"),
    ("233", "债务发行费用支出"),
)

# 收支总表 income lines (key, printed label without its numeral).
INCOME_SOURCES: tuple[tuple[str, str], ...] = (
    ("general", "一般公共预算拨款收入"),
    ("gov_funds", "政府性基金预算拨款收入"),
    ("state_capital", "国有资本经营预算拨款收入"),
    ("special_account", "财政专户管理资金收入"),
    ("business", "事业收入"),
    ("operating", "事业单位经营收入"),
    ("superior", "上级补助收入"),
    ("affiliated", "附属单位上缴收入"),
    ("other", "其他收入"),
)

NUMERALS = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "廿一",
    "廿二",
    "廿三",
    "廿四",
]


def numbered(i: int, label: str) -> str:
    """``一、一般公共服务支出`` — the 收支总表 form of the i-th line (0-based)."""
    return f"{NUMERALS[i]}、{label}"


def bracketed(i: int, label: str) -> str:
    """``(一) 一般公共服务支出`` — the 财政拨款收支总表 form."""
    return f"({NUMERALS[i]}) {label}"
