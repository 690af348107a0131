"""Prove the golden transcription: build both cases and check the published numbers.

Pure openpyxl + csv (no import of the yujuesuan package).  Every expected value below is
copied from the published tables (spec nine-tables.md §1, §3.2, Appendix A/B); sheet
addresses are those of the *generated* workbook (hongshan: table at A1; wuchang: table
shifted to B2).
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
HONGSHAN = CASES / "hongshan-2021"
WUCHANG = CASES / "wuchang-2022"
QIAOKOU = CASES / "qiaokou-2024"
HS_SHEETS = [f"表{i}" for i in range(1, 10)]
WC_SHEETS = [f"公开0{i}表" for i in range(1, 10)]
AMOUNT_FORMAT = "#,##0.00"


def _load_builder():
    spec = importlib.util.spec_from_file_location("golden_make_workbook", HERE / "make_workbook.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


mw = _load_builder()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("golden")
    return {
        "hongshan": mw.build_workbook(HONGSHAN, out / "hongshan-2021.xlsx"),
        "wuchang": mw.build_workbook(WUCHANG, out / "wuchang-2022.xlsx"),
    }


@pytest.fixture(scope="module")
def hs(built):
    return load_workbook(built["hongshan"])


@pytest.fixture(scope="module")
def wc(built):
    return load_workbook(built["wuchang"])


def num(ws, ref, printed):
    """hongshan: the cell is a number equal to the printed amount, shown with 2 decimals."""
    c = ws[ref]
    assert c.data_type == "n" and not isinstance(c.value, bool), (ws.title, ref, c.value)
    assert Decimal(str(c.value)) == Decimal(printed.replace(",", "")), (ws.title, ref, c.value)
    assert c.number_format == AMOUNT_FORMAT, (ws.title, ref, c.number_format)


def txt(ws, ref, printed):
    """wuchang: the cell holds exactly the printed string."""
    c = ws[ref]
    assert c.data_type == "s" and c.value == printed, (ws.title, ref, c.value, printed)


def blank(ws, ref):
    assert ws[ref].value is None, (ws.title, ref, ws[ref].value)


# --------------------------------------------------------------------------- structure


def test_sheet_order(hs, wc):
    assert hs.sheetnames == HS_SHEETS
    assert wc.sheetnames == WC_SHEETS


def test_build_is_deterministic(built, tmp_path):
    for key, case in (("hongshan", HONGSHAN), ("wuchang", WUCHANG)):
        again = mw.build_workbook(case, tmp_path / f"{key}.xlsx")
        assert again.read_bytes() == built[key].read_bytes(), key
    wb = load_workbook(built["hongshan"])
    assert wb.properties.created == mw.FIXED_TIME
    assert wb.properties.modified == mw.FIXED_TIME


def test_main_entry(tmp_path):
    out = tmp_path / "x.xlsx"
    assert mw.main([str(WUCHANG), str(out)]) == 0
    assert load_workbook(out).sheetnames == WC_SHEETS
    assert mw.main([]) == 2


@pytest.mark.parametrize("case", [HONGSHAN, WUCHANG], ids=lambda p: p.name)
def test_csv_hygiene(case):
    layout = tomllib.loads((case / "layout.toml").read_text(encoding="utf-8"))
    assert sorted(p.stem for p in (case / "sheets").glob("*.csv")) == sorted(layout["sheet_order"])
    for name in layout["sheet_order"]:
        raw = (case / "sheets" / f"{name}.csv").read_bytes()
        assert b"\r" not in raw and raw.endswith(b"\n")
        rows = list(csv.reader(raw.decode("utf-8").splitlines()))
        width = len(rows[3])
        conf = layout["sheets"][name]
        h_lo, _ = conf["header_rows"]
        _, d_hi = conf["data_rows"]
        for i, r in enumerate(rows, start=1):
            assert len(r) <= width, (name, i)
            if h_lo <= i <= d_hi:
                assert len(r) == width, (name, i)  # the table body is a full grid
            for cell in r:
                assert cell == cell.strip(), (name, i, cell)


@pytest.mark.parametrize("case", [HONGSHAN, WUCHANG, QIAOKOU], ids=lambda p: p.name)
def test_csv_text_equals_source_text(case):
    """Whitespace-free text of each CSV == that of its source lines (nothing lost or added)."""
    layout = tomllib.loads((case / "layout.toml").read_text(encoding="utf-8"))
    src = Path(layout["source"])
    if not src.exists():
        pytest.skip(f"seed text not available: {src}")
    lines = src.read_text(encoding="utf-8").split("\n")
    for name in layout["sheet_order"]:
        a, b = layout["sheets"][name]["source_lines"]
        want = re.sub(r"\s+", "", "".join(lines[a - 1 : b]))
        with open(case / "sheets" / f"{name}.csv", encoding="utf-8", newline="") as f:
            got = re.sub(r"\s+", "", "".join("".join(r) for r in csv.reader(f)))
        assert got == want, name


def test_offsets_and_titles(hs, wc):
    ws = hs["表1"]
    assert ws["A1"].value == "2021年度收入支出决算总表（表1）" and ws["A1"].font.b
    assert ws["A2"].value == "部门：武汉市洪山区大数据中心"
    assert ws["A3"].value == "金额单位：万元"
    ws = wc["公开01表"]
    for ref in ("A1", "A2", "B1", "A8", "A38"):
        blank(ws, ref)  # one blank row and one blank column before the table
    txt(ws, "B2", "收入支出决算总表")
    assert ws["B2"].font.b
    txt(ws, "G3", "公开01表")
    txt(ws, "B4", "部门：武汉市武昌区大数据中心")
    txt(ws, "D4", "2022 年度")
    txt(ws, "G4", "单位：万元")
    for i, ws in enumerate(wc.worksheets, start=1):
        assert any(c.value == f"公开0{i}表" for row in ws.iter_rows(max_row=3) for c in row)


def test_merges(hs, wc):
    def merged(ws):
        return {str(r) for r in ws.merged_cells.ranges}

    assert {"A1:F1", "A4:C4", "D4:F4"} <= merged(hs["表1"])
    assert {"A4:B4"} <= merged(hs["表3"]) and hs["表3"]["A4"].value == "项 目"
    assert {"A4:C4", "D4:I4"} <= merged(hs["表6"]) and hs["表6"]["D4"].value == "公用经费"
    assert {"A4:F4", "G4:L4", "C5:E5", "I5:K5"} <= merged(hs["表7"])
    assert hs["表7"]["C5"].value == "公务用车购置及运行费"
    assert {"B2:G2", "B5:D5", "E5:G5"} <= merged(wc["公开01表"])
    assert {"B5:G5", "H5:M5", "D6:F6", "J6:L6"} <= merged(wc["公开09表"])
    assert {"B35:C35", "E35:F35"} <= merged(wc["公开06表"])


# --------------------------------------------------------------------------- number/text rule


def test_hongshan_number_text_rule(hs):
    ws = hs["表1"]
    for r in range(7, 37):  # 行次 stay text
        assert ws[f"B{r}"].data_type == "s" and ws[f"E{r}"].data_type == "s"
    assert ws["B7"].value == "1" and ws["E36"].value == "60"
    assert ws["C6"].value == "1" and ws["F6"].value == "2"  # 栏次 numbers are text
    ws = hs["表3"]
    assert [ws.cell(6, c).value for c in range(3, 9)] == ["1", "2", "3", "4", "5", "6"]
    assert ws["A10"].value == 2010350 and isinstance(ws["A10"].value, int)
    assert ws["A10"].number_format == "General"
    ws = hs["表6"]
    assert ws["A6"].value == 301 and ws["D6"].value == 302 and ws["G6"].value == 310
    assert ws["A7"].value == 30101 and ws["A7"].number_format == "General"
    ws = hs["表7"]
    assert [ws.cell(7, c).value for c in range(1, 13)] == [str(i) for i in range(1, 13)]
    for ws in hs.worksheets:  # every numeric cell is an amount (#,##0.00) or an integer code
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "n" and c.value is not None:
                    is_code = isinstance(c.value, int) and c.number_format == "General"
                    assert is_code or c.number_format == AMOUNT_FORMAT, (ws.title, c.coordinate)
                    if is_code:
                        assert c.value >= 100 and c.column_letter in "ADG", (ws.title, c.coordinate)


def test_wuchang_everything_is_text(wc):
    for ws in wc.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    assert c.data_type == "s", (ws.title, c.coordinate, c.value)
    txt(wc["公开03表"], "B11", "2010350")
    txt(wc["公开06表"], "B7", "301"), txt(wc["公开06表"], "B8", "30101")


# --------------------------------------------------------------------------- T1 / T4

T1_CLASSES = [
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
    "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出",
    "城乡社区支出", "农林水支出", "交通运输支出", "资源勘探工业信息等支出",
    "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出",
    "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出",
    "其他支出", "债务还本支出", "债务付息支出", "抗疫特别国债安排的支出",
]
HS_CLASS = {"一般公共服务支出": "2,294.09", "社会保障和就业支出": "28.48",
            "卫生健康支出": "22.21", "住房保障支出": "52.99"}
WC_CLASS = {"一般公共服务支出": "4,388.29", "社会保障和就业支出": "23.46",
            "卫生健康支出": "95.75", "住房保障支出": "49.79"}


def test_hongshan_t1(hs):
    ws = hs["表1"]
    num(ws, "C7", "2,397.77")  # L1 一般公共预算财政拨款收入
    for r in range(8, 33):
        blank(ws, f"C{r}")  # L2..L26 blank
    num(ws, "C33", "2,397.77")  # L27 本年收入合计
    blank(ws, "C34"), blank(ws, "C35")  # L28, L29
    num(ws, "C36", "2,397.77")  # L30 总计
    for i, name in enumerate(T1_CLASSES):
        r = 7 + i
        assert ws[f"E{r}"].value == str(31 + i)
        assert ws[f"D{r}"].value.endswith("、" + name)
        num(ws, f"F{r}", HS_CLASS.get(name, "0.00"))
    assert ws["D33"].value == "本年支出合计" and ws["E33"].value == "57"
    num(ws, "F33", "2,397.77")
    blank(ws, "F34"), blank(ws, "F35")
    assert ws["D36"].value == "总 计" and ws["E36"].value == "60"
    num(ws, "F36", "2,397.77")
    assert ws["A37"].value == "注：本表反映部门本年度的总收支和年末结转结余情况。"
    assert ws["A38"].value == "27行 = (1+2+3+4+5+6+7+8) 行； 30行 = (27+28+29) 行；"


def test_wuchang_t1(wc):
    ws = wc["公开01表"]
    txt(ws, "D8", "4,557.3")  # L1
    for r in range(9, 34):
        blank(ws, f"D{r}")
    txt(ws, "D34", "4,557.3")  # L27
    txt(ws, "C37", "30"), blank(ws, "B37"), blank(ws, "E37"), txt(ws, "F37", "61")
    txt(ws, "B38", "总计"), txt(ws, "C38", "31"), txt(ws, "D38", "4,557.3")
    for i, name in enumerate(T1_CLASSES):
        r = 8 + i
        txt(ws, f"F{r}", str(32 + i))
        assert ws[f"E{r}"].value.endswith("、" + name)
        if name in WC_CLASS:
            txt(ws, f"G{r}", WC_CLASS[name])
        else:
            blank(ws, f"G{r}")
    txt(ws, "E34", "本年支出合计"), txt(ws, "F34", "58"), txt(ws, "G34", "4,557.3")
    txt(ws, "F38", "62"), txt(ws, "G38", "4,557.3")
    txt(ws, "B39", "注：1.本表反映部门本年度的总收支和年末结转结余情况。")
    txt(ws, "B40", "2.本套报表金额单位转换时可能存在尾数误差。")


def test_hongshan_t4(hs):
    ws = hs["表4"]
    num(ws, "C7", "2,397.77")
    assert ws["A9"].value == "三、国有资本经营财政拨款"  # sic (no 预算)
    num(ws, "C33", "2,397.77"), num(ws, "C38", "2,397.77")
    for i, name in enumerate(T1_CLASSES):
        r = 7 + i
        assert ws[f"E{r}"].value == str(33 + i)
        v = HS_CLASS.get(name, "0.00")
        num(ws, f"F{r}", v), num(ws, f"G{r}", v), num(ws, f"H{r}", "0.00"), num(ws, f"I{r}", "0.00")
    for col in "FG":
        num(ws, f"{col}33", "2,397.77"), num(ws, f"{col}38", "2,397.77")
    blank(ws, "H38"), blank(ws, "I38")
    assert ws["A41"].value == "59行－（33+34+…+58）行；64行－（59+60）行。"


def test_wuchang_t4(wc):
    ws = wc["公开04表"]
    txt(ws, "D8", "4,557.3"), txt(ws, "D34", "4,557.3"), txt(ws, "D39", "4,557.3")
    for i, name in enumerate(T1_CLASSES):
        r = 8 + i
        txt(ws, f"F{r}", str(33 + i))
        for col in "GH":
            if name in WC_CLASS:
                txt(ws, f"{col}{r}", WC_CLASS[name])
            else:
                blank(ws, f"{col}{r}")
        blank(ws, f"I{r}"), blank(ws, f"J{r}")
    for col in "GH":
        txt(ws, f"{col}34", "4,557.3"), txt(ws, f"{col}39", "4,557.3")
    txt(ws, "H6", "一般公共预算财政拨款"), txt(ws, "J6", "国有资本经营预算财政拨款")


# --------------------------------------------------------------------------- T2 / T3 / T5

# spec Appendix A: code -> (name, 000 C1/C2/C3, 001 C1/C2/C3); None = "(no row)", "" = blank
APPENDIX_A = {
    "合计": ("合计", ("2,397.77", "422.23", "1,975.54"), ("4,557.3", "455.56", "4,101.74")),
    "201": ("一般公共服务支出", ("2,294.09", "318.55", "1,975.54"),
            ("4,388.29", "348.25", "4,040.04")),
    "20103": ("政府办公厅（室）及相关机构事务", ("2,294.09", "318.55", "1,975.54"),
              ("4,388.29", "348.25", "4,040.04")),
    "2010350": ("事业运行", ("318.55", "318.55", ""), ("348.25", "348.25", "")),
    "2010399": ("其他政府办公厅（室）及相关机构事务支出", ("1,975.54", "", "1,975.54"),
                ("4,040.04", "", "4,040.04")),
    "208": ("社会保障和就业支出", ("28.48", "28.48", ""), ("23.46", "23.46", "")),
    "20805": ("行政事业单位养老支出", ("28.48", "28.48", ""), ("23.46", "23.46", "")),
    "2080502": ("事业单位离退休", ("3.70", "3.70", ""), None),
    "2080505": ("机关事业单位基本养老保险缴费支出", ("22.05", "22.05", ""), ("23.46", "23.46", "")),
    "2080506": ("机关事业单位职业年金缴费支出", ("2.73", "2.73", ""), None),
    "20899": ("其他社会保障和就业支出", None, None),
    "2089999": ("其他社会保障和就业支出", None, None),
    "210": ("卫生健康支出", ("22.21", "22.21", ""), ("95.75", "34.05", "61.7")),
    "21004": ("公共卫生", None, ("61.7", "", "61.7")),
    "2100410": ("突发公共卫生事件应急处理", None, ("61.7", "", "61.7")),
    "21011": ("行政事业单位医疗", ("22.21", "22.21", ""), ("34.05", "34.05", "")),
    "2101102": ("事业单位医疗", ("19.98", "19.98", ""), ("10.22", "10.22", "")),
    "2101103": ("公务员医疗补助", None, ("23.83", "23.83", "")),
    "2101199": ("其他行政事业单位医疗支出", ("2.23", "2.23", ""), None),
    "221": ("住房保障支出", ("52.99", "52.99", ""), ("49.8", "49.8", "")),
    "22102": ("住房改革支出", ("52.99", "52.99", ""), ("49.8", "49.8", "")),
    "2210201": ("住房公积金", ("35.35", "35.35", ""), ("31.95", "31.95", "")),
    "2210202": ("提租补贴", ("6.99", "6.99", ""), ("6.66", "6.66", "")),
    "2210203": ("购房补贴", ("10.65", "10.65", ""), ("11.19", "11.19", "")),
}


def _rows_by_code(ws, first_row, code_col, last_row):
    """{code or '合计': row number} for the data block of a T2/T3/T5-shaped sheet."""
    out = {}
    for r in range(first_row, last_row + 1):
        v = ws.cell(r, code_col).value
        if v is None:
            continue
        key = "合计" if str(v).replace(" ", "") == "合计" else str(v)
        assert key not in out
        out[key] = r
    return out


@pytest.mark.parametrize("which", ["hongshan", "wuchang"])
@pytest.mark.parametrize("table", [2, 3, 5])
def test_appendix_a_rows(hs, wc, which, table):
    wb, off, idx = (hs, 0, 1) if which == "hongshan" else (wc, 1, 2)
    ws = wb.worksheets[table - 1]
    rows = _rows_by_code(ws, 7 + off, 1 + off, 25 + off)
    expected = {code: v[idx] for code, v in APPENDIX_A.items() if v[idx] is not None}
    assert list(rows) == list(expected)  # same rows, same printed order
    for code, amounts in expected.items():
        r = rows[code]
        name = ws.cell(r, 2 + off).value
        if code == "合计":
            assert name is None
        else:
            assert name == APPENDIX_A[code][0]
            if which == "hongshan":
                assert ws.cell(r, 1).value == int(code)
            else:
                assert ws.cell(r, 2).value == code
        cols = [3 + off + k for k in range(3)]
        if table == 2:  # T2: 栏1 本年收入合计 = 栏2 财政拨款收入 = T3 栏1; 栏3..7 blank
            printed = (amounts[0], amounts[0]) + ("",) * 5
            cols = [3 + off + k for k in range(7)]
        elif table == 3:  # T3 栏4..6 blank
            printed = amounts + ("", "", "")
            cols = [3 + off + k for k in range(6)]
        else:
            printed = amounts
        for c, p in zip(cols, printed, strict=True):
            ref = ws.cell(r, c).coordinate
            if p == "":
                blank(ws, ref)
            elif which == "hongshan":
                num(ws, ref, p)
            else:
                txt(ws, ref, p)


def test_t3_totals(hs, wc):
    ws = hs["表3"]
    num(ws, "C7", "2,397.77"), num(ws, "D7", "422.23"), num(ws, "E7", "1,975.54")
    ws = wc["公开03表"]
    txt(ws, "D8", "4,557.3"), txt(ws, "E8", "455.56"), txt(ws, "F8", "4,101.74")


# --------------------------------------------------------------------------- T6 / SG / GF / GZ

HS_T6 = {  # spec Appendix B, column 000 (codes with an amount)
    301: "375.60", 30101: "57.97", 30102: "90.50", 30107: "123.27", 30108: "22.05",
    30109: "2.73", 30110: "26.72", 30112: "0.98", 30113: "35.35", 30199: "16.03",
    303: "8.17", 30302: "8.17", 302: "37.15", 30201: "3.99", 30207: "0.63", 30211: "0.44",
    30213: "0.69", 30226: "0.70", 30227: "0.48", 30228: "5.18", 30229: "4.88",
    30231: "2.20", 30239: "0.28", 30299: "17.68", 310: "1.32", 31002: "1.32",
}
WC_T6 = {  # spec Appendix B, column 001
    "301": "376.1", "30101": "68.47", "30102": "27.47", "30107": "188.84", "30108": "23.46",
    "30110": "10.22", "30111": "23.83", "30112": "1.86", "30113": "31.95", "302": "79.45",
    "30201": "46.69", "30207": "0.46", "30211": "2.45", "30216": "0.1", "30217": "0.27",
    "30226": "7.14", "30227": "21.26", "30228": "0.68", "30229": "0.4",
}


def _t6_amounts(ws, off):
    out = {}
    for r in range(6 + off, 34 + off):
        for g in range(3):
            code = ws.cell(r, 1 + off + 3 * g).value
            if code is None:
                continue
            assert code not in out
            out[code] = ws.cell(r, 3 + off + 3 * g)
    return out


def test_hongshan_t6(hs):
    ws = hs["表6"]
    cells = _t6_amounts(ws, 0)
    assert len(cells) == 27 + 28 + 6
    for code, cell in cells.items():
        if code in HS_T6:
            num(ws, cell.coordinate, HS_T6[code])
        else:
            assert cell.value is None, code
    assert ws["B34"].value == "人员经费合计" and ws["E34"].value == "公用经费合计"
    num(ws, "C34", "383.77")
    for col in "FGH":
        blank(ws, f"{col}34")
    num(ws, "I34", "38.47")  # printed in group 3's 决算数 cell


def test_wuchang_t6(wc):
    ws = wc["公开06表"]
    cells = _t6_amounts(ws, 1)
    assert len(cells) == 27 + 28 + 26
    for code, cell in cells.items():
        if code in WC_T6:
            txt(ws, cell.coordinate, WC_T6[code])
        else:
            assert cell.value is None, code
    txt(ws, "B35", "人员经费合计"), txt(ws, "D35", "376.1")
    txt(ws, "E35", "公用经费合计"), txt(ws, "G35", "79.45")
    for col in "HIJ":
        blank(ws, f"{col}35")


def test_sg_twelve_values(hs, wc):
    ws = hs["表7"]
    printed = ["4.20", "0.00", "4.20", "0.00", "4.20", "0.00", "2.20", "", "2.20", "", "2.20", ""]
    for c, p in enumerate(printed, start=1):
        ref = ws.cell(8, c).coordinate
        blank(ws, ref) if p == "" else num(ws, ref, p)
    ws = wc["公开09表"]
    printed = ["0.27", "", "", "", "", "0.27", "0.27", "", "", "", "", "0.27"]
    for c, p in enumerate(printed, start=2):
        ref = ws.cell(9, c).coordinate
        blank(ws, ref) if p == "" else txt(ws, ref, p)
    txt(ws, "C6", "因公出国（境）费"), txt(ws, "D6", "公务用车购置及运行维护费")
    txt(ws, "F7", "公务用车运行维护费")


def test_gf_gz_empty(hs, wc):
    for name in ("表8", "表9"):
        ws = hs[name]
        assert ws["A7"].value == "合 计"
        assert all(ws.cell(7, c).value is None for c in range(2, ws.max_column + 1))
    assert hs["表8"]["A10"].value == "本单位本年度无政府性基金预算财政拨款收入支出"
    assert hs["表9"]["A10"].value == "本单位本年度无国有资本经营预算财政拨款支出"
    for name in ("公开07表", "公开08表"):
        ws = wc[name]
        txt(ws, "B8", "合计")
        assert all(ws.cell(r, c).value is None for r in (8, 9) for c in range(3, ws.max_column + 1))
        assert ws["B11"].value.startswith("说明：我部门没有")
    txt(wc["公开08表"], "B2", "国有资本经营预算财政拨款收入支出决算表")  # sic: 收入支出


# --------------------------------------------------------------------------- residues (§3.2)


def _dec(ws, ref):
    v = ws[ref].value
    return Decimal(v.replace(",", "")) if isinstance(v, str) else Decimal(str(v))


def test_residue_hongshan_x16(hs):
    """T6 人员经费合计 383.77 + 公用经费合计 38.47 = 422.24 vs T5 基本支出 422.23."""
    t6, t5, t3 = hs["表6"], hs["表5"], hs["表3"]
    assert _dec(t6, "C34") + _dec(t6, "I34") == Decimal("422.24")
    assert _dec(t5, "D7") == _dec(t3, "D7") == Decimal("422.23")
    # T6 itself is consistent: 人员 = 301 + 303, 公用 = 302 + 310
    assert _dec(t6, "C6") + _dec(t6, "C20") == _dec(t6, "C34")
    assert t6["A20"].value == 303
    assert _dec(t6, "F6") + _dec(t6, "I6") == _dec(t6, "I34")


def test_residue_wuchang_housing(wc):
    """T1 L50 / T4 L51 住房保障支出 49.79 while T2/T3/T5 row 221 print 49.8."""
    t1, t4 = wc["公开01表"], wc["公开04表"]
    txt(t1, "E26", "十九、住房保障支出"), txt(t1, "F26", "50"), txt(t1, "G26", "49.79")
    txt(t4, "E26", "十九、住房保障支出"), txt(t4, "F26", "51")
    txt(t4, "G26", "49.79"), txt(t4, "H26", "49.79")
    for name in ("公开02表", "公开03表", "公开05表"):
        ws = wc[name]
        txt(ws, "B22", "221"), txt(ws, "D22", "49.8"), txt(ws, "E22", "49.8")
    # consequence: Σ classes = 4,557.29 vs 本年支出合计 4,557.3 (T1 L58, T4 L59 栏2/栏3)
    assert sum(_dec(t1, f"G{r}") for r in range(8, 34) if t1[f"G{r}"].value) == Decimal("4557.29")
    assert _dec(t1, "G34") == Decimal("4557.3")
    for col in "GH":
        s = sum(_dec(t4, f"{col}{r}") for r in range(8, 34) if t4[f"{col}{r}"].value)
        assert s == Decimal("4557.29") and _dec(t4, f"{col}34") == Decimal("4557.3")
    # and row 221's own 项 sum to 49.80
    t3 = wc["公开03表"]
    assert sum(_dec(t3, f"D{r}") for r in (24, 25, 26)) == Decimal("49.80")


def test_residue_wuchang_x16(wc):
    """T6 376.1 + 79.45 = 455.55 vs T5 基本支出 455.56."""
    t6, t5 = wc["公开06表"], wc["公开05表"]
    assert _dec(t6, "D35") + _dec(t6, "G35") == Decimal("455.55")
    assert _dec(t5, "E8") == Decimal("455.56")


def test_hongshan_has_no_other_class_residue(hs):
    t1, t3 = hs["表1"], hs["表3"]
    assert sum(_dec(t1, f"F{r}") for r in range(7, 33)) == _dec(t1, "F33")
    assert _dec(t1, "F25") == _dec(t3, "C21") == Decimal("52.99")  # 住房保障支出 both 52.99
