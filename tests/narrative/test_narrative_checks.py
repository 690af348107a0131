"""Single checks on short narratives, against the hongshan-2021 golden workbook."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from yujuesuan.findings import Finding
from yujuesuan.narrative import Context, check_narrative
from yujuesuan.tables import Book
from yujuesuan.workbook.read import read_book


@pytest.fixture(scope="module")
def book(golden_dir: Path) -> Book:
    return read_book(golden_dir / "hongshan-2021.xlsx")[0]


def _rules(text: str, book: Book, **ctx: dict[str, Decimal]) -> list[str]:
    return [f.rule_id for f in _check(text, book, **ctx)]


def _check(text: str, book: Book, **ctx: dict[str, Decimal]) -> list[Finding]:
    return check_narrative(text, Context(book, **ctx))


STRUCTURE = (
    "2021 年度财政拨款支出 2397.77 万元，主要用于以下方面：一般公共服务（类）支出 2294.09 万元，占 95.7%；"
    "社会保障和就业支出 28.48 万元，占 1.2%；卫生健康支出 22.21 万元，占 0.9%；住房保障支出 52.99 万元，占 2.2%。"
)


def test_a_sentence_that_agrees_with_the_tables_raises_nothing(book: Book) -> None:
    assert _rules(STRUCTURE, book) == []


def test_an_amount_that_disagrees_with_its_table_cell_is_an_error(book: Book) -> None:
    (finding,) = _check(STRUCTURE.replace("22.21", "21.22"), book)
    assert (finding.rule_id, finding.expected, finding.actual) == (
        "narrative.table",
        Decimal("22.21"),
        Decimal("21.22"),
    )
    assert "表5" in finding.message


def test_a_share_is_compared_at_its_printed_precision(book: Book) -> None:
    assert _rules(STRUCTURE.replace("95.7%", "95.68%"), book) == []
    assert "narrative.ratio" in _rules(STRUCTURE.replace("95.7%", "95.6%"), book)
    assert _rules(STRUCTURE.replace("95.7%", "96%"), book) == []


def test_a_percentage_without_its_sign(book: Book) -> None:
    assert "narrative.percent_sign" in _rules(STRUCTURE.replace("95.7%", "95.7"), book)


@pytest.mark.parametrize("placeholder", ["XX", "……", "部门名称", "待补充", "XX分"])
def test_template_placeholders_left_in(book: Book, placeholder: str) -> None:
    assert "narrative.placeholder" in _rules(f"2021 年度{placeholder}支出合计 2397.77 万元。", book)


def test_a_year_that_is_neither_this_year_nor_the_last(book: Book) -> None:
    assert "narrative.year" in _rules("与 2019 年度相比，收、支总计各减少 158.26 万元。", book)
    assert (
        _rules(
            "与 2020 年度相比，收、支总计各减少 158.26 万元，下降 6.2%。截至 2021 年 12 月 31 日。",
            book,
        )
        == []
    )
    assert _rules("填报日期：2022 年 1 月 12 日。", book) == []
    assert _rules("该平台自 2018 年 8 月 1 日正式投入运行以来运行平稳。", book) == []
    assert "narrative.year" in _rules("2019 年度收、支总计 2397.77 万元。", book)


def test_direction_word_against_the_prior_year(book: Book) -> None:
    text = "2021 年度收、支总计 2397.77 万元。与 2020 年度相比，收、支总计各增加 158.26 万元。"
    assert _rules(text, book, prior={"grand_total": Decimal("2556.03")}) == ["narrative.direction"]
    assert (
        _rules(text.replace("增加", "减少"), book, prior={"grand_total": Decimal("2556.03")}) == []
    )


def test_direction_words_that_contradict_each_other(book: Book) -> None:
    text = "2021 年度收、支总计 2397.77 万元。与 2020 年度相比，收、支总计各减少 158.26 万元，增长 6.2%。"
    assert _rules(text, book) == ["narrative.direction"]


def test_growth_from_a_zero_base(book: Book) -> None:
    text = "2021年度“三公”经费财政拨款支出决算为2.2万元。较上年增加 2.2万元，增长 0%。"
    assert "narrative.zero_base" in _rules(text, book)


def test_a_growth_rate_that_does_not_follow_from_the_change_beside_it(book: Book) -> None:
    text = "2021 年度收、支总计 2397.77 万元。与 2020 年度相比，收、支总计各减少 158.26 万元，下降 7.2%。"
    assert _rules(text, book) == ["narrative.ratio"]


def test_the_same_figure_stated_twice_differently(book: Book) -> None:
    text = (
        "基本支出预算总额为 430.74 万元。……".replace("……", "")
        + "其他地方基本支出预算总额为 430.73 万元。"
    )
    assert _rules(text, book) == ["narrative.repeat"]


def test_stated_parts_that_do_not_add_up_to_the_stated_total(book: Book) -> None:
    text = "政府采购支出总额819.14万元，其中：政府采购货物支出7.5万元、政府采购服务支出801.64万元。"
    findings = _check(text, book)
    assert [(f.rule_id, f.severity.value, f.expected) for f in findings] == [
        ("narrative.parts", "error", Decimal("809.14"))
    ]


def test_an_income_figure_inside_the_spending_section(book: Book) -> None:
    text = "三、支出决算情况说明\n\n2021年度支出合计 2397.77万元，与 2020年度相比，收入合计减少 158.26 万元。"
    assert _rules(text, book) == ["narrative.section"]


def test_a_budget_differing_from_the_opening_budget_sheet(book: Book) -> None:
    text = "2021 年度一般公共预算财政拨款支出年初预算为 2606.14 万元，支出决算为 2397.77 万元，完成年初预算的 92%。"
    assert _rules(text, book, budget={"general_spending": Decimal("2606.14")}) == []
    assert _rules(text, book, budget={"general_spending": Decimal("2600")}) == ["narrative.table"]


def test_a_project_self_score_that_differs_from_its_self_evaluation_table_total_is_reported() -> None:
    from yujuesuan.narrative.self_scores import check_self_scores
    from yujuesuan.narrative.text import paragraphs

    text = (
        "1.疫情防控项目绩效自评：项目全年预算数为44万元，执行数为40.2万元。项目绩效自评得分为98.27分。\n"
        "2.“智慧武昌”大数据中心项目第三期绩效自评：项目绩效自评得分为 97.72 分。\n"
        "2022 年度疫情防控经费项目自评表\n权重\t得分\n总分 98.27\n"
        "2022 年度“智慧武昌”大数据中心项目第三期自评表\n总分 96.5\n"
    )
    (found,) = check_self_scores(paragraphs(text))
    assert (found.rule_id, found.expected, found.actual) == ("narrative.self_score", Decimal("96.5"), Decimal("97.72"))
    assert "智慧武昌大数据中心项目第三期" in found.message
