"""User catalog editions: official catalogs a user imported, kept in a per-user data folder.

Finance staff receive each year's 政府收支分类科目 as a spreadsheet and must be able to use it the
same day, without a new release. ``yjs catalog import`` validates such a file and installs it
here; ``reference.load(kind, year)`` then prefers it over the bundled edition for that year.

The folder is never inside the installed package:

* ``$YUJUESUAN_DATA`` when set (tests point it at a temporary folder);
* ``%APPDATA%\\yujuesuan`` on Windows;
* ``$XDG_DATA_HOME/yujuesuan``, else ``~/.local/share/yujuesuan``, elsewhere.

Layout: ``<folder>/catalogs/<kind>/<year>.csv`` in the bundled CSV format (``code,name,aliases``,
UTF-8, LF, sorted) and ``<year>.json`` beside it with the provenance (source file, sheet, time of
import, sha256). One edition per kind and year: the year is always explicit, so importing a 2025
catalog never changes what 2024 uses.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .catalog import ALIAS_SEPARATOR, HEADER, Entry

DATA_ENV = "YUJUESUAN_DATA"
APP_FOLDER = "yujuesuan"
CATALOG_FOLDER = "catalogs"


@dataclass(frozen=True, slots=True)
class UserEdition:
    """One imported catalog: which kind and year it serves, and where it came from."""

    kind: str
    year: int
    file: Path
    source: str = ""
    sheet: str = ""
    imported: str = ""
    sha256: str = ""
    entries: int = 0


def data_folder() -> Path:
    """The per-user data folder (see the module docstring); not created here."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / APP_FOLDER
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / APP_FOLDER


def catalog_file(kind: str, year: int) -> Path:
    """Where the user edition of ``kind`` for ``year`` lives (whether or not it exists)."""
    return data_folder() / CATALOG_FOLDER / kind / f"{year}.csv"


def user_edition(kind: str, year: int) -> UserEdition | None:
    """The installed user edition of ``kind`` for ``year``, or None."""
    path = catalog_file(kind, year)
    if not path.is_file():
        return None
    return _describe(kind, year, path)


def user_editions() -> tuple[UserEdition, ...]:
    """Every installed user edition, by kind then year."""
    root = data_folder() / CATALOG_FOLDER
    found = []
    for kind in ("function", "economic"):
        folder = root / kind
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.csv")):
            if path.stem.isdigit():
                found.append(_describe(kind, int(path.stem), path))
    return tuple(found)


def _describe(kind: str, year: int, path: Path) -> UserEdition:
    meta_path = path.with_suffix(".json")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    return UserEdition(
        kind=kind,
        year=year,
        file=path,
        source=str(meta.get("source", "")),
        sheet=str(meta.get("sheet", "")),
        imported=str(meta.get("imported", "")),
        sha256=str(meta.get("sha256", "")),
        entries=int(meta.get("entries", 0) or 0),
    )


def entries_csv(entries: Iterable[Entry]) -> str:
    """The bundled CSV format for ``entries`` (sorted by code, LF line endings)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for entry in sorted(entries, key=lambda e: e.code):
        writer.writerow((entry.code, entry.name, ALIAS_SEPARATOR.join(entry.aliases)))
    return buffer.getvalue()


def install(
    kind: str, year: int, entries: tuple[Entry, ...], *, source: str, sheet: str
) -> UserEdition:
    """Write the edition (CSV, then its provenance) atomically; returns what was installed."""
    path = catalog_file(kind, year)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = entries_csv(entries).encode("utf-8")
    meta = {
        "kind": kind,
        "year": year,
        "source": source,
        "sheet": sheet,
        "imported": dt.datetime.now().isoformat(timespec="seconds"),
        "sha256": hashlib.sha256(data).hexdigest(),
        "entries": len(entries),
    }
    _replace(
        path.with_suffix(".json"), json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8")
    )
    _replace(path, data)
    return _describe(kind, year, path)


def remove(kind: str, year: int) -> bool:
    """Delete the user edition of ``kind`` for ``year``; False if there was none."""
    path = catalog_file(kind, year)
    existed = path.is_file()
    for part in (path, path.with_suffix(".json")):
        if part.exists():
            part.unlink()
    return existed


def _replace(path: Path, data: bytes) -> None:
    handle, tmp_name = tempfile.mkstemp(prefix=".~yjs-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
