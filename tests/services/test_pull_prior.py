"""yjs pull-prior: last year's nine tables (hongshan-2021 golden) into a 2022 template's 上年数.

Expected values are read from the golden workbook's own tables, never typed here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from catalog_tools import Run, changed, user_data, write_code_column_catalog, yjs  # noqa: F401 (fixtures)
from yujuesuan import reference
from yujuesuan.services.catalog import import_catalog
from yujuesuan.services.pull_prior import pull_prior
from yujuesuan.services.template import write_template
from yujuesuan.tables import Book
from yujuesuan.workbook.open import uncalculated_formulas
from yujuesuan.workbook.read import read_book
from yujuesuan.workbook.render.template import PRIOR_YEAR_ITEMS

Yjs = Callable[..., Run]
SCOPES = {"支出决算表": "fa.t3", "一般公共预算财政拨款支出决算表": "fa.t5"}


@pytest.fixture(scope="module")
def template_2022(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "决算-2022.xlsx", kind="决算", year=2022)


@pytest.fixture(scope="module")
def book_2021(golden_dir: Path) -> Book:
    return read_book(golden_dir / "hongshan-2021.xlsx")[0]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _prior_sheet(path: Path) -> list[tuple[Any, ...]]:
    ws = openpyxl.load_workbook(path)["上年数"]
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def _amount(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def _code_rows(rows: list[tuple[Any, ...]]) -> dict[tuple[str, str], tuple[Any, ...]]:
    return {(row[5], row[2]): row for row in rows[1:] if row[2]}


def test_prior_sheet_holds_the_2021_totals_and_every_code_row(
    user_data: Path, tmp_path: Path, golden_dir: Path, template_2022: Path, book_2021: Book
) -> None:
    prior = golden_dir / "hongshan-2021.xlsx"
    before = (_sha(prior), _sha(template_2022))
    outcome = pull_prior(prior, template_2022, tmp_path / "out.xlsx")
    assert (_sha(prior), _sha(template_2022)) == before
    rows = _prior_sheet(outcome.output)
    totals = {row[0]: _amount(row[1]) for row in rows[1:] if not row[2]}
    t1, t3, t5, sg = (book_2021.tables[t] for t in ("fa.t1", "fa.t3", "fa.t5", "fa.sg"))
    assert totals["收支总计"] == t1.value("30", "1")  # 2021 layout: 总计 is line 30
    assert totals["一般公共预算财政拨款支出合计"] == t5.value("合计", "1")
    assert totals["“三公”经费合计"] == sg.value("金额", "7")
    assert totals["基本支出合计"] == t3.value("合计", "2")
    assert totals["公务用车运行费"] == sg.value("金额", "11")
    code_rows = _code_rows(rows)
    for scope, table_id in SCOPES.items():
        table = book_2021.tables[table_id]
        assert {code for s, code in code_rows if s == scope} == set(table.code_rows())
        for code in table.code_rows():
            row = code_rows[(scope, code)]
            assert [_amount(row[i]) for i in (1, 3, 4)] == [
                table.value(code, c) for c in ("1", "2", "3")
            ]
    assert outcome.unmatched == []


def test_template_rows_keep_their_labels_and_a_typed_figure_survives(
    user_data: Path, tmp_path: Path, golden_dir: Path, template_2022: Path
) -> None:
    current = tmp_path / "2022.xlsx"
    book = openpyxl.load_workbook(template_2022)
    book["上年数"]["B5"] = 1.23  # 机关运行经费, typed by the user (not in the nine tables)
    book.save(current)
    out = pull_prior(golden_dir / "hongshan-2021.xlsx", current, tmp_path / "out.xlsx").output
    rows = _prior_sheet(out)
    assert rows[0][:2] == ("项目", "金额(万元)")
    assert [row[0] for row in rows[1 : 1 + len(PRIOR_YEAR_ITEMS)]] == list(PRIOR_YEAR_ITEMS)
    assert rows[4][:2] == ("机关运行经费", 1.23)
    again = pull_prior(golden_dir / "hongshan-2021.xlsx", out, in_place=True)
    assert again.backup is not None and again.backup.exists()
    assert _prior_sheet(out) == rows  # a second run replaces, never duplicates


def test_output_keeps_the_templates_formula_values(
    user_data: Path, tmp_path: Path, golden_dir: Path, template_2022: Path
) -> None:
    assert uncalculated_formulas(template_2022) == {}
    out = pull_prior(golden_dir / "hongshan-2021.xlsx", template_2022, tmp_path / "out.xlsx").output
    assert uncalculated_formulas(out) == {}


def test_renamed_and_recoded_codes_are_carried_over_and_lost_ones_reported(
    user_data: Path, tmp_path: Path, golden_dir: Path, template_2022: Path, book_2021: Book
) -> None:
    bundled = reference.load_bundled("function", 2022)
    rows = changed(
        bundled,
        rename={"2010350": "事业运行（新）"},
        remove=("2080506", "2101199"),
        add={"2080507": bundled.name("2080506")},  # same name under a new code
    )
    import_catalog(
        write_code_column_catalog(tmp_path / "2022.xlsx", rows), kind="function", year=2022
    )
    outcome = pull_prior(golden_dir / "hongshan-2021.xlsx", template_2022, tmp_path / "out.xlsx")
    code_rows = _code_rows(_prior_sheet(outcome.output))
    t3 = book_2021.tables["fa.t3"]
    moved = code_rows[("支出决算表", "2080507")]
    assert (moved[6], _amount(moved[1])) == ("2080506", t3.value("2080506", "1"))
    renamed = code_rows[("支出决算表", "2010350")]
    assert renamed[0] == "支出决算表 2010350 事业运行（新）" and "更名" in renamed[7]
    assert not any(code == "2101199" for _, code in code_rows)
    assert sorted(line.split()[0:2] for line in outcome.unmatched) == [
        ["一般公共预算财政拨款支出决算表", "2101199"],
        ["支出决算表", "2101199"],
    ]


def test_cli_pull_prior_prints_what_it_did_and_refuses_a_wrong_year(
    user_data: Path, tmp_path: Path, golden_dir: Path, template_2022: Path, yjs: Yjs
) -> None:
    out = tmp_path / "填好.xlsx"
    run = yjs("pull-prior", golden_dir / "hongshan-2021.xlsx", template_2022, "-o", out)
    assert run.code == 0, run
    assert str(out) in run.out and "机关运行经费" in run.out
    wrong = yjs(
        "pull-prior", golden_dir / "wuchang-2022.xlsx", template_2022, "-o", tmp_path / "x.xlsx"
    )
    assert wrong.code == 2 and "应相差一年" in wrong.err
    assert not (tmp_path / "x.xlsx").exists()


def test_prior_sheet_reads_back_as_written_for_the_narrative(
    user_data: Path, tmp_path: Path, golden_dir: Path, template_2022: Path
) -> None:
    from yujuesuan.services.pull_prior import total_rows
    from yujuesuan.workbook.prior_sheet import read_prior_rows

    outcome = pull_prior(golden_dir / "hongshan-2021.xlsx", template_2022, tmp_path / "out.xlsx")
    read = read_prior_rows(openpyxl.load_workbook(outcome.output))
    written = {(r.scope, r.code, r.label): r for r in outcome.rows}
    assert {
        (r.scope, r.code, r.label): r for r in read if r.label in {w[2] for w in written}
    } == written
    assert total_rows(read)["收支总计"] == total_rows(outcome.rows)["收支总计"]


def test_a_published_layout_workbook_gets_a_new_prior_sheet(
    user_data: Path, tmp_path: Path, golden_dir: Path, book_2021: Book
) -> None:
    # wuchang-2022 has no 封面 and no 上年数: the year comes from its titles, the sheet is added
    outcome = pull_prior(
        golden_dir / "hongshan-2021.xlsx", golden_dir / "wuchang-2022.xlsx", tmp_path / "o.xlsx"
    )
    assert outcome.year == 2022
    rows = _prior_sheet(outcome.output)
    totals = {row[0]: _amount(row[1]) for row in rows[1:] if not row[2]}
    assert totals["收支总计"] == book_2021.tables["fa.t1"].value("30", "1")
    sheets = openpyxl.load_workbook(outcome.output).sheetnames
    assert set(openpyxl.load_workbook(golden_dir / "wuchang-2022.xlsx").sheetnames) < set(sheets)


def _yoy_numbers(current: Decimal, prior: Decimal) -> tuple[str, str]:
    """The change in 万元 and its percentage of ``prior`` (1 decimal, ROUND_HALF_UP), as printed."""
    from decimal import ROUND_HALF_UP

    change = abs(current - prior)
    pct = (change / prior * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    as_text = lambda d: f"{d.normalize():f}"  # noqa: E731
    return f"{as_text(change)}万元", f"{as_text(pct)}%"


@pytest.mark.parametrize("this_year", ["template", "wuchang-2022"])
def test_narrative_year_on_year_sentences_use_the_pulled_figures(
    user_data: Path,
    tmp_path: Path,
    golden_dir: Path,
    template_2022: Path,
    book_2021: Book,
    this_year: str,
) -> None:
    narrate = pytest.importorskip("yujuesuan.services.narrate")  # issue 5
    current = template_2022 if this_year == "template" else golden_dir / f"{this_year}.xlsx"
    out = pull_prior(golden_dir / "hongshan-2021.xlsx", current, tmp_path / "out.xlsx").output
    blocks, _ = narrate.draft_for(out)
    text = "\n".join(block.text for block in blocks)
    book_2022 = read_book(current)[0]
    t1 = book_2022.tables["fa.t1"]
    total_2022 = t1.value(
        next(r.key for r in t1.spec.rows if r.label == "总计" and "1" in r.columns), "1"
    )
    sentence = next(line for line in text.splitlines() if "与2021年度相比，收、支总计" in line)
    for number in _yoy_numbers(total_2022, book_2021.tables["fa.t1"].value("30", "1")):
        assert number in sentence, (number, sentence)
    sg_2022 = book_2022.tables["fa.sg"].value("金额", "7")
    sentence = next(line for line in text.splitlines() if "与2021年度相比，“三公”经费" in line)
    for number in _yoy_numbers(sg_2022, book_2021.tables["fa.sg"].value("金额", "7")):
        assert number in sentence, (number, sentence)
