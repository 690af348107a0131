"""The 预决算 ribbon tab's handlers, called by the VBA callbacks in ``macros/Ribbon.bas``:
``RunPython "import yujuesuan.excel.ribbon as r; r.check()"``.

Each handler takes a ``Book`` port (default: the workbook the user clicked in, through xlwings)
and does three things: read grids through the port, ask a service what to do, write the answer
back through the port. Problems the user can fix are told in Chinese, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from yujuesuan.errors import AddinError
from yujuesuan.excel.port import BookPort
from yujuesuan.messages_zh import TABLES_OF_KIND
from yujuesuan.services import check_marks as marks_service
from yujuesuan.services.build import LedgerInvalid
from yujuesuan.services.check_marks import RECORD_COLUMNS, RECORD_HEADERS, RESULT_SHEET

MAX_LISTED_ERRORS = 15


def _handler(fn: Callable[[BookPort], str]) -> Callable[..., str]:
    """Connect to the clicked workbook unless given one; tell the outcome; AddinError → message."""

    @wraps(fn)
    def run(book: BookPort | None = None) -> str:
        if book is None:
            from yujuesuan.excel.live_book import caller

            book = caller()
        try:
            message = fn(book)
        except LedgerInvalid as exc:
            message = _ledger_errors(exc)
        except AddinError as exc:
            message = f"错误：{exc}"
        book.tell(message)
        return message

    return run


def _ledger_errors(exc: LedgerInvalid) -> str:
    lines = [f"底稿有{len(exc.errors)}处错误，未生成报表：", *map(str, exc.errors[:MAX_LISTED_ERRORS])]
    more = len(exc.errors) - MAX_LISTED_ERRORS
    return "\n".join(lines + ([f"……另有{more}处"] if more > 0 else []))


def _grids(book: BookPort, names: Any = None) -> dict[str, list[list[Any]]]:
    wanted = book.sheet_names() if names is None else [n for n in book.sheet_names() if n in names]
    return {name: book.read(name) for name in wanted}


@_handler
def fill_names(book: BookPort) -> str:
    """填充科目名称."""
    from yujuesuan.services.fill_names import plan_names

    plan = plan_names(_grids(book), source=book.name)
    for write in plan.writes:
        book.write(write.sheet, write.top_left, write.rows)
    book.save()
    return plan.summary()


@_handler
def rebuild(book: BookPort) -> str:
    """重算九张表: 底稿 → the tables of the workbook's kind and 校验, exactly as ``yjs build`` writes them."""
    from yujuesuan.services.build import needed_sheets
    from yujuesuan.services.rebuild import rebuild_tables

    rebuilt = rebuild_tables(_grids(book, needed_sheets()), source=book.name)
    for image in rebuilt.images:
        book.replace_sheet(image.name)
        book.paint(image)
    for name, (sheet, address) in rebuilt.names.items():
        book.define_name(name, sheet, address)
    book.save()
    tables = TABLES_OF_KIND[rebuilt.kind]
    return f"已根据底稿（{rebuilt.rows} 行）重算{rebuilt.year}年度{tables}和“校验”表。"


@_handler
def check(book: BookPort) -> str:
    """校验勾稽关系: 校验结果 sheet, coloured failing cells, the first 错误 selected."""
    _restore(book)
    grids = _grids(book)
    report = marks_service.check_grids(grids, source=book.name)
    found = marks_service.marks(report, grids)
    originals = [[m.sheet, m.address, book.fill(m.sheet, m.address) or ""] for m in found]
    book.replace_sheet(RESULT_SHEET)
    book.paint(marks_service.result_image(report))
    for address, target, text in marks_service.links(report):
        book.hyperlink(RESULT_SHEET, address, target, text)
    book.write(RESULT_SHEET, RECORD_COLUMNS.split(":")[0] + "1", [list(RECORD_HEADERS), *originals])
    book.hide_columns(RESULT_SHEET, RECORD_COLUMNS)
    for (sheet, rgb), addresses in marks_service.by_fill(found).items():
        book.set_fill(sheet, addresses, book.rgb_fill(rgb))
    first = marks_service.first_error(report)
    book.select(*(first or (RESULT_SHEET, "A1")))
    book.save()
    return marks_service.summary(report)


@_handler
def clear_marks(book: BookPort) -> str:
    """清除标记: our fills back to the original ones, and the 校验结果 sheet removed."""
    restored = _restore(book)
    book.save()
    if restored < 0:
        return "没有需要清除的标记。"
    return f"已清除标记 {restored} 处，并删除“{RESULT_SHEET}”工作表。"


def _restore(book: BookPort) -> int:
    """Put back the recorded fills where our colour still is; −1 when there was no 校验结果."""
    if RESULT_SHEET not in book.sheet_names():
        return -1
    grid = book.read(RESULT_SHEET)
    ours = {book.rgb_fill(rgb) for rgb in marks_service.FILLS.values()}
    sheets = set(book.sheet_names())
    back: dict[tuple[str, str | None], list[str]] = {}
    for sheet, address, token in marks_service.recorded(grid):
        if sheet in sheets and book.fill(sheet, address) in ours:
            back.setdefault((sheet, token), []).append(address)
    for (sheet, token), addresses in back.items():
        book.set_fill(sheet, addresses, token)
    book.delete_sheet(RESULT_SHEET)
    return sum(len(addresses) for addresses in back.values())


@_handler
def about(book: BookPort) -> str:
    """关于."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        __version__ = version("yujuesuan")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        __version__ = "（开发版）"
    return (
        f"预决算 yujuesuan {__version__}：部门决算、部门预算公开表的生成与勾稽校验。\n"
        "填充科目名称 / 重算九张表 / 校验勾稽关系 / 清除标记；"
        "工作表函数 KMMC、KMJB、SJKM、KMYX、HZ、WANYUAN、ZZL、ZB、JYSL。"
        "命令行：yjs check / build / template。"
    )
