"""模板: the blank workbook users fill (封面, the kind's 底稿 sheets, the tables, 校验)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yujuesuan.services.files import write_atomically
from yujuesuan.spec import normalise_kind, tables_for


def write_template(path: Path, *, kind: str, year: int, unit: str = "") -> Path:
    from yujuesuan.workbook.render import render_template

    table_set = tables_for(normalise_kind(kind), year)
    workbook = render_template(table_set, year=year, unit=unit)
    return write_atomically(path, lambda tmp: save_with_values(workbook, tmp, workbook.yjs_expected))


def save_with_values(workbook: Any, path: Path, expected: dict[tuple[str, str], Any]) -> None:
    """Save, then store each formula's value beside it, as Excel does when it saves."""
    from yujuesuan.workbook.cache import inject_cached_values
    from yujuesuan.workbook.render import save_workbook

    save_workbook(workbook, path)
    inject_cached_values(path, expected)
