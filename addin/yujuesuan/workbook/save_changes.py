"""Save edits made through openpyxl without losing what openpyxl does not keep.

Commands that edit a user's workbook (fill names, 校验结果 marks, 参考数据, 上年数, 情况说明) load it
with openpyxl, change a few sheets and must save. openpyxl's own save would drop charts and
images everywhere and the cached values of every formula. ``save_changes`` instead saves the
edited workbook to a scratch file and splices only the sheets that changed into a copy of the
user's package (``splice``); every other part stays as it was, byte for byte. The changed sheets
get back the cached formula values the source had for them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from yujuesuan.workbook.cache import inject_cached_values
from yujuesuan.workbook.render import save_workbook
from yujuesuan.workbook.splice import refuse_lossy_rewrite, splice_sheets
from yujuesuan.workbook.styles_merge import PackageUnsupported

FORMULA_START = ("=", "+", "-", "@")


def save_changes(
    source: Path,
    workbook: Any,
    target: Path,
    *,
    changed: Iterable[str],
    removed: Iterable[str] = (),
    values: dict[tuple[str, str], Any] | None = None,
    active: str | None = None,
) -> None:
    """Write ``target``: ``source`` with the ``changed`` sheets of ``workbook`` (added where new)
    and without the ``removed`` ones. ``workbook`` is ``source`` as loaded and then edited.

    ``values`` are the formulas' results to cache (default: what ``source`` had cached);
    ``active`` is the sheet to show selected.
    """
    changed, removed = set(changed), set(removed)
    known = _known(source, values, changed)  # the splice takes only these sheets from the scratch
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / f"edited{source.suffix}"
        save_workbook(workbook, scratch)
        inject_cached_values(scratch, known)
        try:
            splice_sheets(source, scratch, target, only=changed, remove=removed, active=active)
            return
        except PackageUnsupported:
            pass
    refuse_lossy_rewrite(source)
    if values is None:  # every sheet is written again: all of them need their cached values
        known = _known(source, None)
    save_workbook(workbook, target)  # a package we cannot edit in place: openpyxl's whole save
    inject_cached_values(target, known)


def _known(
    source: Path, values: dict[tuple[str, str], Any] | None, sheets: set[str] | None = None
) -> dict[tuple[str, str], Any]:
    """The formula results to cache, blanks left out: ``values``, or else what ``source`` has
    cached for its formulas (those of ``sheets`` only, when given)."""
    from yujuesuan.workbook.recalc import cached_values, formula_cells

    if values is None:
        values = cached_values(source, set(formula_cells(source, sheets)), sheets)
    return {k: v for k, v in values.items() if v is not None}


def put_text(cell: Any, text: object) -> None:
    """Write user-supplied text as text: "=…", "+…", "-…", "@…" must not become a formula."""
    cell.value = text
    if isinstance(text, str) and text.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
