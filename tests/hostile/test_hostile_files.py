"""A reviewer opens files from many departments: a broken or hostile file ends quickly with a
Chinese message naming it (exit 2), never hangs, never eats memory, never reads other files,
and is never changed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, Outcome, external_entity, run_yjs  # noqa: E402

MAX_SECONDS = 10.0
MAX_MB = 500.0
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, golden_dir: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {name: make(folder, golden_dir / "hongshan-2021.xlsx") for name, make in CORPUS.items()}


def _assert_refused(outcome: Outcome, path: Path) -> None:
    assert not outcome.timed_out and outcome.seconds < MAX_SECONDS, outcome
    assert outcome.peak_mb < MAX_MB, outcome
    assert outcome.code == 2 and not outcome.crashed, outcome
    assert path.name in outcome.err and any("\u4e00" <= ch <= "\u9fff" for ch in outcome.err), outcome.err
    assert not outcome.changed


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_hostile_file_is_refused_quickly_by_name_and_left_unchanged(name: str, corpus: dict[str, Path]) -> None:
    path = corpus[name]
    _assert_refused(run_yjs(path), path)


def test_zip_bomb_is_under_five_megabytes_and_says_so(corpus: dict[str, Path]) -> None:
    path = corpus["zip_bomb"]
    assert path.stat().st_size < 5 * 2**20
    assert "压缩炸弹" in run_yjs(path).err


def test_entities_are_refused_before_any_parser_runs(corpus: dict[str, Path]) -> None:
    assert "DTD" in run_yjs(corpus["billion_laughs"]).err


def test_external_entity_never_reads_the_local_file(tmp_path: Path, golden_dir: Path) -> None:
    secret = tmp_path / "机密.txt"
    secret.write_text("TOP-SECRET-42", encoding="utf-8")
    path = external_entity(tmp_path, golden_dir / "hongshan-2021.xlsx", secret)
    outcome = run_yjs(path)
    _assert_refused(outcome, path)
    assert str(secret) not in outcome.opened and "TOP-SECRET-42" not in outcome.out + outcome.err
    # apart from Python's own modules, the process opened the input and nothing else
    foreign = {p for p in outcome.opened if not p.startswith((sys.prefix, sys.base_prefix, str(ROOT), "/usr/", "/proc/", "/dev/"))}
    assert foreign <= {str(path)}, foreign


def test_formula_text_in_cells_is_read_as_text_not_run(tmp_path: Path, golden_dir: Path) -> None:
    import openpyxl

    path = tmp_path / "注入.xlsx"
    book = openpyxl.load_workbook(golden_dir / "hongshan-2021.xlsx")
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == "事业运行":
                    cell.value = "=cmd|' /C calc'!A0"
                    cell.data_type = "s"
    book.save(path)
    outcome = run_yjs(path, "check", str(path), "--json")
    assert outcome.code in (0, 1) and not outcome.crashed and not outcome.changed, outcome
    assert outcome.seconds < MAX_SECONDS and outcome.peak_mb < MAX_MB
    assert "cmd|" in outcome.out  # reported as a name that disagrees with the catalog, as text


def test_a_printed_name_that_looks_like_a_formula_is_written_to_the_reference_sheet_as_text(
    tmp_path: Path, golden_dir: Path
) -> None:
    import openpyxl

    from yujuesuan.services.reference_sheet import write_reference_sheet

    path = tmp_path / "注入.xlsx"
    book = openpyxl.load_workbook(golden_dir / "hongshan-2021.xlsx")
    hits = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == "事业运行":
                    cell.value, cell.data_type = "=1+1", "s"
                    hits += 1
    assert hits
    book.save(path)
    out = write_reference_sheet(path, tmp_path / "out.xlsx").output
    sheet = openpyxl.load_workbook(out)["参考数据"]
    texts = [c for row in sheet.iter_rows() for c in row if c.value == "=1+1"]
    assert texts and all(c.data_type == "s" for c in texts)
