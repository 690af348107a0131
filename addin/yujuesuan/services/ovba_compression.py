"""The MS-OVBA compression of VBA module streams (MS-OVBA 2.4.1), used to write vbaProject.bin.

ms-ovba 0.0.1 builds the project's streams and the compound file, but the compressor it relies on
(ms-ovba-compression 1.0.1) corrupts text past the first few hundred bytes (its own decompressor
does not give the input back), so ``addin_build`` lends ms-ovba this one instead: chunks of 4096
bytes, each a sequence of flag bytes, literals and copy tokens whose offset/length split depends on
the position in the chunk (CopyToken Help). olevba's decompressor reads its output back in tests.
"""

from __future__ import annotations

CHUNK = 4096
MIN_MATCH = 3
RAW_HEADER = 0x3FFF  # signature 0b011, size field 4095, not compressed
COMPRESSED = 0xB000  # signature 0b011, compressed flag


def compress(data: bytes) -> bytes:
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        chunk = data[start : start + CHUNK]
        body = _compress_chunk(chunk)
        if len(body) > CHUNK:
            if len(chunk) < CHUNK:  # only a full chunk may be stored raw; text never gets here
                raise ValueError("incompressible data at the end of a VBA stream")
            out += RAW_HEADER.to_bytes(2, "little") + chunk
            continue
        out += (COMPRESSED | (len(body) + 2 - 3)).to_bytes(2, "little") + body
    return bytes(out)


def _bit_count(position: int) -> int:
    return max((position - 1).bit_length(), 4) if position > 1 else 4


def _compress_chunk(chunk: bytes) -> bytes:
    out = bytearray()
    seen: dict[bytes, list[int]] = {}
    pos = 0
    while pos < len(chunk):
        flag_at = len(out)
        out.append(0)
        for bit in range(8):
            if pos >= len(chunk):
                break
            offset, length = _match(chunk, pos, seen)
            if length >= MIN_MATCH:
                bits = _bit_count(pos)
                out += (((offset - 1) << (16 - bits)) | (length - MIN_MATCH)).to_bytes(2, "little")
                out[flag_at] |= 1 << bit
                step = length
            else:
                out.append(chunk[pos])
                step = 1
            for p in range(pos, pos + step):
                seen.setdefault(chunk[p : p + MIN_MATCH], []).append(p)
            pos += step
    return bytes(out)


def _match(chunk: bytes, pos: int, seen: dict[bytes, list[int]]) -> tuple[int, int]:
    """The longest earlier copy of the text at ``pos`` a copy token can express."""
    longest = min((0xFFFF >> _bit_count(pos)) + MIN_MATCH, len(chunk) - pos)
    best_offset = best_length = 0
    for candidate in reversed(seen.get(chunk[pos : pos + MIN_MATCH], [])):
        length = 0
        while length < longest and chunk[candidate + length] == chunk[pos + length]:
            length += 1
        if length > best_length:
            best_offset, best_length = pos - candidate, length
            if length == longest:
                break
    return best_offset, best_length
