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
    source: Path, workbook: Any, target: Path, *, changed: Iterable[str], removed: Iterable[str] = ()
) -> None:
    """Write ``target``: ``source`` with the ``changed`` sheets of ``workbook`` (added where new)
    and without the ``removed`` ones. ``workbook`` is ``source`` as loaded and then edited."""
    from yujuesuan.workbook.recalc import cached_values, formula_cells

    changed, removed = set(changed), set(removed)
    formulas = {k for k in formula_cells(source) if k[0] in changed}
    values = {k: v for k, v in cached_values(source, formulas).items() if v is not None}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / f"edited{source.suffix}"
        save_workbook(workbook, scratch)
        if values:
            inject_cached_values(scratch, values)
        try:
            splice_sheets(source, scratch, target, only=changed, remove=removed)
            return
        except PackageUnsupported:
            pass
    refuse_lossy_rewrite(source)
    save_workbook(workbook, target)  # a package we cannot edit in place: openpyxl's whole save
    all_values = {k: v for k, v in cached_values(source, set(formula_cells(source))).items() if v is not None}
    inject_cached_values(target, all_values)


def put_text(cell: Any, text: object) -> None:
    """Write user-supplied text as text: "=…", "+…", "-…", "@…" must not become a formula."""
    cell.value = text
    if isinstance(text, str) and text.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
