"""What the tables (and the 上年数 / 年初预算 sheets) say about each narrative subject.

For a 决算 book the cells are ``CELLS`` below; for a 预算 book ``budget_cells`` (and the 表12
project forms, found by 项目名称).

``CELLS`` declares, per subject key, the table cells that print that figure; a claim agrees with
the tables when it equals any of them (one figure printed in several tables may differ there by
a residue, and the narrative may quote either). Budgets and prior-year figures are not in the
nine tables: they come from the 年初预算 and 上年数 sheets when the workbook has them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from yujuesuan.findings import Location
from yujuesuan.money import half_unit, yuan_to_wanyuan
from yujuesuan.narrative import budget_cells
from yujuesuan.narrative.names import CodeNames
from yujuesuan.spec.final_accounts.classes import CLASSES
from yujuesuan.spec.final_accounts.t01_income_expense_summary import lines
from yujuesuan.tables import Book

Cell = tuple[str, str, str]  # table id, row key (or a named T1 line), column key
T4_FIRST_CLASS_LINE = 33
# The tables whose 科目名称 name the functional codes a narrative may quote, per kind.
NAME_TABLES = {"决算": ("fa.t3", "fa.t5"), "预算": ("bu.t3", "bu.t5")}


@dataclass(frozen=True)
class Printed:
    """One table cell printing a subject: its value, table title, where it is, in words."""

    value: Decimal
    title: str
    location: Location | None = None
    where: str = ""  # "“合计”行“项目支出”栏"
    decimals: int = 2  # the table's printed precision (表11: 0.1 万元)


@dataclass(frozen=True)
class FormLine:
    """One free line of a 表12 block (项目采购): its label, amount in 元 (None: unreadable)."""

    label: str
    amount: Decimal | None
    location: Location | None


def line_total(lines: list[FormLine]) -> Decimal | None:
    """Σ of the lines' amounts in 元; None when there is no line or one is unreadable."""
    if not lines or any(line.amount is None for line in lines):
        return None
    return sum((line.amount or Decimal(0) for line in lines), Decimal(0))


@dataclass(frozen=True)
class Prior:
    """Last year's figure, known to ± ``band`` (0: the 上年数 sheet; 0.05: 表11's 0.1 万元)."""

    value: Decimal
    band: Decimal = Decimal(0)
    printed: Printed | None = None  # the 表11 cell it was read from


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
        for tid in NAME_TABLES.get(self.kind, NAME_TABLES["决算"]):
            table = self.book.table(tid)
            if table is not None:
                merged.update({k: v for k, v in table.row_names.items() if v})
        return CodeNames(merged)

    def table_values(self, subject: str) -> list[tuple[Decimal, str]]:
        """Every printed value for ``subject``: (value, table title)."""
        return [(p.value, p.title) for p in self.table_cells(subject)]

    def table_cells(self, subject: str) -> list[Printed]:
        """Every printed cell for ``subject``, with where it is (for findings that name it)."""
        if self.kind == "预算" and subject.startswith("other:"):
            return self._projects(subject[6:])
        return self._printed(self._cells_of(subject))

    def form_lines(self, source: budget_cells.FormLines) -> list[FormLine]:
        """The free lines of ``source.block`` on the 表12 forms that ``source`` counts (label
        ending with one of ``label_ends``, or every line), form by form, in printed order."""
        out = []
        prefix = source.block + "."
        for table_id, table in self.book.tables.items():
            if not table_id.startswith(budget_cells.PROJECT_FORM + "-"):
                continue
            for row in (r for r in table.rows_seen if r.startswith(prefix)):
                label = table.row_names.get(row, "")
                if source.label_ends and not label.strip().endswith(source.label_ends):
                    continue
                key = (row, source.column)
                amount = None if key in table.unreadable else table.value(*key)
                out.append(FormLine(label, amount, table.location(*key)))
        return out

    def prior_of(self, subject: str) -> Prior | None:
        """Last year's figure: the 上年数 sheet, else (预算) 表11's 上年 column to ± half its unit."""
        if subject in self.prior:
            return Prior(self.prior[subject])
        cell = budget_cells.PRIOR_CELLS.get(subject) if self.kind == "预算" else None
        table = self.book.table(cell[0]) if cell else None
        if cell is None or table is None or (cell[1], cell[2]) not in table.values:
            return None  # no 表11, or its 上年 left blank: the change stays unchecked
        printed = self._printed((cell,))[0]
        return Prior(printed.value, half_unit(printed.decimals), printed)

    def _projects(self, name: str) -> list[Printed]:
        """The 项目当年预算 (元 → 万元) of the 表12 forms whose 项目名称 reads as ``name``."""
        from yujuesuan.narrative.claims import name_key

        _, row, col = budget_cells.PROJECT_CELL
        out = []
        for table_id, table in self.book.tables.items():
            if not table_id.startswith(budget_cells.PROJECT_FORM + "-"):
                continue
            project = table.row_names.get(budget_cells.PROJECT_NAME_ROW, "")
            if not project or (row, col) not in table.values:
                continue
            if name_key(project, self.kind) != name:
                continue
            # 元 to 万元 as the narrative prints it (two decimals, half up)
            value = yuan_to_wanyuan(table.value(row, col))
            where = table.subject(row, col)
            out.append(Printed(value, table.spec.title, table.location(row, col), where))
        return out

    def budget_of(self, subject: str) -> Decimal | None:
        if subject in self.budget:
            return self.budget[subject]
        if subject == "sg_car" and {"sg_car_buy", "sg_car_run"} <= set(self.budget):
            return self.budget["sg_car_buy"] + self.budget["sg_car_run"]
        found = self._printed(BUDGET_CELLS.get(subject, ()))
        return found[0].value if found else None

    def _cells_of(self, subject: str) -> tuple[Cell, ...]:
        if self.kind == "预算":
            return budget_cells.cells_of(subject)
        if subject.startswith("code:"):
            code = subject[5:]
            cells: tuple[Cell, ...] = (("fa.t5", code, "1"), ("fa.t3", code, "1"))
            for i, (class_code, _) in enumerate(CLASSES):
                if class_code == code:
                    cells += (("fa.t4", str(T4_FIRST_CLASS_LINE + i), "3"),)
                    cells += (("fa.t1", str(lines(self.layout)["first_class"] + i), "2"),)
            return cells
        return CELLS.get(subject, ())

    def _printed(self, cells: tuple[Cell, ...]) -> list[Printed]:
        out = []
        named = lines(self.layout) if self.kind != "预算" else {}
        for table_id, row, col in cells:
            table = self.book.table(table_id)
            if table is None:
                continue
            row = str(named.get(row, row))
            if row.isdigit() and len(row) >= 3 and not table.has_row(row):
                continue
            out.append(
                Printed(
                    table.value(row, col),
                    table.spec.title,
                    table.location(row, col),
                    table.subject(row, col),
                    table.spec.decimals,
                )
            )
        return out
