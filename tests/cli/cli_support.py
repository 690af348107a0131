"""Fixtures and helpers for the end-to-end ``yjs`` tests.

A module, not a conftest.py: other test modules do ``from conftest import ...``, and a second
conftest.py would shadow tests/conftest.py. Test modules import the fixtures they use from here.
Every CLI run asserts what any user-facing run must satisfy: no Python traceback on stdout/stderr.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from yujuesuan.cli import main

CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def records(self) -> list[dict[str, Any]]:
        return json.loads(self.out)

    def keys(self) -> set[tuple[str, str, str, str]]:
        """(rule_id, classification, sheet, cell) of every finding of a ``--json`` run."""
        return {(r["rule_id"], r["classification"], r["sheet"], r["cell"]) for r in self.records}


@pytest.fixture
def yjs(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """``yjs(*argv)`` → Run; the CLI exactly as the console script calls it, in-process."""

    def run(*argv: str | Path) -> Run:
        capsys.readouterr()  # drop anything printed before
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        result = Run(code, captured.out, captured.err)
        assert "Traceback" not in result.out and "Traceback" not in result.err, result
        return result

    return run


@pytest.fixture
def hongshan(golden_dir: Path) -> Path:
    return golden_dir / "hongshan-2021.xlsx"


@pytest.fixture
def wuchang(golden_dir: Path) -> Path:
    return golden_dir / "wuchang-2022.xlsx"


@pytest.fixture
def altered(golden_dir: Path, tmp_path: Path) -> Callable[..., Path]:
    """``altered(case, change, name)``: copy a golden into tmp_path, edit it with openpyxl, save."""
    import openpyxl

    def make(case: str, change: Callable[[Any], None], name: str = "altered.xlsx") -> Path:
        source = tmp_path / f"{case}-source.xlsx"
        shutil.copyfile(golden_dir / f"{case}.xlsx", source)
        book = openpyxl.load_workbook(source)
        change(book)
        out = tmp_path / name
        book.save(out)
        return out

    return make


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_unreadable(run: Run, path: Path, *needles: str) -> None:
    """Exit 2, a Chinese message on stderr naming the file, no internal-error wording."""
    assert run.code == 2, run
    assert path.name in run.err, run.err
    assert CJK.search(run.err), run.err
    assert "内部错误" not in run.err, run.err
    for needle in needles:
        assert needle in run.err, (needle, run.err)


# A minimal, structurally valid OLE2 compound file holding a "Workbook" stream that starts with a
# BIFF8 BOF record and ends with EOF — what olefile/msoffcrypto recognise as an (unencrypted)
# Excel 97-2003 workbook. Layout: header, sector 0 = FAT, sector 1 = directory, sectors 2..9 = stream.
_END, _FREE, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _dirent(name: str, kind: int, child: int = _NOSTREAM, start: int = _END, size: int = 0) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0" if name else b""
    return (
        raw.ljust(64, b"\0")
        + struct.pack("<HBB", len(raw), kind, 1 if kind else 0)
        + struct.pack("<III", _NOSTREAM, _NOSTREAM, child)
        + b"\0" * 36
        + struct.pack("<IQ", start, size)
    )


def minimal_xls_bytes() -> bytes:
    bof = struct.pack("<HH", 0x0809, 16) + struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0x41, 0x06)
    stream = (bof + struct.pack("<HH", 0x000A, 0)).ljust(4096, b"\0")
    sectors = len(stream) // 512
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", _FREE) * 108
    )
    fat = [_FATSECT, _END] + [i + 1 for i in range(2, 1 + sectors)] + [_END]
    fat += [_FREE] * (128 - len(fat))
    directory = _dirent("Root Entry", 5, child=1) + _dirent("Workbook", 2, start=2, size=len(stream)) + _dirent("", 0) * 2
    return header + struct.pack("<128I", *fat) + directory + stream
