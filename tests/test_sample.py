"""The sample bundled for `make demo` is exactly the hongshan-2021 golden transcription."""

from __future__ import annotations

from pathlib import Path

from yujuesuan.samples import sample_path
from yujuesuan.workbook.open import read_grids


def test_bundled_sample_equals_the_golden_transcription(golden_dir: Path) -> None:
    assert read_grids(sample_path()) == read_grids(golden_dir / "hongshan-2021.xlsx")
