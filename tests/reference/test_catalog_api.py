"""The catalog API on the codes and names printed in the seed disclosures (spec §5.1-§5.3)."""

from __future__ import annotations

import dataclasses

import pytest
from yujuesuan.errors import AddinError, SpecError, UnknownCode, UnknownYear
from yujuesuan.reference import Catalog, Entry, Level, editions, load
from yujuesuan.reference.catalog import read_entries

# fmt: off
# Rows of 决算 T2/T3/T5 in seeds 000, 001, 003 (spec §5.1) and of 002's 表3 (2024 budget).
FINAL_ACCOUNTS_CODES = (
    "201", "20103", "2010350", "2010399", "208", "20805", "2080502", "2080505", "2080506",
    "20899", "2089999", "210", "21004", "2100410", "21011", "2101102", "2101103", "2101199",
    "221", "22102", "2210201", "2210202", "2210203",
)
BUDGET_2024_CODES = (
    "201", "20103", "2010350", "20105", "2010504", "208", "20805", "2080502", "2080505",
    "210", "21011", "2101102", "2101103", "2101199", "221", "22102", "2210201", "2210202",
)
# fmt: on

# 决算 T1/T4 支出 labels, 2021-2023 (spec §5.3), with the official class codes.
FINAL_ACCOUNTS_CLASSES = {
    "201": "一、一般公共服务支出",
    "202": "二、外交支出",
    "203": "三、国防支出",
    "204": "四、公共安全支出",
    "205": "五、教育支出",
    "206": "六、科学技术支出",
    "207": "七、文化旅游体育与传媒支出",
    "208": "八、社会保障和就业支出",
    "210": "九、卫生健康支出",
    "211": "十、节能环保支出",
    "212": "十一、城乡社区支出",
    "213": "十二、农林水支出",
    "214": "十三、交通运输支 出",
    "215": "十四、资源勘探工业信息等支出",
    "216": "十五、商业服务业等支出",
    "217": "十六、金融支出",
    "219": "十七、援助其他地区支出",
    "220": "十八、自然资源海洋气象等支出",
    "221": "十九、住房保障支出",
    "222": "二十、粮油物资储备支出",
    "223": "二十一、国有资本经营预算支出",
    "224": "二十二、灾害防治及应急管理支出",
    "229": "二十三、其他支出",
    "231": "二十四、债务还本支出",
    "232": "二十五、债务付息支出",
    "234": "二十六、抗疫特别国债安排的支出",
}

# Seed 004 (2021 budget) prints the class code in front of an older, shorter label.
BUDGET_2021_CLASS_LABELS = (
    "201一般公共服务", "202外交", "203国防", "204公共安全", "205教育", "206科学技术",
    "207文化旅游体育与传媒", "208社会保障和就业", "209社会保险基金支出", "210卫生健康",
    "211节能环保", "212城乡社区事务", "213农林水事务", "214交通运输",
    "215资源勘探工业信息等支出", "216商业服务业等事务", "217金融监管等事务支出",
    "220自然资源海洋气象等事务", "221住房保障支出", "222粮油物资管理事务",
    "223国有资本经营预算支出", "224灾害防治及应急管理支出", "227预备费", "229其他支出",
    "230转移性支出", "231债务还本支出", "232债务付息支出", "233债务发行费用支出",
)  # fmt: skip

# Seed 002 (2024 budget) 表1 / 表4 labels.
BUDGET_2024_CLASS_LABELS = {
    "201": "一、一般公共服务支出",
    "221": "十七、住房保障支出",
    "229": "廿一、其他支出",
    "233": "（廿四）债务发行费用支出",
}


@pytest.fixture(scope="module")
def function_2021() -> Catalog:
    return load("function", 2021)


@pytest.fixture(scope="module")
def economic_2021() -> Catalog:
    return load("economic", 2021)


def test_office_operation_item_has_its_name_level_and_parent(function_2021: Catalog) -> None:
    assert function_2021.name("2010350") == "事业运行"
    assert function_2021.level("2010350") is Level.ITEM
    assert function_2021.parent("2010350") == "20103"
    assert function_2021.parent("20103") == "201"
    assert function_2021.parent("201") is None


def test_levels_carry_their_chinese_labels() -> None:
    assert [level.label for level in Level] == ["类", "款", "项"]


def test_government_office_section_lists_its_items(function_2021: Catalog) -> None:
    children = function_2021.children("20103")
    assert {"2010350", "2010399"} <= set(children)
    assert children == tuple(sorted(children))
    assert function_2021.children("2010350") == ()


def test_every_code_printed_in_the_final_accounts_tables_is_known() -> None:
    for year in (2021, 2022, 2023):
        assert [code for code in FINAL_ACCOUNTS_CODES if code not in load("function", year)] == []


def test_every_code_printed_in_the_2024_budget_is_known() -> None:
    assert [code for code in BUDGET_2024_CODES if code not in load("function", 2024)] == []


@pytest.mark.parametrize("code,label", sorted(FINAL_ACCOUNTS_CLASSES.items()))
def test_summary_table_class_labels_match_their_codes(
    function_2021: Catalog, code: str, label: str
) -> None:
    assert function_2021.level(code) is Level.CLASS
    assert function_2021.matches_name(code, label)
    assert function_2021.code_for_name(label) == code


@pytest.mark.parametrize("label", BUDGET_2021_CLASS_LABELS)
def test_budget_2021_labels_with_codes_are_accepted(function_2021: Catalog, label: str) -> None:
    assert function_2021.matches_name(label[:3], label)


@pytest.mark.parametrize("code,label", sorted(BUDGET_2024_CLASS_LABELS.items()))
def test_budget_2024_labels_are_accepted(code: str, label: str) -> None:
    assert load("function", 2024).matches_name(code, label)


def test_aid_to_other_regions_printed_as_218_is_recorded_under_219(
    function_2021: Catalog,
) -> None:
    assert "218" not in function_2021
    assert function_2021.matches_name("219", "218援助其他地区支出")


def test_old_class_name_for_health_is_accepted(function_2021: Catalog) -> None:
    assert function_2021.matches_name("210", "医疗卫生与计划生育支出")
    assert function_2021.code_for_name("医疗卫生与计划生育支出") == "210"


def test_half_width_parentheses_match_full_width(function_2021: Catalog) -> None:
    assert function_2021.matches_name("20103", "政府办公厅(室)及相关机构事务")
    assert function_2021.matches_name("2010399", "其他政府办公厅(室)及相关机构事务支出")


def test_names_wrapped_by_ocr_spaces_still_match(
    function_2021: Catalog, economic_2021: Catalog
) -> None:
    assert function_2021.matches_name("20103", "政府办公厅(室)及相关机 构事务")
    assert economic_2021.matches_name("30231", "公务用车运行 维护费")
    assert economic_2021.matches_name("30212", "因公出国(境) 费用")


def test_printed_variants_from_the_2021_budget_are_accepted(
    function_2021: Catalog, economic_2021: Catalog
) -> None:
    assert function_2021.matches_name("2210202", "租房补贴")
    assert economic_2021.matches_name("301", "工资福利性支出")
    assert economic_2021.matches_name("30110", "城镇职工基本医疗保险缴费")
    assert economic_2021.matches_name("303", "对个人和家庭的补助支出")


def test_a_different_name_does_not_match(function_2021: Catalog) -> None:
    assert not function_2021.matches_name("2210202", "购房补贴")
    assert not function_2021.matches_name("201", "一般公共服务支出合计")


def test_a_name_shared_by_two_codes_gives_no_code(
    function_2021: Catalog, economic_2021: Catalog
) -> None:
    # 20899 and 2089999 are both 其他社会保障和就业支出; 399 and 39999 both 其他支出.
    assert function_2021.code_for_name("其他社会保障和就业支出") is None
    assert economic_2021.code_for_name("其他支出") is None
    assert function_2021.code_for_name("不存在的科目") is None


def test_raw_cell_content_is_compacted_before_lookup(function_2021: Catalog) -> None:
    assert function_2021.validate(" 2010350 ") == "2010350"
    assert function_2021.validate(2010350.0) == "2010350"
    assert function_2021.is_valid("２０１０３５０")
    assert 2010350 in function_2021
    assert function_2021.entry(" 210") == Entry(
        code="210",
        name="卫生健康支出",
        level=Level.CLASS,
        parent=None,
        aliases=("医疗卫生与计划生育支出", "卫生健康"),
    )


def test_unknown_code_is_reported_in_chinese(function_2021: Catalog) -> None:
    assert not function_2021.is_valid("2019999")
    with pytest.raises(UnknownCode, match="未知科目编码：2019999（2021年功能分类科目）"):
        function_2021.validate("2019999")
    with pytest.raises(UnknownCode):
        function_2021.name("218")


def test_unknown_code_is_also_a_value_error(function_2021: Catalog) -> None:
    with pytest.raises(ValueError):
        function_2021.children("2019999")


def test_empty_or_unreadable_code_is_not_valid(function_2021: Catalog) -> None:
    assert not function_2021.is_valid("")
    assert not function_2021.is_valid(None)
    assert None not in function_2021
    with pytest.raises(UnknownCode, match="（空）"):
        function_2021.validate("  ")


def test_economic_catalog_has_only_classes_and_sections(economic_2021: Catalog) -> None:
    assert {entry.level for entry in economic_2021} == {Level.CLASS, Level.SECTION}
    assert economic_2021.name("30213") == "维修（护）费"
    assert economic_2021.parent("30213") == "302"
    assert economic_2021.label == "2021年经济分类科目"


def test_iteration_is_in_code_order(function_2021: Catalog) -> None:
    codes = [entry.code for entry in function_2021]
    assert codes == sorted(codes)
    assert len(function_2021) == len(codes)


def test_catalog_cannot_be_changed(function_2021: Catalog) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        function_2021.edition = "2024"  # type: ignore[misc]
    assert repr(function_2021) == f"Catalog('function', '2021', <{len(function_2021)} entries>)"


def test_anti_epidemic_class_exists_in_2021_but_not_2024() -> None:
    assert "234" in load("function", 2021)
    assert "234" not in load("function", 2024)
    assert load("function", 2024).edition == "2024"


def test_years_2021_to_2023_share_one_function_edition() -> None:
    assert load("function", 2021) is load("function", 2023)
    assert load("function", 2025) is load("function", 2024)


def test_economic_catalog_is_one_edition_for_every_year() -> None:
    assert {load("economic", year).edition for year in range(2021, 2026)} == {"2021"}


def test_chinese_kind_names_are_accepted() -> None:
    assert load("功能", 2022) is load("function", 2022)
    assert load("经济", 2022) is load("economic", 2022)


def test_unknown_year_is_reported_in_chinese() -> None:
    with pytest.raises(UnknownYear, match="未收录2020年的功能分类科目"):
        load("function", 2020)
    with pytest.raises(UnknownYear, match="2026"):
        load("经济", 2026)


def test_year_must_be_given_as_an_integer() -> None:
    with pytest.raises(TypeError):
        load("function", "2021")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        load("function", True)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="科目类别"):
        load("revenue", 2021)
    with pytest.raises(ValueError):
        load(["function"], 2021)  # type: ignore[arg-type]


def test_editions_list_years_and_provenance() -> None:
    by_file = {edition.file: edition for edition in editions()}
    assert by_file["data/function/2021.csv"].years == (2021, 2022, 2023)
    assert by_file["data/function/2024.csv"].years == (2024, 2025)
    assert by_file["data/economic/2021.csv"].years == (2021, 2022, 2023, 2024, 2025)
    assert by_file["data/function/2021.csv"].title == "2021年政府收支分类科目（支出功能分类科目）"
    assert any("219" in note for note in by_file["data/function/2021.csv"].notes)


class TestMalformedCatalogText:
    def test_wrong_header_is_a_spec_error(self) -> None:
        with pytest.raises(SpecError, match="表头"):
            read_entries("code,name\n201,一般公共服务支出\n", kind="function")

    def test_non_digit_code_is_a_spec_error(self) -> None:
        with pytest.raises(SpecError):
            read_entries("code,name,aliases\n20l,一般公共服务支出,\n", kind="function")

    def test_item_code_in_economic_catalog_is_a_spec_error(self) -> None:
        with pytest.raises(SpecError, match="7位"):
            read_entries("code,name,aliases\n3010101,x,\n", kind="economic")

    def test_code_of_odd_length_is_a_spec_error(self) -> None:
        with pytest.raises(SpecError):
            Level.of("2010")

    def test_missing_parent_is_a_spec_error(self) -> None:
        entries = read_entries("code,name,aliases\n20103,x,\n", kind="function")
        with pytest.raises(SpecError, match="上级科目201不存在"):
            Catalog("function", "test", entries)

    def test_duplicate_code_is_a_spec_error(self) -> None:
        entries = read_entries("code,name,aliases\n201,x,\n201,y,\n", kind="function")
        with pytest.raises(AddinError, match="重复"):
            Catalog("function", "test", entries)
