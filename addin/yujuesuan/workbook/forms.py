"""Read the repeated labelled forms (表12-n) of a workbook: one ``Table`` per instance.

Each instance is found by its title ("2024 年部门项目支出绩效目标表") and runs to the next title
on its sheet. Inside it nothing is at a fixed address: a field's value is the first non-empty
cell right of its label, a block starts at its label, its header row maps column labels to
columns, and its lines run until the next label. So inserted rows, blank rows, blocks in
another order or values one column further right still read. The instance number comes from
the "表 12-3" line above the title (or the order of the forms when it is missing); the
instance is named by its 项目名称 — or, where the label was left out (表12-2 in the seed), by
the one text standing alone in the first line of the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from yujuesuan.findings import Finding, Location, Severity
from yujuesuan.money import NotANumber, parse_amount, quantize_cent
from yujuesuan.reference.names import normalise_name
from yujuesuan.spec.forms import VALUE, BlockSpec, FieldSpec, FormSpec, instance_id
from yujuesuan.spec.model import TableSet
from yujuesuan.tables import Table
from yujuesuan.workbook.grid import address, cell, text
from yujuesuan.workbook.labels import column_labels
from yujuesuan.workbook.locate import TitleHit, find_titles, region_end
from yujuesuan.workbook.open import Grid

_UNIT_LINE = re.compile(r"^单位[:：]")
_FRACTION_LIMIT = Decimal("1.5")  # a numeric 执行率 up to 1.5 is a ratio shown as % (0.8243 → 82.43%)


@dataclass
class _Region:
    form: FormSpec
    sheet: str
    grid: Grid
    start: int  # title row
    end: int
    table: Table = field(init=False)
    unreadable: list[tuple[int, int, tuple[str, str], str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.table = Table(spec=self.form.instance_spec("", ""), sheet=self.sheet)


def read_forms(
    grids: dict[str, Grid], table_set: TableSet, other_titles: list[TitleHit]
) -> tuple[dict[str, Table], list[Finding]]:
    """Every instance of every form of the set, keyed by instance id (``bu.t12-1``)."""
    tables: dict[str, Table] = {}
    problems: list[Finding] = []
    for form in table_set.forms:
        hits = find_titles(grids, (form,))  # type: ignore[arg-type]  # a FormSpec has name/aliases/id
        bounds = hits + other_titles
        for n, hit in enumerate(hits, start=1):
            grid = grids[hit.sheet]
            region = _Region(form, hit.sheet, grid, hit.row, region_end(hit, bounds, grid))
            if not _read(region):
                continue  # a title without a form body (a contents line)
            label = _instance_label(form, grid, hit, n)
            while instance_id(form.id, label) in tables:  # a number printed twice: the next free one
                label = f"{form.number}-{int(label.rpartition('-')[2]) + 1}"
            table_id = instance_id(form.id, label)
            project = region.table.row_names.get(form.name_field, "")
            region.table.spec = form.instance_spec(label, project)
            tables[table_id] = region.table
            problems += [_non_numeric(region, *u) for u in region.unreadable]
    return tables, problems


def _instance_label(form: FormSpec, grid: Grid, hit: TitleHit, ordinal: int) -> str:
    """"12-3" from a "表 12-3" cell just above (or in) the title; else the form's order."""
    pattern = re.compile(rf"表{form.number}-(\d+)")
    for r in range(max(0, hit.row - 3), hit.row + 1):
        for value in grid[r] if r < len(grid) else []:
            found = pattern.search(text(value)) if isinstance(value, str) else None
            if found:
                return f"{form.number}-{found.group(1)}"
    return f"{form.number}-{ordinal}"


# -- one instance ------------------------------------------------------------------------------


def _read(region: _Region) -> bool:
    """Fill ``region.table``; False when no field or block label was found at all."""
    form = region.form
    fields = {normalise_name(f.label): f for f in form.fields}
    blocks = {normalise_name(b.label): b for b in form.blocks}
    stops = {normalise_name(s) for s in form.stops}
    block: BlockSpec | None = None
    header: dict[int, str] = {}
    lines = 0
    found = False
    for r in range(region.start + 1, region.end):
        row = region.grid[r] if r < len(region.grid) else []
        names = [(c, normalise_name(text(v))) for c, v in enumerate(row) if isinstance(v, str) and text(v)]
        opened = next((blocks[n] for _, n in names if n in blocks), None)
        if opened is not None:
            block, header, lines, found = opened, _header(opened, row), 0, True
            continue
        if any(n in stops for _, n in names):
            block = None
            continue
        labelled = [(c, fields[n]) for c, n in names if n in fields]
        if labelled:
            found = True
            block = None
            for c, spec in labelled:
                _read_field(region, r, c, spec, set(fields) | set(blocks))
            continue
        if block is None:
            continue
        if not header:
            header = _header(block, row)
            continue
        lines += _read_line(region, r, block, header, lines + 1)
    if found and form.name_field not in region.table.row_names:
        _unlabelled_name(region, set(fields) | set(blocks))
    return found


def _header(block: BlockSpec, row: list[Any]) -> dict[int, str]:
    """column index → column key, when at least two column labels are on this row."""
    labels = column_labels(block.columns)
    found = {c: labels[n] for c, v in enumerate(row) if text(v) and (n := normalise_name(text(v))) in labels}
    return found if len(found) >= 2 else {}


def _read_field(region: _Region, r: int, c: int, spec: FieldSpec, labels: set[str]) -> None:
    if spec.key in region.table.row_names:
        return  # a label printed twice: the first one counts
    row = region.grid[r]
    filled = [k for k in range(c + 1, len(row)) if text(row[k])]
    # the next filled cell, unless it is the next label ("项目总预算 | | 项目当年预算 | …": 总预算 blank)
    value_col = filled[0] if filled and normalise_name(text(row[filled[0]])) not in labels else None
    value = row[value_col] if value_col is not None else None
    region.table.add_row(spec.key, text(value) if not spec.amount else spec.label, address(r, c))
    if spec.amount and value_col is not None:
        _set(region, r, value_col, (spec.key, VALUE), _amount)


def _read_line(region: _Region, r: int, block: BlockSpec, header: dict[int, str], n: int) -> int:
    """Read one line of a block; 1 if it was a (new free) line, else 0."""
    row = region.grid[r] if r < len(region.grid) else []
    columns = {key: c for c, key in header.items()}
    label_col = columns.get(block.label_column)
    label = text(cell(region.grid, r, label_col)) if label_col is not None else ""
    if block.rows:
        printed = {normalise_name(text(v)) for v in row if isinstance(v, str)}
        spec_row = next((s for s in block.rows if normalise_name(s.label) in printed), None)
        if spec_row is None:
            return 0
        key, counted = spec_row.key, 0
    else:
        figures = [
            k
            for k in (*block.amounts, *block.percents)
            if k in columns and _value_col(region, r, columns[k], header) is not None
        ]
        if not figures:
            return 0  # a blank line or a wrapped continuation of the line above
        key, counted = block.line_key(n), 1
    region.table.add_row(key, label, address(r, label_col if label_col is not None else 0))
    for col_key in (*block.amounts, *block.percents):
        c = columns.get(col_key)
        at = _value_col(region, r, c, header) if c is not None else None
        if at is not None:
            _set(region, r, at, (key, col_key), _parser(block, col_key))
        elif c is not None and block.rows:
            region.table.set(key, col_key, None, address(r, c))  # a blank 其中 line: where its figure belongs
    return counted


def _parser(block: BlockSpec, column: str):  # type: ignore[no-untyped-def]
    if column in block.percents:
        return _percent
    return _count if column in block.counts else _amount


def _value_col(region: _Region, r: int, c: int, header: dict[int, str]) -> int | None:
    """The column holding a block figure: under its header, or right of it up to the next header column."""
    row = region.grid[r] if r < len(region.grid) else []
    limit = min((k for k in header if k > c), default=len(row))
    return next((k for k in range(c, max(limit, c + 1)) if text(cell(region.grid, r, k))), None)


def _set(region: _Region, r: int, c: int, key: tuple[str, str], parse) -> None:  # type: ignore[no-untyped-def]
    try:
        value = parse(cell(region.grid, r, c))
    except NotANumber as exc:
        region.unreadable.append((r, c, key, exc.reason))
        region.table.unreadable.add(key)
        region.table.set(*key, None, address(r, c))
        return
    region.table.set(*key, value, address(r, c))


def _amount(value: Any) -> Decimal | None:
    """The displayed amount: cents, as printed (a formula result 30.1616 shows as 30.16)."""
    amount = parse_amount(value)
    return None if amount is None else quantize_cent(amount)


def _count(value: Any) -> Decimal | None:
    """A 计量数 / 数量 as it is (it may have any number of decimals)."""
    return parse_amount(value)


def _percent(value: Any) -> Decimal | None:
    """"82.43%" → 82.43; a number formatted as % (0.8243) → 82.43; a plain 82.43 stays."""
    if isinstance(value, str):
        stripped = text(value).rstrip("%％")
        amount = parse_amount(stripped)
        return amount
    amount = parse_amount(value)
    if amount is not None and abs(amount) <= _FRACTION_LIMIT:
        return amount * 100
    return amount


def _unlabelled_name(region: _Region, labels: set[str]) -> None:
    """The project name standing alone in the first line of the form (no 项目名称 label)."""
    for r in range(region.start + 1, region.end):
        row = region.grid[r] if r < len(region.grid) else []
        filled = [(c, v) for c, v in enumerate(row) if text(v)]
        if not filled:
            continue
        if any(normalise_name(text(v)) in labels for _, v in filled):
            return  # reached the labelled fields: no name line
        if len(filled) == 1 and isinstance(filled[0][1], str) and not _UNIT_LINE.match(text(filled[0][1])):
            if not re.match(rf"^表{region.form.number}-\d+$", text(filled[0][1])):
                c, value = filled[0]
                region.table.add_row(region.form.name_field, text(value), address(r, c))
                return


def _non_numeric(region: _Region, r: int, c: int, key: tuple[str, str], reason: str) -> Finding:
    spec = region.table.spec
    return Finding(
        rule_id=f"{region.form.id}.read",
        kind="non_numeric",
        severity=Severity.ERROR,
        table=spec.id,
        table_title=spec.title,
        row_key=key[0],
        col_key=key[1],
        location=Location(region.sheet, address(r, c)),
        subject=f"单元格{address(r, c)}",
        note=reason,
    )
