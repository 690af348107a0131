"""Hostile-file figures for `make bench`: every file of the hostile corpus through `yjs check`.

Prints one line per file (exit status, wall time, peak memory, first line of the message) and
the totals the issue asks for: files tried, crashes, hangs, inputs changed (all 0 but the first).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
sys.path.insert(0, str(ROOT / "tests" / "golden"))

from corpus import CORPUS, run_yjs  # noqa: E402
from make_workbook import build_workbook  # noqa: E402


def main() -> int:
    crashes = hangs = changed = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        golden = build_workbook(ROOT / "tests" / "golden" / "cases" / "hongshan-2021", folder / "hongshan-2021.xlsx")
        print(f"{'file':<22} exit  seconds  peak MB  message")
        for name, make in CORPUS.items():
            path = make(folder, golden)
            outcome = run_yjs(path)
            crashes += outcome.crashed
            hangs += outcome.timed_out
            changed += outcome.changed
            message = outcome.err.strip().splitlines()[0] if outcome.err.strip() else outcome.out[:60]
            print(f"{name:<22} {outcome.code:>4} {outcome.seconds:>8.2f} {outcome.peak_mb:>8.0f}  {message[:90]}")
        print(f"hostile files tried: {len(CORPUS)}, crashes: {crashes}, hangs: {hangs}, inputs changed: {changed}")
    return 0 if not (crashes or hangs or changed) else 1


if __name__ == "__main__":
    sys.exit(main())
