"""What the tables (and the 上年数 / 年初预算 sheets) say about each narrative subject.

``CELLS`` declares, per subject key, the table cells that print that figure; a claim agrees with
the tables when it equals any of them (one figure printed in several tables may differ there by
a residue, and the narrative may quote either). Budgets and prior-year figures are not in the
nine tables: they come from the 年初预算 and 上年数 sheets when the workbook has them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from yujuesuan.narrative.names import CodeNames
from yujuesuan.spec.final_accounts.classes import CLASSES
from yujuesuan.spec.final_accounts.t01_income_expense_summary import lines
from yujuesuan.tables import Book

Cell = tuple[str, str, str]  # table id, row key (or a named T1 line), column key
T4_FIRST_CLASS_LINE = 33


def _sg(first: int) -> dict[str, tuple[Cell, ...]]:
    items = ("sg_total", "sg_abroad", "sg_car", "sg_car_buy", "sg_car_run", "sg_reception")
    return {key: (("fa.sg", "金额", str(first + i)),) for i, key in enumerate(items)}


CELLS: dict[str, tuple[Cell, ...]] = {
    "grand_total": (("fa.t1", "income_grand_total", "1"), ("fa.t1", "spending_grand_total", "2")),
    "income_total": (("fa.t1", "27", "1"), ("fa.t2", "合计", "1")),
    "fiscal_income": (("fa.t4", "27", "1"),),
    "general_income": (("fa.t4", "1", "1"), ("fa.t1", "1", "1")),
    "gf_income": (("fa.t4", "2", "1"),),
    "gz_income": (("fa.t4", "3", "1"),),
    "spending_total": (("fa.t1", "spending_total", "2"), ("fa.t3", "合计", "1")),
    "fiscal_grand_total": (("fa.t4", "32", "1"), ("fa.t4", "64", "2")),
    "general_spending": (("fa.t5", "合计", "1"), ("fa.t4", "59", "3")),
    "basic": (("fa.t3", "合计", "2"), ("fa.t5", "合计", "2")),
    "project": (("fa.t3", "合计", "3"), ("fa.t5", "合计", "3")),
    "remit": (("fa.t3", "合计", "4"),),
    "operating": (("fa.t3", "合计", "5"),),
    "subsidiary": (("fa.t3", "合计", "6"),),
    "personnel": (("fa.t6", "人员经费合计", "amount"),),
    "public": (("fa.t6", "公用经费合计", "amount"),),
    **_sg(7),
    "gf.opening": (("fa.gf", "合计", "1"),),
    "gf.income_year": (("fa.gf", "合计", "2"),),
    "gf.spending_year": (("fa.gf", "合计", "3"),),
    "gf.closing": (("fa.gf", "合计", "6"),),
    "gz.spending_year": (("fa.gz", "合计", "1"),),
}
BUDGET_CELLS: dict[str, tuple[Cell, ...]] = _sg(1)

# Labels of the 上年数 / 年初预算 sheets (column A) -> subject keys.
PRIOR_LABELS = {
    "收支总计": "grand_total",
    "一般公共预算财政拨款支出合计": "general_spending",
    "“三公”经费合计": "sg_total",
    "机关运行经费": "office_running",
    # rows added by 取上年数 (services.pull_prior.PRIOR_FIGURES)
    "本年收入合计": "income_total",
    "财政拨款收入": "fiscal_income",
    "本年支出合计": "spending_total",
    "基本支出合计": "basic",
    "项目支出合计": "project",
    "财政拨款收支总计": "fiscal_grand_total",
    "人员经费合计": "personnel",
    "公用经费合计": "public",
    "因公出国（境）费": "sg_abroad",
    "公务用车购置及运行费": "sg_car",
    "公务用车购置费": "sg_car_buy",
    "公务用车运行费": "sg_car_run",
    "公务接待费": "sg_reception",
    "政府性基金预算财政拨款支出合计": "gf.spending_year",
    "国有资本经营预算财政拨款支出合计": "gz.spending_year",
}
BUDGET_LABELS = {
    "一般公共预算财政拨款支出合计": "general_spending",
    "“三公”经费合计": "sg_total",
    "因公出国（境）费": "sg_abroad",
    "公务用车购置费": "sg_car_buy",
    "公务用车运行费": "sg_car_run",
    "公务接待费": "sg_reception",
}


def sheet_key(label: str, labels: dict[str, str]) -> str | None:
    """ "201 一般公共服务支出" -> "code:201"; a listed label -> its key."""
    label = label.strip()
    head = label.split(" ", 1)[0]
    if head.isdigit():
        return "code:" + head
    return labels.get(label)


@dataclass
class Context:
    """The tables of one workbook plus the figures only the working papers hold."""

    book: Book
    prior: dict[str, Decimal] = field(default_factory=dict)
    budget: dict[str, Decimal] = field(default_factory=dict)
    kind: str = ""  # "决算" or "预算" (the narrative's document kind); "" = the book's kind

    def __post_init__(self) -> None:
        self.kind = self.kind or self.book.kind or "决算"

    @property
    def year(self) -> int:
        return self.book.year or 0

    @property
    def layout(self) -> str:
        return "2021" if self.year <= 2021 else "2022"

    def names(self) -> CodeNames:
        merged: dict[str, str] = {}
        for tid in ("fa.t3", "fa.t5"):
            table = self.book.table(tid)
            if table is not None:
                merged.update({k: v for k, v in table.row_names.items() if v})
        return CodeNames(merged)

    def table_values(self, subject: str) -> list[tuple[Decimal, str]]:
        """Every printed value for ``subject``: (value, table title)."""
        return self._cells(self._cells_of(subject))

    def budget_of(self, subject: str) -> Decimal | None:
        if subject in self.budget:
            return self.budget[subject]
        if subject == "sg_car" and {"sg_car_buy", "sg_car_run"} <= set(self.budget):
            return self.budget["sg_car_buy"] + self.budget["sg_car_run"]
        found = self._cells(BUDGET_CELLS.get(subject, ()))
        return found[0][0] if found else None

    def _cells_of(self, subject: str) -> tuple[Cell, ...]:
        if subject.startswith("code:"):
            code = subject[5:]
            cells: tuple[Cell, ...] = (("fa.t5", code, "1"), ("fa.t3", code, "1"))
            for i, (class_code, _) in enumerate(CLASSES):
                if class_code == code:
                    cells += (("fa.t4", str(T4_FIRST_CLASS_LINE + i), "3"),)
                    cells += (("fa.t1", str(lines(self.layout)["first_class"] + i), "2"),)
            return cells
        return CELLS.get(subject, ())

    def _cells(self, cells: tuple[Cell, ...]) -> list[tuple[Decimal, str]]:
        out = []
        named = lines(self.layout)
        for table_id, row, col in cells:
            table = self.book.table(table_id)
            if table is None:
                continue
            row = str(named.get(row, row))
            if row.isdigit() and len(row) >= 3 and not table.has_row(row):
                continue
            out.append((table.value(row, col), table.spec.title))
        return out
