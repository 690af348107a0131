"""Writing files safely: never over the input unless asked, atomically, with a backup."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from yujuesuan.errors import AddinError


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then replace ``path`` in one step,
    so a crash never leaves a half-written workbook."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=".~yjs-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def backup(path: Path) -> Path:
    """A timestamped copy next to the file (``表格.bak-20260822-101500.xlsx``)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.bak-{stamp}{path.suffix}")
    shutil.copy2(path, target)
    return target


def output_path(source: Path, output: Path | None, *, in_place: bool) -> Path:
    """Where a command writes: ``output``, or the source itself only with ``--in-place``."""
    if in_place:
        return source
    if output is None:
        raise AddinError("请用 -o 指定输出文件；如确需覆盖原文件，请使用 --in-place（会先备份）。")
    if Path(output).resolve() == Path(source).resolve():
        raise AddinError(f"输出文件与输入文件相同：{output}。如确需覆盖原文件，请使用 --in-place（会先备份）。")
    return Path(output)


def default_output(source: Path, output: Path | None, *, in_place: bool, tag: str) -> Path:
    """``output_path``, where no ``output`` means ``<stem>-<tag><suffix>`` beside the source."""
    default = source.with_name(f"{source.stem}-{tag}{source.suffix}")
    return output_path(source, default if output is None else output, in_place=in_place)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
