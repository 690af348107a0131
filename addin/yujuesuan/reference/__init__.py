"""Reference catalogs: 支出功能分类科目 (function) and 部门预算支出经济分类科目 (economic).

Each fiscal year uses one edition of each catalog; ``editions.toml`` says which, and records
where every edition file came from. The year is always explicit: there is no default year,
so results never shift when a new edition is added. Editions are read lazily from the
package data and cached; a ``Catalog`` is immutable.

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
from types import MappingProxyType

from .catalog import Catalog, Entry, Level, read_entries
from .codes import RawCode, compact
from .manifest import KINDS, Edition, Manifest, read_manifest
from .names import normalise_name

__all__ = [
    "KINDS",
    "Catalog",
    "Edition",
    "Entry",
    "Level",
    "RawCode",
    "compact",
    "editions",
    "load",
    "normalise_name",
]

MANIFEST_FILE = "editions.toml"
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

    Raises ``UnknownYear`` when no edition is declared for ``year``.
    """
    canonical = _canonical_kind(kind)
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be an int, not {type(year).__name__}")
    return _load_edition(canonical, _manifest().edition_for(canonical, year).edition)


def editions() -> tuple[Edition, ...]:
    """Every edition file declared in the manifest, with its years and provenance."""
    return _manifest().editions


def _canonical_kind(kind: str) -> str:
    try:
        return _KIND_NAMES[kind]
    except (KeyError, TypeError):
        message = f"科目类别应为 function（功能）或 economic（经济），实为 {kind!r}"
        raise ValueError(message) from None


@functools.cache
def _manifest() -> Manifest:
    return read_manifest(_package_file(MANIFEST_FILE))


@functools.cache
def _load_edition(kind: str, edition: str) -> Catalog:
    declared = next(e for e in editions() if (e.kind, e.edition) == (kind, edition))
    return Catalog(kind, edition, read_entries(_package_file(declared.file), kind=kind))


def _package_file(relative: str) -> str:
    resource = resources.files(__name__)
    for part in relative.split("/"):
        resource = resource / part
    return resource.read_text(encoding="utf-8")
