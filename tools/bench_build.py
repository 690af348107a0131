"""Benchmark for `yjs build` and `yjs recalc` (run by `make bench`); figures measured in one run.

- build from a 底稿 of 10k, 100k and 1M rows: the core (read the 底稿 sheets with python-calamine, validate,
  compute the nine tables, controlled rounding) next to a bare calamine read of the same sheets
  (target ≤ 1.5× at 100k rows), its peak memory (max RSS of a child process), and the full
  `yjs build` (which also loads the workbook with openpyxl to write it) up to 100k rows;
- the same for a 2024 budget 底稿-预算 of 100k lines (read, full `yjs build`);
- recalculation of the 2021 template with the `formulas` package next to LibreOffice headless.
Each measurement runs in a fresh child process so timings and RSS do not leak into each other.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10_000, 100_000, 1_000_000)
FULL_BUILD_UP_TO = 100_000

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
path, what = Path(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
if what == "calamine":
    from python_calamine import CalamineWorkbook
    book = CalamineWorkbook.from_path(str(path))
    sheets = [book.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in book.sheet_names if n.startswith("底稿")]
elif what == "core":
    from yujuesuan.build import build_tables, read_ledger
    from yujuesuan.build.vocabulary import SHEETS
    from yujuesuan.workbook.ledger_sheets import ledger_sheets_from_file
    ledger, errors = read_ledger(ledger_sheets_from_file(path, [s.name for s in SHEETS]), year=2021)
    assert not errors, errors[:3]
    build_tables(ledger, 2021)
elif what == "warm":
    import pandas, scipy.optimize
    from python_calamine import CalamineWorkbook
    from yujuesuan.build import build_tables, read_ledger
    from yujuesuan.build.vocabulary import SHEETS
    from yujuesuan.workbook.ledger_sheets import ledger_sheets_from_file
    start = time.perf_counter()
    book = CalamineWorkbook.from_path(str(path))
    sheets = [book.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in book.sheet_names if n.startswith("底稿")]
    middle = time.perf_counter()
    ledger, errors = read_ledger(ledger_sheets_from_file(path, [s.name for s in SHEETS]), year=2021)
    build_tables(ledger, 2021)
    end = time.perf_counter()
    print(json.dumps({"seconds": end - middle, "ratio": (end - middle) / (middle - start), "rss_mb": 0}))
    sys.exit(0)
elif what == "full":
    from yujuesuan.services.build import build_workbook
    build_workbook(path, path.with_name("out.xlsx"))
elif what == "formulas":
    from yujuesuan.workbook.recalc import recalc_with_formulas
    recalc_with_formulas(path)
elif what == "libreoffice":
    from yujuesuan.workbook.recalc import recalc_with_libreoffice
    recalc_with_libreoffice(path, path.with_name("lo.xlsx"))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(path: Path, what: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", CHILD, str(path), what], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def make_ledger(path: Path, rows: int) -> Path:
    """A 2021 底稿 of ``rows`` spending rows (plus matching income), written with openpyxl write-only."""
    from openpyxl import Workbook

    from yujuesuan.reference import Level, load

    rng = random.Random(rows)
    items = [e.code for e in load("function", 2021) if e.level is Level.ITEM]
    economic = [e.code for e in load("economic", 2021) if e.level is Level.SECTION]
    personnel = [c for c in economic if c[:3] in ("301", "303")]
    public = [c for c in economic if c[:3] == "302"]
    book = Workbook(write_only=True)
    spending = book.create_sheet("底稿-支出")
    spending.append(["功能科目编码", "资金来源", "支出性质", "经济科目编码", "项目名称", "金额(元)"])
    income: dict[str, int] = {}
    for _ in range(rows):
        item = rng.choice(items)
        nature = rng.choice(("基本支出-人员经费", "基本支出-公用经费", "项目支出"))
        code = rng.choice(personnel if nature.endswith("人员经费") else public)
        cents = rng.randint(1, 5_000_000)
        income[item] = income.get(item, 0) + cents
        spending.append([item, "一般公共预算财政拨款", nature, code, "", cents / 100])
    sheet = book.create_sheet("底稿-收入")
    sheet.append(["功能科目编码", "收入来源", "金额(元)"])
    for item, cents in sorted(income.items()):
        sheet.append([item, "一般公共预算财政拨款", cents / 100])
    book.create_sheet("底稿-结转结余").append(["资金来源", "功能科目编码", "年初结转和结余(元)", "年末结转和结余(元)"])
    three = book.create_sheet("底稿-三公")
    three.append(["项目", "预算数(元)", "决算数(元)"])
    cover = book.create_sheet("封面")
    cover.append(["单位名称", "基准测试单位"])
    cover.append(["年度", 2021])
    book.save(path)
    return path


def make_budget_ledger(path: Path, rows: int) -> Path:
    """A 2024 底稿-预算 of ``rows`` lines, all 一般公共预算拨款 (written with openpyxl write-only)."""
    from openpyxl import Workbook

    from yujuesuan.build.budget_vocabulary import SHEETS
    from yujuesuan.reference import Level, load

    rng = random.Random(rows)
    items = [e.code for e in load("function", 2024) if e.level is Level.ITEM]
    economic = [e.code for e in load("economic", 2024) if e.level is Level.SECTION]
    by_nature = {
        "基本支出-人员经费": [c for c in economic if c[:3] in ("301", "303")],
        "基本支出-公用经费": [c for c in economic if c[:3] == "302"],
        "项目支出": [c for c in economic if c[:3] == "302"],
    }
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEETS[0].name)
    sheet.append([c.name for c in SHEETS[0].columns])
    for i in range(rows):
        nature = rng.choice(tuple(by_nature))
        project = f"项目{i % 50}" if nature == "项目支出" else ""
        cents = rng.randint(1, 5_000_000)
        sheet.append([rng.choice(items), rng.choice(by_nature[nature]), "一般公共预算拨款", nature, project, cents / 100])
    cover = book.create_sheet("封面")
    cover.append(["单位名称", "基准测试单位"])
    cover.append(["年度", 2024])
    book.save(path)
    return path


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("build core = read the 底稿 with python-calamine + validate + compute + controlled rounding;")
        print("'cold' = a fresh process (includes ~0.5 s importing pandas/scipy); 'warm ratio' = the same work in a")
        print("running process over a bare calamine read in that process (the target: ≤ 1.5 at 100k rows)")
        print(f"{'rows':>9} {'calamine read':>14} {'build (cold)':>13} {'cold ratio':>11} {'warm ratio':>11} {'peak RSS':>9} {'full yjs build':>15}")
        for rows in SIZES:
            path = make_ledger(folder / f"ledger-{rows}.xlsx", rows)
            read = measure(path, "calamine")
            core = measure(path, "core")
            full = f"{measure(path, 'full')['seconds']:>13.2f}s" if rows <= FULL_BUILD_UP_TO else f"{'not run':>14}"
            warm = measure(path, "warm")
            print(
                f"{rows:>9,} {read['seconds']:>13.2f}s {core['seconds']:>12.2f}s {core['seconds'] / read['seconds']:>11.2f}"
                f" {warm['ratio']:>11.2f} {core['rss_mb']:>7.0f}MB {full}"
            )
        budget = make_budget_ledger(folder / "budget-100000.xlsx", 100_000)
        read, full = measure(budget, "calamine"), measure(budget, "full")
        print(
            f"budget 2024, 100,000 lines of 底稿-预算: calamine read {read['seconds']:.2f}s,"
            f" full yjs build {full['seconds']:.2f}s (peak RSS {full['rss_mb']:.0f}MB)"
        )
        template = ROOT / "workbooks" / "决算-2021-模板.xlsx"
        by_formulas = measure(template, "formulas")["seconds"]
        from yujuesuan.workbook.recalc import libreoffice

        if libreoffice():
            local = folder / template.name
            local.write_bytes(template.read_bytes())
            by_lo = measure(local, "libreoffice")["seconds"]
            print(
                f"yjs recalc engines on the 2021 template, each in a fresh process: formulas {by_formulas:.2f}s,"
                f" LibreOffice headless {by_lo:.2f}s, ratio {by_formulas / by_lo:.2f} (target ≤ 1)"
            )
        else:
            print(f"recalc 2021 template: formulas {by_formulas:.2f}s, LibreOffice not installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
