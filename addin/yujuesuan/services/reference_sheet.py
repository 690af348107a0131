"""参考数据: a sheet listing the catalog entries a workbook uses, with its amounts per code.

Reviewers want to see at a glance which codes of a disclosure are unknown this year, were
renamed or are new, and what the workbook says for each. For every code row of the tables that
carry codes (their ``InCatalog`` rule says which catalog), one line: 分类, 编码, 级次, 上级科目,
this year's catalog name, the name printed in the tables, a status, last year's catalog name,
and the amounts (``AMOUNT_COLUMNS``). With ``all_entries`` every entry of the edition is listed.

``reference_sheet_values(book)`` returns the grid (title lines, header, rows) so the Excel ribbon
can put it into a live workbook; ``write_reference_sheet(path)`` writes it into a file (a new
file by default, or in place after a backup).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from yujuesuan import reference
from yujuesuan.errors import UnknownYear
from yujuesuan.reference import Catalog
from yujuesuan.reference.diff import diff
from yujuesuan.reference.names import normalise_name
from yujuesuan.services.files import backup, default_output, write_atomically
from yujuesuan.spec.model import InCatalog
from yujuesuan.tables import Book

SHEET = "参考数据"
KIND_LABELS = {"function": "功能分类", "economic": "经济分类"}
# (table id, column key, header): the amounts shown per code.
AMOUNT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("fa.t2", "1", "收入决算数"),
    ("fa.t3", "1", "支出决算数"),
    ("fa.t3", "2", "基本支出"),
    ("fa.t3", "3", "项目支出"),
    ("fa.t5", "1", "一般公共预算财政拨款支出"),
    ("fa.t6", "amount", "一般公共预算财政拨款基本支出（经济分类）"),
    ("fa.gf", "3", "政府性基金预算财政拨款支出"),
    ("fa.gz", "1", "国有资本经营预算财政拨款支出"),
)
HEADERS = (
    "分类",
    "科目编码",
    "级次",
    "上级科目",
    "科目名称（本年目录）",
    "表中名称",
    "状态",
    "上年目录名称",
    *(header + "(万元)" for _, _, header in AMOUNT_COLUMNS),
)
TITLE_ROWS = 3  # title, editions, blank
_AMOUNT_FROM = len(HEADERS) - len(AMOUNT_COLUMNS) + 1  # first amount column (1-based)
OK = "正常"


@dataclass(frozen=True)
class ReferenceRow:
    """One code of the workbook (or of the edition), as shown on the 参考数据 sheet."""

    kind: str
    code: str
    level: str
    parent: str
    name: str
    printed: str
    status: str
    prior_name: str
    amounts: tuple[Decimal | None, ...]

    @property
    def flagged(self) -> bool:
        return self.status != OK

    def cells(self) -> list[Any]:
        amounts = [None if a is None else float(a) for a in self.amounts]
        return [
            KIND_LABELS[self.kind],
            self.code,
            self.level,
            self.parent,
            self.name,
            self.printed,
            self.status,
            self.prior_name,
            *amounts,
        ]


def reference_rows(book: Book, *, all_entries: bool = False) -> list[ReferenceRow]:
    """The rows of the sheet for ``book`` (its year's catalogs), function codes first."""
    if book.year is None:
        return []
    used = _used_codes(book)
    rows = []
    for kind in reference.KINDS:
        try:
            catalog = reference.load(kind, book.year)
        except UnknownYear:
            continue
        prior = _catalog(kind, book.year - 1)
        codes = set(used.get(kind, {}))
        if all_entries:
            codes |= {entry.code for entry in catalog}
        rows += [
            _row(kind, code, used.get(kind, {}).get(code, ""), catalog, prior, book)
            for code in sorted(codes)
        ]
    return rows


def _catalog(kind: str, year: int) -> Catalog | None:
    try:
        return reference.load(kind, year)
    except UnknownYear:
        return None


def _used_codes(book: Book) -> dict[str, dict[str, str]]:
    """kind → code → a printed name, over every table whose codes are checked against a catalog."""
    out: dict[str, dict[str, str]] = {}
    for table in book.tables.values():
        for rule in table.spec.rules:
            if isinstance(rule, InCatalog):
                names = out.setdefault(rule.catalog, {})
                for code in table.code_rows():
                    if not names.get(code):
                        names[code] = table.row_names.get(code, "")
    return out


def _row(
    kind: str, code: str, printed: str, catalog: Catalog, prior: Catalog | None, book: Book
) -> ReferenceRow:
    known = code in catalog
    parent = (catalog.parent(code) or "") if known else (code[:-2] if len(code) > 3 else "")
    return ReferenceRow(
        kind=kind,
        code=code,
        level=catalog.level(code).label if known else "",
        parent=parent,
        name=catalog.name(code) if known else "",
        printed=printed,
        status=_status(code, printed, catalog, prior),
        prior_name=prior.name(code) if prior is not None and code in prior else "",
        amounts=tuple(_amount(book, table_id, code, col) for table_id, col, _ in AMOUNT_COLUMNS),
    )


def _status(code: str, printed: str, catalog: Catalog, prior: Catalog | None) -> str:
    """正常, or every reason to look at the code (joined by ；)."""
    if code not in catalog:
        if prior is not None and code in prior:
            moved = _recoded(prior, catalog).get(code)
            hint = f"，可能已改为{moved} {catalog.name(moved)}" if moved else ""
            return f"未知科目：本年目录已停用{hint}"
        return "未知科目：本年目录中没有"
    notes = []
    if prior is not None and code not in prior:
        notes.append("本年新增科目")
    elif prior is not None and normalise_name(prior.name(code)) != normalise_name(
        catalog.name(code)
    ):
        notes.append(f"本年更名（上年：{prior.name(code)}）")
    if printed and not catalog.matches_name(code, printed):
        notes.append(f"表中名称与目录不符（目录：{catalog.name(code)}）")
    return "；".join(notes) or OK


@functools.lru_cache(maxsize=8)
def _recoded(prior: Catalog, catalog: Catalog) -> dict[str, str]:
    """Retired code → the code that took over its name (catalogs are immutable and hashable)."""
    return {r.old_code: r.new_code for r in diff(prior, catalog).recoded}


def _amount(book: Book, table_id: str, code: str, col: str) -> Decimal | None:
    table = book.tables.get(table_id)
    if table is None or (code, col) not in table.values:
        return None
    return table.values[(code, col)]


def reference_sheet_values(book: Book, *, all_entries: bool = False) -> list[list[Any]]:
    """The sheet as a grid of cell values: title, editions, blank line, header, one row per code."""
    return _grid(book, reference_rows(book, all_entries=all_entries))


def _grid(book: Book, rows: list[ReferenceRow]) -> list[list[Any]]:
    year = book.year or 0
    editions = "；".join(
        f"{KIND_LABELS[kind]}：{reference.edition_label(kind, year)}"
        for kind in reference.KINDS
        if _catalog(kind, year)
    )
    flagged = sum(row.flagged for row in rows)
    title = f"{year}年度科目参考数据（{len(rows)} 个科目，{flagged} 个需要注意）"
    return [[title], [f"目录版本：{editions}"], [], list(HEADERS), *(row.cells() for row in rows)]


@dataclass(frozen=True)
class ReferenceOutcome:
    output: Path
    backup: Path | None
    year: int | None
    rows: list[ReferenceRow]

    def lines(self) -> list[str]:
        flagged = [row for row in self.rows if row.flagged]
        out = [
            f"已写入“{SHEET}”表（{len(self.rows)} 个科目，{len(flagged)} 个需要注意）：{self.output}"
        ]
        if self.backup:
            out.append(f"原文件已备份为：{self.backup}")
        out += [
            f"  {KIND_LABELS[r.kind]} {r.code} {r.name or r.printed}：{r.status}" for r in flagged
        ]
        return out


def write_reference_sheet(
    source: Path,
    output: Path | None = None,
    *,
    in_place: bool = False,
    all_entries: bool = False,
    year: int | None = None,
) -> ReferenceOutcome:
    """Read ``source``'s tables and write the 参考数据 sheet (replacing an earlier one)."""
    from yujuesuan.workbook.edit import open_for_edit
    from yujuesuan.workbook.read import read_book
    from yujuesuan.workbook.render.reference_sheet import put_reference_sheet
    from yujuesuan.workbook.save_changes import save_changes

    source = Path(source)
    target = default_output(source, output, in_place=in_place, tag=SHEET)
    book, _ = read_book(source, year=year)
    rows = reference_rows(book, all_entries=all_entries)
    values = _grid(book, rows)
    workbook = open_for_edit(source)
    put_reference_sheet(workbook, values, header_row=TITLE_ROWS + 1, amount_from=_AMOUNT_FROM)
    saved_backup = backup(source) if in_place else None
    write_atomically(target, lambda tmp: save_changes(source, workbook, tmp, changed={SHEET}))
    return ReferenceOutcome(target, saved_backup, book.year, rows)


@dataclass(frozen=True)
class ReferenceImage:
    """The 参考数据 sheet as a ``SheetImage`` (for a ``Book`` port: ribbon 参考数据 button)."""

    image: Any  # services.sheet_image.SheetImage
    rows: list[ReferenceRow]

    def summary(self) -> str:
        flagged = sum(row.flagged for row in self.rows)
        return f"已写入“{SHEET}”表：{len(self.rows)} 个科目，{flagged} 个需要注意（未知、更名、新增或名称不符）。"


def reference_sheet_image(
    grids: dict[str, list[list[Any]]],
    *,
    source: str,
    all_entries: bool = False,
    year: int | None = None,
) -> ReferenceImage:
    """The sheet for a workbook given as grids (what a ``Book`` port reads), ready to ``paint``.

    A ribbon handler: ``made = reference_sheet_image(_grids(book), source=book.name)``, then
    ``book.replace_sheet(made.image.name)``, ``book.paint(made.image)``, ``book.save()``,
    and tell ``made.summary()``.
    """
    from openpyxl import Workbook

    from yujuesuan.services.sheet_image import image_of
    from yujuesuan.workbook.read import book_from_grids
    from yujuesuan.workbook.render.reference_sheet import put_reference_sheet

    book, _ = book_from_grids(grids, source=source, year=year)
    rows = reference_rows(book, all_entries=all_entries)
    scratch = Workbook()
    ws = put_reference_sheet(
        scratch, _grid(book, rows), header_row=TITLE_ROWS + 1, amount_from=_AMOUNT_FROM
    )
    return ReferenceImage(image_of(ws), rows)
