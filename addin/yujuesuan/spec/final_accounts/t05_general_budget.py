"""表5 一般公共预算财政拨款支出决算表. Note: "1栏各行 = (2+3) 栏各行"."""

from yujuesuan.spec.final_accounts.common import code_table
from yujuesuan.spec.model import TableSpec, cols

ID = "fa.t5"
COLUMNS = cols("1 小计|本年支出小计|合计", "2 基本支出", "3 项目支出")


def table(layout: str) -> TableSpec:
    return code_table(
        ID,
        "一般公共预算财政拨款支出决算表",
        5,
        COLUMNS,
        footnotes=("1栏各行 = (2+3) 栏各行。",),
        notes=("注：本表反映部门本年度一般公共预算财政拨款支出情况。",),
    )
