"""The bundled sample: hongshan-2021's nine published 决算 tables, numbers exactly as published."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE = "hongshan-2021-final-accounts.xlsx"


def sample_path() -> Path:
    """Path of the bundled sample workbook (inside the installed package; never written to)."""
    return Path(str(resources.files(__name__).joinpath(SAMPLE)))
