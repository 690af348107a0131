"""A tiny evaluator for the only formula grammar the rendered workbooks may use.

``=`` expression of numbers, "strings", cell references (``C7``, ``'表3'!C8``), ranges inside
functions (``SUM(C7:C14)``), ``+``, ``-`` (binary and unary), comparisons inside ``IF``, and the
functions SUM, IF, ABS. Anything else — another function, ``*``, ``/``, ``&``, a defined name —
raises ``Disallowed``. Arithmetic is exact (``Decimal``); blank cells are 0, as in Excel.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from openpyxl.utils.cell import column_index_from_string, get_column_letter

ALLOWED_FUNCTIONS = {"SUM", "IF", "ABS"}
_TOKEN = re.compile(
    r"""\s*(?:
      (?P<ref>(?:'(?:[^']|'')+'!|[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*!)?\$?[A-Z]{1,3}\$?[0-9]+(?![\w(]))
    | (?P<number>[0-9]+(?:\.[0-9]+)?)
    | (?P<string>"[^"]*")
    | (?P<func>[A-Za-z_][A-Za-z0-9_.]*(?=\())
    | (?P<op><=|>=|<>|[-+,():<>=])
    | (?P<other>\S)
    )""",
    re.VERBOSE,
)


class Disallowed(ValueError):
    """The formula uses something outside the allowed grammar."""


def tokens(formula: str) -> list[tuple[str, str]]:
    if not formula.startswith("="):
        raise Disallowed(f"not a formula: {formula!r}")
    out, pos, text = [], 0, formula[1:]
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            break
        kind = m.lastgroup or "other"
        value = m.group(kind)
        if kind == "other":
            raise Disallowed(f"{value!r} in {formula!r}")
        if kind == "func" and value.upper() not in ALLOWED_FUNCTIONS:
            raise Disallowed(f"function {value} in {formula!r}")
        out.append((kind, value))
        pos = m.end()
    return out


def functions(formula: str) -> set[str]:
    return {v.upper() for k, v in tokens(formula) if k == "func"}


class Evaluator:
    """Values of the cells of an openpyxl workbook, formulas calculated on demand."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.memo: dict[tuple[str, str], Any] = {}

    def value(self, sheet: str, address: str) -> Any:
        key = (sheet, address.replace("$", ""))
        if key not in self.memo:
            self.memo[key] = None  # a cycle reads as blank, and the comparison then fails
            raw = self.workbook[sheet][key[1]].value
            if isinstance(raw, str) and raw.startswith("="):
                result = self.evaluate(raw, sheet)
                self.memo[key] = Decimal(0) if result is None else result  # =A1 of a blank A1 shows 0
            else:
                self.memo[key] = _plain(raw)
        return self.memo[key]

    def evaluate(self, formula: str, sheet: str) -> Any:
        parser = _Parser(tokens(formula), sheet, self.value)
        result = parser.expression()
        if parser.pos != len(parser.tokens):
            raise Disallowed(f"unparsed rest of {formula!r}")
        return result


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    return value


def _number(value: Any) -> Decimal:
    if value is None:
        return Decimal(0)
    if isinstance(value, Decimal):
        return value
    raise TypeError(f"not a number: {value!r}")


class _Parser:
    def __init__(self, toks: list[tuple[str, str]], sheet: str, cell: Callable[[str, str], Any]) -> None:
        self.tokens, self.pos, self.sheet, self.cell = toks, 0, sheet, cell

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if tok is None or (value is not None and tok[1] != value):
            raise Disallowed(f"expected {value!r}, got {tok!r}")
        self.pos += 1
        return tok

    def expression(self) -> Any:
        left = self.additive()
        tok = self.peek()
        if tok and tok[0] == "op" and tok[1] in ("<", ">", "<=", ">=", "=", "<>"):
            self.take()
            right = self.additive()
            a, b = _number(left), _number(right)
            return {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b, "=": a == b, "<>": a != b}[tok[1]]
        return left

    def additive(self) -> Any:
        value = self.unary()
        while (tok := self.peek()) and tok[1] in ("+", "-"):
            self.take()
            right = _number(self.unary())
            value = _number(value) + right if tok[1] == "+" else _number(value) - right
        return value

    def unary(self) -> Any:
        tok = self.peek()
        if tok and tok[1] in ("+", "-"):
            self.take()
            value = _number(self.unary())
            return -value if tok[1] == "-" else value
        return self.primary()

    def primary(self) -> Any:
        kind, value = self.take()
        if kind == "number":
            return Decimal(value)
        if kind == "string":
            return value[1:-1]
        if kind == "ref":
            if self.peek() == ("op", ":"):
                raise Disallowed("a range outside a function")
            return self.cell(*self._split(value))
        if kind == "func":
            return self.call(value.upper())
        if value == "(":
            inner = self.expression()
            self.take(")")
            return inner
        raise Disallowed(f"unexpected {value!r}")

    def call(self, name: str) -> Any:
        self.take("(")
        args: list[list[Any]] = []
        while self.peek() != ("op", ")"):
            args.append(self.argument())
            if self.peek() == ("op", ","):
                self.take(",")
        self.take(")")
        if name == "SUM":
            return sum((v for arg in args for v in arg if isinstance(v, Decimal)), Decimal(0))
        if name == "ABS":
            (arg,) = args
            return abs(_number(arg[0]))
        condition, yes, no = (a[0] for a in args)
        return yes if condition else no

    def argument(self) -> list[Any]:
        tok = self.peek()
        nxt = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else None
        if tok and tok[0] == "ref" and nxt == ("op", ":"):
            self.take()
            self.take(":")
            _, end = self.take()
            sheet, first = self._split(tok[1])
            return [self.cell(sheet, a) for a in _cells(first, end.replace("$", ""))]
        return [self.expression()]

    def _split(self, ref: str) -> tuple[str, str]:
        if "!" not in ref:
            return self.sheet, ref.replace("$", "")
        sheet, address = ref.rsplit("!", 1)
        if sheet.startswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        return sheet, address.replace("$", "")


def _cells(first: str, last: str) -> list[str]:
    def split(a: str) -> tuple[int, int]:
        letters = a.rstrip("0123456789")
        return column_index_from_string(letters), int(a[len(letters):])

    (c1, r1), (c2, r2) = split(first), split(last)
    return [f"{get_column_letter(c)}{r}" for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def formula_cells(workbook: Any) -> dict[tuple[str, str], str]:
    """Every formula in the workbook: (sheet, address) → text."""
    return {
        (ws.title, cell.coordinate): cell.value
        for ws in workbook.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    }
