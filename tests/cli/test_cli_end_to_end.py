"""``yjs`` end to end on the golden workbooks: what the user reads on the console and in JSON."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cli_support import CJK, Run, altered, hongshan, sha256, wuchang, yjs  # noqa: F401 (fixtures)

from yujuesuan.spec import tables_for

Yjs = Callable[..., Run]

REQUIRED_KEYS = {
    "file", "rule_id", "kind", "severity", "classification", "table", "sheet", "cell",
    "expected", "actual", "difference", "message",
}  # fmt: skip
FINDING_LINE = re.compile(r"^(?P<where>\S+) \[(?P<rule>[a-z0-9_.]+)\] (?P<cls>错误|尾数差异|警告|提示)：(?P<msg>.+)$")


def finding_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line and not line.startswith("== ")]


def summaries(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("== ")]


# ---- the goldens ---------------------------------------------------------------------------------


def test_hongshan_passes_with_one_rounding_residue_at_t6_c34(yjs: Yjs, hongshan: Path) -> None:
    before = sha256(hongshan)
    run = yjs("check", hongshan)
    assert run.code == 0
    assert run.err == ""
    lines = finding_lines(run.out)
    assert len(lines) == 1, run.out
    match = FINDING_LINE.match(lines[0])
    assert match, lines[0]
    assert (match["where"], match["rule"], match["cls"]) == ("表6!C34", "fa.x.t6_t5.basic", "尾数差异")
    assert "422.23" in match["msg"] and "422.24" in match["msg"]
    [summary] = summaries(run.out)
    assert summary.endswith("通过") and "未通过" not in summary
    assert "2021年度决算" in summary and "找到 9/9 张表" in summary
    assert "错误 0，尾数差异 1，警告 0，提示 0" in summary
    assert sha256(hongshan) == before


def test_hongshan_plausibility_adds_one_warning_for_30110(yjs: Yjs, hongshan: Path) -> None:
    run = yjs("check", hongshan, "--plausibility", "--json")
    assert run.code == 0
    assert run.keys() == {
        ("fa.x.t6_t5.basic", "尾数差异", "表6", "C34"),
        ("fa.w.t6_t5.30110", "警告", "表6", "C14"),
    }
    warning = next(r for r in run.records if r["rule_id"] == "fa.w.t6_t5.30110")
    assert warning["severity"] == "warning"


def test_wuchang_passes_with_six_rounding_residues(yjs: Yjs, wuchang: Path) -> None:
    run = yjs("check", wuchang)
    assert run.code == 0
    lines = finding_lines(run.out)
    assert len(lines) == 6, run.out
    assert all(FINDING_LINE.match(line) and FINDING_LINE.match(line)["cls"] == "尾数差异" for line in lines)  # type: ignore[index]
    assert {line.split(" ")[0] for line in lines} == {
        "公开01表!G26", "公开01表!G34", "公开04表!H26", "公开04表!G34", "公开04表!H34", "公开06表!D35",
    }  # fmt: skip
    [summary] = summaries(run.out)
    assert "2022年度决算" in summary and "错误 0，尾数差异 6，警告 0，提示 0" in summary and summary.endswith("通过")


def test_strict_turns_rounding_residues_into_errors(yjs: Yjs, hongshan: Path) -> None:
    run = yjs("check", hongshan, "--strict", "--json")
    assert run.code == 1
    assert {(r["rule_id"], r["classification"], r["sheet"], r["cell"]) for r in run.records} == {
        ("fa.x.t6_t5.basic", "错误", "表6", "C34")
    }


def test_both_goldens_in_one_call_give_two_summaries(yjs: Yjs, hongshan: Path, wuchang: Path) -> None:
    run = yjs("check", hongshan, wuchang, "--kind", "决算")
    assert run.code == 0
    assert [s.split("：")[0] for s in summaries(run.out)] == [f"== {hongshan}", f"== {wuchang}"]


# ---- 8. how the numbers are typed does not change the findings -----------------------------------

FULL_WIDTH = str.maketrans("0123456789,.-", "０１２３４５６７８９，．－")


def test_full_width_text_amounts_give_the_same_findings(yjs: Yjs, hongshan: Path, altered: Callable[..., Path]) -> None:
    changed: list[str] = []

    def to_full_width_text(book: Any) -> None:
        for row in book["表1"].iter_rows(min_row=7):
            for cell in row:
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    cell.value = f"{cell.value:,.2f}".translate(FULL_WIDTH)
                    changed.append(cell.coordinate)

    path = altered("hongshan-2021", to_full_width_text, "全角.xlsx")
    assert "C7" in changed and len(changed) > 20  # 表1!C7 2397.77 → "２，３９７．７７"
    baseline = yjs("check", hongshan, "--json")
    run = yjs("check", path, "--json")
    assert run.code == baseline.code == 0
    assert run.keys() == baseline.keys()


# ---- 10. JSON --------------------------------------------------------------------------------------


def test_json_output_parses_with_required_keys_and_plain_chinese(yjs: Yjs, wuchang: Path) -> None:
    run = yjs("check", wuchang, "--json")
    assert run.code == 0
    assert "\\u" not in run.out  # not ASCII-escaped
    assert CJK.search(run.out)
    records = run.records
    assert isinstance(records, list) and len(records) == 6
    for record in records:
        assert REQUIRED_KEYS <= set(record), REQUIRED_KEYS - set(record)
        assert record["file"] == str(wuchang)
        assert record["severity"] in {"error", "warning", "info"}
        assert record["classification"] in {"错误", "尾数差异", "警告", "提示"}
        assert record["sheet"].startswith("公开0") and re.fullmatch(r"[A-Z]+[0-9]+", record["cell"])
        assert CJK.search(record["message"])
        for amount in ("expected", "actual", "difference"):
            assert record[amount] is None or re.fullmatch(r"-?\d+(\.\d+)?", record[amount]), record[amount]
    residue = next(r for r in records if (r["sheet"], r["cell"]) == ("公开06表", "D35"))
    assert (residue["expected"], residue["actual"], residue["difference"]) == ("455.56", "455.55", "-0.01")


def test_output_option_writes_json_file(yjs: Yjs, hongshan: Path, wuchang: Path, tmp_path: Path) -> None:
    out = tmp_path / "结果" / "out.json"
    out.parent.mkdir()
    run = yjs("check", hongshan, wuchang, "--json", "-o", out)
    assert run.code == 0
    assert run.out.strip() == ""
    text = out.read_text(encoding="utf-8")
    assert "\\u" not in text and CJK.search(text)
    records = json.loads(text)
    assert {r["file"] for r in records} == {str(hongshan), str(wuchang)}
    assert len(records) == 7
    assert records == yjs("check", hongshan, wuchang, "--json").records


def test_output_option_alone_writes_json_file(yjs: Yjs, hongshan: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    run = yjs("check", hongshan, "-o", out)
    assert run.code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == yjs("check", hongshan, "--json").records


# ---- 11. wrong year ------------------------------------------------------------------------------


def test_wrong_year_layout_does_not_crash(yjs: Yjs, hongshan: Path) -> None:
    run = yjs("check", hongshan, "--year", "2022")
    assert run.code in (0, 1)
    assert summaries(run.out)
    assert "内部错误" not in run.err


# ---- 9. progress on a large folder ---------------------------------------------------------------


def test_folder_of_five_copies_shows_progress_and_passes(yjs: Yjs, hongshan: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(5):
        shutil.copyfile(hongshan, folder / f"单位{i}.xlsx")
    (folder / "~$单位0.xlsx").write_bytes(b"lock file")  # Excel's lock file is skipped
    run = yjs("check", folder)
    assert run.code == 0
    assert "5/5" in run.err and "1/5" in run.err
    assert "错误" not in run.err
    assert len(summaries(run.out)) == 5


# ---- 12. spec and demo ---------------------------------------------------------------------------


def test_spec_csv_lists_every_rule(yjs: Yjs) -> None:
    run = yjs("spec", "--year", "2021", "--format", "csv")
    assert run.code == 0
    rows = list(csv.DictReader(io.StringIO(run.out)))
    rules = tables_for("决算", 2021).all_rules()
    assert len(rows) == len(rules)
    assert {"id", "kind", "strength", "basis"} <= set(rows[0])
    assert [r["id"] for r in rows] == [rule.id for rule in rules]
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["id"] and r["kind"] and r["strength"] for r in rows)
    assert "fa.x.t6_t5.basic" in {r["id"] for r in rows}


def test_spec_for_an_unknown_year_is_a_chinese_error(yjs: Yjs) -> None:
    run = yjs("spec", "--year", "1999")
    assert run.code == 2
    assert "1999" in run.err and CJK.search(run.err)


def test_demo_builds_the_sample_unit_and_reports_a_clean_check(yjs: Yjs, tmp_path: Path) -> None:
    run = yjs("demo", "--out", tmp_path)
    assert run.code == 0
    assert "错误 0，尾数差异 0" in run.out
    assert len(summaries(run.out)) == 1


# ---- 13. the real console script -----------------------------------------------------------------


def test_console_script_on_golden_prints_utf8(hongshan: Path) -> None:
    script = Path(sys.executable).parent / ("yjs.exe" if os.name == "nt" else "yjs")
    assert script.exists(), script
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env["LC_ALL"] = env["LANG"] = "C"  # a console that does not announce UTF-8
    done = subprocess.run([str(script), "check", str(hongshan)], capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    out = done.stdout.decode("utf-8")  # strict: must be valid UTF-8
    assert "表6!C34 [fa.x.t6_t5.basic] 尾数差异：" in out
    assert "Traceback" not in out and b"Traceback" not in done.stderr


def test_console_script_bad_input_exits_2_without_traceback(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / ("yjs.exe" if os.name == "nt" else "yjs")
    path = tmp_path / "坏.xlsx"
    path.write_text("x", encoding="utf-8")
    done = subprocess.run([str(script), "check", str(path)], capture_output=True, timeout=60)
    assert done.returncode == 2
    err = done.stderr.decode("utf-8")
    assert "坏.xlsx" in err and "不是有效" in err and "Traceback" not in err


def test_marked_copy_lists_every_finding_with_a_link_and_leaves_the_input_alone(
    yjs: Yjs, wuchang: Path, tmp_path: Path
) -> None:
    import openpyxl

    before = sha256(wuchang)
    out = tmp_path / "已标记.xlsx"
    run = yjs("check", wuchang, "--marked", out)
    assert run.code == 0 and sha256(wuchang) == before
    rows = list(openpyxl.load_workbook(out)["校验结果"].iter_rows(min_row=2, values_only=True))
    assert len([r for r in rows if r and r[1]]) == 6  # the six 尾数差异 of wuchang
    assert "已另存标记过的工作簿" in run.err


def test_marked_copy_takes_exactly_one_workbook(yjs: Yjs, hongshan: Path, wuchang: Path, tmp_path: Path) -> None:
    run = yjs("check", hongshan, wuchang, "--marked", tmp_path / "x.xlsx")
    assert run.code == 2 and "--marked" in run.err and not (tmp_path / "x.xlsx").exists()
