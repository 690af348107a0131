"""Hostile and broken workbooks, made on the fly (nothing binary is committed).

Each maker writes one file into a folder and returns its path. ``CORPUS`` lists them with what
the user must see; ``run_yjs`` runs the CLI on one in a child process and records wall time,
peak memory, the files the process opened (via an audit hook) and whether the input changed.
Used by tests/hostile/test_hostile_files.py and by ``make bench`` (tools/bench_hostile.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BOMB_CHUNK = 1 << 24  # 16 MiB of spaces per repeated deflate block
BOMB_CHUNKS = 128  # 2 GiB in all


def _copy_with(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, replace.get(info.filename, src.read(info.filename)))
    return target


def _first_sheet(source: Path) -> str:
    from yujuesuan.workbook.cache import sheet_parts

    with zipfile.ZipFile(source) as archive:
        return next(iter(sheet_parts(archive).values()))


def text_named_xlsx(folder: Path, golden: Path) -> Path:
    path = folder / "说明.xlsx"
    path.write_text("这不是工作簿。\n", encoding="utf-8")
    return path


def truncated_zip(folder: Path, golden: Path) -> Path:
    path = folder / "截断.xlsx"
    data = golden.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def billion_laughs(folder: Path, golden: Path) -> Path:
    levels = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    dtd = f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "哈">{levels}]>'
    sheet = _first_sheet(golden)
    with zipfile.ZipFile(golden) as archive:
        xml = archive.read(sheet).decode("utf-8")
    body = xml.split("?>", 1)[-1] if xml.startswith("<?xml") else xml
    body = body.replace("<sheetData>", '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row>', 1)
    return _copy_with(golden, folder / "十亿笑.xlsx", {sheet: (dtd + body).encode("utf-8")})


def external_entity(folder: Path, golden: Path, secret: Path) -> Path:
    sheet = _first_sheet(golden)
    with zipfile.ZipFile(golden) as archive:
        xml = archive.read(sheet).decode("utf-8")
    body = xml.split("?>", 1)[-1] if xml.startswith("<?xml") else xml
    dtd = f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "{secret.as_uri()}">]>'
    body = body.replace("<sheetData>", '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row>', 1)
    return _copy_with(golden, folder / "外部实体.xlsx", {sheet: (dtd + body).encode("utf-8")})


def zip_bomb(folder: Path, golden: Path, *, declared: int | None = None) -> Path:
    """A workbook whose first sheet inflates to 2 GiB of spaces from ~2 MB (a real deflate
    stream: one 16 MiB block repeated). ``declared`` lies about the size in the zip headers."""
    path = folder / ("炸弹.xlsx" if declared is None else "谎报大小的炸弹.xlsx")
    sheet = _first_sheet(golden)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * BOMB_CHUNK
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_SYNC_FLUSH)
    repeated = compressor.compress(chunk) + compressor.flush(zlib.Z_SYNC_FLUSH)
    last = compressor.flush()
    crc = 0
    for _ in range(BOMB_CHUNKS):
        crc = zlib.crc32(chunk, crc)
    size = BOMB_CHUNK * BOMB_CHUNKS
    data = first + repeated * (BOMB_CHUNKS - 1) + last
    with zipfile.ZipFile(golden) as src:
        others = [(i, src.read(i.filename)) for i in src.infolist() if i.filename != sheet]
    _write_raw_zip(path, others, sheet.encode(), data, crc, declared or size)
    return path


def _write_raw_zip(path: Path, others: list, name: bytes, data: bytes, crc: int, size: int) -> None:
    """A zip with ``others`` stored normally and ``name`` as a raw deflate stream."""
    entries = []
    with path.open("wb") as out:
        for info, content in others:
            packed = zlib.compressobj(6, zlib.DEFLATED, -15)
            body = packed.compress(content) + packed.flush()
            entries.append((info.filename.encode(), out.tell(), zlib.crc32(content), len(body), len(content)))
            out.write(_local(info.filename.encode(), zlib.crc32(content), len(body), len(content)) + body)
        entries.append((name, out.tell(), crc, len(data), size))
        out.write(_local(name, crc, len(data), size) + data)
        start = out.tell()
        for entry_name, offset, entry_crc, packed_size, real_size in entries:
            out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, entry_crc,
                                  packed_size, real_size, len(entry_name), 0, 0, 0, 0, 0, offset) + entry_name)
        directory = out.tell() - start
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), directory, start, 0))


def _local(name: bytes, crc: int, packed: int, size: int) -> bytes:
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, packed, size, len(name), 0) + name


def huge_dimension(folder: Path, golden: Path) -> Path:
    """A workbook whose sheets declare A1:XFD1048576 but hold one cell (no tables)."""
    import openpyxl

    path = folder / "假尺寸.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "只有一个单元格"
    book.save(path)
    sheet = _first_sheet(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(sheet)
    xml = xml.replace(b'<dimension ref="A1"', b'<dimension ref="A1:XFD1048576"')
    return _copy_with(path, folder / "假尺寸-改.xlsx", {sheet: xml})


def encrypted(folder: Path, golden: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    path = folder / "加密.xlsx"
    with golden.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    return path


def csv_named_xls(folder: Path, golden: Path) -> Path:
    path = folder / "导出.xls"
    path.write_text("功能科目编码,金额\n2010350,100\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Outcome:
    code: int
    seconds: float
    peak_mb: float
    out: str
    err: str
    opened: tuple[str, ...]
    changed: bool
    timed_out: bool = False

    @property
    def crashed(self) -> bool:
        return "Traceback" in self.out + self.err or self.code not in (0, 1, 2)


_RUNNER = r"""
import json, os, sys
opened = []
def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        opened.append(os.fsdecode(args[0]))
sys.addaudithook(hook)
from yujuesuan.cli import main
code = main(sys.argv[2:])
import resource
record = {"opened": list(opened), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
with open(sys.argv[1], "w", encoding="utf-8") as handle:
    json.dump(record, handle)
sys.exit(code)
"""


def run_yjs(path: Path, *argv: str, timeout: float = 10.0) -> Outcome:
    """``yjs check PATH`` (or ``argv``) in a child process: time, peak RSS, files opened."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    log = path.with_name(f".{path.name}.opened.json")
    args = list(argv) or ["check", str(path)]
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _RUNNER, str(log), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    try:
        out, err = child.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        timed_out = True
    seconds = time.perf_counter() - started
    record = json.loads(log.read_text(encoding="utf-8")) if log.exists() else {"opened": [], "peak_mb": float("nan")}
    log.unlink(missing_ok=True)
    opened, peak = tuple(record["opened"]), float(record["peak_mb"])
    changed = hashlib.sha256(path.read_bytes()).hexdigest() != digest
    return Outcome(child.returncode, seconds, peak, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                   opened, changed, timed_out)


Maker = Callable[[Path, Path], Path]
CORPUS: dict[str, Maker] = {
    "text_named_xlsx": text_named_xlsx,
    "truncated_zip": truncated_zip,
    "billion_laughs": billion_laughs,
    "zip_bomb": zip_bomb,
    "zip_bomb_lying_size": lambda folder, golden: zip_bomb(folder, golden, declared=1 << 20),
    "huge_dimension": huge_dimension,
    "encrypted": encrypted,
    "csv_named_xls": csv_named_xls,
}
