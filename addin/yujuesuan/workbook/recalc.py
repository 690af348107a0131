"""Headless recalculation: the `formulas` package, LibreOffice, and the values cached in the file.

CI has no Excel. A template's totals are live formulas, so we recalculate them with two
independent engines and compare: `formulas` (pure Python) and LibreOffice headless (a real
spreadsheet engine, forced to recalculate on load through a private profile). Cells are keyed
by (sheet, address); numbers compare within half a cent.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from yujuesuan.errors import WorkbookFormatError
from yujuesuan.workbook import formula_engine
from yujuesuan.workbook.open import check_file

Key = tuple[str, str]
TOLERANCE = 0.005
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


@dataclass(frozen=True)
class Mismatch:
    sheet: str
    cell: str
    left: Any
    right: Any

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}: {self.left!r} ≠ {self.right!r}"


def formula_cells(path: Path, sheets: set[str] | None = None) -> dict[Key, str]:
    """Every formula in the workbook (or in its ``sheets``), as written."""
    return _cells(path, sheets)[0]


def _cells(path: Path, sheets: set[str] | None = None) -> tuple[dict[Key, str], dict[Key, Any]]:
    """(formulas, constants): every non-empty cell of the workbook (or of its ``sheets``), in one
    read-only pass; a sheet left out is never parsed."""
    import openpyxl

    check_file(path)
    book = openpyxl.load_workbook(path, read_only=True)
    formulas: dict[Key, str] = {}
    constants: dict[Key, Any] = {}
    try:
        for ws in book.worksheets:
            if sheets is not None and ws.title not in sheets:
                continue
            for row in ws.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if value is None:
                        continue
                    key = (ws.title, cell.coordinate)
                    if isinstance(value, str) and value.startswith("="):
                        formulas[key] = value
                    else:
                        constants[key] = value
    finally:
        book.close()
    return formulas, constants


def cached_values(
    path: Path, keys: set[Key] | None = None, sheets: set[str] | None = None
) -> dict[Key, Any]:
    """The values the file carries for its cells (what Excel/WPS/LibreOffice last computed);
    only those of ``sheets`` when given (the others are never parsed)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        out = {}
        for ws in book.worksheets:
            if sheets is not None and ws.title not in sheets:
                continue
            for row in ws.iter_rows():
                for cell in row:
                    key = (ws.title, getattr(cell, "coordinate", ""))
                    if keys is None or key in keys:
                        out[key] = cell.value
        return out
    finally:
        book.close()


def recalc_with_formulas(path: Path) -> dict[Key, Any]:
    """Values of every formula cell computed by the `formulas` package.

    Each formula shape is compiled once (``formula_engine``); a workbook with formulas outside
    that plain grammar goes through `formulas`' full ``ExcelModel`` instead.
    """
    formulas_by_cell, constants = _cells(path)
    try:
        return formula_engine.calculate(formulas_by_cell, constants)
    except formula_engine.Unsupported:
        return recalc_with_formulas_model(path, formulas_by_cell)


def recalc_with_formulas_model(path: Path, wanted: dict[Key, str] | None = None) -> dict[Key, Any]:
    """The same through `formulas.ExcelModel` (parses every formula; slow but general)."""
    import formulas

    wanted = formula_cells(path) if wanted is None else wanted
    model = formulas.ExcelModel().loads(str(path)).finish()
    solution = model.calculate()
    out: dict[Key, Any] = {}
    for ref, value in solution.items():
        sheet, _, cell = str(ref).rpartition("!")
        sheet = sheet.split("]", 1)[-1].strip("'")
        if ":" in cell:
            continue
        key = _match_sheet(sheet, cell, wanted)
        if key is not None:
            out[key] = _scalar(value)
    return out


def _match_sheet(sheet: str, cell: str, wanted: dict[Key, str]) -> Key | None:
    """`formulas` upper-cases sheet names; map back to the workbook's spelling."""
    for key in ((sheet, cell), *((s, c) for s, c in wanted if s.upper() == sheet.upper() and c == cell)):
        if key in wanted:
            return key
    return None


def _scalar(value: Any) -> Any:
    raw = getattr(value, "value", value)
    try:
        raw = raw[0][0]
    except (TypeError, IndexError, KeyError):
        pass
    if hasattr(raw, "item"):
        raw = raw.item()
    return raw


def libreoffice() -> str | None:
    """The LibreOffice executable, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalc_with_libreoffice(path: Path, out_path: Path, *, timeout: int = 120) -> Path:
    """A copy of ``path`` recalculated by LibreOffice headless (formulas kept, values cached)."""
    binary = libreoffice()
    if binary is None:
        raise WorkbookFormatError("未安装 LibreOffice（soffice），无法用它重算；可安装 libreoffice-calc-nogui。")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
        work = Path(tmp) / "out"
        env = {**os.environ, "HOME": tmp}
        command = [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(work),
            str(path),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)
        produced = work / (path.stem + ".xlsx")
        if result.returncode != 0 or not produced.exists():
            raise WorkbookFormatError(f"LibreOffice 重算失败：{path}（{result.stderr.strip()[:200]}）")
        out_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(produced), out_path)
    return out_path


def compare(left: dict[Key, Any], right: dict[Key, Any]) -> list[Mismatch]:
    """Cells present in both whose values differ (numbers by more than half a cent)."""
    out = []
    for key in sorted(set(left) & set(right)):
        a, b = left[key], right[key]
        if not _same(a, b):
            out.append(Mismatch(key[0], key[1], a, b))
    return out


def _same(a: Any, b: Any) -> bool:
    na, nb = _number(a), _number(b)
    if na is not None and nb is not None:
        return abs(na - nb) < TOLERANCE
    return (a or "") == (b or "")


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return 0.0
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        return float(value)
    return None
