"""政府性基金预算财政拨款收入支出决算表 (表8 in 2021, 公开07表 / 表7 from 2022).

Notes: "6栏各行 = (1+2-3) 栏各行；3栏各行 = (4+5) 栏各行"."""

from yujuesuan.spec.final_accounts.common import code_table
from yujuesuan.spec.model import TableSpec, cols

ID = "fa.gf"
COLUMNS = cols(
    "1 年初结转和结余",
    "2 本年收入",
    "3 本年支出小计|小计",
    "4 基本支出",
    "5 项目支出",
    "6 年末结转和结余",
)


def table(layout: str) -> TableSpec:
    return code_table(
        ID,
        "政府性基金预算财政拨款收入支出决算表",
        8 if layout == "2021" else 7,
        COLUMNS,
        footnotes=("6栏各行 = (1+2-3) 栏各行", "3栏各行 = (4+5) 栏各行。"),
        notes=("注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",),
    )
