"""Every finding kind renders a complete Chinese message (a missing placeholder fails here)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from yujuesuan import messages_zh
from yujuesuan.findings import Finding, Location, Severity


@pytest.mark.parametrize("kind", sorted(messages_zh.TEMPLATES))
@pytest.mark.parametrize("severity", list(Severity))
def test_every_kind_renders_without_placeholders(kind: str, severity: Severity) -> None:
    finding = Finding(
        rule_id="fa.t1.r27",
        kind=kind,
        severity=severity,
        table="fa.t1",
        table_title="表1 收入支出决算总表",
        row_key="27",
        col_key="1",
        location=Location("表1", "C33"),
        expected=Decimal("2397.77"),
        actual=Decimal("2397.78"),
        difference=Decimal("0.01"),
        tolerance=Decimal("0.045"),
        basis="27行 = (1+2+3+4+5+6+7+8) 行",
        subject="第27行“本年收入合计”",
        note="说明",
    )
    message = finding.message
    assert "{" not in message and "}" not in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)


def test_a_residue_says_why_it_is_only_a_residue() -> None:
    finding = Finding("r", "row_sum", Severity.WARNING, difference=Decimal("0.01"), tolerance=Decimal("0.015"))
    assert finding.classification == "尾数差异"
    assert "±0.015万元" in finding.message


def test_sheet_names_with_spaces_are_quoted_like_excel() -> None:
    assert str(Location("收入 表", "D27")) == "'收入 表'!D27"
    assert str(Location("公开01表", "D27")) == "公开01表!D27"
