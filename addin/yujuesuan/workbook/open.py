"""Open a workbook file safely and turn each sheet into a grid of cell values.

Refuses, with a Chinese message naming the file, what cannot be read: missing files, legacy
.xls, encrypted (password-protected) files, files that are not a zip package, corrupt packages,
and hostile packages — more parts or more uncompressed bytes than any real disclosure workbook
has (zip bombs), or XML with a DTD (entity expansion, external entities that would read local
files) — before any parser sees them. Opens read-only: the input is never written. Declared
dimensions are ignored (they can lie).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from yujuesuan.errors import WorkbookFormatError
from yujuesuan.workbook.cache import sheet_parts

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_ROWS = 20000
MAX_COLS = 200
SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
MAX_PARTS = 10_000  # a nine-table workbook has ~30; a large user workbook a few hundred
MAX_UNCOMPRESSED = 800 * 2**20  # a 1,000,000-row 底稿 is ~150 MiB of XML
DTD_WINDOW = 4096  # a DTD must come before the root element, at the very start of a part
CALAMINE_MAX = 64 * 2**20  # bytes of sheet XML calamine may hold in memory at once

Grid = list[list[Any]]


def check_file(path: Path) -> None:
    """Raise ``WorkbookFormatError`` unless ``path`` looks like an OOXML workbook we can open."""
    if not path.exists():
        raise WorkbookFormatError(f"找不到文件：{path}")
    if path.is_dir():
        raise WorkbookFormatError(f"这是文件夹，不是工作簿：{path}")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC):
        if _is_encrypted_package(path):
            raise WorkbookFormatError(f"文件已加密（设置了打开密码），无法读取：{path}。请取消密码保护后再检查。")
        raise WorkbookFormatError(f"不支持旧版 Excel 97-2003 格式（.xls）：{path}。请在 Excel 或 WPS 中另存为 .xlsx 后再检查。")
    if path.suffix.lower() == ".xls":
        raise WorkbookFormatError(f"不支持 .xls 文件（且内容不是 Excel 97-2003 格式）：{path}。请另存为 .xlsx 后再检查。")
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookFormatError(f"文件不是有效的 Excel 工作簿（.xlsx），可能是改了扩展名的其他文件：{path}")
    if path.suffix.lower() not in SUFFIXES:
        raise WorkbookFormatError(f"不支持的文件类型“{path.suffix}”：{path}（支持 .xlsx / .xlsm）")
    check_package(path)


def check_package(path: Path) -> None:
    """Refuse zip bombs and XML with a DTD, reading only the zip directory and part headers.

    Python's zipfile never inflates a part beyond its declared size (it fails the CRC instead),
    so declared sizes bound the work of every reader that goes through it; calamine and
    LibreOffice get only packages that passed here.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise WorkbookFormatError(f"工作簿包含 {len(infos)} 个部件，远超正常工作簿，疑似恶意文件，已拒绝读取：{path}")
            total = sum(info.file_size for info in infos)
            if total > MAX_UNCOMPRESSED:
                raise WorkbookFormatError(
                    f"工作簿解压后约 {total / 2**20:,.0f} MB，超出可处理的上限（{MAX_UNCOMPRESSED // 2**20} MB），"
                    f"疑似压缩炸弹，已拒绝读取：{path}"
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")) and _has_dtd(archive, info):
                    raise WorkbookFormatError(
                        f"工作簿部件 {info.filename} 含有 DTD/实体声明（正常工作簿没有），可能引用本机文件或无限展开，"
                        f"已拒绝读取：{path}"
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise WorkbookFormatError(f"工作簿已损坏，无法打开：{path}（{type(exc).__name__}）") from None


def _has_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with archive.open(info) as part:
        head = part.read(DTD_WINDOW)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 XML
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper()


def _is_encrypted_package(path: Path) -> bool:
    """An encrypted .xlsx is an OLE container with an "EncryptedPackage" stream (names are UTF-16)."""
    marker = "EncryptedPackage".encode("utf-16-le")
    with path.open("rb") as handle:
        return marker in handle.read(64 * 1024 * 1024)


def read_grids(path: Path) -> dict[str, Grid]:
    """Every visible and hidden sheet as rows of values (cached values for formulas).

    Sheets are read with python-calamine (~25× faster than openpyxl, and blind to a missing
    ``<dimension>`` that makes openpyxl scan a whole 底稿 twice); a sheet whose XML is larger
    than ``CALAMINE_MAX`` — calamine holds a part in memory — streams through openpyxl instead.
    """
    check_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            parts = {t: p for t, p in sheet_parts(archive).items() if "/chartsheets/" not in f"/{p}"}
            sizes = {t: archive.getinfo(p).file_size for t, p in parts.items() if p in archive.namelist()}
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise WorkbookFormatError(f"工作簿已损坏，无法打开：{path}（{type(exc).__name__}）") from None
    large = {t for t, size in sizes.items() if size > CALAMINE_MAX}
    grids = _calamine_grids(path, [t for t in parts if t in sizes and t not in large])
    if grids is None:  # calamine could not read the package: openpyxl decides
        return _openpyxl_grids(path, set(parts))
    if large:
        grids |= _openpyxl_grids(path, large)
    return {t: grids[t] for t in parts if t in grids}


def _calamine_grids(path: Path, titles: list[str]) -> dict[str, Grid] | None:
    try:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        out = {}
        for title in titles:
            rows = book.get_sheet_by_name(title).to_python(skip_empty_area=False, nrows=MAX_ROWS)
            out[title] = _trimmed([[_plain(v) for v in row[:MAX_COLS]] for row in rows])
        return out
    except Exception:  # calamine's errors are many and untyped; openpyxl gets a second look
        return None


def _plain(value: Any) -> Any:
    """A calamine value as openpyxl gives it: blank is None, whole numbers are ints."""
    if value == "" or value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _openpyxl_grids(path: Path, titles: set[str]) -> dict[str, Grid]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise WorkbookFormatError(f"工作簿已损坏，无法打开：{path}（{type(exc).__name__}）") from None
    try:
        return {ws.title: _grid(ws) for ws in book.worksheets if ws.title in titles}
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as exc:
        raise WorkbookFormatError(f"工作簿已损坏，无法读取：{path}（{type(exc).__name__}）") from None
    finally:
        book.close()


def _grid(ws: Any) -> Grid:
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    rows: Grid = []
    for index, row in enumerate(ws.iter_rows(values_only=True)):
        if index >= MAX_ROWS:
            break
        rows.append(list(row[:MAX_COLS]))
    return _trimmed(rows)


def _trimmed(rows: Grid) -> Grid:
    """Without trailing blank cells on each row and trailing blank rows."""
    for values in rows:
        while values and values[-1] in (None, ""):
            values.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


# A cell element with content; self-closing empty cells (<c r="B7" s="3"/>) must not match.
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"(?:[^>/]|/(?!>))*>(.*?)</c>', re.S)


def uncalculated_formulas(path: Path) -> dict[str, list[str]]:
    """Formula cells saved without a cached value, per sheet (files written by programs that do
    not calculate, e.g. openpyxl). Reading them data-only gives blanks, so the checker says so."""
    check_file(path)
    out: dict[str, list[str]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for title, part in sheet_parts(archive).items():
                if part not in archive.namelist():
                    continue
                xml = archive.read(part)
                if b"<f" not in xml:
                    continue
                missing = [m.group(1).decode() for m in _FORMULA_CELL.finditer(xml) if _no_value(m.group(2))]
                if missing:
                    out[title] = missing
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise WorkbookFormatError(f"工作簿已损坏，无法读取：{path}（{type(exc).__name__}）") from None
    return out


def _no_value(body: bytes) -> bool:
    if b"<f" not in body:
        return False
    value = re.search(rb"<v>(.*?)</v>", body, re.S)
    return value is None or not value.group(1).strip()
