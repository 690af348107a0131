"""表6 一般公共预算财政拨款基本支出决算明细表: basic spending by 经济分类科目.

Three side-by-side groups (科目编码 | 科目名称 | 决算数): 人员经费 (301, 303) and 公用经费
(302; then 310 in 2021, 307/310/399 from 2022), footer 人员经费合计 / 公用经费合计. No identity is
printed; the footer sums follow from the layout (spec §2.6, X17–X18).
"""

from __future__ import annotations

from yujuesuan.reference.expense_groups import PERSONNEL_CLASSES, PUBLIC_CLASSES
from yujuesuan.spec.model import InCatalog, RowsMode, RowSpec, RowSum, TableSpec, TreeSum, cols

ID = "fa.t6"
PERSONNEL_TOTAL = "人员经费合计"
PUBLIC_TOTAL = "公用经费合计"

PERSONNEL = (
    "301 30101 30102 30103 30106 30107 30108 30109 30110 30111 30112 30113 30114 30199 "
    "303 30301 30302 30303 30304 30305 30306 30307 30308 30309 30310 30311 30399"
).split()
PUBLIC = (
    "302 30201 30202 30203 30204 30205 30206 30207 30208 30209 30211 30212 30213 30214 30215 "
    "30216 30217 30218 30224 30225 30226 30227 30228 30229 30231 30239 30240 30299"
).split()
CAPITAL = {
    "2021": "310 31002 31003 31007 31013 31099".split(),
    "2022": (
        "307 30701 30702 310 31001 31002 31003 31005 31006 31007 31008 31009 31010 31011 31012 "
        "31013 31019 31021 31022 31099 399 39907 39908 39909 39910 39999"
    ).split(),
}


def groups(layout: str) -> tuple[tuple[str, ...], ...]:
    """The codes printed in each of the three column groups, in printed order."""
    return (tuple(PERSONNEL), tuple(PUBLIC), tuple(CAPITAL[layout]))


def table(layout: str) -> TableSpec:
    codes = [c for group in groups(layout) for c in group]
    rows = tuple(RowSpec(key=c, label="", code=c) for c in codes) + (
        RowSpec(key=PERSONNEL_TOTAL, label=PERSONNEL_TOTAL),
        RowSpec(key=PUBLIC_TOTAL, label=PUBLIC_TOTAL),
    )
    rules = (
        RowSum(
            id=f"{ID}.personnel",
            table=ID,
            target=PERSONNEL_TOTAL,
            terms=tuple((1, c) for c in PERSONNEL_CLASSES),
            basis="人员经费合计 = 301工资福利支出 + 303对个人和家庭的补助（表式）",
        ),
        RowSum(
            id=f"{ID}.public",
            table=ID,
            target=PUBLIC_TOTAL,
            terms=tuple((1, c) for c in PUBLIC_CLASSES),
            basis="公用经费合计 = 302商品和服务支出 + 307债务利息及费用支出 + 310资本性支出 + 399其他支出（表式）",
        ),
        TreeSum(f"{ID}.tree", ID, catalog="economic", basis="类 = Σ款（按编码前缀）"),
        InCatalog(f"{ID}.codes", ID, catalog="economic"),
    )
    return TableSpec(
        id=ID,
        name="一般公共预算财政拨款基本支出决算明细表",
        number=6,
        rows_mode=RowsMode.ECONOMIC,
        columns=cols("amount 决算数"),
        rows=rows,
        rules=rules,
        notes=("注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",),
    )
