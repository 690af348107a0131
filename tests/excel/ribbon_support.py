"""Helpers for the ribbon tests: run a handler on a copy of a workbook, read fills and cells."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from yujuesuan.excel.file_book import FileBook


def run_on(handler: Callable[..., str], source: Path, output: Path) -> tuple[str, Path]:
    """``handler`` through the openpyxl adapter; the result is written to ``output``."""
    book = FileBook(source, output=output)
    message = handler(book)
    return message, output


def copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


def fills(path: Path) -> dict[tuple[str, str], str | None]:
    """Every cell's fill token (as the adapter sees it) over every sheet."""
    book = FileBook(path, output=path)
    out = {}
    for ws in book.workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                out[(ws.title, cell.coordinate)] = book.fill(ws.title, cell.coordinate)
    return out


def coloured(path: Path, rgb: str) -> set[tuple[str, str]]:
    token = FileBook(path, output=path).rgb_fill(rgb)
    return {key for key, fill in fills(path).items() if fill == token}


def cells(path: Path, sheet: str, data_only: bool = False) -> dict[str, Any]:
    ws = openpyxl.load_workbook(path, data_only=data_only)[sheet]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


CASES = ("hongshan-2021", "wuchang-2022", "qiaokou-2024")  # two 决算, one 预算


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo unit through ``yjs demo``: its 底稿 workbook and the built tables."""
    from yujuesuan.services.demo import run_demo

    folder = tmp_path_factory.mktemp("demo")
    run_demo(folder)
    return folder


@pytest.fixture(scope="session")
def demo_ledger(demo_dir: Path) -> Path:
    return next(demo_dir.glob("*-底稿.xlsx"))


@pytest.fixture(scope="session")
def demo_built(demo_dir: Path) -> Path:
    return next(demo_dir.glob("*-决算公开表.xlsx"))
