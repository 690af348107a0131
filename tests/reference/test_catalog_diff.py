"""Diff of two catalog editions: exact added / removed / renamed, and recoded pairs derived by name."""

from __future__ import annotations

from yujuesuan.reference import Catalog, Entry, Level, load
from yujuesuan.reference.diff import Recode, diff


def _catalog(edition: str, *rows: tuple[str, str]) -> Catalog:
    level = {3: Level.CLASS, 5: Level.SECTION, 7: Level.ITEM}
    return Catalog(
        "function",
        edition,
        tuple(
            Entry(code, name, level[len(code)], code[:-2] if len(code) > 3 else None)
            for code, name in rows
        ),
    )


OLD = _catalog(
    "old",
    ("201", "一般公共服务支出"),
    ("20101", "人大事务"),
    ("2010101", "行政运行"),
    ("20102", "政协事务"),
    ("2010201", "行政运行"),
    ("2010202", "一般行政管理事务"),
    ("210", "医疗卫生与计划生育支出"),
)


def test_renamed_class_keeps_its_code() -> None:
    new = _catalog(
        "new", *((e.code, e.name) for e in OLD if e.code != "210"), ("210", "卫生健康支出")
    )
    changes = diff(OLD, new)
    assert [(r.code, r.old_name, r.new_name) for r in changes.renamed] == [
        ("210", "医疗卫生与计划生育支出", "卫生健康支出")
    ]
    assert changes.added == () and changes.removed == ()
    assert any(line.startswith("更名 210") for line in changes.lines())


def test_parenthesis_width_and_spaces_are_not_renames() -> None:
    old = _catalog("a", ("201", "政府办公厅（室）及相关机构事务"))
    new = _catalog("b", ("201", "政府办公厅(室)及相关机构事务"))
    assert diff(old, new).unchanged


def test_a_section_moved_to_a_new_code_takes_its_items_along() -> None:
    # 20102 政协事务 becomes 20103; its two items move with it; 2010101 行政运行 stays.
    rows = [(e.code, e.name) for e in OLD if not e.code.startswith("20102")]
    new = _catalog(
        "new",
        *rows,
        ("20103", "政协事务"),
        ("2010301", "行政运行"),
        ("2010302", "一般行政管理事务"),
    )
    changes = diff(OLD, new)
    assert set(changes.recoded) == {
        Recode("20102", "20103", "政协事务"),
        Recode("2010201", "2010301", "行政运行"),
        Recode("2010202", "2010302", "一般行政管理事务"),
    }
    assert changes.mapping(OLD, new)["2010201"] == "2010301"
    assert changes.mapping(OLD, new)["2010101"] == "2010101"


def test_an_ambiguous_name_is_not_taken_for_a_recode() -> None:
    rows = [(e.code, e.name) for e in OLD if e.code != "2010201"]
    new = _catalog("new", *rows, ("2010102", "行政运行"), ("2010203", "行政运行"))
    changes = diff(OLD, new)
    # 2010201's parent 20102 is unchanged, so only 2010203 (under 20102) qualifies
    assert changes.recoded == (Recode("2010201", "2010203", "行政运行"),)
    flat = _catalog("flat", ("201", "x"), ("20101", "y"))
    assert diff(flat, _catalog("n", ("201", "x"), ("20102", "y"), ("20103", "y"))).recoded == ()


def test_bundled_2024_edition_drops_the_anti_epidemic_class() -> None:
    changes = diff(load("function", 2023), load("function", 2024))
    assert [e.code for e in changes.removed] == ["234"]
    assert changes.summary().startswith(
        "2024年功能分类科目相对2021年功能分类科目"
    )  # edition labels
