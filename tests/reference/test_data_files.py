"""Integrity of every shipped catalog CSV and of its entry in editions.toml (style.md §7)."""

from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
from pathlib import Path

import pytest
from yujuesuan import reference
from yujuesuan.reference import editions, normalise_name
from yujuesuan.reference.catalog import HEADER, LEVELS, read_entries

PACKAGE = Path(reference.__file__).parent
CSV_FILES = sorted(PACKAGE.glob("data/*/*.csv"))
CSV_IDS = [path.relative_to(PACKAGE / "data").as_posix() for path in CSV_FILES]


def rows_of(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def names_of(name: str, aliases: str) -> list[str]:
    """The name and each alias of one row (an empty aliases cell means none)."""
    return [name, *aliases.split("|")] if aliases else [name]


def kind_of(path: Path) -> str:
    return path.parent.name


def test_every_kind_has_at_least_one_file() -> None:
    assert {kind_of(path) for path in CSV_FILES} == set(reference.KINDS)


def test_every_file_is_declared_in_the_manifest_and_back() -> None:
    declared = {edition.file for edition in editions()}
    shipped = {path.relative_to(PACKAGE).as_posix() for path in CSV_FILES}
    assert declared == shipped


@pytest.mark.parametrize("path", CSV_FILES, ids=CSV_IDS)
class TestCatalogFile:
    def test_is_utf8_without_bom_with_lf_line_ends(self, path: Path) -> None:
        raw = path.read_bytes()
        raw.decode("utf-8")
        assert not raw.startswith(b"\xef\xbb\xbf")
        assert b"\r" not in raw
        assert raw.endswith(b"\n") and not raw.endswith(b"\n\n")

    def test_header_is_code_name_aliases(self, path: Path) -> None:
        assert tuple(rows_of(path)[0]) == HEADER

    def test_every_row_has_three_cells(self, path: Path) -> None:
        assert all(len(row) == len(HEADER) for row in rows_of(path))

    def test_codes_are_unique_digits_of_allowed_length(self, path: Path) -> None:
        codes = [row[0] for row in rows_of(path)[1:]]
        assert len(codes) == len(set(codes))
        assert all(code.isascii() and code.isdigit() for code in codes)
        assert {len(code) for code in codes} <= LEVELS[kind_of(path)]

    def test_rows_are_sorted_by_code(self, path: Path) -> None:
        codes = [row[0] for row in rows_of(path)[1:]]
        assert codes == sorted(codes)

    def test_every_code_below_a_class_has_its_parent(self, path: Path) -> None:
        codes = {row[0] for row in rows_of(path)[1:]}
        assert {code[:-2] for code in codes if len(code) > 3} <= codes

    def test_names_and_aliases_are_nfc_without_whitespace(self, path: Path) -> None:
        for code, name, aliases in rows_of(path)[1:]:
            for text in names_of(name, aliases):
                assert text, code
                assert unicodedata.normalize("NFC", text) == text, code
                assert "".join(text.split()) == text, code

    def test_aliases_differ_from_the_name_after_normalising(self, path: Path) -> None:
        # Width and whitespace variants are matched by normalise_name; listing them adds nothing.
        for code, name, aliases in rows_of(path)[1:]:
            variants = [normalise_name(text) for text in names_of(name, aliases)]
            assert len(variants) == len(set(variants)), code

    def test_file_loads_as_a_catalog(self, path: Path) -> None:
        entries = read_entries(path.read_text(encoding="utf-8"), kind=kind_of(path))
        assert len(entries) == len(rows_of(path)) - 1

    def test_sha256_matches_the_manifest(self, path: Path) -> None:
        relative = path.relative_to(PACKAGE).as_posix()
        declared = next(edition for edition in editions() if edition.file == relative)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == declared.sha256, (
            "run: python tools/reference/make_manifest.py"
        )
