"""“三公”经费支出决算表 (表7 in 2021, 公开09表 / 表9 from 2022): 预算数 栏1–6, 决算数 栏7–12.

Notes: "1栏 = (2+3+6) 栏；3栏 = (4+5) 栏；7栏 = (8+9+12) 栏；9栏 = (10+11) 栏". 2021's 预算数 is
the 年初预算, later years' the adjusted 全年预算 (spec §1.0).
"""

from __future__ import annotations

from yujuesuan.spec.model import ColumnSum, RowsMode, RowSpec, TableSpec, cols, note_target

ID = "fa.sg"
ROW = "金额"
FOOTNOTES = ("1栏 = (2+3+6) 栏", "3栏 = (4+5) 栏", "7栏 = (8+9+12) 栏", "9栏 = (10+11) 栏")
_ITEMS = ("合计", "因公出国（境）费", "公务用车购置及运行费小计|小计", "公务用车购置费", "公务用车运行费|公务用车运行维护费", "公务接待费")
COLUMNS = cols(*(f"{i + 1} 预算数{label}" for i, label in enumerate(_ITEMS))) + cols(
    *(f"{i + 7} 决算数{label}" for i, label in enumerate(_ITEMS))
)


def table(layout: str) -> TableSpec:
    early = layout == "2021"
    return TableSpec(
        id=ID,
        name="一般公共预算财政拨款“三公”经费支出决算表" if early else "财政拨款“三公”经费支出决算表",
        number=7 if early else 9,
        rows_mode=RowsMode.FIXED,
        columns=COLUMNS,
        rows=(RowSpec(key=ROW, label=""),),
        aliases=("财政拨款“三公”经费支出决算表", "一般公共预算财政拨款“三公”经费支出决算表"),
        rules=tuple(ColumnSum.from_footnote(f"{ID}.c{note_target(text)}", ID, text) for text in FOOTNOTES),
        notes=FOOTNOTES,
    )
