"""Benchmark for `yjs check` (run by `make bench`); prints figures measured in one run.

- wall time of checking each golden workbook, next to a bare `openpyxl.load_workbook` of the same
  file (target: ratio ≤ 1.5);
- 100 workbooks checked in one `yjs check` call (in-process, output discarded).
Medians of several repeats; the machine is noisy, so read the ratios, not the absolute times.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from yujuesuan.cli import main as yjs
from yujuesuan.services import check_workbook

ROOT = Path(__file__).resolve().parent.parent
CASES = ("hongshan-2021", "wuchang-2022", "qiaokou-2024")
REPEATS = 15


def _builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_workbook", ROOT / "tests/golden/make_workbook.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.build_workbook


def _median(fn, repeats: int = REPEATS) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    build = _builder()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = [build(ROOT / "tests/golden/cases" / case, folder / f"{case}.xlsx") for case in CASES]
        check_workbook(paths[0])  # warm caches (catalogs, specs)
        print(f"{'workbook':<22}{'yjs check':>12}{'openpyxl load':>16}{'ratio':>8}  (target ≤ 1.5)")
        for path in paths:
            check = _median(lambda p=path: check_workbook(p))
            load = _median(lambda p=path: openpyxl.load_workbook(p))
            print(f"{path.stem:<22}{check * 1000:>10.1f}ms{load * 1000:>14.1f}ms{check / load:>8.2f}")
        batch = folder / "batch"
        batch.mkdir()
        for i in range(100):
            shutil.copy(paths[i % 2], batch / f"{i:03d}.xlsx")
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            status = yjs(["check", str(batch)])
        elapsed = time.perf_counter() - start
        print(f"100 workbooks in one call: {elapsed:.2f}s ({elapsed * 10:.1f}ms each), exit status {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
