"""The ribbon runs without xlwings (it is imported only by the live adapter, lazily), and the
services the ribbon calls never import the Excel shell."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if any(name == b or name.startswith(b + '.') for b in {blocked!r}):
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
"""

RIBBON_WITHOUT_XLWINGS = BLOCKER + """
from pathlib import Path

from yujuesuan.excel import ribbon
from yujuesuan.excel.file_book import FileBook
print(ribbon.check(FileBook(Path({source!r}), output=Path({output!r}))))
"""

SERVICES = ["rebuild", "check_marks", "fill_names", "sheet_image", "grids", "addin_build", "addin_parts", "ovba_compression"]


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_the_ribbon_handlers_run_with_xlwings_blocked(golden_dir: Path, tmp_path: Path) -> None:
    code = RIBBON_WITHOUT_XLWINGS.format(
        blocked={"xlwings"}, source=str(golden_dir / "hongshan-2021.xlsx"), output=str(tmp_path / "out.xlsx")
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("校验完成")


@pytest.mark.parametrize("module", SERVICES)
def test_services_of_the_ribbon_do_not_import_the_excel_shell(module: str) -> None:
    result = _run(BLOCKER.format(blocked={"yujuesuan.excel", "xlwings"}) + f"import yujuesuan.services.{module}")
    assert result.returncode == 0, result.stderr
