"""Write the tables of a set into a workbook: layouts, values, live formulas, 校验, names.

Detail cells hold the book's values (blank when zero); every total, subtotal and cross-table
repeat is a formula chosen by ``definitions``. openpyxl cannot store the value a formula
calculates to, so ``RenderResult.expected`` carries it for every formula cell, for the
recalculation step to compare engines against.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.spec.model import RowsMode, TableSet, TableSpec
from yujuesuan.tables import Book, Table
from yujuesuan.workbook.render import check_sheet, code_table, definitions, economic, names, rows
from yujuesuan.workbook.render import labelled_grid, labelled_two_sided, three_public, two_sided
from yujuesuan.workbook.render.definitions import Definition
from yujuesuan.workbook.render.formula import sum_formula
from yujuesuan.workbook.render.placement import CellKey, Context, Placement, sheet_name

Layout = Callable[[Worksheet, TableSpec, Table, Context], Placement]
FAILED_CHECKS_NAME = "校验_未通过项数"


@dataclass(frozen=True)
class RenderResult:
    """What was written, for the recalculation step and for tests."""

    # (sheet, address) → the value the formula there calculates to (Decimal; "✔"/"✘" on 校验 G)
    expected: dict[tuple[str, str], Decimal | str] = field(default_factory=dict)
    # (table id, row key, column key) → (sheet, address), for every amount cell
    cells: dict[CellKey, tuple[str, str]] = field(default_factory=dict)
    # the definition of every formula amount cell (rule id, priority, signed terms)
    definitions: dict[CellKey, Definition] = field(default_factory=dict)
    # formula cells whose calculated value differs from the book's: cell → (book, formula)
    changed: dict[CellKey, tuple[Decimal, Decimal]] = field(default_factory=dict)
    # defined name → (sheet, address)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    check_rows: int = 0

    def formula_counts(self) -> Counter[str]:
        """Formula amount cells per table id."""
        return Counter(table for table, _, _ in self.definitions)


def render_tables(
    workbook: Workbook, table_set: TableSet, book: Book, *, unit: str, year: int, given_up: frozenset[str] = frozenset()
) -> RenderResult:
    """Add one sheet per table (``sheet_name``: 表1…表9, 预算 表1…表10 with 表5-1) and 校验 to
    ``workbook``; raise ValueError if one exists. ``given_up``: ids of identities the build's
    rounding could not keep (表11 at 0.1 万元); a cell such a rule would define holds the book's
    value instead of that formula, so the sheet shows the figures the build chose."""
    for name in [sheet_name(s) for s in table_set.tables] + [check_sheet.SHEET]:
        if name in workbook.sheetnames:
            raise ValueError(f"工作簿中已有工作表“{name}”")
    shown = rows.prepare(table_set, book, year)
    ctx = Context(unit=unit, year=year, layout=table_set.layout, kind=table_set.kind)
    placements = {
        spec.id: _layout(spec)(workbook.create_sheet(sheet_name(spec)), spec, shown.tables[spec.id], ctx)
        for spec in table_set.tables
    }
    placed = {(tid, r, c): (p.sheet, at) for tid, p in placements.items() for (r, c), at in p.cells.items()}
    chosen = {c: d for c, d in definitions.choose(table_set, shown, placed).items() if d.rule_id not in given_up}
    value = definitions.evaluate(chosen, lambda k: shown.tables[k[0]].value(k[1], k[2]))
    expected: dict[tuple[str, str], Decimal | str] = {}
    changed = {}
    for cell, (sheet, address) in placed.items():
        ws = workbook[sheet]
        if cell in chosen:
            terms = [(sign, *placed[term]) for sign, term in chosen[cell].terms]
            ws[address] = sum_formula(terms, home=sheet)
            expected[(sheet, address)] = value(cell)
            printed = shown.tables[cell[0]].value(cell[1], cell[2])
            if printed != value(cell):
                changed[cell] = (printed, value(cell))
        elif value(cell):
            ws[address] = value(cell)
    expected |= check_sheet.write(workbook, table_set, shown, placed, value)
    defined = names.define_key_cells(workbook, table_set, placed)
    names.define(workbook, FAILED_CHECKS_NAME, check_sheet.SHEET, check_sheet.SUMMARY)
    defined[FAILED_CHECKS_NAME] = (check_sheet.SHEET, check_sheet.SUMMARY)
    return RenderResult(
        expected=expected,
        cells=placed,
        definitions=chosen,
        changed=changed,
        names=defined,
        check_rows=len(check_sheet.equations(table_set, shown)),
    )


def _layout(spec: TableSpec) -> Layout:
    if spec.rows_mode is RowsMode.FUNCTION:
        return code_table.place
    if spec.rows_mode is RowsMode.ECONOMIC:
        return economic.place
    if any(r.line is not None for r in spec.rows):
        return two_sided.place
    if len(spec.rows) == 1:
        return three_public.place
    if all(len(spec.row_columns(r.key)) == 1 for r in spec.rows):
        return labelled_two_sided.place  # each line one amount: 收入 | 支出 side by side
    return labelled_grid.place
