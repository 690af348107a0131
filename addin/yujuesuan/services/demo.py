"""演示: the demo unit (hongshan-2021's published numbers as 底稿 in 元) through the main job:
template → fill 底稿 → build the nine tables → check them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from yujuesuan.findings import Report
from yujuesuan.services.build import BuildOutcome, build_workbook
from yujuesuan.services.check import check_workbook
from yujuesuan.services.files import write_atomically
from yujuesuan.services.template import save_with_values

UNIT = "武汉市洪山区大数据中心"
YEAR = 2021
SAMPLE = "hongshan-2021"


@dataclass(frozen=True)
class DemoOutcome:
    ledger_workbook: Path
    built: BuildOutcome
    report: Report


def sample_rows(name: str) -> list[list[str]]:
    """One sample 底稿 sheet as text rows (header first), from the package data."""
    data = resources.files("yujuesuan.samples").joinpath(SAMPLE, f"{name}.csv").read_text(encoding="utf-8")
    return list(csv.reader(data.splitlines()))


def write_sample_ledger(path: Path) -> Path:
    """The 2021 template with the demo unit's 底稿 filled in (codes as text, amounts as numbers)."""
    from yujuesuan.spec import tables_for
    from yujuesuan.workbook.render import render_template

    workbook = render_template(tables_for("决算", YEAR), year=YEAR, unit=UNIT)
    for name in ("底稿-支出", "底稿-收入", "底稿-结转结余", "底稿-三公", "上年数", "年初预算"):
        sheet = workbook[name]
        header, *rows = sample_rows(name)
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                sheet.cell(r, c).value = _typed(header[c - 1], value)
    return write_atomically(path, lambda tmp: save_with_values(workbook, tmp, workbook.yjs_expected))


def _typed(header: str, value: str) -> object:
    if value == "":
        return None
    if header.startswith(("金额", "预算数", "决算数", "年初", "年末")):
        return float(value)
    return value


def run_demo(folder: Path) -> DemoOutcome:
    folder.mkdir(parents=True, exist_ok=True)
    ledger = write_sample_ledger(folder / f"{UNIT}-{YEAR}-底稿.xlsx")
    built = build_workbook(ledger, folder / f"{UNIT}-{YEAR}-决算公开表.xlsx")
    return DemoOutcome(ledger, built, check_workbook(built.output))
