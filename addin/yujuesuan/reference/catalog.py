"""One edition of a 科目 catalog (function or economic classification of expenditure).

The two kinds are 支出功能分类科目 (function) and 部门预算支出经济分类科目 (economic).
Codes describe their own place in the tree: 类 (class) = 3 digits, 款 (section) = 类 + 2,
项 (item) = 款 + 2, and a child's code starts with its parent's code. A ``Catalog`` is
immutable and answers questions about codes; loading and caching live in ``__init__``.
"""

from __future__ import annotations

import csv
import enum
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from yujuesuan.errors import SpecError, UnknownCode

from .codes import RawCode, compact
from .names import normalise_name

KIND_LABELS: Mapping[str, str] = MappingProxyType(
    {"function": "功能分类科目", "economic": "经济分类科目"}
)
HEADER = ("code", "name", "aliases")
ALIAS_SEPARATOR = "|"
# 经济分类 has only 类 and 款; 功能分类 goes down to 项.
LEVELS: Mapping[str, frozenset[int]] = MappingProxyType(
    {"function": frozenset({3, 5, 7}), "economic": frozenset({3, 5})}
)


class Level(enum.Enum):
    """Depth of a code in the tree: 类 / 款 / 项."""

    CLASS = 1
    SECTION = 2
    ITEM = 3

    @property
    def label(self) -> str:
        """The Chinese word printed in glossaries, e.g. ``一般公共服务支出(类)``."""
        return _LEVEL_LABELS[self]

    @classmethod
    def of(cls, code: str) -> Level:
        """Level implied by the length of a compact code; ``SpecError`` if none is."""
        try:
            return _LEVEL_BY_LENGTH[len(code)]
        except KeyError:
            raise SpecError(f"科目编码长度应为3、5或7位：{code}") from None


_LEVEL_LABELS = {Level.CLASS: "类", Level.SECTION: "款", Level.ITEM: "项"}
_LEVEL_BY_LENGTH = {3: Level.CLASS, 5: Level.SECTION, 7: Level.ITEM}


@dataclass(frozen=True, slots=True)
class Entry:
    """One 科目: its code, official name, level, parent code and printed name variants."""

    code: str
    name: str
    level: Level
    parent: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, repr=False)
class Catalog:
    """The codes of one edition of one kind, in code order.

    Every method that takes a code accepts raw cell content (``" 2010350 "``,
    ``2010350.0``) and compacts it first. Unknown codes raise ``UnknownCode``.
    """

    kind: str
    edition: str
    entries: tuple[Entry, ...]
    _by_code: Mapping[str, Entry] = field(init=False, repr=False, compare=False)
    _children: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _by_name: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entries = tuple(sorted(self.entries, key=lambda entry: entry.code))
        by_code = {entry.code: entry for entry in entries}
        if len(by_code) != len(entries):
            raise SpecError(f"{self.label}中有重复的科目编码")
        object.__setattr__(self, "entries", entries)
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        object.__setattr__(self, "_children", _index_children(entries, self.label))
        object.__setattr__(self, "_by_name", _index_names(entries))

    def __repr__(self) -> str:
        return f"Catalog({self.kind!r}, {self.edition!r}, <{len(self.entries)} entries>)"

    @property
    def label(self) -> str:
        """Human name of this edition, e.g. ``2021年功能分类科目``."""
        return f"{self.edition}年{KIND_LABELS.get(self.kind, self.kind)}"

    def __contains__(self, code: object) -> bool:
        return self.is_valid(code)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def is_valid(self, code: object) -> bool:
        """True when ``code`` (raw input allowed) is in this edition."""
        try:
            return compact(code) in self._by_code  # type: ignore[arg-type]
        except TypeError:
            return False

    def validate(self, code: RawCode) -> str:
        """Return the compact code, or raise ``UnknownCode`` (message in Chinese)."""
        return self.entry(code).code

    def entry(self, code: RawCode) -> Entry:
        """The full ``Entry`` for ``code``."""
        key = compact(code)
        found = self._by_code.get(key)
        if found is None:
            raise UnknownCode(f"未知科目编码：{key or '（空）'}（{self.label}）")
        return found

    def name(self, code: RawCode) -> str:
        """Official name of ``code`` in this edition."""
        return self.entry(code).name

    def level(self, code: RawCode) -> Level:
        """类 / 款 / 项 of ``code``."""
        return self.entry(code).level

    def parent(self, code: RawCode) -> str | None:
        """Parent code, or None for a 类."""
        return self.entry(code).parent

    def children(self, code: RawCode) -> tuple[str, ...]:
        """Codes one level below ``code``, in code order (empty for a leaf)."""
        return self._children[self.validate(code)]

    def matches_name(self, code: RawCode, printed: str) -> bool:
        """True when ``printed`` is the name of ``code`` or a known variant of it.

        Whitespace, parenthesis width, a leading enumerator (``十九、``) and a leading code
        (``201一般公共服务``) are ignored; the printed code is not compared with ``code``.
        """
        entry = self.entry(code)
        wanted = _normalise(printed)
        return any(_normalise(known) == wanted for known in (entry.name, *entry.aliases))

    def code_for_name(self, printed: str) -> str | None:
        """The one code whose name or variant matches ``printed``; None if none or several."""
        codes = self._by_name.get(_normalise(printed), ())
        return codes[0] if len(codes) == 1 else None


def _normalise(printed: str) -> str:
    return normalise_name(printed, strip_code=True)


def _index_children(entries: tuple[Entry, ...], label: str) -> Mapping[str, tuple[str, ...]]:
    """Map every code to its direct children; ``SpecError`` when a parent is missing."""
    children: dict[str, list[str]] = {entry.code: [] for entry in entries}
    for entry in entries:
        if entry.parent is None:
            continue
        if entry.parent not in children:
            raise SpecError(f"{label}中科目{entry.code}的上级科目{entry.parent}不存在")
        children[entry.parent].append(entry.code)
    return MappingProxyType({code: tuple(kids) for code, kids in children.items()})


def _index_names(entries: Iterable[Entry]) -> Mapping[str, tuple[str, ...]]:
    """Map each normalised name and variant to the codes that carry it."""
    by_name: dict[str, list[str]] = {}
    for entry in entries:
        for known in dict.fromkeys(_normalise(text) for text in (entry.name, *entry.aliases)):
            by_name.setdefault(known, []).append(entry.code)
    return MappingProxyType({name: tuple(codes) for name, codes in by_name.items()})


def read_entries(text: str, *, kind: str) -> tuple[Entry, ...]:
    """Parse one edition CSV (``code,name,aliases``); ``SpecError`` on a malformed line."""
    rows = csv.reader(io.StringIO(text, newline=""))
    header = tuple(next(rows, ()))
    if header != HEADER:
        raise SpecError(f"科目文件表头应为 {','.join(HEADER)}，实为 {','.join(header)}")
    return tuple(_entry(row, kind) for row in rows)


def _entry(row: list[str], kind: str) -> Entry:
    if len(row) != len(HEADER) or not row[0].isascii() or not row[0].isdigit():
        raise SpecError(f"科目文件中无法解析的行：{','.join(row)}")
    code, name, aliases = row
    if len(code) not in LEVELS[kind]:
        raise SpecError(f"{KIND_LABELS[kind]}不应有{len(code)}位编码：{code}")
    return Entry(
        code=code,
        name=name,
        level=Level.of(code),
        parent=code[:-2] if len(code) > 3 else None,
        aliases=tuple(alias for alias in aliases.split(ALIAS_SEPARATOR) if alias),
    )
