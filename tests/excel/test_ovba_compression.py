"""Our MS-OVBA compressor: olevba's decompressor gives every input back, chunk edges included."""

from __future__ import annotations

import random
import warnings

import pytest

with warnings.catch_warnings():  # oletools uses pyparsing names that pyparsing 3.3 deprecates
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools.olevba import decompress_stream

from yujuesuan.services.addin_build import xlwings_module
from yujuesuan.services.ovba_compression import compress


@pytest.mark.parametrize("size", [0, 1, 2, 3, 17, 255, 256, 257, 4095, 4096, 4097, 8192, 12000])
def test_text_round_trips_through_olevba(size: int) -> None:
    text = xlwings_module().read_bytes()
    data = (text * 2)[:size]
    assert bytes(decompress_stream(bytearray(compress(data)))) == data


def test_repetitive_and_incompressible_chunks_round_trip() -> None:
    rng = random.Random(7)
    noise = bytes(rng.getrandbits(8) for _ in range(8192))
    for data in (b"a" * 10000, noise, noise + b"End Sub\r\n" * 30):
        assert bytes(decompress_stream(bytearray(compress(data)))) == data


def test_module_text_actually_gets_smaller() -> None:
    text = xlwings_module().read_bytes()
    assert len(compress(text)) < len(text) * 0.6
