"""演示: a demo unit's published numbers as 底稿 in 元, through the main job:
template → fill 底稿 → build the tables → check them.

Two demo units, declared below: hongshan-2021 (决算, the default of ``yjs demo``) and
qiaokou-2024 (预算, its 底稿-预算 a few 元 off the published 万元 figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from yujuesuan.findings import Report
from yujuesuan.samples import sample_rows
from yujuesuan.services.build import BuildOutcome, build_workbook
from yujuesuan.services.check import check_workbook
from yujuesuan.services.files import write_atomically
from yujuesuan.services.template import save_with_values


@dataclass(frozen=True)
class Demo:
    unit: str
    year: int
    kind: str  # 决算 / 预算
    sample: str  # folder of ``yujuesuan.samples``
    sheets: tuple[str, ...]  # the sheets the sample fills
    tables: str  # how the output file names the tables

    def ledger_name(self) -> str:
        return f"{self.unit}-{self.year}-底稿.xlsx"

    def tables_name(self) -> str:
        return f"{self.unit}-{self.year}-{self.tables}.xlsx"


FINAL_ACCOUNTS = Demo(
    "武汉市洪山区大数据中心",
    2021,
    "决算",
    "hongshan-2021",
    ("底稿-支出", "底稿-收入", "底稿-结转结余", "底稿-三公", "上年数", "年初预算"),
    "决算公开表",
)
BUDGET = Demo(
    "武汉市硚口区大数据中心", 2024, "预算", "qiaokou-2024", ("底稿-预算",), "预算公开表"
)
DEMOS = {demo.kind: demo for demo in (FINAL_ACCOUNTS, BUDGET)}
_AMOUNT_HEADERS = ("金额", "预算数", "决算数", "年初", "年末")


@dataclass(frozen=True)
class DemoOutcome:
    ledger_workbook: Path
    built: BuildOutcome
    report: Report


def write_sample_ledger(path: Path, demo: Demo = FINAL_ACCOUNTS) -> Path:
    """The demo's template with its 底稿 filled in (codes as text, amounts as numbers)."""
    from yujuesuan.spec import tables_for
    from yujuesuan.workbook.render import render_template

    workbook = render_template(tables_for(demo.kind, demo.year), year=demo.year, unit=demo.unit)
    for name in demo.sheets:
        sheet = workbook[name]
        header, *rows = sample_rows(demo.sample, name)
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                sheet.cell(r, c).value = _typed(header[c - 1], value)
    return write_atomically(path, lambda tmp: save_with_values(workbook, tmp, workbook.yjs_expected))


def _typed(header: str, value: str) -> object:
    if value == "":
        return None
    if header.startswith(_AMOUNT_HEADERS):
        return float(value)
    return value


def run_demo(folder: Path, demo: Demo = FINAL_ACCOUNTS) -> DemoOutcome:
    folder.mkdir(parents=True, exist_ok=True)
    ledger = write_sample_ledger(folder / demo.ledger_name(), demo)
    built = build_workbook(ledger, folder / demo.tables_name())
    return DemoOutcome(ledger, built, check_workbook(built.output))
