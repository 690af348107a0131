"""``editions.toml``: which catalog edition applies to which fiscal year, and its provenance.

CSV files carry no comments, so the source of every edition file (title, issuer, how it was
made, sha256) is recorded here instead, as python-stdnum records it in its ``.dat`` headers.
Python 3.10 has no ``tomllib``; the manifest is therefore written in a small TOML subset that
``parse_toml_subset`` reads as well (a test checks both parsers agree on the shipped file).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from yujuesuan.errors import SpecError, UnknownYear

from .catalog import KIND_LABELS

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    tomllib = None  # type: ignore[assignment]

KINDS = tuple(KIND_LABELS)
_HEADER = re.compile(r"\[([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\]")


@dataclass(frozen=True, slots=True)
class Edition:
    """One catalog file and where it came from."""

    kind: str
    edition: str
    file: str
    title: str
    issuer: str
    source: str
    retrieved: str
    generator: str
    sha256: str
    years: tuple[int, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Manifest:
    """Year → edition per kind, plus every edition's provenance."""

    years: Mapping[int, Mapping[str, str]]
    editions: tuple[Edition, ...]

    def edition_for(self, kind: str, year: int) -> Edition:
        """The edition of ``kind`` that applies to ``year``; ``UnknownYear`` if none is declared."""
        chosen = self.years.get(year, {}).get(kind)
        if chosen is None:
            known = sorted(self.years)
            raise UnknownYear(
                f"未收录{year}年的{KIND_LABELS.get(kind, kind)}（已收录{known[0]}—{known[-1]}年）"
            )
        return next(e for e in self.editions if (e.kind, e.edition) == (kind, chosen))


def read_manifest(text: str) -> Manifest:
    """Build a ``Manifest`` from the text of ``editions.toml``; ``SpecError`` if inconsistent."""
    raw = tomllib.loads(text) if tomllib is not None else parse_toml_subset(text)
    years = {int(year): MappingProxyType(dict(kinds)) for year, kinds in raw["years"].items()}
    editions = tuple(
        _edition(kind, name, fields, years)
        for kind, by_name in sorted(raw["editions"].items(), key=_kind_order)
        for name, fields in sorted(by_name.items())
    )
    declared = {(e.kind, e.edition) for e in editions}
    for year, kinds in years.items():
        for kind, name in kinds.items():
            if kind not in KINDS or (kind, name) not in declared:
                raise SpecError(f"editions.toml：{year}年引用了未声明的版本 {kind}/{name}")
    return Manifest(years=MappingProxyType(years), editions=editions)


def _kind_order(item: tuple[str, Any]) -> tuple[int, str]:
    kind = item[0]
    return (KINDS.index(kind) if kind in KINDS else len(KINDS), kind)


def _edition(
    kind: str, name: str, fields: Mapping[str, Any], years: Mapping[int, Mapping[str, str]]
) -> Edition:
    expected_file = f"data/{kind}/{name}.csv"
    if kind not in KINDS or fields.get("file") != expected_file:
        raise SpecError(f"editions.toml：版本 {kind}/{name} 的文件应为 {expected_file}")
    return Edition(
        kind=kind,
        edition=name,
        file=expected_file,
        title=fields["title"],
        issuer=fields["issuer"],
        source=fields["source"],
        retrieved=fields["retrieved"],
        generator=fields["generator"],
        sha256=fields["sha256"],
        years=tuple(sorted(year for year, kinds in years.items() if kinds.get(kind) == name)),
        notes=tuple(fields.get("notes", ())),
    )


def parse_toml_subset(text: str) -> dict[str, Any]:
    """Read the TOML subset the manifest uses: ``[a.b]`` headers, ``key = <JSON value>``.

    Values are strings or arrays of strings (an array may span lines, one item per line,
    without a trailing comma). Anything else raises ``SpecError``.
    """
    root: dict[str, Any] = {}
    table = root
    lines = iter(text.splitlines())
    for line in (raw.strip() for raw in lines):
        if not line or line.startswith("#"):
            continue
        header = _HEADER.fullmatch(line)
        if header:
            table = root
            for key in header.group(1).split("."):
                table = table.setdefault(key, {})
            continue
        key, equals, value = (part.strip() for part in line.partition("="))
        if not equals:
            raise SpecError(f"editions.toml：无法解析的行：{line}")
        if value == "[":
            value += "".join(_rest_of_array(lines))
        table[key] = _json_value(value)
    return root


def _rest_of_array(lines: Iterator[str]) -> Iterator[str]:
    for raw in lines:
        yield raw.strip()
        if raw.strip() == "]":
            return
    raise SpecError("editions.toml：数组缺少结尾的 ]")


def _json_value(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        raise SpecError(f"editions.toml：无法解析的值：{value}") from None
