"""表3 支出决算表: spending by 功能分类科目 and nature. Note: "1栏各行 = (2+3+4+5+6) 栏各行"."""

from yujuesuan.spec.final_accounts.common import code_table
from yujuesuan.spec.model import TableSpec, cols

ID = "fa.t3"
COLUMNS = cols(
    "1 本年支出合计",
    "2 基本支出",
    "3 项目支出",
    "4 上缴上级支出",
    "5 经营支出",
    "6 对附属单位补助支出",
)


def table(layout: str) -> TableSpec:
    return code_table(
        ID,
        "支出决算表",
        3,
        COLUMNS,
        footnotes=("1栏各行 = (2+3+4+5+6) 栏各行。",),
        notes=("注：本表反映部门本年度各项支出情况。",),
    )
