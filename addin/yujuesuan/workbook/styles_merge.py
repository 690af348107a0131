"""Merge the cell styles of sheets we rendered into the ``styles.xml`` of the user's workbook.

A spliced sheet's cells say ``s="7"``: the 7th ``<xf>`` of *our* styles.xml. To put the sheet
into the user's package, each of our number formats, fonts, fills, borders and cell formats is
found in (exact text match) or appended to the user's lists, and the sheet's ``s=``/``style=``
indices are rewritten. Index 0 of each list (and fill 1, gray125) is the workbook default and
maps to the user's default. Works on the XML text with small regular expressions so that the
user's styles.xml keeps every byte we do not add (its prefixes, extensions and order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yujuesuan.errors import AddinError

_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?<styleSheet\b")
_SECTIONS = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs")
_CHILD = {"numFmts": "numFmt", "fonts": "font", "fills": "fill", "borders": "border",
          "cellStyleXfs": "xf", "cellXfs": "xf"}
_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs")
_RESERVED = {"fonts": 1, "fills": 2, "borders": 1, "cellStyleXfs": 1, "cellXfs": 1}
_FIRST_CUSTOM_FORMAT = 164


class PackageUnsupported(AddinError):
    """The user's package is written in a way we do not edit in place (caller falls back)."""


@dataclass
class _Section:
    name: str
    items: list[str] = field(default_factory=list)


def _section(xml: str, name: str) -> _Section:
    child = _CHILD[name]
    m = re.search(rf"<{name}\b[^>]*?(?:/>|>(.*?)</{name}>)", xml, re.S)
    if m is None or m.group(1) is None:
        return _Section(name)
    pattern = rf"<{child}\b[^>]*?/>|<{child}\b[^>]*?>.*?</{child}>"
    return _Section(name, re.findall(pattern, m.group(1), re.S))


@dataclass
class StyleMerge:
    """The user's styles.xml with our styles added; ``xf`` maps our cell-format index to theirs."""

    xml: bytes
    xf: dict[int, int]


def merge_styles(theirs: bytes, ours: bytes) -> StyleMerge:
    if not _ROOT.match(theirs) or not _ROOT.match(ours):
        raise PackageUnsupported("styles.xml 的写法不受支持")
    text, mine = theirs.decode("utf-8"), ours.decode("utf-8")
    lists = {name: _section(text, name) for name in _SECTIONS}
    formats = _merge_formats(lists["numFmts"], _section(mine, "numFmts"))
    maps = {name: _merge_list(lists[name], _section(mine, name).items, _RESERVED[name])
            for name in ("fonts", "fills", "borders")}
    xf_map: dict[int, int] = {}
    cell_xfs = lists["cellXfs"]
    for i, xf in enumerate(_section(mine, "cellXfs").items):
        if i == 0:
            xf_map[0] = 0
            continue
        rewritten = _rewrite_xf(xf, formats, maps)
        xf_map[i] = _index_of(cell_xfs, rewritten)
    for name in ("numFmts", "fonts", "fills", "borders", "cellXfs"):
        text = _write_section(text, lists[name])
    return StyleMerge(text.encode("utf-8"), xf_map)


def _merge_list(section: _Section, mine: list[str], reserved: int) -> dict[int, int]:
    out = {}
    for i, item in enumerate(mine):
        out[i] = i if i < reserved and i < len(section.items) else _index_of(section, item)
    return out


def _index_of(section: _Section, item: str) -> int:
    if item in section.items:
        return section.items.index(item)
    section.items.append(item)
    return len(section.items) - 1


def _merge_formats(section: _Section, mine: _Section) -> dict[str, str]:
    """Our custom number-format id → theirs (same format code reused, else a new id)."""
    codes = {_attr(f, "formatCode"): _attr(f, "numFmtId") for f in section.items}
    used = [int(_attr(f, "numFmtId")) for f in section.items]
    out: dict[str, str] = {}
    for item in mine.items:
        code, ours = _attr(item, "formatCode"), _attr(item, "numFmtId")
        if code not in codes:
            new = str(max([_FIRST_CUSTOM_FORMAT - 1, *used]) + 1)
            used.append(int(new))
            section.items.append(re.sub(r'numFmtId="\d+"', f'numFmtId="{new}"', item))
            codes[code] = new
        out[ours] = codes[code]
    return out


def _rewrite_xf(xf: str, formats: dict[str, str], maps: dict[str, dict[int, int]]) -> str:
    def sub(attr: str, value: str) -> str:
        if attr == "numFmtId":
            return formats.get(value, value)
        if attr == "xfId":
            return "0"
        return str(maps[{"fontId": "fonts", "fillId": "fills", "borderId": "borders"}[attr]][int(value)])

    return re.sub(
        r'\b(numFmtId|fontId|fillId|borderId|xfId)="(\d+)"',
        lambda m: f'{m.group(1)}="{sub(m.group(1), m.group(2))}"',
        xf,
        count=5,
    )


def _attr(element: str, name: str) -> str:
    m = re.search(rf'\b{name}="([^"]*)"', element)
    return m.group(1) if m else ""


def _write_section(xml: str, section: _Section) -> str:
    if not section.items:
        return xml
    body = "".join(section.items)
    name = section.name
    m = re.search(rf"<{name}\b([^>]*?)(?:/>|>(.*?)</{name}>)", xml, re.S)
    if m is not None:
        attrs = re.sub(r'\s*\bcount="\d+"', "", m.group(1).rstrip("/"))
        new = f'<{name} count="{len(section.items)}"{attrs}>{body}</{name}>'
        return xml[: m.start()] + new + xml[m.end():]
    # the section is missing: put it where the schema wants it (before the next one present)
    later = _ORDER[_ORDER.index(name) + 1:]
    positions = [p.start() for n in later if (p := re.search(rf"<{n}\b", xml))]
    end = re.search(r"</(?:\w+:)?styleSheet>", xml)
    at = min(positions) if positions else (end.start() if end else len(xml))
    return xml[:at] + f'<{name} count="{len(section.items)}">{body}</{name}>' + xml[at:]


def remap_cells(sheet_xml: bytes, xf: dict[int, int]) -> bytes:
    """Rewrite a rendered sheet's style indices (cells, rows, columns) into the user's."""
    if b"dxfId=" in sheet_xml:
        raise PackageUnsupported("渲染的工作表含条件格式（dxf），暂不支持按部件写入")

    def cell(m: re.Match[bytes]) -> bytes:
        return m.group(1) + str(xf[int(m.group(2))]).encode() + b'"'

    out = re.sub(rb'(<(?:c|row)\b[^>]*?\ss=")(\d+)"', cell, sheet_xml)
    return re.sub(rb'(<col\b[^>]*?\sstyle=")(\d+)"', cell, out)
