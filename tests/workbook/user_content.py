"""What a finance user adds to their workbook, for the tests that prove we keep it: a sheet of
their own with a chart, a comment, validation, a conditional format and a print area, a hidden
sheet, a defined name — and, as .xlsm, a VBA project."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

VBA = b"\xd0\xcf\x11\xe0 stand-in VBA project bytes that must survive unchanged " * 40
KEPT_PARTS = ("xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/comments/comment1.xml")


def with_user_content(path: Path, target: Path) -> Path:
    book = openpyxl.load_workbook(path)
    mine = book.create_sheet("我的分析")
    for r, (label, value) in enumerate((("人员", 383.77), ("公用", 38.47), ("项目", 1975.54)), start=1):
        mine.cell(r, 1, label), mine.cell(r, 2, value)
    chart = BarChart()
    chart.add_data(Reference(mine, min_col=2, min_row=1, max_row=3))
    mine.add_chart(chart, "D2")
    mine["A1"].comment = Comment("请复核", "审核人")
    check = DataValidation(type="list", formula1='"是,否"')
    mine.add_data_validation(check)
    check.add("C1:C3")
    rule = CellIsRule(operator="greaterThan", formula=["1000"], fill=PatternFill("solid", fgColor="FFFF0000"))
    mine.conditional_formatting.add("B1:B3", rule)
    mine.print_area = "A1:D20"
    book.create_sheet("隐藏").sheet_state = "hidden"
    book.defined_names["我的合计"] = DefinedName("我的合计", attr_text="'我的分析'!$B$1:$B$3")
    book.save(target)
    return target


def with_part(source: Path, target: Path, name: str, data: bytes, content_type: bytes, relationship: bytes) -> Path:
    """``source`` plus one part, declared in the content types and the workbook's relationships."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", content_type + b"</Types>")
            if info.filename == "xl/_rels/workbook.xml.rels":
                content = content.replace(b"</Relationships>", relationship + b"</Relationships>")
            dst.writestr(info, content)
        dst.writestr(name, data)
    return target


def as_xlsm(source: Path, target: Path) -> Path:
    return with_part(
        source, target, "xl/vbaProject.bin", VBA,
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
        b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>',
    )


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
