"""Benchmark: each ribbon handler on the demo unit's workbooks through the openpyxl adapter, and
the add-in build. Prints seconds per handler (median of 3), split into the handler's own work and
the adapter's file load/save, so the cost that remains inside Excel (no file I/O) is visible."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from yujuesuan.excel import ribbon
from yujuesuan.excel.file_book import FileBook
from yujuesuan.services.addin_build import build_addin
from yujuesuan.services.demo import run_demo


def _time(handler, source: Path, out: Path) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    load, work = [], []
    for _ in range(3):
        start = time.perf_counter()
        book = FileBook(source, output=out)
        book.save = lambda: None  # type: ignore[method-assign] - time the handler, not the write
        loaded = time.perf_counter()
        handler(book)
        load.append(loaded - start)
        work.append(time.perf_counter() - loaded)
    return statistics.median(load), statistics.median(work)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = run_demo(folder / "demo")
        cases = [
            ("填充科目名称 (底稿, 550 rows)", ribbon.fill_names, demo.ledger_workbook),
            ("重算九张表 (底稿 → 表1–表9, 校验)", ribbon.rebuild, demo.ledger_workbook),
            ("校验勾稽关系 (built tables)", ribbon.check, demo.built.output),
            ("清除标记 (no marks)", ribbon.clear_marks, demo.built.output),
        ]
        for label, handler, source in cases:
            load, work = _time(handler, source, folder / "out.xlsx")
            print(f"{label}: handler {work:.2f} s, openpyxl load {load:.2f} s")
        start = time.perf_counter()
        build_addin(folder / "yujuesuan.xlam")
        print(f"yjs addin build: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
