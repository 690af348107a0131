"""Reference catalogs: 支出功能分类科目 (function) and 部门预算支出经济分类科目 (economic).

Each fiscal year uses one edition of each catalog; ``editions.toml`` says which, and records
where every edition file came from. The year is always explicit: there is no default year,
so results never shift when a new edition is added. Editions are read lazily from the
package data and cached; a ``Catalog`` is immutable. A catalog the user imported for a year
(``reference.user``, ``yjs catalog import``) takes precedence over the bundled edition of that
year; its cache entry is keyed on the file's path, size and modification time, so a re-import is
seen at once. ``clear_caches()`` forgets everything (tests, and the add-in after an import).

This package imports only the standard library and ``yujuesuan.errors``.

>>> cat = load("function", 2021)
>>> cat.name(compact(" 2010350 "))
'事业运行'
>>> cat.parent("2010350"), cat.level("2010350")
('20103', <Level.ITEM: 3>)
>>> cat.matches_name(210, "医疗卫生与计划生育支出")
True
>>> load("经济", 2024).name("30213.0")
'维修（护）费'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from yujuesuan.errors import AddinError, SpecError

from .catalog import Catalog, Entry, Level, read_entries
from .codes import RawCode, compact
from .manifest import KINDS, Edition, Manifest, read_manifest
from .names import normalise_name
from .user import UserEdition, catalog_file, user_edition, user_editions

__all__ = [
    "KINDS",
    "newest_year",
    "Catalog",
    "Edition",
    "Entry",
    "Level",
    "RawCode",
    "UnknownKind",
    "UserEdition",
    "canonical_kind",
    "clear_caches",
    "compact",
    "edition_label",
    "editions",
    "load",
    "load_bundled",
    "normalise_name",
    "user_edition",
    "user_editions",
]

MANIFEST_FILE = "editions.toml"


class UnknownKind(AddinError, ValueError):
    """A catalog kind other than function/economic (a usage error: the CLI exits 2)."""


_KIND_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "function": "function",
        "功能": "function",
        "功能分类": "function",
        "economic": "economic",
        "经济": "economic",
        "经济分类": "economic",
    }
)


def load(kind: str, year: int) -> Catalog:
    """The catalog of ``kind`` ("function"/"功能" or "economic"/"经济") that applies to ``year``.

    A user edition imported for ``year`` (``yjs catalog import``) wins over the bundled one.
    Raises ``UnknownYear`` when neither exists for ``year``.
    """
    canonical = canonical_kind(kind)
    _require_year(year)
    path = catalog_file(canonical, year)
    try:
        stat = path.stat()  # one stat per call: no user edition is the common case
    except OSError:
        return load_bundled(canonical, year)
    return _load_user(canonical, year, str(path), stat.st_mtime_ns, stat.st_size)


def load_bundled(kind: str, year: int) -> Catalog:
    """The edition shipped with the package for ``year``, ignoring any user edition."""
    canonical = canonical_kind(kind)
    _require_year(year)
    return _load_edition(canonical, _manifest().edition_for(canonical, year).edition)


def edition_label(kind: str, year: int) -> str:
    """Which edition ``load(kind, year)`` uses, in Chinese (for reports and the 参考数据 sheet)."""
    canonical = canonical_kind(kind)
    user = user_edition(canonical, year)
    if user is not None:
        source = Path(user.source).name if user.source else "用户文件"
        return f"用户导入（{source}，{user.imported.replace('T', ' ')}）"
    edition = _manifest().edition_for(canonical, year)
    return f"随软件提供的{edition.edition}年版（{edition.title}）"


def clear_caches() -> None:
    """Forget every loaded edition and the manifest."""
    _manifest.cache_clear()
    _load_edition.cache_clear()
    _load_user.cache_clear()


def _require_year(year: object) -> None:
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be an int, not {type(year).__name__}")


def editions() -> tuple[Edition, ...]:
    """Every edition file declared in the manifest, with its years and provenance."""
    return _manifest().editions


def newest_year() -> int:
    """The newest year the bundled catalogs cover (a UDF given no year, a workbook with none)."""
    return max(year for edition in editions() for year in edition.years)


def canonical_kind(kind: str) -> str:
    """``function`` or ``economic`` from any accepted spelling (功能, 经济分类, …)."""
    try:
        return _KIND_NAMES[kind]
    except (KeyError, TypeError):
        message = f"科目类别应为 function（功能）或 economic（经济），实为 {kind!r}"
        raise UnknownKind(message) from None


@functools.cache
def _manifest() -> Manifest:
    return read_manifest(_package_file(MANIFEST_FILE))


@functools.cache
def _load_edition(kind: str, edition: str) -> Catalog:
    declared = next(e for e in editions() if (e.kind, e.edition) == (kind, edition))
    return Catalog(kind, edition, read_entries(_package_file(declared.file), kind=kind))


@functools.lru_cache(maxsize=32)
def _load_user(kind: str, year: int, path: str, mtime_ns: int, size: int) -> Catalog:
    del mtime_ns, size  # part of the cache key only: a re-imported file is read again
    try:
        text = Path(path).read_text(encoding="utf-8")
        return Catalog(kind, str(year), read_entries(text, kind=kind))
    except (OSError, UnicodeDecodeError, SpecError) as exc:
        message = (
            f"用户导入的科目目录文件无法使用：{path}（{exc}）。请重新用 yjs catalog import 导入。"
        )
        raise SpecError(message) from None


def _package_file(relative: str) -> str:
    resource = resources.files(__name__)
    for part in relative.split("/"):
        resource = resource / part
    return resource.read_text(encoding="utf-8")
