"""Open a user's workbook to change a few of its sheets (saved with ``save_changes``).

The whole workbook is loaded, with VBA kept for .xlsm, so the edits see every sheet; saving
goes through ``workbook.save_changes``, which puts only the edited sheets into a copy of the
user's package and leaves everything else as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yujuesuan.errors import WorkbookFormatError
from yujuesuan.workbook.open import check_file


def open_for_edit(path: Path) -> Any:
    """The whole workbook, with VBA kept for .xlsm; ``WorkbookFormatError`` if unreadable."""
    import openpyxl

    check_file(path)
    try:
        return openpyxl.load_workbook(
            path, keep_vba=path.suffix.lower() in (".xlsm", ".xltm"), keep_links=False
        )
    except Exception as exc:  # openpyxl raises many types for a damaged package
        raise WorkbookFormatError(
            f"工作簿已损坏，无法打开：{path}（{type(exc).__name__}）"
        ) from None
