"""表12-1…12-5 of the qiaokou-2024 budget (the project forms, unit 元): read as published, B19–B22
hold, and every form rule catches a changed figure at its cell (mutation tests on the grids)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from yujuesuan.checks.engine import Policy, run
from yujuesuan.findings import Location, Report, Severity
from yujuesuan.workbook.open import Grid
from yujuesuan.workbook.read import book_from_grids

from conftest import grids_copy
from test_mutations import _rc, changed

FORMS = [f"表12-{n}" for n in range(1, 6)]
FORM_KINDS = {"form_sum", "form_bound", "form_product", "form_ratio", "form_total", "unit_mismatch"}


@pytest.fixture()
def grids(golden_grids: dict[str, dict[str, Grid]]) -> dict[str, Grid]:
    return grids_copy(golden_grids["qiaokou-2024"])


def _check(grids: dict[str, Grid]) -> Report:
    book, table_set = book_from_grids(grids, source="mutated")
    return run(book, table_set, Policy(raise_errors=True))


def _at(location: Location | None) -> str:
    """sheet!cell without Excel's quotes ('表12-1'!E27 is how Excel writes it)."""
    return f"{location.sheet}!{location.cell}" if location else ""


def _form_findings(report: Report) -> list[tuple[str, str, str, str]]:
    return [
        (f.rule_id, _at(f.location), f.classification, f.kind)
        for f in report.findings
        if f.rule_id.startswith("bu.t12")
    ]


def test_the_five_published_forms_are_read_with_their_project_names(grids: dict[str, Grid]) -> None:
    book, _ = book_from_grids(grids, source="qiaokou")
    forms = {tid: t for tid, t in book.tables.items() if tid.startswith("bu.t12-")}
    assert {tid: t.row_names["name"] for tid, t in forms.items()} == {
        "bu.t12-1": "党政综合事务管理及专业服务",
        "bu.t12-2": "信息化项目管理与服务",  # printed without its 项目名称 label
        "bu.t12-3": "信息化项目维护及运行",
        "bu.t12-4": "网络安全加固及政务新媒体监测",
        "bu.t12-5": "城市视频经费",
    }
    assert sum(t.value("current_budget", "value") for t in forms.values()) == Decimal("13895800")
    assert [len([r for r in t.rows_seen if r.startswith("details.")]) for t in forms.values()] == [2, 1, 13, 2, 3]
    assert forms["bu.t12-4"].value("history.2", "rate") == Decimal("100.00")


def test_b19_to_b22_hold_in_the_published_forms(grids: dict[str, Grid]) -> None:
    report = _check(grids)
    assert _form_findings(report) == []
    assert not [f for f in report.findings if f.location and f.location.sheet in FORMS]
    assert report.rules_failed_internally == 0


def test_b19_a_detail_amount_one_yuan_high_is_an_error_at_that_cell(grids: dict[str, Grid]) -> None:
    with changed(grids, "表12-1", "E27", Decimal("1.00")):
        found = _form_findings(_check(grids))
    assert ("bu.t12.b19", "表12-1!E27", "错误", "form_product") in found
    assert ("bu.t12.b20.details", "表12-1!D13", "错误", "form_sum") in found


def test_b19_a_changed_unit_price_is_an_error_at_the_line_amount_naming_the_price(grids: dict[str, Grid]) -> None:
    with changed(grids, "表12-3", "C30", Decimal("36.00")):
        report = _check(grids)
    (finding,) = [f for f in report.findings if f.rule_id == "bu.t12.b19"]
    assert (_at(finding.location), finding.expected, finding.actual) == ("表12-3!E30", Decimal("123000.00"), Decimal("122964"))
    assert "表12-3!C30" in {_at(t) for t in finding.terms}
    assert "单价" in finding.message and "元" in finding.message


def test_b20_current_budget_one_yuan_high_breaks_the_detail_sum_the_sources_and_the_total_budget(grids: dict[str, Grid]) -> None:
    with changed(grids, "表12-3", "E14", Decimal("1.00")):
        found = _form_findings(_check(grids))
    assert found == [
        ("bu.t12.b20.details", "表12-3!E14", "错误", "form_sum"),
        ("bu.t12.b20.source_total", "表12-3!D19", "错误", "form_sum"),
        ("bu.t12.b20.total_budget", "表12-3!B14", "错误", "form_bound"),
    ]  # and B22: 1 元 is 0.0001 万元, inside the rounding of 表3


def test_b20_sources_total_counts_each_source_once_not_its_of_which_lines(grids: dict[str, Grid]) -> None:
    with changed(grids, "表12-2", "E18", Decimal("1.00")):
        found = _form_findings(_check(grids))
    assert ("bu.t12.b20.sources", "表12-2!E18", "错误", "form_sum") in found
    assert ("bu.t12.b20.source_total", "表12-2!E18", "错误", "form_sum") in found


def test_b20_an_of_which_line_above_its_parent_is_an_error(grids: dict[str, Grid]) -> None:
    with changed(grids, "表12-5", "C20", Decimal("1.00")):
        found = _form_findings(_check(grids))
    assert found == [("bu.t12.b20.general_current", "表12-5!C19", "错误", "form_bound")]


def test_b21_a_wrong_execution_rate_is_an_error_but_100_percent_for_99_997_is_right(grids: dict[str, Grid]) -> None:
    r, c = _rc("E16")
    assert grids["表12-4"][r][c] == "100.00%"  # 239,992.00 / 240,000.00 = 99.997 %
    grids["表12-4"][r][c] = "99.99%"
    report = _check(grids)
    (finding,) = [f for f in report.findings if f.rule_id == "bu.t12.b21"]
    assert (_at(finding.location), finding.expected, finding.actual) == ("表12-4!E16", Decimal("100.00"), Decimal("99.99"))
    assert finding.severity is Severity.ERROR


def test_b22_one_wanyuan_more_in_table_3_project_column_is_an_error(grids: dict[str, Grid]) -> None:
    with changed(grids, "表3", "E6", Decimal("1.00")):
        report = _check(grids)
    (finding,) = [f for f in report.findings if f.rule_id == "bu.t12.b22"]
    assert (_at(finding.location), finding.classification, finding.kind) == ("表12-1!D13", "错误", "form_total")
    assert (finding.actual, finding.expected) == (Decimal("1389.58"), Decimal("1390.58"))
    assert "表3!E6" in {_at(t) for t in finding.terms}
    assert "支出总表" in finding.message


def test_b22_one_cent_of_wanyuan_is_a_rounding_residue(grids: dict[str, Grid]) -> None:
    with changed(grids, "表3", "E6", Decimal("0.01")):
        report = _check(grids)
    (finding,) = [f for f in report.findings if f.rule_id == "bu.t12.b22"]
    assert finding.classification == "尾数差异"


def test_b22_project_amounts_typed_in_wanyuan_on_the_yuan_forms_are_a_unit_error(grids: dict[str, Grid]) -> None:
    for sheet in FORMS:
        for row in grids[sheet]:
            for c, value in enumerate(row):
                if isinstance(value, (int, float)) and value > 1:  # every amount; 计量数 1 stays
                    row[c] = float(Decimal(repr(value)) / 10000)  # 301,616.00 元 typed as 30.1616
    report = _check(grids)
    assert [f for f in _form_findings(report) if f[0] == "bu.t12.b22"] == [
        ("bu.t12.b22", "表12-1!D13", "错误", "unit_mismatch")
    ]
    (finding,) = [f for f in report.findings if f.kind == "unit_mismatch"]
    assert (finding.actual, finding.expected) == (Decimal("1389.58"), Decimal("1389.58"))
    assert "单位错误" in finding.message and "万元" in finding.message


def test_a_published_form_with_blank_rows_and_its_purchases_block_moved_up_reads_the_same(
    grids: dict[str, Grid],
) -> None:
    book, _ = book_from_grids(grids, source="qiaokou")
    before = dict(book.tables["bu.t12-3"].values)
    rows = grids["表12-3"]
    start = next(i for i, r in enumerate(rows) if r and r[0] == "项目采购")
    end = next(i for i, r in enumerate(rows) if r and r[0] == "项目绩效总目标")
    sources = next(i for i, r in enumerate(rows) if r and r[0] == "项目资金来源")
    purchases = rows[start:end]
    rest = rows[:start] + rows[end:]
    moved = rest[:sources] + [[None]] + purchases + [[None], [None]] + rest[sources:]
    grids["表12-3"] = [line for row in moved for line in (row, [None])]
    book, table_set = book_from_grids(grids, source="moved")
    assert dict(book.tables["bu.t12-3"].values) == before
    assert _form_findings(run(book, table_set, Policy(raise_errors=True))) == []


def test_b20_an_of_which_carryover_without_unit_funds_is_an_error_at_the_blank_parent(grids: dict[str, Grid]) -> None:
    rows = grids["表12-1"]
    (r,) = [i for i, row in enumerate(rows) if "其中：使用上年度财政拨款结转" in row]
    rows[r] = rows[r] + [None] * (4 - len(rows[r]))
    rows[r][3] = 5000.0
    found = _form_findings(_check(grids))
    assert found == [("bu.t12.b20.unit_carryover", f"表12-1!D{r}", "错误", "form_bound")]
