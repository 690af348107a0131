"""The drafted 第三部分 for the demo unit: right by construction, and stale once a table changes."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from yujuesuan.cli import main
from yujuesuan.narrative import check_narrative
from yujuesuan.narrative.draft import as_text
from yujuesuan.services import check_workbook
from yujuesuan.services.demo import run_demo
from yujuesuan.services.narrate import draft_for, read_narrative

MARKER = re.compile(r"【[^】]*】")
MARKER_RULES = {"narrative.explain", "narrative.placeholder"}


@pytest.fixture(scope="module")
def demo_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_demo(tmp_path_factory.mktemp("narrative-demo")).built.output


@pytest.fixture(scope="module")
def drafted(demo_tables: Path):  # type: ignore[no-untyped-def]
    blocks, ctx = draft_for(demo_tables)
    return as_text(blocks), ctx


def _filled(text: str) -> str:
    return MARKER.sub("人员调动和项目调整", text)


def test_the_draft_uses_the_official_sections_and_the_unit_from_the_cover(drafted) -> None:  # type: ignore[no-untyped-def]
    text, _ = drafted
    assert text.startswith("第三部分 武汉市洪山区大数据中心2021年度部门决算情况说明")
    for words in (
        "收、支总计2397.77万元",
        "一般公共服务支出（类）。年初预算为2506.5万元",
        "完成年初预算的92%",
        "“三公”经费财政拨款年初预算数为4.2万元",
        "公务用车运行费2.2万元",
        "下降6.2%",
    ):
        assert words in text


def test_the_only_findings_on_a_fresh_draft_are_its_markers(drafted) -> None:  # type: ignore[no-untyped-def]
    text, ctx = drafted
    findings = check_narrative(text, ctx)
    assert findings and {f.rule_id for f in findings} <= MARKER_RULES
    assert len(findings) == len(MARKER.findall(text))


def test_the_draft_with_its_reasons_written_passes_its_own_checker(drafted) -> None:  # type: ignore[no-untyped-def]
    text, ctx = drafted
    assert "【请说明原因】" in text  # 201 at 91.5% of 年初预算 needs a reason
    assert check_narrative(_filled(text), ctx) == []


def test_changing_one_table_value_makes_the_stale_sentence_caught(drafted) -> None:  # type: ignore[no-untyped-def]
    text, ctx = drafted
    three_public = ctx.book.tables["fa.sg"]
    original = three_public.values[("金额", "11")]  # 决算数 公务用车运行费
    three_public.values[("金额", "11")] = Decimal("2.50")
    try:
        findings = check_narrative(_filled(text), ctx)
    finally:
        three_public.values[("金额", "11")] = original
    assert [(f.rule_id, f.actual, f.expected) for f in findings] == [
        ("narrative.table", Decimal("2.2"), Decimal("2.50"))
    ]
    assert "公务用车运行费2.2万元" in findings[0].basis


def test_yjs_narrate_writes_a_docx_that_yjs_check_reads_back(
    demo_tables: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "情况说明.docx"
    assert main(["narrate", str(demo_tables), "-o", str(output)]) == 0
    assert "已起草情况说明" in capsys.readouterr().out
    paragraphs = read_narrative(output)
    assert paragraphs[0].text.startswith("第三部分")
    report = check_workbook(demo_tables, narrative=output)
    narrative = [f for f in report.findings if f.table == "narrative"]
    assert narrative and {f.rule_id for f in narrative} <= MARKER_RULES
    assert all(f.location and f.location.sheet == "情况说明.docx" for f in narrative)


def test_yjs_check_with_a_wrong_narrative_exits_1_and_names_the_sentence(
    demo_tables: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    narrative = tmp_path / "说明.txt"
    narrative.write_text("2021 年度收、支总计 2397.87 万元。\n", encoding="utf-8")
    assert main(["check", str(demo_tables), "--narrative", str(narrative)]) == 1
    out = capsys.readouterr().out
    assert "'说明.txt'!第1段第14字 [narrative.table] 错误" in out and "2397.77" in out


def test_a_missing_or_unsupported_narrative_file_exits_2_without_traceback(
    demo_tables: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(demo_tables), "--narrative", str(tmp_path / "无.txt")]) == 2
    (tmp_path / "说明.pdf").write_bytes(b"%PDF")
    assert main(["check", str(demo_tables), "--narrative", str(tmp_path / "说明.pdf")]) == 2
    err = capsys.readouterr().err
    assert "找不到情况说明文件" in err and ".txt 或 .docx" in err and "Traceback" not in err


def test_a_narrative_sheet_in_the_workbook_is_checked_by_sheet_and_cell(
    golden_dir: Path, tmp_path: Path
) -> None:
    workbook = openpyxl.load_workbook(golden_dir / "hongshan-2021.xlsx")
    sheet = workbook.create_sheet("情况说明")
    sheet["A1"] = "三、支出决算情况说明"
    sheet["A2"] = (
        "2021 年度支出合计 2397.77 万元。其中：基本支出 422.23 万元，占本年支出 17.6%；项目支出 1975.54 万元，占本年支出 82.4%。"
    )
    sheet["A3"] = (
        "3. 卫生健康支出。年初预算为 19.42 万元，支出决算为 1.19 万元，完成年初预算的 114.4%。"
    )
    path = tmp_path / "with-narrative.xlsx"
    workbook.save(path)
    report = check_workbook(path)
    narrative = [(f.rule_id, str(f.location)) for f in report.findings if f.table == "narrative"]
    assert narrative == [("narrative.table", "情况说明!A3")]


def test_yjs_narrate_to_xlsx_adds_a_narrative_sheet_that_yjs_check_reads(
    demo_tables: Path, tmp_path: Path
) -> None:
    output = tmp_path / "带情况说明.xlsx"
    assert main(["narrate", str(demo_tables), "-o", str(output)]) == 0
    before = check_workbook(demo_tables)
    after = check_workbook(output)
    narrative = [f for f in after.findings if f.table == "narrative"]
    assert narrative and {f.rule_id for f in narrative} <= MARKER_RULES
    assert all(
        f.location and f.location.sheet == "情况说明" and f.location.cell.startswith("A")
        for f in narrative
    )
    tables_only = [f.rule_id for f in after.findings if f.table != "narrative"]
    assert tables_only == [f.rule_id for f in before.findings] and before.ok


def test_yjs_narrate_never_writes_over_the_workbook(
    demo_tables: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stamp = demo_tables.stat().st_mtime_ns
    assert main(["narrate", str(demo_tables), "-o", str(demo_tables)]) == 2
    assert demo_tables.stat().st_mtime_ns == stamp
    assert "不能把草稿写到工作簿本身" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("prior", "words"),
    [
        (Decimal("2554.43"), "财政拨款收、支总计各减少156.66万元，下降6.1%"),
        (
            Decimal("2000"),
            "财政拨款收、支总计各增加397.77万元，增长19.9%。主要原因是【请说明原因】",
        ),
        (Decimal("2397.77"), "财政拨款收、支总计持平"),
        (Decimal("0"), "2020年度无此项支出"),
    ],
)
def test_year_on_year_sentences_from_a_fuller_prior_year_sheet_pass_the_checker(
    drafted, prior: Decimal, words: str
) -> None:  # type: ignore[no-untyped-def]
    from yujuesuan.narrative import Context
    from yujuesuan.narrative.draft import draft

    _, ctx = drafted
    fuller = Context(ctx.book, prior={**ctx.prior, "fiscal_grand_total": prior}, budget=ctx.budget)
    text = as_text(draft(fuller))
    assert words in text
    assert check_narrative(_filled(text), fuller) == []


def test_a_2022_draft_orders_three_public_after_the_funds_and_reports_only_the_tables_own_residue(
    golden_dir: Path,
) -> None:
    blocks, ctx = draft_for(golden_dir / "wuchang-2022.xlsx", unit="武汉市武昌区大数据中心")
    titles = [b.text for b in blocks if b.title and "、" in b.text[:3]]
    assert titles[6:9] == [
        "七、政府性基金预算财政拨款支出决算情况说明",
        "八、国有资本经营预算财政拨款支出决算情况说明",
        "九、财政拨款“三公”经费支出决算情况说明",
    ]
    text = as_text(blocks)
    assert "“三公”经费财政拨款全年预算数为0.27万元" in text
    findings = check_narrative(_filled(text), ctx)
    # 表6 人员经费 376.1 + 公用经费 79.45 = 455.55 vs 表5 基本支出 455.56: the published tables' residue
    assert [(f.rule_id, f.severity.value, f.actual) for f in findings] == [
        ("narrative.parts", "warning", Decimal("455.56"))
    ]
