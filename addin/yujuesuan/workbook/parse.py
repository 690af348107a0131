"""Read one located table region into a ``Table``: rows by 行次 or code, columns by 栏次.

Works on grids as a clerk gets them from a PDF: headers merged over several rows, code and
name in one cell or two, names wrapped or spaced, amounts as numbers or text ("2,397.77",
"3, 295. 68", full-width digits), blank meaning zero. Every unreadable amount becomes a
``non_numeric`` finding naming its cell; the rest of the table is still read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from yujuesuan.findings import Finding, Location, Severity
from yujuesuan.money import CENT, NotANumber, parse_amount, quantize_cent
from yujuesuan.reference.names import normalise_name
from yujuesuan.spec.model import TOTAL, RowsMode, TableSpec
from yujuesuan.tables import Table
from yujuesuan.workbook.grid import Grid, address, cell, column_numbers, int_like, is_note, text
from yujuesuan.workbook.labels import column_labels, read_labelled_rows, read_labelled_single_row

HEADER_DEPTH = 14  # rows after the title where headers may sit
_CODE = re.compile(r"^([0-9]{3,8})(.*)$")
_CODE_HEADERS = {"科目编码", "科目代码", "经济分类科目编码", "编码", "代码"}
_AMOUNT_HEADERS = {"决算数", "金额"}
_TOTAL_LABELS = {"合计", "总计"}


@dataclass
class Region:
    sheet: str
    grid: Grid
    start: int  # title row
    end: int  # first row after the region
    problems: list[Finding] = field(default_factory=list)


def parse_region(region: Region, spec: TableSpec) -> Table:
    table = Table(spec=spec, sheet=region.sheet)
    if spec.rows_mode is RowsMode.ECONOMIC:
        _read_economic(region, table)
    elif spec.rows_mode is RowsMode.FUNCTION:
        _read_codes(region, table)
    elif any(r.line is not None for r in spec.rows):
        _read_lines(region, table)
    elif len(spec.rows) > 1:
        read_labelled_rows(region.grid, region.start, region.end, table, _reader(region, table))
    else:
        _read_single_row(region, table)
    return table


def _reader(region: Region, table: Table):  # type: ignore[no-untyped-def]
    return lambda row, col, key: _amount(region, table, row, col, key)


# -- amounts -------------------------------------------------------------------------------


def _amount(region: Region, table: Table, row: int, col: int, key: tuple[str, str]) -> Decimal | None:
    """The displayed amount of a cell; unreadable text is a finding and the cell is marked so
    that no identity is evaluated on a guessed value."""
    value = cell(region.grid, row, col)
    try:
        amount = parse_amount(value)
    except NotANumber as exc:
        problem = _cell_problem(table, "non_numeric", Severity.ERROR, row, col, region, exc.reason)
        region.problems.append(replace(problem, row_key=key[0], col_key=key[1], subject=f"{table.subject(*key)}（{address(row, col)}）"))
        table.unreadable.add(key)
        return None
    if amount is None:
        return None
    shown = quantize_cent(amount)
    if shown != amount and isinstance(value, (int, float)) and abs(shown - amount) > CENT / 1000:
        note = f"单元格值为{amount}，显示为{shown}"
        region.problems.append(_cell_problem(table, "excess_precision", Severity.INFO, row, col, region, note))
    return shown


def _cell_problem(table: Table, kind: str, severity: Severity, row: int, col: int, region: Region, note: str) -> Finding:
    return Finding(
        rule_id=f"{table.spec.id}.read",
        kind=kind,
        severity=severity,
        table=table.spec.id,
        table_title=table.spec.title,
        location=Location(region.sheet, address(row, col)),
        subject=f"单元格{address(row, col)}",
        note=note,
    )


# -- 行次 tables (表1, 表4) ------------------------------------------------------------------


def _line_columns(region: Region, header_rows: range) -> list[int]:
    found = set()
    for r in header_rows:
        for c, value in enumerate(region.grid[r] if r < len(region.grid) else []):
            if text(value) in ("行次", "行"):
                found.add(c)
    return sorted(found)


def _read_lines(region: Region, table: Table) -> None:
    spec = table.spec
    header = column_numbers(region.grid, region.start + 1, min(region.start + HEADER_DEPTH, region.end))
    if header is None:
        return
    header_row, numbers = header
    line_cols = _line_columns(region, range(region.start + 1, header_row + 1))
    if not line_cols:
        return
    lines = {r.line: r for r in spec.rows if r.line is not None}
    bounds = line_cols + [10**6]
    for r in range(header_row + 1, region.end):
        for i, lc in enumerate(line_cols):
            line = int_like(cell(region.grid, r, lc))
            row_spec = lines.get(line) if line is not None else None
            if row_spec is None:
                continue
            label_col = _label_left(region.grid, r, lc, bounds[i - 1] if i else -1)
            printed = text(cell(region.grid, r, label_col)) if label_col is not None else ""
            table.add_row(row_spec.key, printed, address(r, label_col if label_col is not None else lc))
            _check_label(region, table, row_spec.key, printed, r, label_col)
            for c, key in numbers.items():
                if lc < c < bounds[i + 1] and key in spec.row_columns(row_spec.key):
                    table.set(row_spec.key, key, _amount(region, table, r, c, (row_spec.key, key)), address(r, c))


def _label_left(grid: Grid, row: int, line_col: int, floor: int) -> int | None:
    for c in range(line_col - 1, floor, -1):
        if text(cell(grid, row, c)):
            return c
    return None


def _check_label(region: Region, table: Table, key: str, printed: str, row: int, col: int | None) -> None:
    spec_row = table.spec.row(key)
    if spec_row is None or not spec_row.label or not printed or col is None:
        return
    names = {normalise_name(n) for n in (spec_row.label, *spec_row.aliases)}
    if normalise_name(printed) not in names:
        problem = _cell_problem(table, "label_mismatch", Severity.WARNING, row, col, region, spec_row.label)
        region.problems.append(replace(problem, subject=f"第{key}行“{printed}”", row_key=key))


# -- one-row tables (三公) -------------------------------------------------------------------


def _read_single_row(region: Region, table: Table) -> None:
    header = column_numbers(region.grid, region.start + 1, min(region.start + HEADER_DEPTH, region.end))
    if header is None:
        read_labelled_single_row(region.grid, region.start, region.end, table, _reader(region, table))
        return
    header_row, numbers = header
    key = table.spec.rows[0].key
    for r in range(header_row + 1, region.end):
        row = region.grid[r] if r < len(region.grid) else []
        if any(is_note(v) for v in row[:1]):
            break
        if any(text(cell(region.grid, r, c)) for c in numbers):
            table.add_row(key, "", address(r, min(numbers)))
            for c, col in numbers.items():
                table.set(key, col, _amount(region, table, r, c, (key, col)), address(r, c))
            return


# -- code tables (表2, 表3, 表5, 政府性基金, 国有资本经营) -------------------------------------


def _read_codes(region: Region, table: Table) -> None:
    header = column_numbers(region.grid, region.start + 1, min(region.start + HEADER_DEPTH, region.end))
    if header is None:
        header = _columns_by_label(region, table.spec)
    if header is None:
        return
    header_row, numbers = header
    first_amount = min(numbers)
    for r in range(header_row + 1, region.end):
        row = region.grid[r] if r < len(region.grid) else []
        if row and is_note(row[0] if row[0] is not None else next((v for v in row if v is not None), "")):
            break
        key, name, key_col = _row_key(row, first_amount)
        if key is None:
            if any(text(cell(region.grid, r, c)) for c in numbers) and name:
                region.problems.append(
                    _cell_problem(table, "malformed_code", Severity.ERROR, r, key_col or 0, region, name)
                )
            continue
        table.add_row(key, name, address(r, key_col))
        for c, col in numbers.items():
            table.set(key, col, _amount(region, table, r, c, (key, col)), address(r, c))


def _columns_by_label(region: Region, spec: TableSpec) -> tuple[int, dict[int, str]] | None:
    """Without a 栏次 row: columns whose header text is a column's label, and the last header row.

    The header block ends at the first row that starts with a code or 合计; the lowest header
    cell of a column decides (so "本年支出 › 小计" maps to 小计).
    """
    first_data = next(
        (r for r in range(region.start + 1, min(region.start + HEADER_DEPTH, region.end))
         if _row_key(region.grid[r] if r < len(region.grid) else [], 2)[0] is not None),
        None,
    )
    if first_data is None:
        return None
    labels = column_labels(spec.columns)
    numbers: dict[int, str] = {}
    for r in range(region.start + 1, first_data):
        for c, value in enumerate(region.grid[r] if r < len(region.grid) else []):
            key = labels.get(normalise_name(text(value))) if text(value) else None
            if key is not None:
                numbers[c] = key
    by_key = {key: c for c, key in sorted(numbers.items())}
    if len(by_key) < min(2, len(spec.columns)):
        return None
    return first_data - 1, {c: key for key, c in by_key.items()}


def _row_key(row: list[Any], stop: int) -> tuple[str | None, str, int]:
    """(code or 合计, printed name, column of the code) from the label cells left of the amounts."""
    cells = [(c, row[c]) for c in range(min(stop, len(row))) if text(row[c])]
    if not cells:
        return None, "", 0
    col, first = cells[0]
    rest = "".join(text(v) for _, v in cells[1:])
    code = _code_of(first)
    if code is not None:
        match = _CODE.match(text(first))
        inline = match.group(2) if match and isinstance(first, str) else ""
        return code, inline + rest, col
    if text(first) in _TOTAL_LABELS:
        return TOTAL, text(first), col
    return None, text(first) + rest, col


def _code_of(value: Any) -> str | None:
    """A code from a number cell (2010350, 2010350.0) or the digits opening a text cell."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value) if value >= 0 else None
    if isinstance(value, (float, Decimal)):
        return str(int(value)) if value >= 0 and float(value).is_integer() else None
    match = _CODE.match(re.sub(r"^(\d+)\.0+$", r"\1", text(value)))
    return match.group(1) if match else None


# -- 表6: economic codes in column groups -------------------------------------------------


def _read_economic(region: Region, table: Table) -> None:
    groups = _economic_groups(region)
    if not groups:
        return
    header_row, spans = groups
    footers = {"人员经费合计", "公用经费合计"}
    for r in range(header_row + 1, region.end):
        row = region.grid[r] if r < len(region.grid) else []
        if row and row[0] is not None and is_note(row[0]):
            break
        labels = [c for c, v in enumerate(row) if text(v) in footers]
        for c in labels:
            _read_footer(region, table, r, c, footers)
        if labels:
            continue
        for code_col, amount_col in spans:
            value = cell(region.grid, r, code_col)
            code = _code_of(value)
            if code is None:
                continue
            name = text(cell(region.grid, r, code_col + 1)) if code_col + 1 < amount_col else ""
            match = _CODE.match(text(value))
            inline = match.group(2) if match and isinstance(value, str) else ""
            table.add_row(code, inline + name, address(r, code_col))
            table.set(code, "amount", _amount(region, table, r, amount_col, (code, "amount")), address(r, amount_col))


def _economic_groups(region: Region) -> tuple[int, list[tuple[int, int]]] | None:
    for r in range(region.start + 1, min(region.start + HEADER_DEPTH, region.end)):
        row = region.grid[r] if r < len(region.grid) else []
        codes = [c for c, v in enumerate(row) if text(v) in _CODE_HEADERS]
        amounts = [c for c, v in enumerate(row) if text(v) in _AMOUNT_HEADERS]
        if codes and amounts:
            spans = []
            for i, code_col in enumerate(codes):
                limit = codes[i + 1] if i + 1 < len(codes) else 10**6
                amount_col = next((a for a in amounts if code_col < a < limit), None)
                if amount_col is not None:
                    spans.append((code_col, amount_col))
            return r, spans
    return None


def _read_footer(region: Region, table: Table, r: int, label_col: int, footers: set[str]) -> None:
    key = text(cell(region.grid, r, label_col))
    row = region.grid[r]
    for c in range(label_col + 1, len(row)):
        t = text(row[c])
        if not t:
            continue
        if t in footers:
            break
        table.add_row(key, key, address(r, label_col))
        table.set(key, "amount", _amount(region, table, r, c, (key, "amount")), address(r, c))
        return
    table.add_row(key, key, address(r, label_col))
