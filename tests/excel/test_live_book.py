"""The xlwings adapter, driven against a recording fake of the xlwings API it uses."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from yujuesuan.excel import live_book, ribbon
from yujuesuan.excel.live_book import LiveBook, chunks
from yujuesuan.services.check import check_workbook
from yujuesuan.services.check_marks import FILLS, RESULT_SHEET, result_rows
from yujuesuan.services.rebuild import rebuild_tables
from yujuesuan.services.sheet_image import CellStyle
from yujuesuan.workbook.open import read_grids

from fake_xlwings import FakeApp, FakeBook, Log, module
from ribbon_support import demo_dir, demo_ledger  # noqa: F401 - fixtures


def _book(path: Path, name: str = "表格.xlsx") -> FakeBook:
    return FakeBook(name, read_grids(path))


def test_the_clicked_workbook_is_found_through_book_caller(golden_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = _book(golden_dir / "hongshan-2021.xlsx")
    monkeypatch.setitem(sys.modules, "xlwings", module(book))
    assert live_book.caller().book is book


def test_called_from_the_add_in_the_active_workbook_is_used(golden_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = Log()
    app = FakeApp(log)
    user = FakeBook("决算.xlsx", read_grids(golden_dir / "hongshan-2021.xlsx"), app)
    app.books.active = user
    monkeypatch.setitem(sys.modules, "xlwings", module(FakeBook("yujuesuan.xlam", {}, app)))
    message = ribbon.about()
    assert live_book.caller().book is user
    assert log.of("alert") == [("alert", "", "", ("预决算", message))]


def test_check_in_excel_writes_links_colours_and_selects_like_the_file_adapter(golden_dir: Path) -> None:
    path = golden_dir / "wuchang-2022.xlsx"
    report = check_workbook(path)
    book = _book(path)
    ribbon.check(LiveBook(book))
    log = book.log
    assert log.of("add_sheet") == [("add_sheet", RESULT_SHEET, "", book.sheets[-2].name)]
    assert ("value", RESULT_SHEET, "A1", result_rows(report)) in log.calls
    assert ("column_width", RESULT_SHEET, "H:H", 90.0) in log.calls
    links = [(c[2], c[3]) for c in log.of("hyperlink")]
    expected = [(f"D{i}", (f"#'{f.location.sheet}'!{f.location.cell}", str(f.location))) for i, f in enumerate(report.findings, start=2)]
    assert links == expected
    painted = {(s.name, cell) for s in book.sheets for cell, rgb in s.colors.items() if rgb == (0xFF, 0xEB, 0x9C)}
    assert len(painted) == len({(f.location.sheet, f.location.cell) for f in report.findings}) > 0
    assert ("color", "表1", "A1", None) not in log.calls
    assert log.of("select") == [("select", RESULT_SHEET, "A1", None)]  # no 错误: the result sheet
    assert ("column_width", RESULT_SHEET, "K:M", 0) in log.calls


def test_clear_marks_in_excel_restores_the_colours_and_deletes_the_sheet(golden_dir: Path) -> None:
    book = _book(golden_dir / "wuchang-2022.xlsx")
    before = {s.name: dict(s.colors) for s in book.sheets}
    ribbon.check(LiveBook(book))
    assert {s.name: dict(s.colors) for s in book.sheets if s.name != RESULT_SHEET} != before
    ribbon.clear_marks(LiveBook(book))
    assert {s.name: dict(s.colors) for s in book.sheets} == before
    assert RESULT_SHEET not in [s.name for s in book.sheets]
    assert book.app.display_alerts is True


def test_rebuild_in_excel_paints_formats_before_values_and_defines_names(demo_ledger: Path) -> None:  # noqa: F811 - fixture
    grids = read_grids(demo_ledger)
    rebuilt = rebuild_tables(grids, source="demo")
    book = FakeBook("底稿.xlsx", grids)
    ribbon.rebuild(LiveBook(book))
    for image in rebuilt.images:
        cells = book.grid(image.name)
        assert {k: v for k, v in cells.items() if v is not None} == {
            (r, c): v for r, row in enumerate(image.rows, 1) for c, v in enumerate(row, 1) if v is not None
        }
    calls = book.log.calls
    t3_values = calls.index(("value", "表3", "A1", rebuilt.images[2].rows))
    code_format = next(i for i, c in enumerate(calls) if c[:2] == ("number_format", "表3") and c[3] == "@")
    assert code_format < t3_values
    names = {c[2]: c[3] for c in book.log.of("name")}
    assert names == {n: f"='{s}'!${a.rstrip('0123456789')}${a[len(a.rstrip('0123456789')):]}" for n, (s, a) in rebuilt.names.items()}
    merges = {(c[1], c[2]) for c in book.log.of("merge")}
    assert merges == {(i.name, m) for i in rebuilt.images for m in i.merges}


def test_borders_and_alignment_go_through_the_excel_object_model() -> None:
    book = FakeBook("x.xlsx", {"表1": []})
    image = rebuild_image(CellStyle(borders=("left", "top"), horizontal="center", vertical="top", wrap=True, indent=2))
    LiveBook(book).paint(image)
    ops = {(c[0], c[3]) for c in book.log.calls if c[2] == "A1:B1"}
    assert {("api.Borders(7).LineStyle", 1), ("api.Borders(8).Weight", 2), ("api.HorizontalAlignment", -4108)} <= ops
    assert {("api.VerticalAlignment", -4160), ("api.WrapText", True), ("api.IndentLevel", 2)} <= ops


def rebuild_image(style: CellStyle):  # type: ignore[no-untyped-def]
    from yujuesuan.services.sheet_image import SheetImage

    return SheetImage("表1", rows=[["a", "b"]], styles={style: ["A1:B1"]})


def test_long_address_lists_are_split_under_excels_limit() -> None:
    addresses = [f"AB{n}" for n in range(1000, 1200)]
    parts = list(chunks(addresses))
    assert all(len(p) <= 255 for p in parts) and ",".join(parts).split(",") == addresses


def test_marks_use_the_two_fills_of_the_file_adapter() -> None:
    live = LiveBook(FakeBook("x.xlsx", {}))
    assert {live.rgb_fill(v) for v in FILLS.values()} == {"#FFC7CE", "#FFEB9C"}
