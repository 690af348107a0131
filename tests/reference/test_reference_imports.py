"""``yujuesuan.reference`` depends on the standard library and ``yujuesuan.errors`` only.

Checked on the source (AST), so the test does not depend on what other packages import.
The doctests are run here too, so the plain ``pytest tests/reference`` run covers them.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import sys
from pathlib import Path

import pytest
from yujuesuan import reference

PACKAGE = Path(reference.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
ALLOWED = {"yujuesuan.errors"}


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=[path.name for path in MODULES])
def test_module_imports_only_stdlib_and_errors(path: Path) -> None:
    outside = {
        name
        for name in imported_names(path)
        if name not in ALLOWED and name.split(".")[0] not in sys.stdlib_module_names
    }
    assert outside == set()


@pytest.mark.parametrize("path", MODULES, ids=[path.name for path in MODULES])
def test_docstring_examples_run(path: Path) -> None:
    name = "yujuesuan.reference" if path.stem == "__init__" else f"yujuesuan.reference.{path.stem}"
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
