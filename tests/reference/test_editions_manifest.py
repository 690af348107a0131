"""editions.toml: readable without tomllib, consistent, and kept current by the generator."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from yujuesuan import reference
from yujuesuan.errors import SpecError
from yujuesuan.reference.manifest import parse_toml_subset, read_manifest

ROOT = Path(__file__).resolve().parents[2]
MANIFEST_TEXT = (Path(reference.__file__).parent / "editions.toml").read_text(encoding="utf-8")

MINIMAL = """
[years.2021]
function = "2021"

[editions.function.2021]
file = "data/function/2021.csv"
title = "t"
issuer = "i"
source = "s"
retrieved = "r"
generator = "g"
sha256 = ""
"""


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_manifest", ROOT / "tools" / "reference" / "make_manifest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_year_2021_to_2025_has_both_catalogs() -> None:
    manifest = read_manifest(MANIFEST_TEXT)
    assert sorted(manifest.years) == [2021, 2022, 2023, 2024, 2025]
    for kinds in manifest.years.values():
        assert set(kinds) == set(reference.KINDS)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is the reference parser")
def test_fallback_parser_reads_the_manifest_as_tomllib_does() -> None:
    import tomllib

    assert parse_toml_subset(MANIFEST_TEXT) == tomllib.loads(MANIFEST_TEXT)


def test_manifest_hashes_are_current() -> None:
    assert load_generator().updated_manifest(MANIFEST_TEXT) == MANIFEST_TEXT


def test_generator_rewrites_a_stale_hash() -> None:
    stale = MANIFEST_TEXT.replace('sha256 = "', 'sha256 = "0', 1)
    assert load_generator().updated_manifest(stale) == MANIFEST_TEXT


def test_minimal_manifest_is_read() -> None:
    manifest = read_manifest(MINIMAL)
    assert manifest.edition_for("function", 2021).years == (2021,)
    assert manifest.editions[0].notes == ()


def test_year_naming_an_undeclared_edition_is_a_spec_error() -> None:
    with pytest.raises(SpecError, match="未声明"):
        read_manifest(MINIMAL.replace('function = "2021"', 'function = "2019"'))


def test_edition_with_a_mismatched_file_is_a_spec_error() -> None:
    with pytest.raises(SpecError, match="文件应为"):
        read_manifest(MINIMAL.replace("data/function/2021.csv", "data/function/x.csv"))


@pytest.mark.parametrize(
    "text,message",
    [
        ("[years.2021]\nfunction\n", "无法解析的行"),
        ("[years.2021]\nfunction = 2021-01\n", "无法解析的值"),
        ('[editions]\nnotes = [\n  "a"\n', "缺少结尾"),
    ],
)
def test_fallback_parser_refuses_what_it_cannot_read(text: str, message: str) -> None:
    with pytest.raises(SpecError, match=message):
        parse_toml_subset(text)


def test_fallback_parser_reads_multiline_arrays() -> None:
    text = '# c\n[a.b]\nnotes = [\n  "x",\n  "y"\n]\nk = "v"\n'
    assert parse_toml_subset(text) == {"a": {"b": {"notes": ["x", "y"], "k": "v"}}}
