"""Store computed values next to formulas in a saved .xlsx, as a spreadsheet does when it saves.

openpyxl writes formulas without cached values, so viewers, WPS's protected view and any reader
of cached values (python-calamine, ``data_only``) would see blanks until someone recalculates.
The build knows what every formula computes to; this writes those values into the package.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"((?:[^>/]|/(?!>))*)>(<f>.*?</f>)(<v>.*?</v>|<v\s*/>)?</c>', re.S)


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title → part name, from xl/workbook.xml and its relationships."""
    workbook = archive.read("xl/workbook.xml").decode("utf-8")
    rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = dict(re.findall(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
    targets.update({k: v for v, k in re.findall(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    out = {}
    for name, rid in re.findall(r'<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', workbook):
        target = targets[rid]
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        out[_unescape(name)] = part
    return out


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def inject_cached_values(path: Path, values: dict[tuple[str, str], Any]) -> int:
    """Write ``values`` as the cached results of the formula cells they address; returns how many."""
    by_sheet: dict[str, dict[str, Any]] = {}
    for (sheet, address), value in values.items():
        by_sheet.setdefault(sheet, {})[address] = value
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.xlsx"
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            parts = {part: by_sheet.get(title, {}) for title, part in sheet_parts(src).items()}
            for info in src.infolist():
                data = src.read(info.filename)
                wanted = parts.get(info.filename)
                if wanted:
                    data, n = _inject(data, wanted)
                    count += n
                dst.writestr(info, data)
        shutil.move(str(out), path)
    return count


def _inject(xml: bytes, wanted: dict[str, Any]) -> tuple[bytes, int]:
    count = 0

    def replace(match: re.Match[bytes]) -> bytes:
        nonlocal count
        address = match.group(1).decode()
        if address not in wanted:
            return match.group(0)
        count += 1
        attributes = re.sub(rb'\s+t="[^"]*"', b"", match.group(2))
        value = wanted[address]
        if isinstance(value, str):
            attributes += b' t="str"'
            cached = escape(value).encode("utf-8")
        else:
            cached = _number(value).encode()
        return b'<c r="' + match.group(1) + b'"' + attributes + b">" + match.group(3) + b"<v>" + cached + b"</v></c>"

    return _CELL.sub(replace, xml), count


def _number(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value else "0"
    return repr(float(value))
