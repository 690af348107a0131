"""底稿 → ``Ledger``: the contract between the working papers and the table builder.

The 底稿 sheets (design.md, 底稿) arrive as a header row plus numbered data rows of raw
cell values. ``read_ledger`` checks every cell against a ``Contract`` — the sheets of one kind
(决算: ``vocabulary.SHEETS``, the default; 预算: ``budget_ledger.CONTRACT``), its rules
across columns and the year's catalogs — and returns ``LedgerResult(ledger, errors)``: data
problems are values, never exceptions, and a ledger is built only when there are none. Each
invalid row gives exactly one ``LedgerError`` (its first problem, in column order); a missing
sheet or column gives one error naming it. Rows blank in every declared column are skipped; other columns are ignored.

>>> from yujuesuan.build.vocabulary import SHEETS
>>> sheets = {s.name: ([c.name for c in s.columns], []) for s in SHEETS}
>>> header, _ = sheets["底稿-收入"]
>>> sheets["底稿-收入"] = (header, [(2, [2010350.0, "事业收入", "１，２００．５０"])])
>>> result = read_ledger(sheets, year=2021)
>>> result.errors, result.ledger.income["amount"].tolist()
((), [120050])
>>> sheets["底稿-三公"] = (sheets["底稿-三公"][0], [(2, ["公务接待费", 500, "-1"])])
>>> [str(e) for e in read_ledger(sheets, year=2021).errors]
['底稿-三公!第2行 决算数(元)：决算数不能为负数']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple

import numpy as np
import pandas as pd

from yujuesuan import reference
from yujuesuan.build import cells
from yujuesuan.build.vocabulary import LOOKUP, SHEETS, SPENDING, Column, Sheet
from yujuesuan.spec import tables_for

RawRow = tuple[int, Sequence[object]]  # (Excel row number, cell values)
RawSheet = tuple[Sequence[object], Sequence[RawRow]]  # (header cells, data rows)


class NumberedRows(Sequence[RawRow]):
    """Consecutive sheet rows numbered from ``first``, without building a tuple per row (a
    million-row 底稿 arrives this way from the workbook reader)."""

    def __init__(self, values: Sequence[Sequence[object]], first: int) -> None:
        self.values, self.first = values, first

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return (self.first + (i if i >= 0 else len(self) + i), self.values[i])


@dataclass(frozen=True, slots=True)
class LedgerError:
    """One problem in the 底稿, where the user can find it (row None: the whole sheet/column)."""

    sheet: str
    row: int | None
    column: str | None
    value: object
    reason: str

    def __str__(self) -> str:
        if self.row is None:
            return f"{self.sheet}：{self.reason}"
        return f"{self.sheet}!第{self.row}行 {self.column}：{self.reason}"


@dataclass(frozen=True, eq=False)
class Ledger:
    """A valid 底稿 set; amounts are int64 分. Frames are shared, treat them as read-only.

    spending: function, source, nature, economic ("" when blank), project, amount
    income: function, source, amount
    balances: source, function, opening, closing
    three_public: item, budget, actual
    """

    kind: ClassVar[str] = "决算"
    year: int
    spending: pd.DataFrame
    income: pd.DataFrame
    balances: pd.DataFrame
    three_public: pd.DataFrame


class LedgerResult(NamedTuple):
    ledger: Any  # Ledger (决算) or the contract's ledger; None whenever ``errors`` is not empty
    errors: tuple[LedgerError, ...]


Verdict = Callable[..., "tuple[str, str] | None"]


@dataclass(frozen=True)
class RowRule:
    """A rule across the columns ``keys`` of one sheet: ``verdict(*values)`` gives
    (column key, reason) for a valid row that breaks it, else None. Judged once per distinct
    combination of values, so a million rows cost a few hundred calls."""

    keys: tuple[str, ...]
    verdict: Verdict


@dataclass(frozen=True)
class Contract:
    """What one kind of 底稿 is: its sheets, the ledger built from their frames (``year=`` plus
    one frame per ``Sheet.frame``), the rules across columns per sheet, and the summary table
    whose printed 类 limit the 功能科目 (a 项 of another class cannot be shown)."""

    kind: str
    sheets: tuple[Sheet, ...]
    ledger: Callable[..., Any]
    summary_table: str
    row_rules: Mapping[str, RowRule] = field(default_factory=dict)


def read_ledger(
    sheets: Mapping[str, RawSheet], *, year: int, contract: Contract | None = None
) -> LedgerResult:
    """Validate the 底稿 sheets of ``contract`` (default: the four 决算 sheets); names and
    headers may carry spaces or full-width parens."""
    contract = contract or FINAL_ACCOUNTS
    given = {cells.fold(str(name)): data for name, data in sheets.items()}
    context = _Context(year, contract.kind, contract.summary_table)
    frames: dict[str, pd.DataFrame] = {}
    errors: list[LedgerError] = []
    for sheet in contract.sheets:
        data = given.get(cells.fold(sheet.name))
        if data is None:
            errors.append(LedgerError(sheet.name, None, None, None, f"缺少工作表“{sheet.name}”"))
            continue
        frame, problems = _read_sheet(sheet, data, context, contract.row_rules.get(sheet.name))
        errors += problems
        if frame is not None:
            frames[sheet.frame] = frame
    if errors:
        return LedgerResult(None, tuple(errors))
    return LedgerResult(contract.ledger(year=year, **frames), ())


class _Context:
    """The year's catalogs and the 类 printed on 表1 (a 项 of another class cannot be shown)."""

    def __init__(self, year: int, kind: str = "决算", summary_table: str = "fa.t1") -> None:
        self.year, self.kind = year, kind
        self.function = reference.load("function", year)
        self.economic = reference.load("economic", year)
        summary = tables_for(kind, year).table(summary_table)
        self.classes = frozenset(row.code for row in summary.rows if row.code)

    def printed_class(self, code: str) -> str | None:
        if code[:3] in self.classes:
            return None
        return f"功能科目编码“{code}”所属的类{code[:3]}不在{self.kind}表1的支出类别中"


def _read_sheet(
    sheet: Sheet, data: RawSheet, context: _Context, rule: RowRule | None = None
) -> tuple[pd.DataFrame | None, list[LedgerError]]:
    header, rows = data
    positions = {
        cells.fold(str(h)): i for i, h in reversed(list(enumerate(header))) if h is not None
    }
    missing = [c for c in sheet.columns if cells.fold(c.name) not in positions]
    if missing:
        return None, [
            LedgerError(sheet.name, None, c.name, None, f"缺少列“{c.name}”") for c in missing
        ]
    raw = _columns(rows, [positions[cells.fold(c.name)] for c in sheet.columns])
    read = {
        c.key: _read_column(c, values, context)
        for c, values in zip(sheet.columns, raw, strict=True)
    }
    kept = np.flatnonzero(~np.logical_and.reduce([blank for _, _, blank in read.values()]))
    parsed = {key: values[kept] for key, (values, _, _) in read.items()}  # blank rows are skipped
    reasons = {key: why[kept] for key, (_, why, _) in read.items()}
    blanks = {key: blank[kept] for key, (_, _, blank) in read.items()}
    numbers = _numbers(rows, kept)
    _require_one_of(sheet, blanks, reasons)
    _require_unique(sheet, parsed, numbers, reasons)
    where, why = _first_reasons(sheet, reasons)
    if rule is not None:
        _row_rules(parsed, where, why, sheet, rule)
    errors = [
        LedgerError(
            sheet.name, numbers[i], sheet.columns[where[i]].name, raw[where[i]][kept[i]], why[i]
        )
        for i in np.flatnonzero(pd.notna(why))
    ]
    if errors:
        return None, errors
    return _frame(sheet, parsed), []


def _numbers(rows: Sequence[RawRow], kept: np.ndarray) -> list[int]:
    if isinstance(rows, NumberedRows):
        return (kept + rows.first).tolist()
    return [rows[int(i)][0] for i in kept]


def _columns(rows: Sequence[RawRow], wanted: list[int]) -> list[list[object]]:
    """The declared columns of every data row; rows shorter than the header are padded."""
    values = rows.values if isinstance(rows, NumberedRows) else [row for _, row in rows]
    width = max(wanted) + 1
    if not values:
        return [[] for _ in wanted]
    if min(map(len, values)) < width:
        values = [list(v) + [None] * (width - len(v)) for v in values]
    return [[v[i] for v in values] for i in wanted]


def _read_column(column: Column, values: list[object], context: _Context) -> cells.Read:
    readers = {
        "function": lambda: cells.read_code(
            values,
            column,
            catalog=context.function,
            year=context.year,
            length=7,
            allowed=context.printed_class,
        ),
        "economic": lambda: cells.read_code(
            values, column, catalog=context.economic, year=context.year, length=5
        ),
        "choice": lambda: cells.read_choice(values, column),
        "text": lambda: cells.read_text(values, column),
        "amount": lambda: cells.read_cents(values, column),
    }
    return readers[column.kind]()


def _require_one_of(
    sheet: Sheet, blanks: dict[str, np.ndarray], reasons: dict[str, np.ndarray]
) -> None:
    if not sheet.one_of:
        return
    empty = np.logical_and.reduce([blanks[key] for key in sheet.one_of])
    labels = "、".join(c.label for c in sheet.columns if c.key in sheet.one_of)
    reasons[sheet.one_of[0]][empty] = f"{labels}至少填写一项"


def _require_unique(
    sheet: Sheet, parsed: dict[str, Any], numbers: list[int], reasons: dict[str, np.ndarray]
) -> None:
    for key in sheet.unique:
        label = next(c.label for c in sheet.columns if c.key == key)
        seen: dict[object, int] = {}
        for i, value in enumerate(parsed[key]):
            if value == "" or reasons[key][i] is not None:
                continue
            if value in seen:
                reasons[key][i] = f"{label}“{value}”重复（第{seen[value]}行已填）"
            else:
                seen[value] = int(numbers[i])


def _first_reasons(sheet: Sheet, reasons: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the index of the column of its first problem, and the reason (None: valid)."""
    count = len(next(iter(reasons.values())))
    where = np.zeros(count, dtype=np.int64)
    why = np.full(count, None, dtype=object)
    for j in reversed(range(len(sheet.columns))):
        bad = pd.notna(reasons[sheet.columns[j].key])
        where[bad], why[bad] = j, reasons[sheet.columns[j].key][bad]
    return where, why


def _row_rules(
    parsed: dict[str, Any], where: np.ndarray, why: np.ndarray, sheet: Sheet, rule: RowRule
) -> None:
    """``rule`` on the valid rows, checked once per distinct combination of its columns."""
    index = {c.key: j for j, c in enumerate(sheet.columns)}
    valid = np.flatnonzero(pd.isna(why))
    keys = rule.keys
    # one integer per (source, nature, economic) combination, so each is judged once
    combined = np.zeros(len(valid), dtype=np.int64)
    for k in keys:
        combined = combined * (len(parsed[k].categories) + 1) + parsed[k].codes[valid]
    uniques, first, codes = np.unique(combined, return_index=True, return_inverse=True)
    for u, row in enumerate(first):
        names = [parsed[k].categories[parsed[k].codes[valid[row]]] for k in keys]
        verdict = rule.verdict(*names)
        if verdict is not None:
            rows = valid[codes.reshape(-1) == u]
            where[rows], why[rows] = index[verdict[0]], verdict[1]


def _spending_verdict(source: str, nature_name: str, economic: str) -> tuple[str, str] | None:
    """(column key, reason) when a valid row breaks a rule between its columns."""
    fund, nature = LOOKUP.fund_of(source), LOOKUP.natures[nature_name]
    if fund is not None and nature.part is None:
        return "nature", f"{source}只能用于基本支出或项目支出，不能用于{nature_name}"
    if fund is not None and fund.details_basic and nature.part == "basic" and not economic:
        return "economic", f"{source}的{nature_name}须填写经济科目编码"
    return economic_class_verdict(economic, nature_name, nature.economic_classes) if economic else None


def economic_class_verdict(economic: str, nature_name: str, classes: tuple[str, ...]) -> tuple[str, str] | None:
    """A 经济科目 outside the 类 its 支出性质 allows (人员经费 301/303, 公用经费 302/307/310/399)."""
    if classes and economic[:3] not in classes:
        return "economic", f"经济科目编码“{economic}”不属于{nature_name}（应为{'、'.join(classes)}类）"
    return None


def _frame(sheet: Sheet, parsed: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame({column.key: parsed[column.key] for column in sheet.columns})


FINAL_ACCOUNTS = Contract(
    "决算",
    SHEETS,
    Ledger,
    "fa.t1",
    {SPENDING: RowRule(("source", "nature", "economic"), _spending_verdict)},
)
