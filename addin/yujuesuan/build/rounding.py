"""Controlled rounding: each published 万元 cell goes to 0.01 up or down so identities still add up.

Independent 四舍五入 breaks sums (three 项 of 0.005 each print 0.01, their 款 of 0.015 prints
0.02). Here every cell whose true value is not a whole number of 0.01 万元 is a 0/1 choice
δ (0 = floor, 1 = ceil); every equation that ``checks.equations.expand`` derives from the
table set's rules and that holds exactly on the true values must hold exactly on the displayed
values (bounds ``<=``/``>=`` likewise); the objective is the least total |displayed − true|.
Solved as a MILP with ``scipy.optimize.milp`` (HiGHS). If no such rounding exists, slack
variables with a penalty larger than any rounding cost keep as many equations as possible and
``RoundingReport.unkept`` names the others; rounding never raises for data.

A table printed to 0.1 万元 (``TableSpec.decimals`` = 1, 预算 表11) rounds on that grid, and a
``RoundedEqual`` rule (its figure = the half-up rounding of 0.01 万元 cells) becomes two bounds,
so a 0.1 figure, the sum it is part of and the cells it rounds agree too.

A cell in a rule's condition (e.g. 表1 年末结转和结余 for "no balances") whose true value is
nonzero but below 0.01 is rounded away from zero, so the displayed tables meet a condition
exactly when the true ones do.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix, hstack
from scipy.sparse import identity as sparse_identity

from yujuesuan.checks.equations import Equation, expand
from yujuesuan.spec.model import Cell, InCatalog, RoundedEqual, Strength, TableSet, rule_tables
from yujuesuan.tables import Book, Table

Key = tuple[str, str, str]  # (table, row, col)
# Slack is counted in 0.01 万元, each unit at (its weight ×) more than any rounding could save.
# When not every identity can be kept, what gives way first is a sum of figures printed to 0.1
# (表11: a miss is 10 units × 0.1 = 1), then an identity of 0.01 figures (a cent: 2), last a
# figure that must be another table's rounded (表11 = 表3 at 0.1: its bound's slack counts only
# beyond the half-grid, 5 units × 2 = 10).
IDENTITY_WEIGHT, COARSE_SUM_WEIGHT, TIE_WEIGHT = 2.0, 0.1, 2.0
HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Deviation:
    """An identity the displayed (``unkept``) or true (``untrue``) values do not meet."""

    rule_id: str
    cell: Cell  # the cell the identity is anchored on
    relation: str
    difference: Decimal  # Σ left − Σ right, in 万元
    basis: str

    def __str__(self) -> str:
        where = f"{self.cell.table} {self.cell.row}/{self.cell.col}"
        return f"[{self.rule_id}] {where}: 差额 {self.difference}（{self.basis}）"


@dataclass(frozen=True)
class RoundingReport:
    unkept: tuple[Deviation, ...] = ()  # held on the true values, broken by the rounding
    untrue: tuple[Deviation, ...] = ()  # already broken on the true values (ledger inconsistent)
    cells: int = 0  # published cells
    variables: int = 0  # cells whose rounding direction was chosen by the MILP
    equations: int = 0  # identities imposed on those choices
    naive_broken: int = 0  # of those, how many rounding each cell on its own (四舍五入) breaks
    # "optimal"; "time_limit" (every identity kept, optimality not proven); "with_slack" (some
    # identities could not be kept); "nearest" (no solution in time: plain 四舍五入)
    status: str = "optimal"
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.unkept

    def given_up(self) -> frozenset[str]:
        """Ids of the identities the rounding had to break (the workbook must not re-impose
        them by formula over the figures it chose)."""
        return frozenset(d.rule_id for d in self.unkept)


@dataclass(frozen=True)
class Rounded:
    book: Book  # displayed values, Decimal 万元 with two decimals
    report: RoundingReport


@dataclass
class _Identity:
    """Σ coef·x + constant ``relation`` 0 over cells in units of 0.01 万元 (">=" stored negated
    as "<=")."""

    equation: Equation
    coefs: dict[Key, int]
    relation: str  # "=" | "<="
    constant: int = 0
    grid: int = 0  # a RoundedEqual bound: the grid its left side is rounded to
    # how dearly rounding gives it up per 0.01 of slack when not every identity can be kept
    # (``COARSE_SUM_WEIGHT``, ``TIE_WEIGHT``); a miss in a sum of 0.1 figures is what the checker
    # rightly calls a 尾数差异 ("分项之和与合计因四舍五入可能不等")
    weight: float = IDENTITY_WEIGHT

    def residual(self, x: dict[Key, Decimal] | dict[Key, int]) -> Decimal:
        return Decimal(sum(c * x[k] for k, c in self.coefs.items()) + self.constant)

    def holds(self, x: dict[Key, Decimal] | dict[Key, int]) -> bool:
        r = self.residual(x)
        return r == 0 if self.relation == "=" else r <= 0


@dataclass
class _Problem:
    true: dict[Key, Decimal]  # units of 0.01 万元
    step: dict[str, int] = field(default_factory=dict)  # per table: its grid in 0.01 万元
    kept: list[_Identity] = field(default_factory=list)
    untrue: list[Deviation] = field(default_factory=list)
    forced: dict[Key, int] = field(default_factory=dict)


def round_book(book: Book, table_set: TableSet, *, time_limit: float = 60.0) -> Rounded:
    """Displayed values of ``book`` (true 万元) under controlled rounding, and what it kept."""
    started = time.perf_counter()
    problem = _problem(book, table_set)
    fixed, variables = _split(problem)
    choice, status = _solve(problem, fixed, variables, time_limit)
    shown = {**fixed, **{k: _floor(problem, k) + _step(problem, k) * d for k, d in choice.items()}}
    unkept = tuple(_deviation(i, shown) for i in problem.kept if not i.holds(shown))
    naive = {k: _nearest(problem, k) for k in problem.true}
    report = RoundingReport(
        unkept=unkept,
        untrue=tuple(problem.untrue),
        cells=sum(len(t.values) for t in book.tables.values()),
        variables=len(variables),
        equations=len(problem.kept),
        naive_broken=sum(1 for i in problem.kept if not i.holds(naive)),
        status=status,
        seconds=round(time.perf_counter() - started, 3),
    )
    return Rounded(_displayed(book, shown), report)


def _step(problem: _Problem, key: Key) -> int:
    return problem.step.get(key[0], 1)


def _floor(problem: _Problem, key: Key) -> int:
    """The largest figure on the key's grid not above its true value (0.01 万元 units)."""
    step = _step(problem, key)
    return int((problem.true[key] / step).to_integral_value(ROUND_FLOOR)) * step


def _nearest(problem: _Problem, key: Key) -> int:
    step = _step(problem, key)
    return int((problem.true[key] / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * step


def _identities(book: Book, table_set: TableSet) -> Iterator[_Identity]:
    for rule in table_set.all_rules():
        if isinstance(rule, InCatalog) or any(t not in book.tables for t in rule_tables(rule)):
            continue
        if isinstance(rule, RoundedEqual):
            yield from _rounded_bounds(rule, book)
            continue
        for eq in expand(rule, book):
            coefs: dict[Key, int] = {}
            flip = -1 if eq.relation == ">=" else 1
            for side, cells in ((1, eq.left), (-1, eq.right)):
                for c in cells:
                    key = (c.table, c.row, c.col)
                    coefs[key] = coefs.get(key, 0) + flip * side * c.sign
            coarse = all(book.tables[c.table].spec.decimals < 2 for c in eq.left + eq.right)
            yield _Identity(
                eq,
                {k: c for k, c in coefs.items() if c},
                "=" if eq.relation == "=" else "<=",
                weight=COARSE_SUM_WEIGHT if coarse else IDENTITY_WEIGHT,
            )


def _rounded_bounds(rule: RoundedEqual, book: Book) -> Iterator[_Identity]:
    """L = Σ right rounded half-up to L's grid g: L − g/2 ≤ Σ right ≤ L + g/2 − 0.01."""
    half = 10 ** (2 - book.tables[rule.left.table].spec.decimals) // 2
    eq = Equation(rule, "cross_table", (rule.left,), rule.right, "=")
    right: dict[Key, int] = {}
    for c in rule.right:
        right[_key(c)] = right.get(_key(c), 0) + c.sign
    if half == 0:  # printed to 0.01 like its terms: a plain identity
        bounds: tuple[tuple[int, int, str], ...] = ((1, 0, "="),)
    else:  # L − R − half ≤ 0 and R − L − (half − 1) ≤ 0
        bounds = ((1, -half, "<="), (-1, 1 - half, "<="))
    for sign, constant, relation in bounds:
        coefs = {k: -sign * c for k, c in right.items()}
        coefs[_key(rule.left)] = coefs.get(_key(rule.left), 0) + sign
        grid = 2 * half if half else 0
        yield _Identity(eq, {k: c for k, c in coefs.items() if c}, relation, constant, grid, weight=TIE_WEIGHT)


def _problem(book: Book, table_set: TableSet) -> _Problem:
    true = {
        (tid, r, c): value * HUNDRED
        for tid, t in book.tables.items()
        for (r, c), value in t.values.items()
    }
    steps = {tid: 10 ** (2 - t.spec.decimals) for tid, t in book.tables.items()}
    problem = _Problem(true, {tid: s for tid, s in steps.items() if s != 1})
    for identity in _identities(book, table_set):
        for key in identity.coefs:
            true.setdefault(key, Decimal(0))
        condition = getattr(identity.equation.rule, "condition", None)
        applies = condition is None or all(true.get(_key(c), 0) == 0 for c in condition.zero)
        if identity.holds(true):
            problem.kept.append(identity)
        elif identity.equation.rule.strength is not Strength.PLAUSIBLE and applies:
            problem.untrue.append(_deviation(identity, true))
        for cell in condition.zero if condition is not None else ():
            value = true.get(_key(cell), Decimal(0))
            if 0 < abs(value) < 1:
                problem.forced[_key(cell)] = 1 if value > 0 else -1
    return problem


def _key(cell: Cell) -> Key:
    return (cell.table, cell.row, cell.col)


def _split(problem: _Problem) -> tuple[dict[Key, int], list[Key]]:
    """Cells whose display is settled (whole, forced, or in no identity) and the MILP's choices."""
    linked = {k for identity in problem.kept for k in identity.coefs}
    fixed: dict[Key, int] = {}
    variables: list[Key] = []
    for key, value in problem.true.items():
        step = _step(problem, key)
        if value % step == 0:
            fixed[key] = int(value)
        elif key in problem.forced:
            fixed[key] = problem.forced[key] * step
        elif key in linked:
            variables.append(key)
        else:
            fixed[key] = _nearest(problem, key)
    return fixed, sorted(variables)


def _solve(
    problem: _Problem, fixed: dict[Key, int], variables: list[Key], time_limit: float
) -> tuple[dict[Key, int], str]:
    true = problem.true
    floor = {k: _floor(problem, k) for k in variables}
    step = {k: _step(problem, k) for k in variables}
    nearest = {k: int(true[k] - floor[k] >= Decimal(step[k]) / 2) for k in variables}
    if not variables:
        return {}, "optimal"
    # cost of choosing the upper neighbour: |up − true| − |true − floor| = step − 2·(true − floor)
    cost = np.array([float(step[k] - 2 * (true[k] - floor[k])) for k in variables])
    matrix, lower, upper, weights = _constraints(problem.kept, fixed, floor, step, variables)
    if matrix.shape[0] == 0:
        return nearest, "optimal"
    found, optimal = _milp(cost, matrix, lower, upper, time_limit=time_limit)
    if found is not None:
        return dict(zip(variables, found, strict=True)), "optimal" if optimal else "time_limit"
    found, _ = _milp(cost, matrix, lower, upper, time_limit=time_limit, slack=weights)
    if found is not None:
        return dict(zip(variables, found, strict=True)), "with_slack"
    return nearest, "nearest"


def _constraints(
    kept: list[_Identity],
    fixed: dict[Key, int],
    floor: dict[Key, int],
    step: dict[Key, int],
    variables: list[Key],
) -> tuple[csr_matrix, np.ndarray, np.ndarray, np.ndarray]:
    """Rows Σ a·δ (=|<=) b: each identity with its settled cells and floors moved to b; and
    each row's weight (``_Identity.weight``) for the slack penalty."""
    column = {k: j for j, k in enumerate(variables)}
    data: list[float] = []
    rows: list[int] = []
    cols: list[int] = []
    lower: list[float] = []
    upper: list[float] = []
    weights: list[float] = []
    for identity in kept:
        terms = [(column[k], c) for k, c in identity.coefs.items() if k in column]
        if not terms:
            continue  # nothing to choose: whether it holds is seen after rounding
        bound = -float(
            sum(c * (floor[k] if k in column else fixed[k]) for k, c in identity.coefs.items())
            + identity.constant
        )
        for j, c in terms:
            data.append(float(c * step[variables[j]]))
            rows.append(len(lower))
            cols.append(j)
        lower.append(bound if identity.relation == "=" else -np.inf)
        upper.append(bound)
        weights.append(identity.weight)
    shape = (len(lower), len(variables))
    matrix = csr_matrix((data, (rows, cols)), shape=shape)
    return matrix, np.array(lower), np.array(upper), np.array(weights, dtype=float)


def _milp(
    cost: np.ndarray,
    matrix: csr_matrix,
    lower: np.ndarray,
    upper: np.ndarray,
    *,
    time_limit: float,
    slack: np.ndarray | None = None,
) -> tuple[list[int] | None, bool]:
    """The chosen δ (None: no solution found) and whether HiGHS proved it optimal.

    With ``slack`` (one weight per row) each row may miss by s⁺ − s⁻ whole 0.01s, at a penalty
    larger than the largest possible total rounding cost times the row's weight, so only
    identities that cannot be kept are dropped, the lighter ones first.
    """
    n, m = len(cost), matrix.shape[0]
    objective, widened, upper_bounds = cost, matrix, np.ones(n)
    if slack is not None:
        eye = sparse_identity(m, format="csr")
        widened = hstack([matrix, eye, -eye], format="csr")
        penalty = (float(np.abs(cost).sum()) + 1.0) * slack
        objective = np.concatenate([cost, penalty, penalty])
        upper_bounds = np.concatenate([upper_bounds, np.full(2 * m, np.inf)])
    result = milp(
        objective,
        constraints=LinearConstraint(widened, lower, upper),
        integrality=np.ones(len(objective)),
        bounds=Bounds(np.zeros(len(objective)), upper_bounds),
        options={"time_limit": time_limit},
    )
    if result.x is None:
        return None, False
    return [int(round(x)) for x in result.x[:n]], result.status == 0


def _deviation(identity: _Identity, x: dict[Key, Decimal] | dict[Key, int]) -> Deviation:
    eq = identity.equation
    left = sum(c.sign * x[_key(c)] for c in eq.left)
    right = sum(c.sign * x[_key(c)] for c in eq.right)
    if identity.grid:  # a RoundedEqual: the distance to the rounding of the right side
        grid = identity.grid
        right = int((Decimal(right) / grid).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * grid
    return Deviation(
        eq.rule.id, eq.left[0], eq.relation, Decimal(left - right).scaleb(-2), eq.rule.basis
    )


def _displayed(book: Book, shown: dict[Key, int]) -> Book:
    out = Book(source=book.source, kind=book.kind, year=book.year, problems=list(book.problems))
    for table_id, table in book.tables.items():
        copy = Table(
            spec=table.spec,
            sheet=table.sheet,
            cells=dict(table.cells),
            row_names=dict(table.row_names),
            row_cells=dict(table.row_cells),
            rows_seen=list(table.rows_seen),
        )
        unit = Decimal(1).scaleb(-table.spec.decimals)
        for row, col in table.values:
            copy.values[(row, col)] = Decimal(shown[(table_id, row, col)]).scaleb(-2).quantize(unit)
        out.tables[table_id] = copy
    return out
