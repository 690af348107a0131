"""取上年数: fill this year's 上年数 sheet from last year's nine tables.

Half of the narrative compares with last year (与上年相比增加/减少 …); finance staff copy last
year's published figures by hand. This reads last year's workbook with ``read_book`` (our
template or any published layout ``yjs check`` reads) and writes into this year's 上年数 sheet:

* the totals the narrative needs, one row per 项目 label (``PRIOR_FIGURES``; the template's four
  rows 收支总计 / 一般公共预算财政拨款支出合计 / “三公”经费合计 / 机关运行经费 keep their names);
* one row per 功能分类 code of 表3 (支出决算表) and 表5 (一般公共预算财政拨款支出决算表) with its
  total, 基本支出 and 项目支出, under this year's code: last year's code is carried over through
  the catalog diff (same code, renamed, or recoded to the code that took over its name); codes
  that cannot be matched are reported and not written.

Sheet format: see ``yujuesuan.workbook.prior_sheet``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from yujuesuan import reference
from yujuesuan.errors import AddinError, UnknownYear
from yujuesuan.reference.diff import diff
from yujuesuan.services.files import backup, default_output, write_atomically
from yujuesuan.services.grids import cover_year
from yujuesuan.tables import Book, Table
from yujuesuan.workbook.prior_sheet import PriorRow

ZERO = Decimal(0)
# (项目 label in 上年数, table id, row: key or printed label, column key)
PRIOR_FIGURES: tuple[tuple[str, str, str, str], ...] = (
    ("收支总计", "fa.t1", "总计", "1"),
    ("一般公共预算财政拨款支出合计", "fa.t5", "合计", "1"),
    ("“三公”经费合计", "fa.sg", "金额", "7"),
    ("本年收入合计", "fa.t1", "本年收入合计", "1"),
    ("财政拨款收入", "fa.t1", "一、一般公共预算财政拨款收入", "1"),
    ("本年支出合计", "fa.t1", "本年支出合计", "2"),
    ("基本支出合计", "fa.t3", "合计", "2"),
    ("项目支出合计", "fa.t3", "合计", "3"),
    ("财政拨款收支总计", "fa.t4", "总计", "1"),
    ("一般公共预算财政拨款基本支出", "fa.t5", "合计", "2"),
    ("一般公共预算财政拨款项目支出", "fa.t5", "合计", "3"),
    ("人员经费合计", "fa.t6", "人员经费合计", "amount"),
    ("公用经费合计", "fa.t6", "公用经费合计", "amount"),
    ("因公出国（境）费", "fa.sg", "金额", "8"),
    ("公务用车购置及运行费", "fa.sg", "金额", "9"),
    ("公务用车购置费", "fa.sg", "金额", "10"),
    ("公务用车运行费", "fa.sg", "金额", "11"),
    ("公务接待费", "fa.sg", "金额", "12"),
    ("政府性基金预算财政拨款支出合计", "fa.gf", "合计", "3"),
    ("国有资本经营预算财政拨款支出合计", "fa.gz", "合计", "1"),
)
NOT_IN_TABLES = ("机关运行经费",)  # narrative-only figures: left as the user typed them
# Tables whose code rows are copied: (table id, 口径 written in the sheet, total/基本/项目 columns,
# prefix of the 项目 label). 表5 rows are labelled "201 一般公共服务支出", which the narrative reads
# as the prior figure of code 201 (its per-code figures are 一般公共预算 ones); 表3 rows carry
# their 口径 in front so that they never stand for a code there.
CODE_TABLES: tuple[tuple[str, str, tuple[str, str, str], str], ...] = (
    ("fa.t3", "支出决算表", ("1", "2", "3"), "支出决算表 "),
    ("fa.t5", "一般公共预算财政拨款支出决算表", ("1", "2", "3"), ""),
)


@dataclass
class PullOutcome:
    """What was written where, and what could not be carried over."""

    output: Path
    backup: Path | None
    prior_year: int
    year: int
    rows: list[PriorRow] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        fixed = sum(1 for r in self.rows if not r.code)
        out = [
            f"已把{self.prior_year}年度的数字填入{self.year}年度的“上年数”：{fixed} 个合计项、"
            f"{len(self.rows) - fixed} 个科目行 → {self.output}"
        ]
        if self.backup:
            out.append(f"原文件已备份为：{self.backup}")
        out += [f"  说明：{note}" for note in self.notes]
        out += [f"  未能对应：{item}" for item in self.unmatched]
        return out


def prior_rows(book: Book, year: int) -> tuple[list[PriorRow], list[str], list[str]]:
    """Rows for this ``year``'s 上年数 from last year's ``book``: (rows, unmatched, notes)."""
    if book.year is None:
        raise AddinError(f"无法识别上年工作簿的年度：{book.source}")
    rows, unmatched = _figure_rows(book)
    notes = [f"{label}不在九张表中，请手工填写（原值保留）" for label in NOT_IN_TABLES]
    mapper = _CodeMapper(book.year, year)
    notes += mapper.notes
    for table_id, scope, columns, prefix in CODE_TABLES:
        table = book.tables.get(table_id)
        if table is None:
            unmatched.append(f"上年工作簿中没有{scope}，其科目行未填写")
            continue
        found, missing = _code_rows(table, (scope, prefix), columns, mapper)
        rows += found
        unmatched += missing
    return rows, unmatched, notes


def _figure_rows(book: Book) -> tuple[list[PriorRow], list[str]]:
    rows, unmatched = [], []
    for label, table_id, row, col in PRIOR_FIGURES:
        table = book.tables.get(table_id)
        key = _row_key(table, row, col) if table is not None else None
        if table is None or key is None:
            unmatched.append(
                f"{label}：上年工作簿中没有{table.spec.title if table else table_id}的对应行"
            )
            continue
        where = table.cells.get((key, col)) or ""
        source = (
            f"{book.year}年{table.sheet}!{where}" if where else f"{book.year}年{table.spec.title}"
        )
        rows.append(PriorRow(label=label, amount=table.value(key, col), note=source))
    return rows, unmatched


def _row_key(table: Table, row: str, col: str) -> str | None:
    """The row key of ``row`` (a key, or a printed label on the side that has ``col``)."""
    if table.has_row(row):
        return row
    for spec_row in table.spec.rows:
        if spec_row.label == row and col in spec_row.columns and table.has_row(spec_row.key):
            return spec_row.key
    return None


def _code_rows(
    table: Table, where: tuple[str, str], columns: tuple[str, str, str], mapper: _CodeMapper
) -> tuple[list[PriorRow], list[str]]:
    scope, prefix = where
    merged: dict[str, PriorRow] = {}
    unmatched = []
    for code in table.code_rows():
        new_code, note = mapper.map(code, table.row_names.get(code, ""))
        if new_code is None:
            unmatched.append(f"{scope} {code} {table.row_names.get(code, '')}：{note}")
            continue
        total, basic, project = (table.value(code, c) for c in columns)
        row = PriorRow(
            label=f"{prefix}{new_code} {mapper.new.name(new_code)}",
            amount=total,
            code=new_code,
            basic=basic,
            project=project,
            scope=scope,
            prior_code=code if code != new_code else "",
            note=note,
        )
        if new_code in merged:  # two of last year's codes became one: add them up
            row = merged[new_code].plus(row)
        merged[new_code] = row
    return [merged[c] for c in sorted(merged)], unmatched


class _CodeMapper:
    """Last year's 功能分类 code → this year's, through the diff of the two years' catalogs."""

    def __init__(self, prior_year: int, year: int) -> None:
        try:
            self.old = reference.load("function", prior_year)
            self.new = reference.load("function", year)
        except UnknownYear as exc:
            raise AddinError(str(exc)) from None
        self.changes = diff(self.old, self.new)
        self.mapping = self.changes.mapping(self.old, self.new)
        self.renamed = {r.code: r for r in self.changes.renamed}
        self.notes = [] if self.changes.unchanged else [f"科目目录变化：{self.changes.summary()}"]

    def map(self, code: str, printed: str) -> tuple[str | None, str]:
        """(this year's code, note) or (None, why not)."""
        if code in self.mapping:
            new = self.mapping[code]
            if new != code:
                return new, f"上年科目{code}本年改为{new}"
            rename = self.renamed.get(code)
            return code, f"本年更名（上年：{rename.old_name}）" if rename else ""
        if code in self.new:  # unknown to last year's catalog, valid this year
            return code, ""
        by_name = self.new.code_for_name(printed) if printed else None
        if by_name is not None and len(by_name) == len(code):
            return by_name, f"上年科目{code}按名称对应到本年{by_name}"
        if code in self.old:
            return None, "本年目录已停用该科目，且找不到同名科目"
        return None, "上年、本年目录中均无此科目"


def pull_prior(
    prior: Path,
    current: Path,
    output: Path | None = None,
    *,
    in_place: bool = False,
    year: int | None = None,
) -> PullOutcome:
    """Read last year's tables from ``prior`` and write this year's 上年数 of ``current``."""
    from yujuesuan.workbook.edit import open_for_edit
    from yujuesuan.workbook.prior_sheet import SHEET as PRIOR_SHEET
    from yujuesuan.workbook.prior_sheet import write_prior_sheet
    from yujuesuan.workbook.save_changes import save_changes
    from yujuesuan.workbook.read import read_book

    prior, current = Path(prior), Path(current)
    target = default_output(current, output, in_place=in_place, tag="上年数")
    book, _ = read_book(prior)
    workbook = open_for_edit(current)
    year = year or _cover_year(workbook, current)
    if book.year is not None and book.year != year - 1:
        raise AddinError(
            f"上年工作簿是{book.year}年度，本年工作簿是{year}年度，应相差一年：{prior}"
        )
    rows, unmatched, notes = prior_rows(book, year)
    write_prior_sheet(workbook, rows)
    saved_backup = backup(current) if in_place else None
    write_atomically(target, lambda tmp: save_changes(current, workbook, tmp, changed={PRIOR_SHEET}))
    return PullOutcome(target, saved_backup, book.year or year - 1, year, rows, unmatched, notes)


def _cover_year(workbook: object, path: Path) -> int:
    """The year on the 封面, else the year in the tables' titles (a published-layout workbook)."""
    from yujuesuan.errors import WorkbookFormatError
    from yujuesuan.workbook.ledger_sheets import cover
    from yujuesuan.workbook.read import read_book

    year = cover_year(cover(workbook))
    if year is not None:
        return year
    try:
        found = read_book(path)[0].year
    except WorkbookFormatError:
        found = None
    if found is None:
        raise AddinError(
            f"无法确定本年工作簿的年度：{path}。请在“封面”的“年度”后填写如 2022，或用 --year 指定。"
        )
    return found


def total_rows(rows: Iterable[PriorRow]) -> dict[str, Decimal]:
    """项目 label → amount of the fixed (non-code) rows, e.g. for the narrative."""
    return {r.label: r.amount for r in rows if not r.code and r.amount is not None}
