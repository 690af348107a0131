"""``yjs addin build``: assemble yujuesuan.xlam from macros/, without Excel.

The add-in is an OOXML package written here part by part: a workbook whose one sheet is
``xlwings.conf`` (``UDF MODULES`` = our UDF module; the interpreter comes from the user's
xlwings.conf), the ribbon (``customUI/customUI.xml``), and ``xl/vbaProject.bin`` made from VBA
source by the ``ms-ovba`` package: our modules (macros/*.bas), the ``xlwings`` runtime module of
the installed xlwings (RunPython, and XLPy for the UDF wrappers), ThisWorkbook and the sheet's
document module. The VBA project holds source only (no compiled p-code); Excel compiles it on
first load. ``oletools``' olevba reads the sources back in tests.
"""

from __future__ import annotations

import contextlib
import random
import re
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import util
from pathlib import Path

from yujuesuan.errors import AddinError
from yujuesuan.services.files import write_atomically

UDF_MODULE = "yujuesuan.excel.udfs"
PROJECT_ID = "{6D2C5E1A-3B8F-4C1E-9A57-59A1C0DE2026}"  # fixed: two builds are identical
CONFIG_SHEET = "xlwings.conf"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_WORKBOOK_GUID = "0002081900000000C000000000000046"  # Excel Workbook document module
_SHEET_GUID = "0002082000000000C000000000000046"  # Excel Worksheet document module
_REFERENCES = (  # (name, typelib GUID, version, path, description)
    ("stdole", "0002043000000000C000000000000046", "2.0",
     r"C:\Windows\System32\stdole2.tlb", "OLE Automation"),
    ("Office", "2DF8D04C5BFA101BBDE500AA0044DE52", "2.0",  # IRibbonControl
     r"C:\Program Files\Common Files\Microsoft Shared\OFFICE16\MSO.DLL",
     "Microsoft Office 16.0 Object Library"),
)
_NAME = re.compile(r'^Attribute VB_Name = "([^"]+)"', re.M)


@dataclass(frozen=True)
class AddinOutcome:
    output: Path
    modules: dict[str, str]  # VBA module name → source text (CRLF), as stored in the project


def default_macros() -> Path:
    return Path(__file__).resolve().parents[3] / "macros"


def module_sources(macros: Path) -> dict[str, str]:
    """Our .bas modules and the xlwings runtime module, by VBA module name."""
    if not (macros / "customUI.xml").exists():
        raise AddinError(
            f"找不到加载项源文件（customUI.xml 等）：{macros}。请在仓库根目录运行，或用 --macros 指定 macros 文件夹。"
        )
    files = sorted(macros.glob("*.bas")) + [xlwings_module()]
    out = {}
    for path in files:
        text = path.read_text(encoding="ascii").replace("\r\n", "\n")
        match = _NAME.search(text)
        if match is None:
            raise AddinError(f"VBA 模块缺少 Attribute VB_Name 行：{path}")
        out[match.group(1)] = text.replace("\n", "\r\n")
    return out


def xlwings_module() -> Path:
    spec = util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise AddinError("未安装 xlwings：pip install xlwings")
    return Path(next(iter(spec.submodule_search_locations))) / "xlwings.bas"


def build_addin(output: Path, *, macros: Path | None = None) -> AddinOutcome:
    from yujuesuan.services.addin_parts import MAIN_TYPES

    if Path(output).suffix.lower() not in MAIN_TYPES:
        raise AddinError(f"加载项文件须以 .xlam（加载项）或 .xlsm（启用宏的工作簿）结尾：{output}")
    macros = Path(macros) if macros else default_macros()
    modules = module_sources(macros)
    ribbon = (macros / "customUI.xml").read_bytes()
    vba = vba_project(modules)
    write_atomically(Path(output), lambda tmp: _package(tmp, ribbon, vba))
    return AddinOutcome(Path(output), modules)


def vba_project(modules: dict[str, str]) -> bytes:
    """vbaProject.bin from module sources (ms-ovba writes work files into the current folder,
    so it runs in a temporary one)."""
    try:
        from ms_ovba.Models.Entities.doc_module import DocModule
        from ms_ovba.Models.Entities.reference import Reference
        from ms_ovba.Models.Entities.reference_registered import ReferenceRegistered
        from ms_ovba.Models.Entities.std_module import StdModule
        from ms_ovba.Models.Fields.libid_reference import LibidReference
        from ms_ovba.vbaProject import VbaProject
        from ms_ovba.Views.project_ole_file import ProjectOleFile
    except ImportError:
        message = "生成加载项需要 ms-ovba：pip install ms-ovba（或 pip install 'yujuesuan[addin]'）"
        raise AddinError(message) from None
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp), _our_compressor():
        project = VbaProject()
        project.project_id = PROJECT_ID
        for name, guid in (("ThisWorkbook", _WORKBOOK_GUID), ("Sheet1", _SHEET_GUID)):
            Path(f"{name}.cls").write_text(_document_module(name), encoding="ascii", newline="\n")
            doc = DocModule(name)
            doc.add_file(f"{name}.cls")
            doc.add_guid(uuid.UUID(guid))
            doc.normalize_file()
            project.add_module(doc)
        for name, text in modules.items():
            source = text.replace("\r\n", "\n")
            Path(f"{name}.bas").write_text(source, encoding="ascii", newline="\n")
            std = StdModule(name)
            std.add_file(f"{name}.bas")
            std.normalize_file()
            project.add_module(std)
        for name, guid, version, path, description in _REFERENCES:
            libid = LibidReference(uuid.UUID(guid), version, "0", path, description)
            project.add_reference(Reference(ReferenceRegistered(libid), name))
        ProjectOleFile.write_file(project)
        return Path("vbaProject.bin").read_bytes()


@contextlib.contextmanager
def _our_compressor() -> Iterator[None]:
    """ms-ovba with ``ovba_compression.compress`` in place of its broken compressor, and its
    random seeds (the obfuscated CMG/DPB/GC lines of the PROJECT stream) drawn from a fixed
    seed, so two builds of the same sources are byte-identical."""
    from ms_ovba_compression.ms_ovba import MsOvba

    from yujuesuan.services.ovba_compression import compress

    original, state = MsOvba.compress, random.getstate()
    MsOvba.compress = lambda self, data: compress(bytes(data))  # type: ignore[method-assign]
    random.seed(PROJECT_ID)
    try:
        yield
    finally:
        MsOvba.compress = original  # type: ignore[method-assign]
        random.setstate(state)


def _document_module(name: str) -> str:
    """The header ms-ovba's DocModule expects (it keeps line 5, the VB_Name, and adds VB_Base)."""
    return (
        f'VERSION 1.0 CLASS\nBEGIN\n  MultiUse = -1  \'True\nEND\nAttribute VB_Name = "{name}"\n'
        "Attribute VB_GlobalNameSpace = False\nAttribute VB_Creatable = False\n"
        "Attribute VB_PredeclaredId = True\nAttribute VB_Exposed = True\n"
    )


def _package(path: Path, ribbon: bytes, vba: bytes) -> None:
    from yujuesuan.services import addin_parts as parts

    members = {
        "[Content_Types].xml": parts.content_types(path.suffix.lower()),
        "_rels/.rels": parts.ROOT_RELS,
        "docProps/app.xml": parts.APP,
        "docProps/core.xml": parts.CORE,
        "xl/workbook.xml": parts.workbook(CONFIG_SHEET),
        "xl/_rels/workbook.xml.rels": parts.WORKBOOK_RELS,
        "xl/styles.xml": parts.STYLES,
        "xl/worksheets/sheet1.xml": parts.config_sheet({"UDF MODULES": UDF_MODULE}),
        "xl/vbaProject.bin": vba,
        "customUI/customUI.xml": ribbon,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data if isinstance(data, bytes) else data.encode("utf-8"))
