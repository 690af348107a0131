"""Recompute the ``sha256`` lines of ``addin/yujuesuan/reference/editions.toml``.

Run after editing any catalog CSV. Only the ``sha256 = "..."`` line of each
``[editions.<kind>.<edition>]`` table is rewritten; everything else is kept byte for byte.

    python tools/reference/make_manifest.py          # rewrite in place
    python tools/reference/make_manifest.py --check  # exit 1 if a hash is stale
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "addin" / "yujuesuan" / "reference"
MANIFEST = REFERENCE / "editions.toml"
_EDITION_HEADER = re.compile(r"\[editions\.([a-z]+)\.([0-9A-Za-z_-]+)\]")
_SHA256_LINE = re.compile(r'sha256 = "[0-9a-f]*"')


def file_sha256(path: Path) -> str:
    """Hex sha256 of the file's bytes (the CSVs are LF, UTF-8 without BOM)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def updated_manifest(text: str, reference: Path = REFERENCE) -> str:
    """``text`` with each edition's sha256 line set to the hash of its CSV."""
    lines = text.split("\n")
    current: Path | None = None
    for number, line in enumerate(lines):
        header = _EDITION_HEADER.fullmatch(line.strip())
        if header:
            current = reference / "data" / header.group(1) / f"{header.group(2)}.csv"
        elif line.startswith("["):
            current = None
        elif current is not None and _SHA256_LINE.fullmatch(line.strip()):
            lines[number] = f'sha256 = "{file_sha256(current)}"'
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale hashes")
    args = parser.parse_args(argv)
    text = MANIFEST.read_text(encoding="utf-8")
    new = updated_manifest(text)
    if new == text:
        print("editions.toml: sha256 up to date")
        return 0
    if args.check:
        print("editions.toml: sha256 stale; run tools/reference/make_manifest.py", file=sys.stderr)
        return 1
    MANIFEST.write_text(new, encoding="utf-8", newline="\n")
    print("editions.toml: sha256 rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
