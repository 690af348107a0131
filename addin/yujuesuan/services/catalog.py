"""科目目录: import an official catalog spreadsheet as a user edition; list, show and diff editions.

``import_catalog`` reads the file, validates it (``reference.importing``), compares it with the
edition in force for that year before the import (the user's earlier import, else the bundled
edition, else the newest earlier year's), and only then installs it in the per-user data folder
(``reference.user``). A refused file installs nothing. Known printed variants (aliases) of codes
whose name did not change are carried over, so 决算 labels like ``一般公共服务`` still match.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from yujuesuan import reference
from yujuesuan.errors import AddinError, UnknownYear
from yujuesuan.reference import Catalog, Entry, UserEdition, canonical_kind
from yujuesuan.reference.catalog import KIND_LABELS
from yujuesuan.reference.diff import CatalogDiff, diff
from yujuesuan.reference.importing import read_catalog
from yujuesuan.reference.names import normalise_name
from yujuesuan.reference.user import install

EARLIEST_YEAR = 2000


@dataclass(frozen=True)
class ImportOutcome:
    """What ``import_catalog`` installed and how it differs from what was in force before."""

    edition: UserEdition
    sheet: str
    entries: int
    trimmed: int
    changes: CatalogDiff


def import_catalog(path: Path, *, kind: str, year: int, sheet: str | None = None) -> ImportOutcome:
    """Validate ``path`` and install it as the user edition of ``kind`` for ``year``.

    Raises ``CatalogRejected`` (every problem listed, nothing installed) or
    ``WorkbookFormatError`` when the file cannot be opened.
    """
    from yujuesuan.workbook.catalog_file import read_catalog_sheets

    kind = canonical_kind(kind)
    path = Path(path)
    read = read_catalog(read_catalog_sheets(path), kind=kind, source=str(path), sheet=sheet)
    previous = catalog_in_force(kind, year)
    entries = _with_aliases(read.entries, previous)
    new = Catalog(kind, str(year), entries)
    old = previous or Catalog(kind, "（无）", ())
    changes = diff(old, new, new_label=f"导入的{year}年{KIND_LABELS[kind]}")
    edition = install(kind, year, entries, source=str(path.resolve()), sheet=read.sheet)
    reference.clear_caches()
    return ImportOutcome(edition, read.sheet, len(entries), read.trimmed, changes)


def catalog_in_force(kind: str, year: int) -> Catalog | None:
    """The catalog ``load`` gives for ``year``, else for the newest earlier year; None if none."""
    for candidate in range(year, EARLIEST_YEAR - 1, -1):
        try:
            return reference.load(kind, candidate)
        except UnknownYear:
            continue
    return None


def _with_aliases(entries: tuple[Entry, ...], previous: Catalog | None) -> tuple[Entry, ...]:
    if previous is None:
        return entries
    out = []
    for entry in entries:
        old = previous.entry(entry.code) if entry.code in previous else None
        if old is not None and normalise_name(old.name) == normalise_name(entry.name):
            entry = replace(entry, aliases=old.aliases)
        out.append(entry)
    return tuple(out)


def compare_years(kind: str, old_year: int, new_year: int) -> CatalogDiff:
    """The changes between the catalogs in force for two years."""
    kind = canonical_kind(kind)
    old, new = reference.load(kind, old_year), reference.load(kind, new_year)
    return diff(
        old,
        new,
        old_label=f"{old_year}年{KIND_LABELS[kind]}",
        new_label=f"{new_year}年{KIND_LABELS[kind]}",
    )


def show_code(code: str, *, year: int, kind: str | None = None) -> list[str]:
    """Chinese lines describing ``code`` in the year's catalog(s): name, level, parent, children."""
    kinds = [canonical_kind(kind)] if kind else list(reference.KINDS)
    wanted = reference.compact(code)
    lines = []
    for each in kinds:
        catalog = reference.load(each, year)
        if wanted not in catalog:
            continue
        entry = catalog.entry(wanted)
        parent = f"{entry.parent} {catalog.name(entry.parent)}" if entry.parent else "（无）"
        lines.append(
            f"{entry.code} {entry.name}（{year}年{KIND_LABELS[each]}，{entry.level.label}）"
        )
        lines.append(f"  上级科目：{parent}")
        lines += [f"  下级科目：{c} {catalog.name(c)}" for c in catalog.children(entry.code)]
        if entry.aliases:
            lines.append(f"  其他写法：{'、'.join(entry.aliases)}")
        lines.append(f"  目录版本：{reference.edition_label(each, year)}")
    if not lines:
        raise AddinError(f"{year}年的科目目录中没有编码{wanted or '（空）'}")
    return lines


def list_editions() -> list[str]:
    """Chinese lines: the years and editions bundled, then every user edition."""
    lines = ["随软件提供的目录："]
    for edition in reference.editions():
        years = "、".join(str(y) for y in edition.years)
        lines.append(
            f"  {KIND_LABELS[edition.kind]} {edition.edition}年版：用于 {years} 年（{edition.title}）"
        )
    users = reference.user_editions()
    lines.append("用户导入的目录（优先使用）：" if users else "用户导入的目录：无")
    for user in users:
        lines.append(
            f"  {KIND_LABELS[user.kind]} {user.year}年：{user.entries} 个科目，"
            f"导入于 {user.imported.replace('T', ' ')}，来源 {user.source}（{user.file}）"
        )
    return lines
