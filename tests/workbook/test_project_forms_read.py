"""Reading 表12-n project forms from sheet grids: by labels, whatever the rows and columns."""

from __future__ import annotations

from decimal import Decimal

from yujuesuan.checks.forms import check_forms
from yujuesuan.spec import tables_for
from yujuesuan.tables import Book, Table
from yujuesuan.workbook.forms import read_forms
from yujuesuan.workbook.open import Grid

BUDGET = tables_for("预算", 2024)

FORM = """
表 12-1
2024 年部门项目支出绩效目标表
单位：元
项目名称 | 党政综合事务管理及专业服务
项目安排频度 | 常年性项目
项目总预算 | 125,000.00 | 项目当年预算 | 125,000.00
项目前两年预算情况 | 年度 | 预算数 | 执行数 | 执行率
 | 2022 年 | 175,100.00 | 144,335.70 | 82.43%
 | 2023 年 | 125,000.00 | 114,957.20 | 91.97%
项目资金来源 | 来源项目 | | 金额
 | 合计 | | 125,000.00
 | 一般公共预算财政拨款 | | 125,000.00
 | 其中：申请当年预算拨款 | | 125,000.00
 | 单位资金
项目支出明细测算
项目任务明细 | 支出标准 | 单价 | 计量数 | 测算数 | 测算依据及说明
专业人员咨询、服务 | 按照合同 | 115,000.00 | 1 | 115,000.00 | 依据 2023 年合同
党建工作经费 | 按照往年采购金额 | 2,500.00 | 4 | 10,000.00 | 订购党刊党报
项目采购
品名 | 数量 | 金额
基础电信服务 | 1 | 601,616.00
项目绩效总目标
名称 | 目标说明
长期绩效目标 1 | 保证项目合同规范
"""


def grid(text: str) -> Grid:
    """Rows of " | "-separated cells; an empty cell is None, like a blank cell in a workbook."""
    rows = []
    for line in text.strip("\n").splitlines():
        rows.append([c.strip() or None for c in line.split("|")])
    return rows


def _forms(grids: dict[str, Grid]) -> dict[str, Table]:
    tables, problems = read_forms(grids, BUDGET, [])
    assert problems == []
    return tables


def _figures(table: Table) -> dict[tuple[str, str], Decimal]:
    return dict(table.values)


def test_a_form_is_read_by_its_labels_into_one_table_named_by_its_number() -> None:
    (table_id, table), = _forms({"项目": grid(FORM)}).items()
    assert table_id == "bu.t12-1"
    assert table.spec.title == "表12-1 部门项目支出绩效目标表（党政综合事务管理及专业服务）"
    assert table.value("current_budget", "value") == Decimal("125000.00")
    assert table.cells[("current_budget", "value")] == "D6"
    assert table.value("history.1", "rate") == Decimal("82.43")
    assert table.value("source_total", "amount") == Decimal("125000.00")
    assert table.row_names["details.2"] == "党建工作经费"
    assert (table.value("details.2", "price"), table.value("details.2", "quantity")) == (Decimal("2500.00"), Decimal("4"))
    assert table.cells[("purchases.1", "amount")] == "C21"


def test_blank_rows_and_blocks_in_another_order_read_the_same_figures() -> None:
    lines = FORM.strip("\n").splitlines()
    details, purchases = lines[14:18], lines[18:21]  # 项目支出明细测算, 项目采购
    moved = lines[:6] + [""] + details + [""] + purchases + ["", ""] + lines[6:14] + lines[21:]
    spaced = "\n".join(line for pair in zip(moved, [""] * len(moved)) for line in pair)
    (original,) = _forms({"项目": grid(FORM)}).values()
    (reordered,) = _forms({"项目": grid(spaced)}).values()
    assert _figures(reordered) == _figures(original)
    assert reordered.cells[("details.1", "amount")] != original.cells[("details.1", "amount")]


def test_a_figure_one_column_right_of_its_header_under_a_merged_header_is_read() -> None:
    shifted = FORM.replace(" | 合计 | | 125,000.00", " | 合计 | | | 125,000.00")
    (table,) = _forms({"项目": grid(shifted)}).values()
    assert table.value("source_total", "amount") == Decimal("125000.00")
    assert table.cells[("source_total", "amount")] == "E11"


def test_several_forms_on_one_sheet_without_numbers_are_numbered_in_order() -> None:
    body = FORM.replace("表 12-1\n", "")
    second = body.replace("党政综合事务管理及专业服务", "城市视频经费").replace("125,000.00 | 项目当年预算", "200,000.00 | 项目当年预算")
    tables = _forms({"表12": grid(body + second)})
    assert sorted(tables) == ["bu.t12-1", "bu.t12-2"]
    assert tables["bu.t12-2"].row_names["name"] == "城市视频经费"
    assert tables["bu.t12-2"].value("total_budget", "value") == Decimal("200000.00")
    assert len([r for r in tables["bu.t12-1"].rows_seen if r.startswith("details.")]) == 2  # ends at the next title


def test_a_project_name_printed_without_its_label_is_taken_from_the_first_line() -> None:
    unlabelled = FORM.replace("项目名称 | 党政综合事务管理及专业服务", "信息化项目管理与服务")
    (table,) = _forms({"表12-2": grid(unlabelled)}).values()
    assert table.row_names["name"] == "信息化项目管理与服务"


def test_a_rate_stored_as_a_percent_formatted_number_is_read_in_percent() -> None:
    g = grid(FORM)
    g[7][4] = 0.8243
    (table,) = _forms({"项目": g}).values()
    assert table.value("history.1", "rate") == Decimal("82.4300")


def test_an_unreadable_detail_amount_is_reported_at_its_cell_and_not_checked_again() -> None:
    g = grid(FORM)
    g[17][4] = "十万"
    tables, problems = read_forms({"项目": g}, BUDGET, [])
    assert [(p.kind, p.location.cell if p.location else "") for p in problems] == [("non_numeric", "E18")]
    book = Book(kind="预算", year=2024, tables=dict(tables))
    findings, _, failed = check_forms(book, BUDGET, raise_errors=True)
    assert failed == 0
    assert [f.rule_id for f in findings] == []  # B19 and Σ 测算数 skip the unreadable line's form


def test_a_contents_line_naming_the_form_is_not_a_form() -> None:
    contents = grid("表 12. 部门项目支出绩效目标表\n表 13. 其他")
    assert read_forms({"目录": contents}, BUDGET, []) == ({}, [])


def test_a_blank_field_does_not_take_the_next_label_s_value() -> None:
    blank = FORM.replace("项目总预算 | 125,000.00 | 项目当年预算", "项目总预算 | | 项目当年预算")
    (table,) = _forms({"项目": grid(blank)}).values()
    assert ("total_budget", "value") not in table.values
    assert table.value("current_budget", "value") == Decimal("125000.00")


def test_two_forms_printed_with_the_same_number_both_count() -> None:
    tables = _forms({"项目": grid(FORM + FORM)})
    assert sorted(tables) == ["bu.t12-1", "bu.t12-2"]
