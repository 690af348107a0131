"""``yjs addin build``: the .xlam made without Excel holds exactly our VBA sources and ribbon, and
opens in openpyxl (its .xlsm twin: openpyxl refuses the add-in content type) and LibreOffice."""

from __future__ import annotations

import gc
import io
import os
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

with warnings.catch_warnings():  # oletools uses pyparsing names that pyparsing 3.3 deprecates
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools.olevba import VBA_Parser

from yujuesuan.cli import main
from yujuesuan.services.addin_build import xlwings_module

MACROS = Path(__file__).resolve().parents[2] / "macros"
OURS = {"YujuesuanRibbon": MACROS / "YujuesuanRibbon.bas", "xlwings_udfs": MACROS / "xlwings_udfs.bas"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("addin")
    out = {}
    for suffix in (".xlam", ".xlsm"):
        out[suffix] = folder / f"yujuesuan{suffix}"
        assert main(["addin", "build", "-o", str(out[suffix]), "--macros", str(MACROS)]) == 0
    return out


def _modules(path: Path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def _source(path: Path) -> str:
    return path.read_bytes().decode("ascii").replace("\r\n", "\n").replace("\n", "\r\n")


def test_olevba_extracts_exactly_our_module_sources(built: dict[str, Path]) -> None:
    modules = _modules(built[".xlam"])
    expected = {name: _source(path) for name, path in OURS.items()} | {"xlwings": _source(xlwings_module())}
    assert {k: v for k, v in modules.items() if k in expected} == expected
    assert set(modules) - set(expected) == {"ThisWorkbook", "Sheet1"}
    assert 'Attribute VB_Name = "ThisWorkbook"' in modules["ThisWorkbook"]


def test_the_package_carries_the_ribbon_and_the_vba_project(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built[".xlam"]) as archive:
        assert archive.read("customUI/customUI.xml") == (MACROS / "customUI.xml").read_bytes()
        assert b"ui/extensibility" in archive.read("_rels/.rels")
        assert b"vbaProject" in archive.read("xl/_rels/workbook.xml.rels")
        assert b"application/vnd.ms-excel.addin.macroEnabled.main+xml" in archive.read("[Content_Types].xml")
        assert archive.testzip() is None


def test_the_xlsm_twin_differs_only_in_its_content_type(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built[".xlam"]) as a, zipfile.ZipFile(built[".xlsm"]) as b:
        assert a.namelist() == b.namelist()
        differ = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert differ == ["[Content_Types].xml"]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # openpyxl's failed load
def test_openpyxl_opens_the_package_keeping_the_vba(built: dict[str, Path]) -> None:
    workbook = openpyxl.load_workbook(built[".xlsm"], keep_vba=True)
    assert workbook.sheetnames == ["xlwings.conf"]
    assert (workbook["xlwings.conf"]["A1"].value, workbook["xlwings.conf"]["B1"].value) == ("UDF MODULES", "yujuesuan.excel.udfs")
    assert "xl/vbaProject.bin" in workbook.vba_archive.namelist()
    with zipfile.ZipFile(built[".xlam"]) as archive:
        assert workbook.vba_archive.read("xl/vbaProject.bin") == archive.read("xl/vbaProject.bin")
    with pytest.raises(OSError, match="no valid workbook part"):  # openpyxl knows no add-in type
        openpyxl.load_workbook(io.BytesIO(built[".xlam"].read_bytes()), keep_vba=True)
    workbook.vba_archive.close()
    gc.collect()  # the archive openpyxl leaves behind when it refuses a file is finalised here


def test_two_builds_are_byte_identical(built: dict[str, Path], tmp_path: Path) -> None:
    again = tmp_path / "again.xlam"
    assert main(["addin", "build", "-o", str(again), "--macros", str(MACROS)]) == 0
    assert again.read_bytes() == built[".xlam"].read_bytes()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_loads_the_add_in_with_its_vba_and_ribbon(built: dict[str, Path], tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    command = [
        "soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--infilter=Calc MS Excel 2007 VBA XML", "--convert-to", "xlsm:Calc MS Excel 2007 VBA XML",
        "--outdir", str(tmp_path / "out"), str(built[".xlam"]),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)}, check=False)
    converted = tmp_path / "out" / "yujuesuan.xlsm"
    assert result.returncode == 0 and converted.exists(), result.stderr
    modules = _modules(converted)
    for name, path in OURS.items():
        assert _code(modules[name]) == _code(_source(path)), name
    with zipfile.ZipFile(converted) as archive:
        assert b'label="' + "预决算".encode() + b'"' in archive.read("customUI/customUI.xml")


def _code(text: str) -> list[str]:
    return [line for line in text.replace("\r\n", "\n").split("\n") if line and not line.startswith("Attribute ")]


def test_a_wrong_suffix_or_missing_sources_exit_2_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["addin", "build", "-o", str(tmp_path / "a.xlsx"), "--macros", str(MACROS)]) == 2
    assert "须以 .xlam" in capsys.readouterr().err
    assert main(["addin", "build", "-o", str(tmp_path / "a.xlam"), "--macros", str(tmp_path)]) == 2
    assert "找不到加载项源文件" in capsys.readouterr().err
    assert not (tmp_path / "a.xlam").exists()
