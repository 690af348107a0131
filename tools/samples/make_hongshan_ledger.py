"""Generate the demo unit's working papers (底稿) in 元, reproducing hongshan-2021's published tables.

The published 表5 基本支出 by 项 and 表6 基本支出 by 经济科目 are two margins of one table; this
script fills that table (paired codes first: 30108 ↔ 2080505, 30113 ↔ 2210201, …; the rest into
事业运行), adds the four named projects and the classified one on 2010399, and splits every amount
into many rows with cents (payroll months, invoices). Each (项, 经济科目) cell and each project is
then moved off the whole 0.01 万元 by a few 元 (the ``jitter``), chosen so that every figure the
tables print — per 项/款/类, per 经济科目, 人员/公用经费, 合计 — stays within 0.005 万元 of its
published value: the build has real rounding to do, and controlled rounding must land on
exactly the published numbers. The one published 0.01 residue (表6 人员经费 + 公用经费 = 422.24
vs 表5 基本支出 422.23) is removed by booking 30299 at 17.67 instead of 17.68. Deterministic
(fixed seed). Not shipped: its CSV output is.

    python tools/samples/make_hongshan_ledger.py addin/yujuesuan/samples/hongshan-2021
"""

from __future__ import annotations

import csv
import random
import sys
from decimal import Decimal
from pathlib import Path

FEN_PER_WANYUAN = 1_000_000
GENERAL = "一般公共预算财政拨款"

BASIC_BY_ITEM = {  # 表5 基本支出 (万元)
    "2010350": "318.55", "2080502": "3.70", "2080505": "22.05", "2080506": "2.73", "2101102": "19.98",
    "2101199": "2.23", "2210201": "35.35", "2210202": "6.99", "2210203": "10.65",
}
BASIC_BY_ECONOMIC = {  # 表6 决算数 (万元), 30299 less the published 0.01 residue
    "30101": "57.97", "30102": "90.50", "30107": "123.27", "30108": "22.05", "30109": "2.73",
    "30110": "26.72", "30112": "0.98", "30113": "35.35", "30199": "16.03", "30302": "8.17",
    "30201": "3.99", "30207": "0.63", "30211": "0.44", "30213": "0.69", "30226": "0.70",
    "30227": "0.48", "30228": "5.18", "30229": "4.88", "30231": "2.20", "30239": "0.28",
    "30299": "17.67", "31002": "1.32",
}
# (经济, 项, 万元) booked first; what remains of each margin is filled in order.
PAIRS = (
    ("30108", "2080505", "22.05"), ("30109", "2080506", "2.73"), ("30113", "2210201", "35.35"),
    ("30302", "2080502", "3.70"), ("30110", "2101102", "19.98"), ("30110", "2101199", "2.23"),
    ("30102", "2210202", "6.99"), ("30102", "2210203", "10.65"),
)
PROJECTS = (  # 2010399 项目支出: (项目名称, 经济, 万元)
    ("安全管理经费", "30227", "259.55"), ("党务与行政管理经费", "30299", "22.20"),
    ("平台建设经费", "31007", "78.53"), ("网络系统运行经费", "30227", "681.87"), ("涉密项目", "30299", "933.39"),
)
THREE_PUBLIC = (("因公出国（境）费", "0", "0"), ("公务用车购置费", "0", "0"), ("公务用车运行费", "42000.00", "22000.00"), ("公务接待费", "0", "0"))
OPENING_BUDGET = (  # 年初预算 (万元), quoted in the published narrative
    ("一般公共预算财政拨款支出合计", "2606.14"), ("201 一般公共服务支出", "2506.50"), ("208 社会保障和就业支出", "26.48"),
    ("210 卫生健康支出", "19.42"), ("221 住房保障支出", "53.74"), ("“三公”经费合计", "4.20"), ("公务用车运行费", "4.20"),
)
PRIOR_YEAR = (  # 2020 figures implied by the narrative's changes
    ("收支总计", "2556.03"), ("一般公共预算财政拨款支出合计", "2554.43"), ("“三公”经费合计", "2.49"), ("机关运行经费", "0.00"),
)


def fen(wanyuan: str) -> int:
    return int(Decimal(wanyuan) * FEN_PER_WANYUAN)


JITTER_FEN = 900  # at most ±9 元 per cell
BAND_FEN = 4_000  # every printed figure within ±40 元 (< 0.005 万元) of its published value
STEADY = {"30231"}  # 公务用车运行维护费 must equal the 三公 table's 公务用车运行费 exactly


def figures(item: str, economic: str, project: str) -> tuple[str, ...]:
    """The printed figures a cell adds into (项/款/类/合计, 经济 款/类, 人员/公用, project)."""
    if project:
        return (item, item[:5], item[:3], "合计", "项目", f"项目:{project}")
    side = "人员经费" if economic[:3] in ("301", "303") else "公用经费"
    return (item, item[:5], item[:3], "合计", "基本", economic, economic[:3], side)


def jitter(cells: list[tuple[str, str, str, int]], rng: random.Random) -> list[tuple[str, str, str, int]]:
    """``cells`` moved by a few 元 each, every printed figure staying inside the band."""
    for _ in range(10_000):
        moved = [
            (item, code, project, amount + (0 if code in STEADY else rng.randint(-JITTER_FEN, JITTER_FEN)))
            for item, code, project, amount in cells
        ]
        drift: dict[str, int] = {}
        for (item, code, project, amount), (_, _, _, before) in zip(moved, cells, strict=True):
            for figure in figures(item, code, project):
                drift[figure] = drift.get(figure, 0) + amount - before
        if all(abs(d) <= BAND_FEN for d in drift.values()):
            return moved
    raise SystemExit("no jitter keeps every figure inside the band")


def nature(economic: str) -> str:
    return "基本支出-人员经费" if economic[:3] in ("301", "303") else "基本支出-公用经费"


def basic_cells() -> list[tuple[str, str, int]]:
    """(项, 经济, 分) cells whose margins are exactly 表5 基本支出 and 表6."""
    items = {k: fen(v) for k, v in BASIC_BY_ITEM.items()}
    econ = {k: fen(v) for k, v in BASIC_BY_ECONOMIC.items()}
    assert sum(items.values()) == sum(econ.values())
    cells = []
    for code, item, amount in PAIRS:
        cells.append((item, code, fen(amount)))
        items[item] -= fen(amount)
        econ[code] -= fen(amount)
    for code, left in econ.items():  # the rest is 事业运行 (the only 项 with room left)
        if left:
            cells.append(("2010350", code, left))
            items["2010350"] -= left
    assert all(v == 0 for v in items.values()), items
    return cells


def split(total: int, rng: random.Random, parts: int) -> list[int]:
    """``parts`` positive amounts in 分, with cents, summing exactly to ``total``."""
    if total < parts * 100:
        return [total]
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def yuan(amount_fen: int) -> str:
    return f"{Decimal(amount_fen) / 100:.2f}"


def spending_rows(rng: random.Random) -> list[list[str]]:
    cells = [(item, code, "", amount) for item, code, amount in basic_cells()]
    cells += [("2010399", code, name, fen(amount)) for name, code, amount in PROJECTS]
    rows = []
    for item, code, project, amount in jitter(cells, rng):
        if project:
            for part in split(amount, rng, rng.randint(20, 60)):
                rows.append([item, GENERAL, "项目支出", code, project, yuan(part)])
            continue
        for part in split(amount, rng, 12 if code[:3] == "301" else rng.randint(2, 8)):
            rows.append([item, GENERAL, nature(code), code, "", yuan(part)])
    rng.shuffle(rows)
    return rows


def income_rows(spending: list[list[str]], rng: random.Random) -> list[list[str]]:
    """All money is 一般公共预算财政拨款, received per 项 in monthly instalments."""
    totals: dict[str, int] = {}
    for row in spending:
        totals[row[0]] = totals.get(row[0], 0) + int(Decimal(row[5]) * 100)
    return [[item, GENERAL, yuan(part)] for item, total in sorted(totals.items()) for part in split(total, rng, 12)]


def write(folder: Path, name: str, header: list[str], rows: list[list[str]] | tuple[tuple[str, ...], ...]) -> None:
    with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2021)
    spending = spending_rows(rng)
    write(folder, "底稿-支出", ["功能科目编码", "资金来源", "支出性质", "经济科目编码", "项目名称", "金额(元)"], spending)
    write(folder, "底稿-收入", ["功能科目编码", "收入来源", "金额(元)"], income_rows(spending, rng))
    write(folder, "底稿-结转结余", ["资金来源", "功能科目编码", "年初结转和结余(元)", "年末结转和结余(元)"], [])
    write(folder, "底稿-三公", ["项目", "预算数(元)", "决算数(元)"], THREE_PUBLIC)
    write(folder, "年初预算", ["项目", "金额(万元)"], OPENING_BUDGET)
    write(folder, "上年数", ["项目", "金额(万元)"], PRIOR_YEAR)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
