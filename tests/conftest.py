"""Shared fixtures: golden workbooks built from the text transcriptions, hypothesis profiles."""

from __future__ import annotations

import copy
import importlib.util
import os
from pathlib import Path

import pytest
from hypothesis import settings

from yujuesuan.workbook.open import Grid, read_grids

GOLDEN = Path(__file__).parent / "golden"
CASES = ("hongshan-2021", "wuchang-2022", "qiaokou-2024")
KINDS = {"hongshan-2021": "决算", "wuchang-2022": "决算", "qiaokou-2024": "预算"}
# Tables a golden set publishes without a body (their rules cannot run on it).
EMPTY_TABLES = {"qiaokou-2024": frozenset({"bu.t2", "bu.t8", "bu.t9", "bu.t10"})}

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def _builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("golden_make_workbook", GOLDEN / "make_workbook.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_workbook


build_workbook = _builder()


@pytest.fixture(scope="session")
def golden_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden")
    for case in CASES:
        build_workbook(GOLDEN / "cases" / case, out / f"{case}.xlsx")
    return out


@pytest.fixture(scope="session")
def golden_grids(golden_dir: Path) -> dict[str, dict[str, Grid]]:
    return {case: read_grids(golden_dir / f"{case}.xlsx") for case in CASES}


def grids_copy(grids: dict[str, Grid]) -> dict[str, Grid]:
    return copy.deepcopy(grids)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/expected/*.jsonl")


@pytest.fixture(autouse=True)
def _no_user_catalogs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Catalog editions a developer imported on this machine must not change any test's result:
    every test starts with an empty per-user data folder (tests that import set their own)."""
    from yujuesuan import reference

    monkeypatch.setenv("YUJUESUAN_DATA", str(tmp_path_factory.mktemp("user-data")))
    reference.clear_caches()
