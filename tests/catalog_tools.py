"""Helpers for tests that import catalogs: a private user data folder, official-looking catalog files.

A module, not a conftest.py (a second conftest.py would shadow tests/conftest.py): test modules
import the ``user_data`` fixture from here.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from yujuesuan import reference
from yujuesuan.cli import main
from yujuesuan.reference.user import DATA_ENV

Rows = list[tuple[str, str]]


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the per-user data folder at tmp_path and start (and end) with empty caches."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv(DATA_ENV, str(folder))
    reference.clear_caches()
    yield folder
    reference.clear_caches()


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def yjs(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """``yjs(*argv)`` → Run: the CLI in-process; never a traceback."""

    def run(*argv: object) -> Run:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        result = Run(code, captured.out, captured.err)
        assert "Traceback" not in result.out + result.err, result
        return result

    return run


def changed(
    base: Iterable[reference.Entry],
    *,
    rename: Mapping[str, str] = {},  # noqa: B006 - read only
    remove: Iterable[str] = (),
    add: Mapping[str, str] = {},  # noqa: B006 - read only
) -> Rows:
    """(code, name) rows of ``base`` with some names changed, codes removed and codes added."""
    gone = set(remove)
    rows = [(e.code, rename.get(e.code, e.name)) for e in base if e.code not in gone]
    return sorted(rows + list(add.items()))


def write_split_catalog(path: Path, rows: Rows, *, title: str = "2022年政府收支分类科目") -> Path:
    """The Ministry's layout: title line, a 科目编码 header merged over 类 / 款 / 项, names indented.

    The 类 part is a number (201), 款 and 项 parts are the two new digits as numbers (3.0, 50.0),
    so the reader must rebuild full codes and pad them.
    """
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "支出功能分类科目"
    ws.append([title])
    ws.append(["科目编码", None, None, "科目名称"])
    ws.merge_cells("A2:C2")
    ws.append(["类", "款", "项"])
    for code, name in rows:
        level = (3, 5, 7).index(len(code))
        cells: list[object] = [None, None, None]
        cells[level] = int(code) if level == 0 else float(code[-2:])
        ws.append([*cells, "　" * level + name])
    book.save(path)
    return path


def write_code_column_catalog(path: Path, rows: Rows, *, sheet: str = "Sheet1") -> Path:
    """One 编码 column holding numbers such as 2010350.0, and a 名称 column."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(["编码", "名称"])
    for code, name in rows:
        ws.append([float(code), name])
    book.save(path)
    return path


def write_csv_catalog(path: Path, rows: Rows, *, encoding: str = "gb18030") -> Path:
    """A CSV as Excel in China saves it (GB18030), header 科目编码,科目名称."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["科目编码", "科目名称"])
        writer.writerows(rows)
    return path
