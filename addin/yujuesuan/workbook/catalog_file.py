"""Open an official catalog file (.xlsx/.xlsm or .csv) as rows of cell values per sheet.

The Ministry publishes 政府收支分类科目 as spreadsheets; users also save them as CSV, which Excel
in China writes in GB18030 (``ANSI``) unless told otherwise, so CSV is read as UTF-8 (with or
without BOM) and then as GB18030. Interpreting the rows is ``reference.importing``'s job.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from yujuesuan.errors import WorkbookFormatError
from yujuesuan.workbook.open import read_grids

CSV_ENCODINGS = ("utf-8-sig", "gb18030")


def read_catalog_sheets(path: Path) -> dict[str, list[list[Any]]]:
    """Sheet name → rows; a CSV file is one sheet named after the file."""
    path = Path(path)
    if path.suffix.lower() in (".csv", ".txt"):
        return {path.stem: _csv_rows(path)}
    return read_grids(path)


def _csv_rows(path: Path) -> list[list[Any]]:
    if not path.is_file():
        raise WorkbookFormatError(f"找不到文件：{path}")
    data = path.read_bytes()
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
    raise WorkbookFormatError(f"无法识别 CSV 文件的编码（应为 UTF-8 或 GB18030）：{path}")
