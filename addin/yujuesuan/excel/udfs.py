"""Worksheet functions (xlwings UDFs): reference data and exact arithmetic in cells.

ASCII names (VBA wrappers are fragile with Chinese), Chinese descriptions. Each accepts a single
cell or a range and returns the same shape; bad input shows short Chinese text, never a
traceback. The decorators only attach metadata, so every function is plain Python in tests.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from collections.abc import Callable
from typing import Any

import xlwings as xw

from yujuesuan import reference
from yujuesuan.errors import UnknownYear
from yujuesuan.excel.cells import CellError, amount, each, excel_number, flat
from yujuesuan.money import yuan_to_wanyuan

LEVEL_BY_LENGTH = {3: "类", 5: "款", 7: "项"}
HUNDRED = Decimal(100)




def _catalogs(year: int) -> tuple[reference.Catalog, reference.Catalog]:
    """The year's two catalogs as loaded now (a fresh ``yjs catalog import`` gives new objects)."""
    try:
        return reference.load("function", year), reference.load("economic", year)
    except UnknownYear:
        raise CellError("#无此年度目录") from None


_NAMES: dict[tuple[int, int], tuple[reference.Catalog, reference.Catalog, dict[str, str]]] = {}


def _namer(year: int) -> Callable[[str], str]:
    """code → name in the year's catalogs as loaded now, cached per catalog pair, so a fresh
    ``yjs catalog import`` (new catalog objects) is never shadowed by an old answer."""
    function, economic = _catalogs(year)
    key = (id(function), id(economic))
    held = _NAMES.get(key)
    if held is None:  # the entry holds both catalogs, so their ids cannot be reused meanwhile
        if len(_NAMES) > 16:
            _NAMES.clear()
        held = _NAMES[key] = (function, economic, {})
    names = held[2]

    def name(code: str) -> str:
        found = names.get(code)
        if found is None:
            if code in function:
                found = function.name(code)
            elif code in economic:
                found = economic.name(code)
            else:
                raise CellError("#未知科目")
            names[code] = found
        return found

    return name


def _lazy(make: Callable[[], Callable[[str], str]], read: Callable[[Any], str]) -> Callable[[Any], str]:
    """A per-cell function that builds ``make()`` once, at the first cell: a year without a
    catalog then shows its error text in each cell, as every other per-cell problem does."""
    built: list[Callable[[str], str]] = []

    def one(value: Any) -> str:
        code = read(value)
        if not built:
            built.append(make())
        return built[0](code)

    return one


def _code(value: Any) -> str:
    code = reference.compact(value) if value not in (None, "") else ""
    if not code.isdigit() or len(code) not in LEVEL_BY_LENGTH:
        raise CellError("#编码格式不对")
    return code


def _year(year: Any) -> int:
    if year in (None, ""):
        return reference.newest_year()
    try:
        return int(float(year))
    except (TypeError, ValueError):
        raise CellError("#年度不对") from None


@xw.func
@xw.arg("code", ndim=2)
def KMMC(code: Any, year: Any = None) -> Any:
    """科目名称：功能或经济分类科目编码对应的名称（可选年度，默认最新目录）。"""
    y = _year(year) if not isinstance(year, list) else reference.newest_year()
    return each(code, _lazy(lambda: _namer(y), _code))


@xw.func
@xw.arg("code", ndim=2)
def KMJB(code: Any) -> Any:
    """科目级次：类/款/项（按编码长度 3/5/7 位）。"""
    return each(code, lambda c: LEVEL_BY_LENGTH[len(_code(c))])


@xw.func
@xw.arg("code", ndim=2)
def SJKM(code: Any) -> Any:
    """上级科目编码：项的上级为款，款的上级为类；类没有上级（返回空）。"""
    return each(code, lambda c: _code(c)[:-2] if len(_code(c)) > 3 else "")


@xw.func
@xw.arg("code", ndim=2)
def KMYX(code: Any, year: Any = None) -> Any:
    """科目编码在当年目录中是否有效（TRUE/FALSE）。"""
    y = _year(year)
    name = _lazy(lambda: _namer(y), _code)  # the catalogs once for the range, not per cell

    def valid(c: Any) -> bool:
        try:
            name(c)
        except CellError:
            return False
        return True

    return each(code, valid)


@xw.func
@xw.arg("codes", ndim=2)
@xw.arg("amounts", ndim=2)
def HZ(codes: Any, amounts: Any, code: Any) -> Any:
    """按编码前缀汇总：codes 中以 code 开头的各行 amounts 之和（类=Σ款=Σ项）。"""
    pairs = list(zip(flat(codes), flat(amounts), strict=False))

    def total(prefix: Any) -> float:
        p = _code(prefix)
        return excel_number(sum((amount(a) for c, a in pairs if c not in (None, "") and reference.compact(c).startswith(p)), Decimal(0)))

    return each(code, total)


@xw.func
@xw.arg("yuan", ndim=2)
def WANYUAN(yuan: Any) -> Any:
    """元 → 万元，四舍五入到两位小数（精确十进制，不受浮点误差影响）。"""
    return each(yuan, lambda v: excel_number(yuan_to_wanyuan(amount(v))))


def _percent(part: Decimal, whole: Decimal) -> float:
    if whole == 0:
        raise CellError("#分母为零")
    return excel_number((part / whole * HUNDRED).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@xw.func
def ZZL(current: Any, previous: Any) -> Any:
    """增长率（%）：(本年 − 上年) ÷ 上年 × 100，保留两位小数；上年为零时不计算。"""
    try:
        now, before = amount(current), amount(previous)
        return _percent(now - before, before) if before else "#上年为零"
    except CellError as exc:
        return str(exc)


@xw.func
def ZB(part: Any, total: Any) -> Any:
    """占比（%）：部分 ÷ 合计 × 100，保留两位小数。"""
    try:
        return _percent(amount(part), amount(total))
    except CellError as exc:
        return str(exc)


@xw.func
@xw.arg("caller", vba="Caller")
def JYSL(caller: Any = None) -> Any:
    """校验错误数：所在工作簿（已保存的版本）中勾稽关系“错误”的条数。"""
    from pathlib import Path

    from yujuesuan.errors import AddinError
    from yujuesuan.services.check import check_workbook

    try:
        path = Path(caller.sheet.book.fullname)
        report = check_workbook(path)
    except (AddinError, AttributeError, OSError):
        return "#工作簿未保存或无法读取"
    return sum(1 for f in report.findings if f.classification == "错误")
