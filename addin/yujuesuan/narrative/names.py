"""类/款/项 named in words: "卫生健康支出", "一般公共服务支出（类）…事务（款）事业运行（项）".

Names come from the workbook's own tables (the printed 科目名称), so a narrative is read with
the codes that unit actually uses. A chain "X（类）Y（款）Z（项）" is resolved level by level;
a bare name only when exactly one code carries it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping

_CHAIN = re.compile(
    r"([^，,；;：:。\d]+?)\(类\)([^，,；;：:。\d]*?)\(款\)([^，,；;：:。\d]*?)\(项\)"
)
_NUMBERING = re.compile(
    r"^(\d+[.、]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）])"
)
MIN_NAME = 4


def clean(name: str) -> str:
    name = re.sub(r"\s+", "", name).replace("（", "(").replace("）", ")")
    return _NUMBERING.sub("", name).replace("(类)", "")


class CodeNames:
    """Printed names of the functional codes a unit uses (code -> name)."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = {
            code: clean(name) for code, name in names.items() if code.isdigit() and clean(name)
        }
        counts = Counter(self.names.values())
        self.unique = {
            name: code
            for code, name in self.names.items()
            if counts[name] == 1 and len(name) >= MIN_NAME
        }

    def resolve_chain(self, parts: tuple[str, ...]) -> str | None:
        parent = ""
        for width, part in zip((3, 5, 7), parts, strict=False):
            name = clean(part)
            match = [
                c
                for c, n in self.names.items()
                if len(c) == width and c.startswith(parent) and n == name
            ]
            if len(match) != 1:
                return None
            parent = match[0]
        return parent or None

    def find(self, text: str) -> Iterator[tuple[str, int, int]]:
        """Every (code, start, end) named in ``text``."""
        for m in _CHAIN.finditer(text):
            code = self.resolve_chain(m.groups())
            if code:
                yield code, m.start(), m.end()
        chars: list[str] = []
        positions: list[int] = []
        i = 0
        while i < len(text):
            if text.startswith("(类)", i):
                i += 3
                continue
            chars.append(text[i])
            positions.append(i)
            i += 1
        plain = "".join(chars)
        for name, code in self.unique.items():
            for m in re.finditer(re.escape(name), plain):
                yield code, positions[m.start()], positions[m.end() - 1] + 1
