"""The published sets, as published: their real residues are 尾数差异, nothing else is 错误
(the 2024 budget's two tables published empty without explanation excepted)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from yujuesuan.findings import Severity
from yujuesuan.services import check_workbook

EXPECTED = Path(__file__).parent / "expected"


def _report(golden_dir: Path, case: str):  # type: ignore[no-untyped-def]
    return check_workbook(golden_dir / f"{case}.xlsx")


def test_hongshan_personnel_plus_public_one_cent_over_basic_is_a_rounding_residue(golden_dir: Path) -> None:
    report = _report(golden_dir, "hongshan-2021")
    residues = [f for f in report.findings if f.classification == "尾数差异"]
    assert [(f.rule_id, str(f.location), f.actual, f.expected) for f in residues] == [
        ("fa.x.t6_t5.basic", "表6!C34", Decimal("422.24"), Decimal("422.23"))
    ]
    assert {str(t) for t in residues[0].terms} == {"表6!I34", "表5!D7"}


def test_hongshan_has_no_error(golden_dir: Path) -> None:
    report = _report(golden_dir, "hongshan-2021")
    assert report.ok
    assert report.tables_found == ("fa.t1", "fa.t2", "fa.t3", "fa.t4", "fa.t5", "fa.t6", "fa.sg", "fa.gf", "fa.gz")
    assert report.rules_failed_internally == 0


def test_wuchang_housing_49_79_vs_49_8_and_class_sum_are_rounding_residues(golden_dir: Path) -> None:
    report = _report(golden_dir, "wuchang-2022")
    assert report.ok
    residues = {(f.rule_id, str(f.location), f.actual, f.expected) for f in report.findings if f.classification == "尾数差异"}
    assert residues == {
        ("fa.x.t1_t3.class", "公开01表!G26", Decimal("49.79"), Decimal("49.8")),
        ("fa.x.t4_t5.class", "公开04表!H26", Decimal("49.79"), Decimal("49.8")),
        ("fa.t1.r58", "公开01表!G34", Decimal("4557.3"), Decimal("4557.29")),
        ("fa.t4.r59", "公开04表!G34", Decimal("4557.3"), Decimal("4557.29")),
        ("fa.t4.r59", "公开04表!H34", Decimal("4557.3"), Decimal("4557.29")),
        ("fa.x.t6_t5.basic", "公开06表!D35", Decimal("455.55"), Decimal("455.56")),
    }


def test_wuchang_year_and_table_numbers_come_from_titles(golden_dir: Path) -> None:
    report = _report(golden_dir, "wuchang-2022")
    assert (report.year, report.kind) == (2022, "决算")
    assert len(report.tables_found) == 9


@pytest.mark.parametrize("case", ["hongshan-2021", "wuchang-2022", "qiaokou-2024"])
def test_findings_match_the_reviewed_golden_file(golden_dir: Path, case: str, request: pytest.FixtureRequest) -> None:
    records = _report(golden_dir, case).to_records()
    for record in records:
        record["file"] = f"{case}.xlsx"
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    path = EXPECTED / f"{case}.findings.jsonl"
    if request.config.getoption("--update-golden"):
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.read_text(encoding="utf-8").splitlines() == lines


def test_plausibility_gap_of_30110_is_shown_only_when_asked(golden_dir: Path) -> None:
    path = golden_dir / "hongshan-2021.xlsx"
    assert not [f for f in check_workbook(path).findings if f.kind == "correspondence"]
    (gap,) = [f for f in check_workbook(path, plausibility=True).findings if f.kind == "correspondence"]
    assert (gap.rule_id, str(gap.location), gap.severity) == ("fa.w.t6_t5.30110", "表6!C14", Severity.WARNING)


def test_every_error_free_finding_is_a_warning_or_info(golden_dir: Path) -> None:
    for case in ("hongshan-2021", "wuchang-2022"):
        assert all(f.severity is not Severity.ERROR for f in _report(golden_dir, case).findings)


def test_qiaokou_budget_year_and_kind_come_from_the_heading_and_titles(golden_dir: Path) -> None:
    report = _report(golden_dir, "qiaokou-2024")
    assert (report.year, report.kind) == (2024, "预算")
    found = ("bu.t1", "bu.t3", "bu.t4", "bu.t5", "bu.t5_2", "bu.t6", "bu.t7", "bu.t8", "bu.t9", "bu.t11")
    assert tuple(t for t in report.tables_found if t in found) == found
    assert report.rules_failed_internally == 0


def test_qiaokou_published_residues_are_rounding_differences(golden_dir: Path) -> None:
    report = _report(golden_dir, "qiaokou-2024")
    residues = {(f.rule_id, str(f.location), f.actual, f.expected) for f in report.findings if f.classification == "尾数差异"}
    d = Decimal
    nodes = (("bu.t3.tree", "表3", 13, "CD", "34.04", "34.05"), ("bu.t5.tree", "'表5-1'", 14, "CDE", "34.04", "34.05"),
             ("bu.t3.tree", "表3", 17, "CD", "38.24", "38.25"), ("bu.t5.tree", "'表5-1'", 18, "CDE", "38.24", "38.25"))
    expected = {(rule, f"{sheet}!{col}{row}", d(shown), d(summed))
                for rule, sheet, row, cols, shown, summed in nodes for col in cols}
    expected |= {("bu.t5.c_basic", f"'表5-1'!D{row}", d("256.70"), d("256.69")) for row in (8, 9, 10)}
    expected |= {("bu.t5.tree", "'表5-1'!E7", d("344.98"), d("344.97"))}
    assert residues == expected


def test_qiaokou_tables_2_and_10_are_reported_empty_and_nothing_else_is_an_error(golden_dir: Path) -> None:
    report = _report(golden_dir, "qiaokou-2024")
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert [(f.rule_id, f.kind, str(f.location)) for f in errors] == [
        ("bu.t2.present", "empty_table", "表2!A2"),
        ("bu.t10.present", "empty_table", "表10!A2"),
    ]
    assert all("无空表说明" in f.message for f in errors)


def test_qiaokou_funds_tables_with_the_official_empty_sentence_are_not_findings(golden_dir: Path) -> None:
    report = _report(golden_dir, "qiaokou-2024")
    assert not [f for f in report.findings if f.table in ("bu.t8", "bu.t9")]
