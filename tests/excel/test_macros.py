"""Static integrity of macros/: the ribbon XML, the VBA callbacks, the RunPython targets, and the
generated xlwings_udfs module (drift between it and today's generator fails)."""

from __future__ import annotations

import importlib
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MACROS = ROOT / "macros"
CUSTOM_UI = {"http://schemas.microsoft.com/office/2006/01/customui", "http://schemas.microsoft.com/office/2009/07/customui"}
KNOWN = {  # control → the attributes we allow (a subset of the customUI schema's)
    "customUI": {"onLoad", "loadImage"},
    "ribbon": {"startFromScratch"},
    "tabs": set(),
    "tab": {"id", "idMso", "label", "keytip", "insertAfterMso", "insertBeforeMso", "visible"},
    "group": {"id", "label", "keytip", "visible", "imageMso"},
    "button": {"id", "label", "size", "imageMso", "image", "onAction", "screentip", "supertip", "keytip", "enabled", "visible", "showLabel"},
    "separator": {"id"},
}
SUB = re.compile(r"^\s*(?:Public\s+)?Sub\s+(\w+)\s*\(([^)]*)\)", re.M | re.I)
RUN_PYTHON = re.compile(r'RunPython\s*\(?\s*"import ([\w.]+) as (\w+); \2\.(\w+)\(\)"')


def _ui() -> ET.Element:
    return ET.parse(MACROS / "customUI.xml").getroot()


def _local(tag: str) -> tuple[str, str]:
    namespace, _, name = tag[1:].partition("}")
    return namespace, name


def _subs() -> dict[str, str]:
    out = {}
    for path in MACROS.glob("*.bas"):
        out |= {name: args for name, args in SUB.findall(path.read_text(encoding="ascii"))}
    return out


def test_ribbon_xml_is_well_formed_custom_ui_with_known_attributes_only() -> None:
    root = _ui()
    assert _local(root.tag) == (next(iter(CUSTOM_UI & {_local(root.tag)[0]})), "customUI")
    for element in root.iter():
        namespace, name = _local(element.tag)
        assert namespace in CUSTOM_UI, element.tag
        assert name in KNOWN, name
        assert set(element.attrib) <= KNOWN[name], (name, set(element.attrib) - KNOWN[name])


def test_the_tab_and_its_groups_are_the_ones_users_look_for() -> None:
    root = _ui()
    tabs = [e for e in root.iter() if _local(e.tag)[1] == "tab"]
    assert [t.get("label") for t in tabs] == ["预决算"]
    groups = [g.get("label") for g in tabs[0] if _local(g.tag)[1] == "group"]
    assert groups == ["参考数据", "九张表", "校验"]
    labels = {e.get("label") for e in root.iter() if _local(e.tag)[1] == "button"}
    assert labels == {"填充科目名称", "重算九张表", "校验勾稽关系", "清除标记", "关于"}
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_every_on_action_is_a_vba_sub_taking_the_ribbon_control() -> None:
    subs = _subs()
    actions = [e.get("onAction") for e in _ui().iter() if e.get("onAction")]
    assert len(actions) == 5
    for action in actions:
        assert action in subs, action
        assert re.fullmatch(r"\s*control\s+As\s+IRibbonControl\s*", subs[action], re.I), (action, subs[action])


def test_every_run_python_target_imports_and_is_callable() -> None:
    text = (MACROS / "YujuesuanRibbon.bas").read_text(encoding="ascii")
    targets = RUN_PYTHON.findall(text)
    assert len(targets) == len(re.findall(r"^\s*RunPython\b", text, re.M)) == 5
    for module, _, function in targets:
        assert callable(getattr(importlib.import_module(module), function)), (module, function)


def test_vba_sources_are_ascii_with_crlf_and_a_module_name() -> None:
    for path in MACROS.glob("*.bas"):
        data = path.read_bytes()
        data.decode("ascii")
        text = data.decode("ascii")
        assert text.startswith('Attribute VB_Name = "'), path.name
        assert "\n" not in text.replace("\r\n", ""), path.name


def test_xlwings_conf_names_our_udf_module_and_an_interpreter() -> None:
    lines = (MACROS / "xlwings.conf").read_text(encoding="ascii").splitlines()
    pairs = dict(tuple(part.strip('"') for part in line.split('","', 1)) for line in lines)
    assert pairs["UDF MODULES"] == "yujuesuan.excel.udfs"
    importlib.import_module(pairs["UDF MODULES"])
    assert pairs["INTERPRETER_WIN"].lower().endswith("pythonw.exe")


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_xlwings_udfs", ROOT / "tools" / "addin" / "make_xlwings_udfs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_xlwings_udfs_is_what_the_xlwings_generator_gives_today() -> None:
    generated = _generator().generate()
    committed = (MACROS / "xlwings_udfs.bas").read_bytes().decode("ascii")
    assert committed.replace("\r\n", "\n") == generated.replace("\r\n", "\n"), (
        "macros/xlwings_udfs.bas is stale: run `python tools/addin/make_xlwings_udfs.py`"
    )


def test_the_generated_wrappers_cover_every_udf() -> None:
    import yujuesuan.excel.udfs as udfs

    text = (MACROS / "xlwings_udfs.bas").read_text(encoding="ascii")
    wrapped = set(re.findall(r"^Function (\w+)\(", text, re.M))
    public = {n for n in dir(udfs) if n.isupper() and callable(getattr(udfs, n))}
    assert wrapped == public == {"KMMC", "KMJB", "SJKM", "KMYX", "HZ", "WANYUAN", "ZZL", "ZB", "JYSL"}
    assert 'XLPy.CallUDF("yujuesuan.excel.udfs", "KMMC", Array(code, year), ActiveWorkbook' in text


def test_generating_leaves_no_pywin32_stub_behind() -> None:
    import sys

    _generator().generate()
    assert not {"pythoncom", "pywintypes", "win32com", "xlwings.udfs"} & set(sys.modules)
    import xlwings

    assert xlwings.func(lambda: 1)() == 1  # the Linux no-op decorator is back


@pytest.mark.parametrize("name", ["YujuesuanRibbon.bas", "xlwings_udfs.bas", "customUI.xml", "xlwings.conf"])
def test_macro_sources_are_committed(name: str) -> None:
    assert (MACROS / name).stat().st_size > 100
