"""国有资本经营预算财政拨款支出决算表 (表9 in 2021, 公开08表 / 表8 from 2022).

2022's set titles it "…收入支出决算表" although it has only 支出 columns. Note: "1栏各行 = (2+3) 栏各行"."""

from yujuesuan.spec.final_accounts.common import code_table
from yujuesuan.spec.model import TableSpec, cols

ID = "fa.gz"
COLUMNS = cols("1 本年支出合计|合计", "2 基本支出", "3 项目支出")


def table(layout: str) -> TableSpec:
    return code_table(
        ID,
        "国有资本经营预算财政拨款支出决算表",
        9 if layout == "2021" else 8,
        COLUMNS,
        footnotes=("1栏各行 = (2+3) 栏各行。",),
        notes=("注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",),
        aliases=("国有资本经营预算财政拨款收入支出决算表",),
    )
