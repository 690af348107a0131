"""表2 收入决算表: income by 功能分类科目 and source. Note: "1栏各行 = (2+3+4+5+6+7) 栏各行"."""

from yujuesuan.spec.final_accounts.common import code_table
from yujuesuan.spec.model import TableSpec, cols

ID = "fa.t2"
COLUMNS = cols(
    "1 本年收入合计",
    "2 财政拨款收入",
    "3 上级补助收入",
    "4 事业收入",
    "5 经营收入",
    "6 附属单位上缴收入",
    "7 其他收入",
)


def table(layout: str) -> TableSpec:
    return code_table(
        ID,
        "收入决算表",
        2,
        COLUMNS,
        footnotes=("1栏各行 = (2+3+4+5+6+7) 栏各行。",),
        notes=("注：本表反映部门本年度取得的各项收入情况。",),
    )
