"""Claim extraction from narrative text as it comes out of PDFs and Word files."""

from __future__ import annotations

from decimal import Decimal

import pytest
from yujuesuan.narrative import claims_of
from yujuesuan.narrative.claims import Claim, extract
from yujuesuan.narrative.names import CodeNames
from yujuesuan.narrative.text import paragraphs

NAMES = CodeNames(
    {
        "201": "一般公共服务支出",
        "210": "卫生健康支出",
        "21011": "行政事业单位医疗",
        "2101102": "事业单位医疗",
        "20103": "政府办公厅(室)及相关机构事务",
        "2010350": "事业运行",
    }
)


def _claims(text: str) -> list[Claim]:
    return extract(paragraphs(text), NAMES)


def _facts(text: str) -> list[tuple[str, str, str, str]]:
    return [(str(c.value), c.unit, c.quantity, c.subject) for c in _claims(text)]


def test_a_number_broken_across_pdf_lines_is_read_whole() -> None:
    text = "其中：财政拨款收入 455\n\n7.3 万元，占 100%。 \n"
    assert _facts(text)[:2] == [
        ("4557.3", "万元", "amount", "fiscal_income"),
        ("100", "%", "share", "fiscal_income"),
    ]


def test_a_percentage_broken_after_its_decimal_point_is_read_whole() -> None:
    text = "2022年度财政拨款收、支总计均为 4557.3万元。与 2021\n\n年度相比，财政拨款收、支总计各增加 1459.54万元，增长 47.\n\n1%。主要原因是项目增多。"
    assert _facts(text) == [
        ("4557.3", "万元", "amount", "fiscal_grand_total"),
        ("1459.54", "万元", "change", "fiscal_grand_total"),
        ("47.1", "%", "pct_change", "fiscal_grand_total"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("收入合计４５５７．３万元。", "4557.3"),
        ("收入合计 1,757.51 万元。", "1757.51"),
        ("收入合计 3, 295. 68 万元。", "3295.68"),
        ("收入合计\u30002397.77\u3000万元。", "2397.77"),
    ],
    ids=["full-width", "thousands", "spaces-inside", "ideographic-space"],
)
def test_full_width_digits_separators_and_spaces_inside_numbers(text: str, value: str) -> None:
    assert _facts(text) == [(value, "万元", "amount", "income_total")]


def test_full_width_percent_sign_counts() -> None:
    assert _facts("资金 4101.74 万元，占一般公共预算项目支出总额的 90％。")[1] == (
        "90",
        "%",
        "share",
        "other:资金",
    )


def test_budget_actual_and_completion_share_the_subject_named_before_them() -> None:
    text = (
        "3. 卫生健康支出。年初预算为 19.42 万元，支出决算为\n\n1.19 万元，完成年初预算的 114.4%。"
    )
    assert _facts(text) == [
        ("19.42", "万元", "budget", "code:210"),
        ("1.19", "万元", "amount", "code:210"),
        ("114.4", "%", "completion", "code:210"),
    ]


def test_class_section_item_chain_names_the_item_code() -> None:
    text = "1.一般公共服务支出（类）政府办公厅（室）及相关机构事\n\n务（款）事业运行（项）。年初预算数为 331.67万元，决算数\n\n348.25 万元。"
    assert {c.subject for c in _claims(text)} == {"code:2010350"}


def test_location_is_paragraph_and_offset_of_the_printed_number() -> None:
    text = "二、收入决算情况说明\n\n2021 年度收入合计 2397.77 万元。"
    (claim,) = _claims(text)
    joined = paragraphs(text)[claim.paragraph - 1].text
    assert (claim.paragraph, joined[claim.offset : claim.offset + 7]) == (2, "2397.77")
    assert claim.section == "二、收入决算情况说明"


def test_share_denominator_and_direction_words() -> None:
    text = "基本支出 422.23 万元，占本年支出 17.6%。与 2020 年度相比，收、支总计各减少 158.26 万元，下降 6.2%。"
    claims = _claims(text)
    assert claims[1].denominator == "spending_total"
    assert [c.direction for c in claims[2:]] == [-1, -1]


def test_threshold_amounts_and_list_numbers_are_not_claims() -> None:
    text = "4.住房保障支出。单价 50 万元(含)以上通用设备 2 台(套)。"
    assert _facts(text) == [("2", "台(套)", "count", "other:含以上通用设备")]


def test_a_project_name_before_an_amount_is_its_subject() -> None:
    text = "项目支出主要用于安全管理经费 259.55 万元，主要成效：逐步完善。"
    assert _facts(text) == [("259.55", "万元", "amount", "other:安全管理经费")]


def test_funds_figures_take_the_fund_named_earlier() -> None:
    text = "2021年度政府性基金预算财政拨款年初结转和结余0万元，本年收入0万元，本年支出0万元，年末结转和结余0万元。"
    assert [c.subject for c in claims_of(text)] == [
        "gf.opening",
        "gf.income_year",
        "gf.spending_year",
        "gf.closing",
    ]


def test_a_percentage_without_its_sign_is_still_a_percentage_claim() -> None:
    (amount, share) = _claims("一般公共服务支出 2294.09 万元，占 95.7；")
    assert (share.unit, share.missing_percent, share.value) == ("%", True, Decimal("95.7"))


def test_a_word_file_is_read_paragraph_by_paragraph_and_its_tables_row_by_row(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import docx
    from yujuesuan.services.narrate import read_narrative

    document = docx.Document()
    document.add_paragraph("二、收入决算情况说明")
    document.add_paragraph("2021 年度收入合计 2397.77 万元。其中：财政拨款收入 455")
    document.add_paragraph("7.3 万元，占本年收入 100%。")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ("基本支出总额", "430.73", "项目支出总额", "1091.23"), strict=True
    ):
        cell.text = text
    path = tmp_path / "情况说明.docx"
    document.save(str(path))
    found = [(str(c.value), c.subject, c.quantity) for c in extract(read_narrative(path), NAMES)]
    assert found == [
        ("2397.77", "income_total", "amount"),
        ("4557.3", "fiscal_income", "amount"),
        ("100", "fiscal_income", "share"),
        ("430.73", "basic", "budget"),
        ("1091.23", "project", "budget"),
    ]
