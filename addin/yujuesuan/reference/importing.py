"""Read an official catalog spreadsheet (as rows of cell values) into validated catalog entries.

The Ministry's files differ from year to year: the code sits in one column (科目编码 / 编码 /
代码) or is split over 类 / 款 / 项 columns under a merged 科目编码 header; split parts are full
codes (``20103``) or only the two new digits (``03``, or the number 3); codes are text or numbers
(``2010350.0``); names are indented with spaces. This module finds the columns by their header
text and rebuilds full codes, then validates what it read the way the bundled data is tested
(``tests/reference/test_data_files.py``): unique codes, 3/5/7 (功能) or 3/5 (经济) digits, every
child's parent present, names NFC without inner whitespace. Every problem becomes one Chinese
message naming the file, sheet and row; any problem rejects the whole file.

Only the standard library: the spreadsheet itself is opened in ``workbook.catalog_file``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from yujuesuan.errors import AddinError

from .catalog import KIND_LABELS, LEVELS, Entry, Level
from .codes import compact

Rows = Sequence[Sequence[Any]]
HEADER_SEARCH_ROWS = 30
PART_LABELS = ("类", "款", "项")
PART_LENGTHS = (3, 5, 7)
CODE_SUFFIXES = ("编码", "代码")
NAME_SUFFIX = "名称"
KIND_WORDS: Mapping[str, tuple[str, ...]] = {"function": ("功能",), "economic": ("经济",)}


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a catalog file was refused, with where it is."""

    source: str
    sheet: str
    row: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source} 工作表“{self.sheet}”" + (f"第{self.row}行" if self.row else "")
        return f"{where}：{self.message}"


class CatalogRejected(AddinError):
    """The file is not a valid catalog; ``problems`` lists every reason, nothing was installed."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        super().__init__(f"科目目录有{len(problems)}处问题，未导入：{source}")
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Columns:
    """Where the header is and which columns hold the code (or its parts) and the name."""

    header_row: int  # 0-based index of the last header row
    name: int
    code: int | None = None
    parts: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReadCatalog:
    """Entries read from one sheet, with how they were found (for the import report)."""

    sheet: str
    entries: tuple[Entry, ...]
    columns: Columns
    trimmed: int  # names whose leading/trailing spaces (indentation) were removed


def read_catalog(
    sheets: Mapping[str, Rows], *, kind: str, source: str, sheet: str | None = None
) -> ReadCatalog:
    """Entries of ``kind`` from the sheet that holds the catalog; ``CatalogRejected`` if invalid."""
    name, rows, columns = _choose_sheet(sheets, kind=kind, source=source, sheet=sheet)
    entries, rows_problems, trimmed = _entries(rows, columns, kind=kind, source=source, sheet=name)
    problems = rows_problems + _tree_problems(entries, kind=kind, source=source, sheet=name)
    if not entries and not problems:
        problems.append(Problem(source, name, None, "表头下没有任何科目"))
    if problems:
        raise CatalogRejected(source, problems)
    return ReadCatalog(name, tuple(entry for entry, _ in entries), columns, trimmed)


def _fold(value: Any) -> str:
    return "".join(unicodedata.normalize("NFKC", str(value)).split()) if value is not None else ""


def find_columns(rows: Rows, kind: str) -> Columns | None:
    """The header of a catalog sheet within its first rows, or None if there is none.

    A row with a 名称 column and 类/款(/项) columns; or a 编码 column and 名称, with 类/款/项
    in the row below (a merged 科目编码 header); or a 编码 column and 名称 alone.
    """
    wanted = PART_LABELS[: len(LEVELS[kind])]
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        labels = _labels(row)
        name = _first(labels, (NAME_SUFFIX,))
        if name is None:
            continue
        code = _first(labels, CODE_SUFFIXES)
        parts = _parts(labels, wanted)
        below = _parts(_labels(rows[index + 1]), wanted) if index + 1 < len(rows) else ()
        if parts:
            return Columns(header_row=index, name=name, parts=parts)
        if code is not None and below:
            return Columns(header_row=index + 1, name=name, parts=below)
        if code is not None:
            return Columns(header_row=index, name=name, code=code)
    return None


def _labels(row: Sequence[Any]) -> dict[str, int]:
    """Folded header text → its leftmost column."""
    out: dict[str, int] = {}
    for col, value in enumerate(row):
        out.setdefault(_fold(value), col)
    out.pop("", None)
    return out


def _first(labels: Mapping[str, int], suffixes: tuple[str, ...]) -> int | None:
    """The leftmost column whose header ends with one of ``suffixes``."""
    return min((col for label, col in labels.items() if label.endswith(suffixes)), default=None)


def _parts(labels: Mapping[str, int], wanted: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(labels[w] for w in wanted) if all(w in labels for w in wanted) else ()


def _choose_sheet(
    sheets: Mapping[str, Rows], *, kind: str, source: str, sheet: str | None
) -> tuple[str, Rows, Columns]:
    if sheet is not None and sheet not in sheets:
        known = "、".join(sheets)
        raise CatalogRejected(
            source, [Problem(source, sheet, None, f"没有这个工作表（有：{known}）")]
        )
    names = [sheet] if sheet is not None else list(sheets)
    found = [(n, sheets[n], c) for n in names if (c := find_columns(sheets[n], kind)) is not None]
    preferred = [f for f in found if any(word in f[0] for word in KIND_WORDS[kind])]
    if preferred or found:
        return (preferred or found)[0]
    message = "找不到科目目录的表头（需要“科目编码”或“类/款/项”列，以及“科目名称”列）"
    raise CatalogRejected(source, [Problem(source, n, None, message) for n in names])


def _entries(
    rows: Rows, columns: Columns, *, kind: str, source: str, sheet: str
) -> tuple[list[tuple[Entry, int]], list[Problem], int]:
    """(entry, row number) per data row with a code; problems of single rows; names trimmed."""
    out: list[tuple[Entry, int]] = []
    problems: list[Problem] = []
    context: list[str] = ["", ""]
    first: dict[str, int] = {}
    trimmed = 0
    for index in range(columns.header_row + 1, len(rows)):
        number = index + 1
        code, problem = _row_code(rows[index], columns, context)
        if problem is not None:
            problems.append(Problem(source, sheet, number, problem))
        if code is None:
            continue
        raw_name = _cell(rows[index], columns.name)
        name = "" if raw_name is None else str(raw_name)
        trimmed += name != name.strip()
        name = name.strip()
        messages = _code_problems(code, kind) + _name_problems(code, name)
        if code in first:
            messages.append(f"科目编码{code}重复（第{first[code]}行已有）")
        problems += [Problem(source, sheet, number, message) for message in messages]
        if not messages:
            first[code] = number
            out.append(
                (Entry(code, name, Level.of(code), code[:-2] if len(code) > 3 else None), number)
            )
    return out, problems, trimmed


def _cell(row: Sequence[Any], col: int) -> Any:
    value = row[col] if col < len(row) else None
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def _row_code(
    row: Sequence[Any], columns: Columns, context: list[str]
) -> tuple[str | None, str | None]:
    """The full code of a row (rebuilt from 类/款/项 parts if split) or a problem; (None, None)
    for a row without any code (titles, notes, blank rows)."""
    if columns.code is not None:
        value = _cell(row, columns.code)
        return (None, None) if value is None else (_compact(value), None)
    parts = [_cell(row, col) for col in columns.parts]
    filled = [i for i, value in enumerate(parts) if value is not None]
    if not filled:
        return None, None
    code = ""
    for level in range(filled[-1] + 1):
        part = _compact(parts[level]) if parts[level] is not None else ""
        if not part:
            code = context[level] if level < len(context) else ""
            if not code:
                return (
                    None,
                    f"{PART_LABELS[level]}列为空，且上方没有可沿用的{PART_LABELS[level]}编码",
                )
        elif len(part) == PART_LENGTHS[level] or level == 0:
            code = part
        elif len(part) <= 2 and part.isdigit():
            code += part.zfill(2)
        else:
            return None, f"{PART_LABELS[level]}列的编码“{part}”无法识别"
        if level < len(context):
            context[level] = code
    for deeper in range(filled[-1] + 1, len(context)):
        context[deeper] = ""
    return code, None


def _compact(value: Any) -> str:
    try:
        return compact(value)
    except TypeError:
        return str(value).strip()


def _code_problems(code: str, kind: str) -> list[str]:
    if not (code.isascii() and code.isdigit()):
        return [f"科目编码“{code}”不是数字"]
    if len(code) not in LEVELS[kind]:
        allowed = "、".join(str(n) for n in sorted(LEVELS[kind]))
        return [f"科目编码{code}是{len(code)}位，{KIND_LABELS[kind]}的编码应为{allowed}位"]
    return []


def _name_problems(code: str, name: str) -> list[str]:
    if not name:
        return [f"科目{code}没有名称"]
    out = []
    if len(name.split()) > 1:
        out.append(f"科目{code}的名称“{name}”中间有空白字符")
    if unicodedata.normalize("NFC", name) != name:
        out.append(f"科目{code}的名称“{name}”不是 NFC 规范形式（含兼容字符），请改用标准字符")
    return out


def _tree_problems(
    entries: list[tuple[Entry, int]], *, kind: str, source: str, sheet: str
) -> list[Problem]:
    codes = {entry.code for entry, _ in entries}
    return [
        Problem(
            source,
            sheet,
            number,
            f"科目{entry.code} {entry.name}的上级科目{entry.parent}不在目录中",
        )
        for entry, number in entries
        if entry.parent is not None and entry.parent not in codes
    ]
