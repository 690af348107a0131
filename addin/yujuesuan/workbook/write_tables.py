"""Write freshly rendered tables into a copy of the user's workbook, keeping everything else.

The tables are rendered into a scratch workbook, saved with each formula's value cached, and
spliced into the user's package part by part (``splice``): other sheets, charts, images,
comments and VBA are copied as they were, and a 100,000-row 底稿 is never parsed or rewritten.
A package we cannot edit in place is rewritten through openpyxl instead — only when that loses
nothing openpyxl drops (charts, pictures, pivots …); otherwise the build refuses and says why.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from yujuesuan.workbook.cache import inject_cached_values
from yujuesuan.workbook.edit import open_for_edit
from yujuesuan.workbook.render import RenderResult, save_workbook
from yujuesuan.workbook.splice import refuse_lossy_rewrite, splice_sheets
from yujuesuan.workbook.styles_merge import PackageUnsupported

Render = Callable[[Workbook], RenderResult]


def write_tables(source: Path, target: Path, render: Render) -> RenderResult:
    """``target`` = ``source`` with the sheets ``render`` draws (表1…表9, 校验) put in."""
    scratch = Workbook()
    scratch.remove(scratch.active)
    result = render(scratch)
    with tempfile.TemporaryDirectory() as tmp:
        rendered = Path(tmp) / "rendered.xlsx"
        save_workbook(scratch, rendered)
        inject_cached_values(rendered, result.expected)
        try:
            splice_sheets(source, rendered, target)
            return result
        except PackageUnsupported:
            pass
    return _rewrite_whole(source, target, render, replaced=set(scratch.sheetnames))


def _rewrite_whole(source: Path, target: Path, render: Render, *, replaced: set[str]) -> RenderResult:
    """The openpyxl fallback: drop exactly the sheets ``render`` draws, then draw them again."""
    refuse_lossy_rewrite(source)
    workbook = open_for_edit(source)
    for name in [n for n in workbook.sheetnames if n in replaced]:
        del workbook[name]
    result = render(workbook)
    save_workbook(workbook, target)
    inject_cached_values(target, result.expected)
    return result
