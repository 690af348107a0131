"""Build a "golden" .xlsx workbook from a transcribed case directory.

A case directory (``tests/golden/cases/<case>/``) holds

* ``sheets/<sheet name>.csv`` -- one CSV per published table, one CSV row per printed row,
  every cell exactly as printed (UTF-8, LF, ``csv`` module quoting);
* ``layout.toml`` -- where the table goes, what is merged and which cells are amounts / codes
  (schema below);
* ``README.md`` -- provenance and the known inconsistencies of the tables.

``layout.toml`` schema (all row/column references are *CSV* coordinates: ``A1`` is the first
cell of the CSV, whatever ``start_row``/``start_col`` say)::

    case = "hongshan-2021"            # informational
    source = "..."                    # informational
    amounts = "number"                # "number": amount cells become numeric cells (#,##0.00)
                                      # "text":   amount cells stay the printed string ("4,557.3")
    codes = "number"                  # "number": 功能/经济分类 codes become integer cells
                                      # "text":   codes stay strings ("2010350")
    start_row = 1                     # sheet row that receives CSV row 1   (1 = no offset)
    start_col = 1                     # sheet column that receives CSV column A
    sheet_order = ["表1", ...]        # sheet (= CSV file) order in the workbook

    [sheets."表1"]                    # one table per sheet; keys may override amounts, codes,
    source_lines = [89, 133]          # start_row, start_col.  source_lines is informational.
    title_rows = [1]                  # CSV rows printed bold/large
    header_rows = [4, 6]              # inclusive CSV row range of the header block (bold)
    data_rows = [7, 36]               # inclusive CSV row range of the data block
    amount_cols = ["C", "F"]          # CSV columns holding amounts
    code_cols = []                    # CSV columns holding classification codes
    merges = ["A1:F1", "A4:C4"]       # merged ranges, CSV coordinates

Number-vs-text rule (the only place a CSV string becomes a number):

* a cell becomes a **float** (number format ``#,##0.00``) iff ``amounts == "number"``, its CSV
  row lies in ``data_rows``, its column is in ``amount_cols`` and the text matches
  ``^-?[\\d,]+(\\.\\d+)?$`` (commas are thousands separators);
* a cell becomes an **int** (General format) iff ``codes == "number"``, its row lies in
  ``data_rows``, its column is in ``code_cols`` and the text is all digits;
* everything else -- titles, headers, 栏次 numbers, 行次 numbers, labels, notes, and every
  amount/code of a ``"text"`` layout -- is written as the printed string; empty CSV cells are
  not written at all.

The output is deterministic: fixed document properties, fixed zip member timestamps, so two
builds of the same case are byte-identical.

Usage::

    python tests/golden/make_workbook.py CASE_DIR OUT.xlsx
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import sys
import tomllib
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.cell import column_index_from_string
from openpyxl.writer.excel import ExcelWriter

AMOUNT_RE = re.compile(r"^-?[\d,]+(\.\d+)?$")
CODE_RE = re.compile(r"^\d+$")
AMOUNT_FORMAT = "#,##0.00"
FIXED_TIME = _dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def load_layout(case_dir: Path) -> dict:
    with open(Path(case_dir) / "layout.toml", "rb") as f:
        return tomllib.load(f)


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [list(r) for r in csv.reader(f)]


def sheet_names(case_dir: Path, layout: dict | None = None) -> list[str]:
    """Sheet names in workbook order (layout ``sheet_order``; checked against the CSV files)."""
    case_dir = Path(case_dir)
    layout = layout if layout is not None else load_layout(case_dir)
    on_disk = sorted(p.stem for p in (case_dir / "sheets").glob("*.csv"))
    order = list(layout.get("sheet_order") or on_disk)
    if sorted(order) != on_disk:
        raise ValueError(f"sheet_order {order} does not match CSV files {on_disk}")
    return order


def _range(spec, default=(0, 0)) -> tuple[int, int]:
    if not spec:
        return default
    lo, hi = spec
    return int(lo), int(hi)


def _cols(spec) -> set[int]:
    return {column_index_from_string(c) for c in (spec or [])}


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def convert(text: str, *, row: int, col: int, conf: dict) -> object:
    """Cell value for CSV cell ``text`` at CSV (row, col) under the sheet configuration."""
    lo, hi = conf["data_rows"]
    in_data = lo <= row <= hi
    if in_data and conf["amounts"] == "number" and col in conf["amount_cols"]:
        if AMOUNT_RE.match(text):
            return float(text.replace(",", ""))
    if in_data and conf["codes"] == "number" and col in conf["code_cols"]:
        if CODE_RE.match(text):
            return int(text)
    return text


def _sheet_conf(layout: dict, name: str) -> dict:
    sc = dict(layout.get("sheets", {}).get(name, {}))
    conf = {
        "amounts": sc.get("amounts", layout.get("amounts", "number")),
        "codes": sc.get("codes", layout.get("codes", "text")),
        "start_row": int(sc.get("start_row", layout.get("start_row", 1))),
        "start_col": int(sc.get("start_col", layout.get("start_col", 1))),
        "title_rows": set(sc.get("title_rows", [1])),
        "header_rows": _range(sc.get("header_rows")),
        "data_rows": _range(sc.get("data_rows")),
        "amount_cols": _cols(sc.get("amount_cols")),
        "code_cols": _cols(sc.get("code_cols")),
        "merges": list(sc.get("merges", [])),
    }
    for key in ("amounts", "codes"):
        if conf[key] not in ("number", "text"):
            raise ValueError(f"{name}: {key} must be 'number' or 'text', not {conf[key]!r}")
    if conf["start_row"] < 1 or conf["start_col"] < 1:
        raise ValueError(f"{name}: start_row/start_col are 1-based")
    return conf


def _shift(ref: str, dr: int, dc: int) -> str:
    c1, r1, c2, r2 = range_boundaries(ref)
    return (
        f"{get_column_letter(c1 + dc)}{r1 + dr}:{get_column_letter(c2 + dc)}{r2 + dr}"
    )


def _fill_sheet(ws, rows: list[list[str]], conf: dict) -> None:
    dr, dc = conf["start_row"] - 1, conf["start_col"] - 1
    width = max((len(r) for r in rows), default=0)
    h_lo, h_hi = conf["header_rows"]
    d_lo, d_hi = conf["data_rows"]
    body_lo = h_lo or d_lo
    body_hi = d_hi or h_hi

    title_font = Font(bold=True, size=14)
    bold = Font(bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text == "":
                continue
            value = convert(text, row=r, col=c, conf=conf)
            cell = ws.cell(row=r + dr, column=c + dc)
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # never let printed text turn into a formula
            if isinstance(value, float):
                cell.number_format = AMOUNT_FORMAT
            if r in conf["title_rows"]:
                cell.font = title_font
                cell.alignment = Alignment(horizontal="center", vertical="center")
            elif h_lo <= r <= h_hi:
                cell.font = bold
                cell.alignment = center

    # thin borders around every cell of the table body (header + data block)
    if body_lo:
        for r in range(body_lo, body_hi + 1):
            for c in range(1, width + 1):
                ws.cell(row=r + dr, column=c + dc).border = _BORDER

    for ref in conf["merges"]:
        c1, r1, c2, r2 = range_boundaries(ref)
        covered = [
            f"{get_column_letter(c)}{r}"
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
            if (r, c) != (r1, c1) and c <= len(rows[r - 1]) and rows[r - 1][c - 1] != ""
        ]
        if covered:
            raise ValueError(f"{ws.title}: merge {ref} would hide printed cells {covered}")
        ws.merge_cells(_shift(ref, dr, dc))

    # column widths from the header and data cells (titles and notes are left to overflow;
    # a header merged across several columns does not widen its first column)
    spanning = set()
    for ref in conf["merges"]:
        c1, r1, c2, _ = range_boundaries(ref)
        if c2 > c1:
            spanning.add((r1, c1))
    for c in range(1, width + 1):
        w = 0
        for r, row in enumerate(rows, start=1):
            if c <= len(row) and body_lo <= r <= body_hi and (r, c) not in spanning:
                w = max(w, _display_width(row[c - 1]))
        ws.column_dimensions[get_column_letter(c + dc)].width = max(8.0, min(w + 2.0, 44.0))
    for c in range(1, dc + 1):
        ws.column_dimensions[get_column_letter(c)].width = 3.0


def build_workbook(case_dir: Path, out_path: Path) -> Path:
    """Generate the .xlsx for ``case_dir`` at ``out_path`` and return ``out_path``."""
    case_dir, out_path = Path(case_dir), Path(out_path)
    layout = load_layout(case_dir)
    wb = Workbook()
    wb.remove(wb.active)
    for name in sheet_names(case_dir, layout):
        ws = wb.create_sheet(title=name)
        _fill_sheet(ws, read_csv(case_dir / "sheets" / f"{name}.csv"), _sheet_conf(layout, name))

    props = wb.properties
    props.creator = "tests/golden/make_workbook.py"
    props.lastModifiedBy = "tests/golden/make_workbook.py"
    props.title = str(layout.get("case", case_dir.name))
    props.created = FIXED_TIME
    props.modified = FIXED_TIME

    # ExcelWriter directly (not wb.save): save_workbook() would stamp "modified" with now().
    raw = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()

    # Re-pack with fixed member timestamps so that repeated builds are byte-identical.
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(
        out_path, "w", zipfile.ZIP_DEFLATED
    ) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, src.read(info.filename))
    return out_path


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) != 2:
        print("usage: python tests/golden/make_workbook.py CASE_DIR OUT.xlsx", file=sys.stderr)
        return 2
    out = build_workbook(Path(argv[0]), Path(argv[1]))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
