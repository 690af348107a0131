"""Write the published tables into a workbook, with live formulas for every total and repeat.

``render_tables(workbook, table_set, book, unit=…, year=…)`` adds one sheet per table of the set
(决算 表1…表9; 预算 表1…表10 with 表5-1, no 行次/栏次) and 校验; ``render_template(table_set,
year=…)`` builds the blank template (封面, the kind's 底稿 sheets, the tables, 校验);
``save_workbook`` writes a workbook byte-for-byte reproducibly.
"""

from yujuesuan.workbook.render.save import save_workbook
from yujuesuan.workbook.render.tables import RenderResult, render_tables
from yujuesuan.workbook.render.template import render_template

__all__ = ["RenderResult", "render_tables", "render_template", "save_workbook"]
