"""Recalculate a workbook with the `formulas` package, compiling each formula *shape* once.

`formulas.ExcelModel` parses every formula of a workbook separately (1,160 in a 决算 template:
~1.5 s of parsing). Our templates repeat a few dozen shapes — ``=SUM(C7:C9)``, ``='表3'!D8``,
``=IF(ABS(a-b)<0.005,"✔","✘")`` — so here each formula is written with placeholder references
(``=SUM(B1:B2)``), compiled once by `formulas` (its parser and its SUM/IF/ABS), and called with
the values of the real cells, evaluated in dependency order. Semantics are `formulas`' own;
only the bookkeeping is ours. A formula outside the plain grammar (defined names, whole
columns, other workbooks) raises ``Unsupported`` and the caller falls back to the full model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Key = tuple[str, str]  # (sheet title, "D27")

_TOKEN = re.compile(
    r"""(?P<string>"(?:[^"]|"")*")
    | (?P<ref>(?:(?P<sheet>'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*)!)?
        (?P<first>\$?[A-Z]{1,3}\$?[0-9]+)(?::(?P<last>\$?[A-Z]{1,3}\$?[0-9]+))?(?![\w(!]))
    | (?P<func>[A-Za-z_][A-Za-z0-9_.]*(?=\())
    | (?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?%?)
    | (?P<op><=|>=|<>|[-+*/^&,():<>=\s])
    | (?P<other>.)""",
    re.VERBOSE,
)
_ADDRESS = re.compile(r"([A-Z]{1,3})([0-9]+)")


class Unsupported(ValueError):
    """A formula this engine does not take apart; use the full `formulas` model instead."""


@dataclass(frozen=True, slots=True)
class Ref:
    sheet: str
    first: str
    last: str | None = None  # a range's far corner

    def cells(self) -> list[list[Key]]:
        """The range as rows of cell keys (one cell: [[key]])."""
        if self.last is None:
            return [[(self.sheet, self.first)]]
        (c1, r1), (c2, r2) = _split(self.first), _split(self.last)
        return [
            [(self.sheet, f"{_letters(c)}{r}") for c in range(min(c1, c2), max(c1, c2) + 1)]
            for r in range(min(r1, r2), max(r1, r2) + 1)
        ]


def shape(formula: str, sheet: str) -> tuple[str, dict[str, Ref]]:
    """The formula with placeholder references, and placeholder → real reference.

    >>> shape("=SUM(C7:C9)-'表3'!D8", "表1")
    ('=SUM(B1:B2)-A3', {'B1:B2': Ref(sheet='表1', first='C7', last='C9'), 'A3': Ref(sheet='表3', first='D8', last=None)})
    """
    out: list[str] = []
    refs: dict[Ref, str] = {}
    for m in _TOKEN.finditer(formula[1:]):
        kind = m.lastgroup
        if kind == "other" or (kind == "func" and m.group("func").upper() == "INDIRECT"):
            raise Unsupported(formula)
        if kind != "ref":
            out.append(m.group(0))
            continue
        ref = Ref(_sheet(m.group("sheet"), sheet), _plain(m.group("first")), _plain(m.group("last")))
        if ref not in refs:
            n = 2 * len(refs) + 1
            refs[ref] = f"B{n}:B{n + 1}" if ref.last else f"A{n}"
        out.append(refs[ref])
    return "=" + "".join(out), {name: ref for ref, name in refs.items()}


def calculate(formulas_by_cell: dict[Key, str], constants: dict[Key, Any]) -> dict[Key, Any]:
    """The value of every formula cell, given the workbook's other (constant) cells."""
    import formulas
    import schedula

    shapes = {key: shape(text, key[0]) for key, text in formulas_by_cell.items()}
    compiled: dict[str, Callable[..., Any]] = {}
    values: dict[Key, Any] = {}

    def value(key: Key) -> Any:
        if key in values:
            return values[key]
        constant = constants.get(key)
        return schedula.EMPTY if constant is None or constant == "" else constant

    for key in _order(shapes):
        text, refs = shapes[key]
        if text not in compiled:
            try:
                compiled[text] = formulas.Parser().ast(text)[1].compile()
            except Exception as exc:  # the parser's errors are many and undocumented
                raise Unsupported(f"{text}: {exc}") from None
        function = compiled[text]
        args = [_argument(refs[name], value) for name in function.inputs]
        values[key] = _scalar(function(*args), schedula.EMPTY)
    return values


def _order(shapes: dict[Key, tuple[str, dict[str, Ref]]]) -> list[Key]:
    """Formula cells, each after the formula cells it reads (iterative depth-first search)."""
    deps = {
        key: [c for ref in refs.values() for row in ref.cells() for c in row if c in shapes]
        for key, (_, refs) in shapes.items()
    }
    order: list[Key] = []
    state: dict[Key, int] = {}  # 1 = on the stack, 2 = done
    for root in shapes:
        if root in state:
            continue
        stack = [(root, iter(deps[root]))]
        state[root] = 1
        while stack:
            key, pending = stack[-1]
            child = next(pending, None)
            if child is None:
                stack.pop()
                state[key] = 2
                order.append(key)
            elif state.get(child) == 1:
                raise Unsupported(f"circular reference at {child}")
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(deps[child])))
    return order


def _argument(ref: Ref, value: Callable[[Key], Any]) -> Any:
    import numpy as np

    if ref.last is None:
        return value((ref.sheet, ref.first))
    rows = [[value(cell) for cell in row] for row in ref.cells()]
    out = np.empty((len(rows), len(rows[0])), dtype=object)
    out[:] = rows
    return out


def _scalar(value: Any, empty: Any) -> Any:
    raw = getattr(value, "value", value)
    while hasattr(raw, "shape") and getattr(raw, "ndim", 0) > 0:
        raw = raw.ravel()[0]
    if hasattr(raw, "item"):
        raw = raw.item()
    if raw is empty:
        return 0  # =A1 of a blank A1 shows 0
    if isinstance(raw, bool | int | float | str):
        return raw
    return str(raw)  # an Excel error value (#DIV/0! …) as text


def _sheet(token: str | None, current: str) -> str:
    if token is None:
        return current
    return token[1:-1].replace("''", "'") if token.startswith("'") else token


def _plain(address: str | None) -> str | None:
    return None if address is None else address.replace("$", "")


def _split(address: str) -> tuple[int, int]:
    """"AB12" → (28, 12); openpyxl's helpers would import all of openpyxl for this."""
    m = _ADDRESS.fullmatch(address)
    if m is None:
        raise Unsupported(address)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return col, int(m.group(2))


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out
