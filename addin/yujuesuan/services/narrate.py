"""情况说明: check a narrative against its workbook, and draft one from the tables.

A narrative comes from a .txt or .docx file (``--narrative``) or from a 情况说明 sheet in the
workbook itself (one paragraph per non-empty cell, located by sheet!cell). The 上年数 and
年初预算 sheets of the template, when present, supply the prior-year and budget figures that no
published table holds. Both kinds: a 预算 workbook (kind read from its table titles) is checked
and drafted with the budget wording and cells (``narrative.budget_cells``, ``budget_draft``).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from yujuesuan.errors import WorkbookFormatError
from yujuesuan.findings import Finding
from yujuesuan.money import NotANumber, parse_amount
from yujuesuan.narrative import Context, check_narrative
from yujuesuan.narrative.text import Paragraph, paragraphs
from yujuesuan.narrative.values import BUDGET_LABELS, PRIOR_LABELS, sheet_key
from yujuesuan.tables import Book

SHEET = "情况说明"
PRIOR_SHEET = "上年数"
BUDGET_SHEET = "年初预算"
TEXT_SUFFIXES = (".txt", ".md")
ENCODINGS = ("utf-8-sig", "gb18030")


def read_narrative(path: Path) -> list[Paragraph]:
    """Paragraphs of a .txt or .docx narrative; a Chinese ``WorkbookFormatError`` otherwise."""
    path = Path(path)
    if not path.exists():
        raise WorkbookFormatError(f"找不到情况说明文件：{path}")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return paragraphs(_docx_text(path))
    if suffix in TEXT_SUFFIXES:
        for encoding in ENCODINGS:
            try:
                return paragraphs(path.read_text(encoding=encoding))
            except UnicodeDecodeError:
                continue
        raise WorkbookFormatError(f"情况说明文件不是 UTF-8 或 GB18030 编码的文本：{path}")
    raise WorkbookFormatError(f"情况说明须为 .txt 或 .docx 文件：{path}")


def _docx_text(path: Path) -> str:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for a bad package
        raise WorkbookFormatError(f"无法打开 Word 文件：{path}（{type(exc).__name__}）") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += ["\t".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def has_sheet(path: Path, name: str) -> bool:
    """Whether an .xlsx declares a sheet ``name`` (reads only workbook.xml)."""
    try:
        with zipfile.ZipFile(path) as archive:
            text = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    return re.search(r'<sheet[^>]*name="' + re.escape(name) + '"', text) is not None


def sheet_paragraphs(grid: list[list[object]], sheet: str = SHEET) -> list[Paragraph]:
    """One paragraph per non-empty text cell, row by row, each located by its cell."""
    out: list[Paragraph] = []
    for r, row in enumerate(grid, start=1):
        for c, value in enumerate(row, start=1):
            if value is None or not str(value).strip():
                continue
            origin = f"{sheet}!{_column(c)}{r}"
            for part in paragraphs(str(value)):
                out.append(Paragraph(len(out) + 1, part.text, origin=origin))
    return out


def _column(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def side_figures(
    grids: dict[str, list[list[object]]], sheet: str, labels: dict[str, str]
) -> dict[str, Decimal]:
    """项目 | 金额(万元) rows of the 上年数 / 年初预算 sheet, keyed like narrative subjects."""
    out: dict[str, Decimal] = {}
    for row in grids.get(sheet, [])[1:]:
        if len(row) < 2 or row[0] is None:
            continue
        key = sheet_key(str(row[0]), labels)
        try:
            amount = parse_amount(row[1])
        except NotANumber:
            continue
        if key and amount is not None:
            out[key] = amount
    return out


def context_for(book: Book, grids: dict[str, list[list[object]]]) -> Context:
    return Context(
        book,
        prior=side_figures(grids, PRIOR_SHEET, PRIOR_LABELS),
        budget=side_figures(grids, BUDGET_SHEET, BUDGET_LABELS),
    )


NARRATIVE_SHEETS = frozenset({SHEET, PRIOR_SHEET, BUDGET_SHEET})  # what the narrative check reads


def narrative_findings(path: Path, book: Book, narrative: Path | None = None) -> list[Finding]:
    """Findings about the narrative of a workbook: ``narrative`` if given, else its 情况说明 sheet."""
    if narrative is None and not has_sheet(path, SHEET):
        return []
    grids = read_sheets(path, set(NARRATIVE_SHEETS))
    found = read_narrative(narrative) if narrative is not None else None
    return [_with_file(f, narrative) for f in grid_findings(grids, book, found)]


def grid_findings(grids: Mapping[str, list[list[Any]]], book: Book, found: list[Paragraph] | None = None) -> list[Finding]:
    """The same from sheet grids already read: ``found`` paragraphs, else the 情况说明 sheet's
    (none without that sheet); 上年数 and 年初预算 from the grids. Shared with the ribbon's 校验."""
    sheets = {name: grid for name, grid in grids.items() if name in NARRATIVE_SHEETS}
    if found is None:
        if SHEET not in sheets:
            return []
        found = sheet_paragraphs(sheets[SHEET])
    return list(check_narrative(found, context_for(book, sheets)))


def read_sheets(path: Path, wanted: set[str]) -> dict[str, list[list[object]]]:
    """Only the named sheets, as rows of cached values (the tables were read by ``read_book``)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        out = {}
        for ws in book.worksheets:
            if ws.title in wanted:
                if hasattr(ws, "reset_dimensions"):
                    ws.reset_dimensions()
                out[ws.title] = [list(row) for row in ws.iter_rows(values_only=True)]
        return out
    finally:
        book.close()


def _with_file(finding: Finding, narrative: Path | None) -> Finding:
    from dataclasses import replace

    if narrative is None or finding.location is None:
        return finding
    return replace(finding, location=replace(finding.location, sheet=narrative.name))


def draft_for(workbook: Path, unit: str | None = None) -> tuple[list, Context]:  # type: ignore[type-arg]
    """The drafted 第三部分 of ``workbook`` as blocks, with the context it was drafted from."""
    from yujuesuan.narrative.draft import draft
    from yujuesuan.workbook.open import read_grids
    from yujuesuan.workbook.read import read_book

    book, _ = read_book(workbook)
    every = read_grids(workbook)
    grids = {k: v for k, v in every.items() if k in {PRIOR_SHEET, BUDGET_SHEET, COVER}}
    ctx = context_for(book, grids)
    if unit is None:
        unit = _cover_unit(grids) or _unit_line(every, book)
    return draft(ctx, unit), ctx


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def write_draft(workbook: Path, output: Path, unit: str | None = None) -> Path:
    """Write the draft as .docx (headings bold), .txt, or a copy of the workbook with a 情况说明
    sheet (.xlsx, one paragraph per row); never over the workbook itself."""
    from yujuesuan.narrative.draft import as_text
    from yujuesuan.services.files import write_atomically

    workbook, output = Path(workbook), Path(output)
    if output.suffix.lower() not in (".docx", ".txt", *WORKBOOK_SUFFIXES):
        raise WorkbookFormatError(f"情况说明草稿须写为 .docx、.txt 或 .xlsx/.xlsm 文件：{output}")
    if output.exists() and output.resolve() == workbook.resolve():
        raise WorkbookFormatError(f"不能把草稿写到工作簿本身（请另指定输出文件）：{output}")
    blocks, _ = draft_for(workbook, unit)
    if output.suffix.lower() in WORKBOOK_SUFFIXES:
        return write_atomically(output, lambda tmp: _save_with_sheet(workbook, blocks, tmp))
    if output.suffix.lower() == ".txt":
        return write_atomically(
            output, lambda tmp: tmp.write_text(as_text(blocks), encoding="utf-8")
        )
    return write_atomically(output, lambda tmp: _save_docx(blocks, tmp))


def _save_docx(blocks: list, path: Path) -> None:  # type: ignore[type-arg]
    import docx

    document = docx.Document()
    for block in blocks:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(block.text)
        run.bold = block.title
    document.save(str(path))


def _save_with_sheet(workbook: Path, blocks: list, path: Path) -> None:  # type: ignore[type-arg]
    """The workbook as it is, plus (or with a fresh) 情况说明 sheet: only that sheet is written
    into a copy of the user's package, so charts, pictures and cached values stay."""
    from openpyxl.styles import Alignment, Font

    from yujuesuan.workbook.edit import open_for_edit
    from yujuesuan.workbook.save_changes import put_text, save_changes

    book = open_for_edit(workbook)
    if SHEET in book.sheetnames:
        del book[SHEET]
    sheet = book.create_sheet(SHEET)
    sheet.column_dimensions["A"].width = 100
    for r, block in enumerate(blocks, start=1):
        cell = sheet.cell(r, 1)
        put_text(cell, block.text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = Font(bold=block.title)
    save_changes(workbook, book, path, changed={SHEET})


COVER = "封面"


UNIT_LINE = re.compile(r"^\s*(?:部门/单位|单位名称|编制单位)\s*[:：]\s*(\S.*?)\s*$")


def _unit_line(grids: dict[str, list[list[object]]], book: Book) -> str:
    """The unit printed above the tables ("部门/单位：武汉市硚口区大数据中心", budget sets)."""
    for table in book.tables.values():
        for row in grids.get(table.sheet, [])[:8]:
            for value in row:
                m = UNIT_LINE.match(str(value)) if isinstance(value, str) else None
                if m:
                    return m.group(1)
    return ""


def _cover_unit(grids: dict[str, list[list[object]]]) -> str:
    for row in grids.get(COVER, []):
        if len(row) >= 2 and row[0] == "单位名称" and row[1]:
            return str(row[1]).strip()
    return ""
