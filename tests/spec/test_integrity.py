"""Every declared table set is sound and every rule can be listed for review."""

from __future__ import annotations

import pytest

from yujuesuan.errors import UnknownYear
from yujuesuan.spec import all_sets, tables_for
from yujuesuan.spec.listing import rule_rows
from yujuesuan.spec.model import RowsMode, Strength
from yujuesuan.spec.validate import validate


EVERY_SET = all_sets("决算") + all_sets("预算")
# nine tables in a 决算 set; the 2024 budget prints 表1–表11 with 表5-1 and 附表-5-2 (spec §4.1)
TABLE_COUNT = {"决算": 9, "预算": 12}


@pytest.mark.parametrize("table_set", EVERY_SET, ids=lambda s: f"{s.kind}-{s.layout}")
def test_declared_set_validates(table_set) -> None:  # type: ignore[no-untyped-def]
    assert validate(table_set) == []
    assert len(table_set.tables) == TABLE_COUNT[table_set.kind]


def test_layouts_differ_where_the_published_tables_differ() -> None:
    a, b = tables_for("决算", 2021), tables_for("决算", 2022)
    assert a.table("fa.t1").row("57").label == "本年支出合计"
    assert b.table("fa.t1").row("58").label == "本年支出合计"
    assert (a.table("fa.sg").number, b.table("fa.sg").number) == (7, 9)
    assert tables_for("决算", 2023) is b


def test_every_printed_note_is_quoted_as_a_rule_basis() -> None:
    rules = {r["basis"] for r in rule_rows(tables_for("决算", 2021))}
    assert "27行 = (1+2+3+4+5+6+7+8) 行" in rules
    assert "59行－（33+34+…+58）行" in rules


def test_plausibility_rules_never_claim_to_be_identities() -> None:
    for table_set in all_sets():
        plausible = [r for r in table_set.all_rules() if r.strength is Strength.PLAUSIBLE]
        assert plausible and all(r.id.startswith("fa.w.") for r in plausible)


@pytest.mark.parametrize("table_set", EVERY_SET, ids=lambda s: f"{s.kind}-{s.layout}")
def test_code_tables_have_a_total_row(table_set) -> None:  # type: ignore[no-untyped-def]
    for table in table_set.tables:
        if table.rows_mode is RowsMode.FUNCTION:
            assert table.row("合计") is not None, table.id


def test_years_without_a_layout_are_refused_in_chinese() -> None:
    with pytest.raises(UnknownYear, match="2019"):
        tables_for("决算", 2019)
