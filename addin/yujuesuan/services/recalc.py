"""重算: recalculate a workbook's formulas without Excel and compare the engines.

Engines: the `formulas` package (always), LibreOffice headless (when installed), and the values
cached in the file (when it was last saved by a spreadsheet). Any formula cell on which two of
them disagree is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yujuesuan.workbook.recalc import (
    Mismatch,
    cached_values,
    compare,
    formula_cells,
    libreoffice,
    recalc_with_formulas,
    recalc_with_libreoffice,
)


@dataclass
class RecalcOutcome:
    path: Path
    formulas: int
    engines: dict[str, dict[tuple[str, str], Any]] = field(default_factory=dict)
    mismatches: list[tuple[str, str, Mismatch]] = field(default_factory=list)
    written: Path | None = None

    def lines(self) -> list[str]:
        out = [f"{self.path}：{self.formulas} 个公式；参与比对的引擎：{'、'.join(self.engines)}"]
        out += [f"  {a} 与 {b} 不一致：{m}" for a, b, m in self.mismatches]
        if not self.mismatches:
            out.append("  各引擎结果一致。")
        if self.written:
            out.append(f"  已用 LibreOffice 重算并保存：{self.written}")
        return out


def recalc_workbook(path: Path, write: Path | None = None) -> RecalcOutcome:
    cells = formula_cells(path)
    outcome = RecalcOutcome(path=path, formulas=len(cells))
    outcome.engines["formulas"] = recalc_with_formulas(path)
    cached = {k: v for k, v in cached_values(path, set(cells)).items() if v is not None}
    if cached:
        outcome.engines["文件缓存值"] = cached
    if libreoffice() is not None or write is not None:
        target = write or path.with_name(f".~yjs-recalc-{path.name}")
        try:
            recalc_with_libreoffice(path, target)
            outcome.engines["LibreOffice"] = cached_values(target, set(cells))
            outcome.written = target if write else None
        finally:
            if write is None and target.exists():
                target.unlink()
    names = list(outcome.engines)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            outcome.mismatches += [(a, b, m) for m in compare(outcome.engines[a], outcome.engines[b])]
    return outcome
