"""Coverage-guided fuzzing with atheris (run by `make fuzz`): each parser of user input gets
``RUNS`` inputs; any exception other than our documented errors is a crash and fails the run.

    python tools/fuzz_atheris.py [target] [-runs=N]

Targets: amount (money.parse_amount), code (reference.compact), note (spec.notation.parse),
grid (workbook.read.book_from_grids on a grid decoded from the bytes), narrative
(narrative.check_narrative on text decoded from the bytes).
"""

from __future__ import annotations

import subprocess
import sys
import time

RUNS = 20_000
TARGETS = ("amount", "code", "note", "grid", "narrative")


def _target(name: str):  # type: ignore[no-untyped-def]
    import atheris

    from yujuesuan.errors import SpecError, WorkbookFormatError
    from yujuesuan.money import NotANumber, parse_amount
    from yujuesuan.reference import compact
    from yujuesuan.spec.notation import parse
    from yujuesuan.workbook.read import book_from_grids

    atheris.instrument_all()  # the editable install's loader hides modules from instrument_imports

    def amount(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        value = [fdp.ConsumeUnicodeNoSurrogates(40), fdp.ConsumeFloat(), fdp.ConsumeInt(9)][fdp.ConsumeIntInRange(0, 2)]
        try:
            parse_amount(value)
        except NotANumber:
            pass

    def code(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        value = [fdp.ConsumeUnicodeNoSurrogates(30), fdp.ConsumeFloat(), fdp.ConsumeInt(9)][fdp.ConsumeIntInRange(0, 2)]
        text = compact(value)
        assert compact(text) == text

    def note(data: bytes) -> None:
        try:
            parse(atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(60))
        except SpecError:
            pass

    def grid(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        words = ["表3", "支出决算表", "2021年度支出决算表（表3）", "合计", "201", "20103", "2010350", "项目", "栏次", "1", "2", "3"]
        rows = []
        for _ in range(fdp.ConsumeIntInRange(0, 12)):
            row = []
            for _ in range(fdp.ConsumeIntInRange(0, 8)):
                kind = fdp.ConsumeIntInRange(0, 3)
                row.append([None, fdp.PickValueInList(words), fdp.ConsumeFloat(), fdp.ConsumeUnicodeNoSurrogates(8)][kind])
            rows.append(row)
        try:
            book_from_grids({"表3": rows}, source="fuzz")
        except WorkbookFormatError:
            pass

    def narrative(data: bytes) -> None:
        from yujuesuan.narrative import Context, check_narrative
        from yujuesuan.tables import Book

        check_narrative(atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(300), Context(Book(year=2021)))

    return {"amount": amount, "code": code, "note": note, "grid": grid, "narrative": narrative}[name]


def run_one(name: str, argv: list[str]) -> None:
    import atheris

    atheris.Setup([sys.argv[0], *argv], _target(name))
    atheris.Fuzz()


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] in TARGETS:
        run_one(sys.argv[1], sys.argv[2:] or [f"-runs={RUNS}"])
        return 0
    failures = 0
    for name in TARGETS:
        started = time.perf_counter()
        result = subprocess.run([sys.executable, __file__, name, f"-runs={RUNS}", "-atheris_runs=0"],
                                capture_output=True, text=True, check=False)
        ok = result.returncode == 0
        failures += not ok
        print(f"atheris {name:<7} {RUNS:,} inputs in {time.perf_counter() - started:5.1f}s: {'ok' if ok else 'CRASH'}")
        if not ok:
            print(result.stderr[-3000:])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
