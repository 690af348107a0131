"""What changed between two catalog editions: codes added, removed, renamed, and probably recoded.

Every year the Ministry of Finance revises the 政府收支分类科目: codes are added, retired, or keep
their number under a new name (210 医疗卫生与计划生育支出 → 卫生健康支出). ``added``,
``removed`` and ``renamed`` are exact (names compared after ``normalise_name``, so parenthesis width and stray
spaces are not renames). ``recoded`` is derived from them: a removed code whose name reappears
under exactly one added code of the same level (under the counterpart of its parent when that
is known) is taken to have moved there; ``mapping()`` uses it to carry last year's amounts over.

>>> from yujuesuan.reference import load
>>> changes = diff(load("function", 2023), load("function", 2024))
>>> [entry.code for entry in changes.removed]
['234']
>>> changes.added, changes.renamed
((), ())
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog, Entry
from .names import normalise_name


@dataclass(frozen=True, slots=True)
class Rename:
    """A code kept with a new name."""

    code: str
    old_name: str
    new_name: str


@dataclass(frozen=True, slots=True)
class Recode:
    """A retired code whose name reappears under a new code."""

    old_code: str
    new_code: str
    name: str


@dataclass(frozen=True)
class CatalogDiff:
    """Changes from ``old`` to ``new`` (labels name the two editions)."""

    old_label: str
    new_label: str
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    renamed: tuple[Rename, ...]
    recoded: tuple[Recode, ...] = ()

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.renamed)

    def mapping(self, old: Catalog, new: Catalog) -> dict[str, str]:
        """Old code → new code for every code of ``old`` that has a counterpart in ``new``."""
        out = {entry.code: entry.code for entry in old if entry.code in new}
        out.update({r.old_code: r.new_code for r in self.recoded})
        return out

    def lines(self) -> list[str]:
        """One Chinese line per change, then a summary line."""
        moved = {r.old_code: r for r in self.recoded}
        targets = {r.new_code for r in self.recoded}
        out = [f"新增 {e.code} {e.name}" for e in self.added if e.code not in targets]
        out += [f"停用 {e.code} {e.name}" for e in self.removed if e.code not in moved]
        out += [f"改编码 {r.old_code} → {r.new_code} {r.name}" for r in self.recoded]
        out += [f"更名 {r.code} {r.old_name} → {r.new_name}" for r in self.renamed]
        out.append(self.summary())
        return out

    def summary(self) -> str:
        if self.unchanged:
            return f"{self.new_label}与{self.old_label}相同。"
        recoded = f"（其中 {len(self.recoded)} 个为改编码）" if self.recoded else ""
        return (
            f"{self.new_label}相对{self.old_label}：新增 {len(self.added)} 个、"
            f"停用 {len(self.removed)} 个{recoded}、更名 {len(self.renamed)} 个科目。"
        )


def diff(old: Catalog, new: Catalog, *, old_label: str = "", new_label: str = "") -> CatalogDiff:
    """The changes that turn ``old`` into ``new``."""
    added = tuple(entry for entry in new if entry.code not in old)
    removed = tuple(entry for entry in old if entry.code not in new)
    renamed = tuple(
        Rename(entry.code, entry.name, new.name(entry.code))
        for entry in old
        if entry.code in new and not _same_name(entry.name, new.name(entry.code))
    )
    return CatalogDiff(
        old_label=old_label or old.label,
        new_label=new_label or new.label,
        added=added,
        removed=removed,
        renamed=renamed,
        recoded=_recoded(old, added, removed),
    )


def _same_name(left: str, right: str) -> bool:
    return normalise_name(left) == normalise_name(right)


def _recoded(
    old: Catalog, added: tuple[Entry, ...], removed: tuple[Entry, ...]
) -> tuple[Recode, ...]:
    """Pair removed and added codes by name and level, parents first (the entries are sorted)."""
    moved: dict[str, str] = {}
    taken: set[str] = set()
    out = []
    for entry in sorted(removed, key=lambda e: (e.level.value, e.code)):
        candidates = [
            a
            for a in added
            if a.level is entry.level and a.code not in taken and _same_name(a.name, entry.name)
        ]
        parent = moved.get(entry.parent or "", entry.parent if entry.parent in old else None)
        if len(candidates) > 1 and parent is not None:
            candidates = [a for a in candidates if a.parent == parent]
        if len(candidates) == 1:
            moved[entry.code] = candidates[0].code
            taken.add(candidates[0].code)
            out.append(Recode(entry.code, candidates[0].code, candidates[0].name))
    return tuple(sorted(out, key=lambda r: r.old_code))
