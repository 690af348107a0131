"""Put sheets we rendered into the user's workbook package, leaving every other part as it was.

Loading a user's workbook with openpyxl and saving it drops charts, images and other parts it
does not model, and rewrites every sheet (a 100,000-row 底稿 takes seconds to load and save).
Instead, ``splice_sheets`` copies the user's zip part by part and only: replaces the XML of the
sheets we rendered (or adds them at the end), merges our styles into ``styles.xml``, updates
``workbook.xml`` (sheet list, our defined names, "recalculate on open"), its relationships and
the content types, and drops ``calcChain.xml`` (Excel rebuilds it). Everything else — other
sheets, drawings, charts, comments, VBA, custom XML — is copied unchanged.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from yujuesuan.workbook.cache import sheet_parts
from yujuesuan.workbook.styles_merge import PackageUnsupported, merge_styles, remap_cells

WORKBOOK = "xl/workbook.xml"
RELS = "xl/_rels/workbook.xml.rels"
TYPES = "[Content_Types].xml"
STYLES = "xl/styles.xml"
CALC_CHAIN = "xl/calcChain.xml"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKSHEET = _REL_NS + "/worksheet"
_WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_NAME = re.compile(r"<definedName\b([^>]*)>(.*?)</definedName>", re.S)
_SHEET_DATA = b"<sheetData"
_TAB_SELECTED = b'tabSelected="1"'
_HEAD_CHUNK = 4096


@dataclass(frozen=True)
class Spliced:
    replaced: tuple[str, ...]  # sheet titles whose XML was replaced
    added: tuple[str, ...]  # sheet titles appended


def splice_sheets(
    source: Path,
    rendered: Path,
    target: Path,
    *,
    only: set[str] | None = None,
    remove: set[str] = frozenset(),
    active: str | None = None,
) -> Spliced:
    """Write ``target``: ``source`` with the sheets of ``rendered`` put in (by title) — all of
    them, or those named in ``only`` — and the sheets named in ``remove`` taken out; with
    ``active``, that sheet becomes the selected tab."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(rendered) as ren:
        names = set(src.namelist())
        if not {WORKBOOK, RELS, TYPES, STYLES} <= names:
            raise PackageUnsupported("工作簿缺少 workbook.xml/styles.xml 等部件")
        theirs, ours = sheet_parts(src), sheet_parts(ren)
        rendered_order = list(ours)
        ours = {t: part for t, part in ours.items() if (only is None or t in only) and t not in remove}
        styles = merge_styles(src.read(STYLES), ren.read(STYLES))
        workbook, rels, types = (src.read(n).decode("utf-8") for n in (WORKBOOK, RELS, TYPES))
        if not re.match(r"^\s*(?:<\?xml[^>]*\?>\s*)?<workbook\b", workbook):
            raise PackageUnsupported("workbook.xml 的写法不受支持")
        parts: dict[str, bytes] = {STYLES: styles.xml}
        dropped = {CALC_CHAIN} & names
        replaced, added = [], []
        placed = dict(theirs)  # title → part in the output, ours appended as they are added
        for title, part in ours.items():
            if _rels_of(part) in ren.namelist():
                raise PackageUnsupported(f"渲染的工作表“{title}”带有关系部件，暂不支持按部件写入")
            # one selected tab per workbook: a second one would group the sheets in Excel
            xml = re.sub(rb'\s+tabSelected="1"', b"", remap_cells(ren.read(part), styles.xf))
            if title in theirs:
                parts[theirs[title]] = xml
                dropped |= {_rels_of(theirs[title])} & names
                replaced.append(title)
                continue
            new_part = _free_name(names | set(parts))
            parts[new_part] = xml
            placed[title] = new_part
            workbook, rels, types = _add_sheet(workbook, rels, types, title, new_part)
            added.append(title)
        order = [*theirs, *added]
        workbook = _merge_names(workbook, ren.read(WORKBOOK).decode("utf-8"), rendered_order, order, set(ours))
        for title in [t for t in order if t in remove and t in theirs]:
            workbook, rels, types = _remove_sheet(workbook, rels, types, title, order.index(title))
            dropped |= {theirs[title], _rels_of(theirs[title])} & names
            order.remove(title)
        workbook = _recalculate_on_open(workbook)
        if active is not None and active in order:
            workbook, parts = _activate(src, workbook, parts, placed, order, active)
        if CALC_CHAIN in dropped:
            rels = re.sub(r"<Relationship\b[^>]*calcChain[^>]*/>", "", rels)
            types = re.sub(r'<Override\b[^>]*PartName="/xl/calcChain.xml"[^>]*/>', "", types)
        parts |= {WORKBOOK: workbook.encode(), RELS: rels.encode(), TYPES: types.encode()}
        _write(src, target, parts, dropped)
    return Spliced(tuple(replaced), tuple(added))


# parts openpyxl does not carry through a load and save (it keeps VBA only with keep_vba)
_LOST_BY_OPENPYXL = ("xl/drawings/", "xl/charts/", "xl/media/", "xl/embeddings/", "xl/pivot",
                     "xl/externalLinks/", "xl/activeX/", "xl/ctrlProps/", "xl/slicer", "xl/timeline",
                     "customXml/", "xl/richData/", "xl/model/")


def refuse_lossy_rewrite(source: Path) -> None:
    """Before falling back to openpyxl's whole-workbook save: refuse, naming what would be lost,
    rather than drop a user's charts or pictures silently."""
    with zipfile.ZipFile(source) as archive:
        lost = sorted({n.split("/")[1] if n.startswith("xl/") else n.split("/")[0]
                       for n in archive.namelist() if n.startswith(_LOST_BY_OPENPYXL)})
    if lost:
        from yujuesuan.errors import WorkbookFormatError

        raise WorkbookFormatError(
            f"工作簿的结构无法按部件写入，而整体重写会丢失其中的{'、'.join(lost)}等内容，已停止且未写任何文件：{source}。"
            "请把需要的表另存到一个新工作簿后再试。"
        )


def _write(src: zipfile.ZipFile, target: Path, parts: dict[str, bytes], dropped: set[str]) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as dst:
        for info in src.infolist():
            if info.filename in dropped:
                continue
            dst.writestr(info, parts.pop(info.filename, None) or src.read(info.filename))
        for name, data in parts.items():  # new sheets
            member = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, data)


def _activate(
    src: zipfile.ZipFile, workbook: str, parts: dict[str, bytes], where: dict[str, str], order: list[str], active: str
) -> tuple[str, dict[str, bytes]]:
    """``active`` as the one selected tab: workbook.xml's activeTab, and tabSelected on its sheet
    only (another sheet that had it loses just that attribute)."""
    index = order.index(active)
    if re.search(r'\bactiveTab="\d+"', workbook):
        workbook = re.sub(r'\bactiveTab="\d+"', f'activeTab="{index}"', workbook, count=1)
    else:
        workbook = re.sub(r"<workbookView\b", f'<workbookView activeTab="{index}"', workbook, count=1)
    workbook = re.sub(
        r'\bfirstSheet="(\d+)"', lambda m: m.group(0) if int(m.group(1)) <= index else 'firstSheet="0"', workbook, count=1
    )
    for title, part in where.items():
        if title not in order:
            continue
        xml = parts.get(part)
        if xml is None:
            if title != active and not _selected(src, part):
                continue
            xml = src.read(part)
        xml = re.sub(rb'\s+tabSelected="1"', b"", xml)
        if title == active:
            xml = re.sub(rb"<sheetView\b", b'<sheetView tabSelected="1"', xml, count=1)
        parts[part] = xml
    return workbook, parts


def _selected(src: zipfile.ZipFile, part: str) -> bool:
    """Whether a sheet part says it is the selected tab, read only up to its cells: tabSelected
    sits in <sheetView>, before <sheetData>, so a 100,000-row 底稿 is not read in full."""
    head = bytearray()
    with src.open(part) as stream:
        while chunk := stream.read(_HEAD_CHUNK):
            seen = max(0, len(head) - len(_SHEET_DATA))  # a tag may straddle two chunks
            head += chunk
            end = head.find(_SHEET_DATA, seen)
            if end >= 0:
                head = head[:end]
                break
    return _TAB_SELECTED in head


def _rels_of(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def _free_name(taken: set[str]) -> str:
    n = 1
    while f"xl/worksheets/sheet{n}.xml" in taken:
        n += 1
    return f"xl/worksheets/sheet{n}.xml"


def _add_sheet(workbook: str, rels: str, types: str, title: str, part: str) -> tuple[str, str, str]:
    ids = {int(n) for n in re.findall(r'Id="rId(\d+)"', rels)}
    rid = f"rId{max(ids, default=0) + 1}"
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="{rid}" Type="{_WORKSHEET}" Target="/{part}"/></Relationships>',
    )
    types = re.sub(
        r"</(\w+:)?Types>",
        lambda m: f'<Override PartName="/{part}" ContentType="{_WORKSHEET_TYPE}"/>{m.group(0)}',
        types,
    )
    sheet_id = max((int(n) for n in re.findall(r'<sheet\b[^>]*\bsheetId="(\d+)"', workbook)), default=0) + 1
    # the relationships prefix is declared on the element itself: valid wherever the user's
    # file declares it (on the root, or, as openpyxl writes it, on each <sheet>)
    element = f'<sheet xmlns:r="{_REL_NS}" name="{_escape(title)}" sheetId="{sheet_id}" r:id="{rid}"/>'
    return workbook.replace("</sheets>", element + "</sheets>", 1), rels, types


def _merge_names(workbook: str, rendered: str, rendered_order: list[str], order: list[str], put: set[str]) -> str:
    """The user's defined names, minus those we define anew, plus ours (sheet-local ones with
    their ``localSheetId`` pointing at the same sheet in the user's order) for the sheets we put."""
    ours = []
    for attrs, body in _NAME.findall(rendered):
        local = re.search(r'localSheetId="(\d+)"', attrs)
        if local:
            title = rendered_order[int(local.group(1))]
            if title not in put:
                continue
            attrs = attrs.replace(local.group(0), f'localSheetId="{order.index(title)}"')
        elif not _refers_to_any(body, put):
            continue
        ours.append((_name_key(attrs), f"<definedName{attrs}>{body}</definedName>"))
    keys = {key for key, _ in ours}
    kept = [m.group(0) for m in _NAME.finditer(workbook) if _name_key(m.group(1)) not in keys]
    block = "<definedNames>" + "".join(kept + [text for _, text in ours]) + "</definedNames>"
    existing = re.search(r"<definedNames\b[^>]*?(?:/>|>.*?</definedNames>)", workbook, re.S)
    if existing:
        return workbook[: existing.start()] + block + workbook[existing.end():]
    anchor = max(
        (m.end() for tag in ("sheets", "functionGroups", "externalReferences")
         if (m := re.search(rf"</{tag}>|<{tag}\b[^>]*/>", workbook))),
        default=-1,
    )
    if anchor < 0:
        raise PackageUnsupported("workbook.xml 没有工作表列表")
    return workbook[:anchor] + block + workbook[anchor:]


def _refers_to_any(body: str, titles: set[str]) -> bool:
    return any(f"'{_escape(t).replace(chr(39), chr(39) * 2)}'!" in body or f"{_escape(t)}!" in body for t in titles)


def _remove_sheet(workbook: str, rels: str, types: str, title: str, index: int) -> tuple[str, str, str]:
    """Take one sheet out of the workbook index; sheet-local names shift down with it."""
    element = re.search(rf'<sheet\b[^>]*\bname="{re.escape(_escape(title))}"[^>]*/>', workbook)
    if element is None:
        return workbook, rels, types
    rid = re.search(r'\b\w+:id="([^"]+)"', element.group(0))
    workbook = workbook[: element.start()] + workbook[element.end():]
    if rid:
        rel = re.search(rf'<Relationship\b[^>]*\bId="{re.escape(rid.group(1))}"[^>]*/>', rels)
        if rel:
            target = re.search(r'Target="([^"]+)"', rel.group(0))
            rels = rels[: rel.start()] + rels[rel.end():]
            if target:
                part = target.group(1).lstrip("/")
                part = part if part.startswith("xl/") else f"xl/{part}"
                types = re.sub(rf'<Override\b[^>]*PartName="/{re.escape(part)}"[^>]*/>', "", types)

    def shift(m: re.Match[str]) -> str:
        attrs, body = m.group(1), m.group(2)
        local = re.search(r'localSheetId="(\d+)"', attrs)
        if (local and int(local.group(1)) == index) or (not local and _refers_to_any(body, {title})):
            return ""
        if local and int(local.group(1)) > index:
            attrs = attrs.replace(local.group(0), f'localSheetId="{int(local.group(1)) - 1}"')
        return f"<definedName{attrs}>{body}</definedName>"

    workbook = _NAME.sub(shift, workbook)
    workbook = re.sub(r"<definedNames>\s*</definedNames>", "", workbook)

    def tab(m: re.Match[str]) -> str:
        value = int(m.group(2))
        return f'{m.group(1)}="{value - 1 if value > index else 0 if value == index else value}"'

    workbook = re.sub(r'\b(activeTab|firstSheet)="(\d+)"', tab, workbook)
    return workbook, rels, types


def _name_key(attrs: str) -> tuple[str, str]:
    name = re.search(r'\bname="([^"]*)"', attrs)
    local = re.search(r'localSheetId="(\d+)"', attrs)
    return (name.group(1) if name else "", local.group(1) if local else "")


def _recalculate_on_open(workbook: str) -> str:
    """Formulas elsewhere in the workbook may read our cells: ask the spreadsheet to recalculate."""
    m = re.search(r"<calcPr\b([^>]*?)(/?)>", workbook)
    if m is None:
        end = re.search(r"</definedNames>", workbook)
        at = end.end() if end else workbook.index("</sheets>") + len("</sheets>")
        return workbook[:at] + '<calcPr fullCalcOnLoad="1"/>' + workbook[at:]
    attrs = re.sub(r'\s*fullCalcOnLoad="[^"]*"', "", m.group(1))
    return workbook[: m.start()] + f'<calcPr{attrs} fullCalcOnLoad="1"{m.group(2)}>' + workbook[m.end():]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
