"""The core imports neither openpyxl nor xlwings (and checks not even pandas): Excel stays at the edge."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["yujuesuan.money", "yujuesuan.findings", "yujuesuan.reference", "yujuesuan.spec", "yujuesuan.tables", "yujuesuan.checks",
        "yujuesuan.narrative", "yujuesuan.narrative.draft"]
BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in {blocked!r}:
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
import {module}
from yujuesuan.spec import tables_for
from yujuesuan.checks import run
from yujuesuan.tables import Book
run(Book(year=2021), tables_for('决算', 2021))
"""


@pytest.mark.parametrize("module", CORE)
def test_core_package_imports_without_excel_libraries(module: str) -> None:
    code = BLOCKER.format(blocked={"openpyxl", "xlwings", "pandas", "formulas"}, module=module)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
