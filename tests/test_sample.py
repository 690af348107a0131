"""The sample bundled for `make demo` is exactly the hongshan-2021 golden transcription."""

from __future__ import annotations

from pathlib import Path

from yujuesuan.samples import sample_path
from yujuesuan.workbook.open import read_grids


def test_bundled_sample_equals_the_golden_transcription(golden_dir: Path) -> None:
    assert read_grids(sample_path()) == read_grids(golden_dir / "hongshan-2021.xlsx")


def test_demo_reports_the_published_residue_and_passes(capsys) -> None:  # type: ignore[no-untyped-def]
    from yujuesuan.cli import main

    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "表6!C34 [fa.x.t6_t5.basic] 尾数差异" in out
    assert "错误 0" in out
