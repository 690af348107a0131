"""Lookups everywhere use the imported edition for its year: checks, the 底稿 reader, the UDFs.

hongshan-2021's tables print 2080506 机关事业单位职业年金缴费支出 in 表2, 表3 and 表5. An imported
2021 edition retires it and adds 2080507; 表3's row is re-coded to 2080507 in memory. The checks
must then flag 2080506 (表2, 表5) and accept 2080507 (表3) — and the opposite without the import.
"""

from __future__ import annotations

from pathlib import Path

from catalog_tools import changed, user_data, write_code_column_catalog  # noqa: F401 (fixture)
from conftest import grids_copy
from yujuesuan import reference
from yujuesuan.build.ledger import _Context
from yujuesuan.checks.engine import Policy, run
from yujuesuan.services.catalog import import_catalog
from yujuesuan.workbook.open import Grid
from yujuesuan.workbook.read import book_from_grids

YEAR = 2021
RETIRED, NEW = "2080506", "2080507"


def _recode(grids: dict[str, Grid], sheet: str, old: str, new: str) -> None:
    for row in grids[sheet]:
        for i, value in enumerate(row):
            if value is not None and str(value).split(".")[0] == old:
                row[i] = int(new)
                return
    raise AssertionError(f"{old} not in {sheet}")


def _unknown_codes(grids: dict[str, Grid]) -> set[tuple[str, str]]:
    book, table_set = book_from_grids(grids, source="hongshan")
    report = run(book, table_set, Policy(raise_errors=True))
    return {(f.table, f.row_key) for f in report.findings if f.kind == "unknown_code"}


def _import(tmp_path: Path) -> None:
    rows = changed(
        reference.load_bundled("function", YEAR), remove=(RETIRED,), add={NEW: "新设年金缴费支出"}
    )
    import_catalog(
        write_code_column_catalog(tmp_path / "2021.xlsx", rows), kind="function", year=YEAR
    )


def test_checks_flag_a_retired_code_and_accept_a_new_one(
    user_data: Path, tmp_path: Path, golden_grids: dict[str, dict[str, Grid]]
) -> None:
    grids = grids_copy(golden_grids["hongshan-2021"])
    _recode(grids, "表3", RETIRED, NEW)
    assert _unknown_codes(grids) == {("fa.t3", NEW)}  # bundled edition: the new code is unknown
    _import(tmp_path)
    assert _unknown_codes(grids) == {("fa.t2", RETIRED), ("fa.t5", RETIRED)}


def test_ledger_reader_and_udfs_see_the_imported_edition(user_data: Path, tmp_path: Path) -> None:
    from yujuesuan.excel import udfs

    assert udfs.KMYX(NEW, YEAR) is False
    assert udfs.KMMC(RETIRED, YEAR) != "#未知科目"  # cached from the bundled edition …
    _import(tmp_path)  # … and not shadowing the imported one: no cache to clear by hand
    assert NEW in _Context(YEAR).function
    assert RETIRED not in _Context(YEAR).function
    assert udfs.KMMC(NEW, YEAR) == "新设年金缴费支出"
    assert udfs.KMMC(RETIRED, YEAR) == "#未知科目"
