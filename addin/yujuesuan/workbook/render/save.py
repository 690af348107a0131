"""Save a workbook reproducibly: the workbook's own properties (no "modified = now") and fixed
zip member timestamps, so two saves of the same content are byte-identical."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

FIXED_TIME = dt.datetime(2024, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def fix_properties(workbook: Workbook, *, title: str = "") -> None:
    props = workbook.properties
    props.creator = props.lastModifiedBy = "yujuesuan"
    props.created = props.modified = FIXED_TIME
    if title:
        props.title = title


def save_workbook(workbook: Workbook, path: Path) -> Path:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    path = Path(path)
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            dst.writestr(member, src.read(info.filename))
    return path
