"""The bundled samples: hongshan-2021's nine published 决算 tables (numbers exactly as published)
and the 底稿 of the demo units, as text (hongshan-2021 决算, qiaokou-2024 预算; amounts in 元)."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

SAMPLE = "hongshan-2021-final-accounts.xlsx"


def sample_path() -> Path:
    """Path of the bundled sample workbook (inside the installed package; never written to)."""
    return Path(str(resources.files(__name__).joinpath(SAMPLE)))


def sample_rows(sample: str, sheet: str) -> list[list[str]]:
    """One sample 底稿 sheet as text rows, header first (``sample``: a folder of this package,
    e.g. ``hongshan-2021`` (决算) or ``qiaokou-2024`` (预算); ``sheet``: the sheet name)."""
    data = resources.files(__name__).joinpath(sample, f"{sheet}.csv").read_text(encoding="utf-8")
    return list(csv.reader(data.splitlines()))
