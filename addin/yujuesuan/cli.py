"""``yjs``: the headless command line (check, spec, demo).

Exit status: 0 no 错误; 1 at least one 错误; 2 an input could not be read or the usage is wrong.
Errors about inputs are printed in Chinese, naming the file, without a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from yujuesuan.errors import AddinError
from yujuesuan.findings import Report
from yujuesuan.services import check_workbook
from yujuesuan.spec import tables_for
from yujuesuan.spec.listing import rule_rows

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xltx", ".xltm")
PROGRESS_THRESHOLD = 3


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_console()
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors: argparse has printed the message
        return int(exc.code or 0)
    try:
        return int(args.handler(args))
    except AddinError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`
        sys.stderr.close()
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="yjs", description="预决算公开表：勾稽校验与重算")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="校验工作簿中九张表的勾稽关系")
    check.add_argument("paths", nargs="+", help="工作簿文件或文件夹")
    check.add_argument("--json", action="store_true", help="以 JSON 输出全部发现")
    check.add_argument("-o", "--output", help="把全部发现以 JSON 写入此文件")
    check.add_argument("--year", type=int, help="年度（默认从表格标题识别）")
    check.add_argument("--kind", help="报表类型：决算（默认从标题识别）")
    check.add_argument("--strict", action="store_true", help="任何差额（含尾数差异）都算错误")
    check.add_argument("--plausibility", action="store_true", help="另外提示经济分类与功能分类的对应关系（仅作提示）")
    check.set_defaults(handler=_check)
    spec = sub.add_parser("spec", help="列出某年度的全部校验规则")
    spec.add_argument("--year", type=int, required=True)
    spec.add_argument("--kind", default="决算")
    spec.add_argument("--format", choices=("csv", "text"), default="text")
    spec.set_defaults(handler=_spec)
    template = sub.add_parser("template", help="生成空白模板（封面、底稿、九张表、校验表）")
    template.add_argument("--kind", default="决算")
    template.add_argument("--year", type=int, required=True)
    template.add_argument("--unit", default="", help="单位名称")
    template.add_argument("-o", "--output", required=True)
    template.set_defaults(handler=_template)
    build = sub.add_parser("build", help="根据底稿重算九张表并写入工作簿")
    build.add_argument("path")
    build.add_argument("-o", "--output", help="输出文件（默认不覆盖原文件）")
    build.add_argument("--in-place", action="store_true", help="写回原文件（先备份）")
    build.add_argument("--year", type=int, help="年度（默认读封面）")
    build.set_defaults(handler=_build)
    recalc = sub.add_parser("recalc", help="无 Excel 重算公式并比对各引擎结果")
    recalc.add_argument("path")
    recalc.add_argument("--write", help="用 LibreOffice 重算后另存为此文件（保留公式和计算结果）")
    recalc.set_defaults(handler=_recalc)
    demo = sub.add_parser("demo", help="用示例单位的底稿生成九张表并校验")
    demo.add_argument("--out", default="yujuesuan-demo", help="输出文件夹")
    demo.set_defaults(handler=_demo)
    return parser


def _check(args: argparse.Namespace) -> int:
    files, unreadable = _expand(args.paths)
    reports: list[Report] = []
    status = 2 if unreadable else 0
    for message in unreadable:
        print(f"错误：{message}", file=sys.stderr)
    for i, path in enumerate(files, start=1):
        if len(files) > PROGRESS_THRESHOLD:
            _progress(i, len(files), path)
        try:
            reports.append(check_workbook(path, year=args.year, kind=args.kind, strict=args.strict, plausibility=args.plausibility))
        except AddinError as exc:
            status = 2
            print(f"\n错误：{exc}" if len(files) > PROGRESS_THRESHOLD else f"错误：{exc}", file=sys.stderr)
        except Exception as exc:  # a bug must not hide the other files' results
            status = 2
            if os.environ.get("YJS_DEBUG"):
                raise
            print(f"错误：读取 {path} 时发生内部错误（{type(exc).__name__}: {exc}）。", file=sys.stderr)
    if len(files) > PROGRESS_THRESHOLD:
        print(file=sys.stderr)
    if args.json or args.output:
        _write_json(reports, args.output)
    else:
        for report in reports:
            _print_report(report)
    if status == 0 and any(not r.ok for r in reports):
        status = 1
    return status


def _expand(paths: Sequence[str]) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith("~$"))
            if not found:
                problems.append(f"文件夹中没有工作簿：{path}")
            files += found
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"找不到文件：{path}")
    return files, problems


def _progress(done: int, total: int, path: Path) -> None:
    width = 30
    filled = width * done // total
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {path.name[:40]:<40}", end="", file=sys.stderr, flush=True)


def _print_report(report: Report) -> None:
    for f in report.findings:
        where = str(f.location) if f.location else (f.table_title or report.source)
        print(f"{where} [{f.rule_id}] {f.classification}：{f.message}")
    counts = report.by_classification()
    summary = "，".join(f"{label} {counts.get(label, 0)}" for label in ("错误", "尾数差异", "警告", "提示"))
    print(
        f"== {report.source}：{report.year}年度{report.kind}，找到 {len(report.tables_found)}/9 张表，"
        f"执行规则 {report.rules_run} 条；{summary}。{'通过' if report.ok else '未通过'}"
    )


def _write_json(reports: list[Report], output: str | None) -> None:
    records = [record for report in reports for record in report.to_records()]
    text = json.dumps(records, ensure_ascii=False, indent=2)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)


def _spec(args: argparse.Namespace) -> int:
    rows = rule_rows(tables_for(args.kind, args.year))
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            print(f"{row['id']:<28} {row['kind']:<9} {row['strength']}  {row['basis']}")
    return 0


def _template(args: argparse.Namespace) -> int:
    from yujuesuan.services.template import write_template

    path = write_template(Path(args.output), kind=args.kind, year=args.year, unit=args.unit)
    print(f"已生成{args.year}年度{args.kind}模板：{path}")
    return 0


def _build(args: argparse.Namespace) -> int:
    from yujuesuan.services.build import LedgerInvalid, build_workbook

    output = Path(args.output) if args.output else None
    try:
        outcome = build_workbook(Path(args.path), output, in_place=args.in_place, year=args.year)
    except LedgerInvalid as exc:
        print(f"错误：{exc}", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 2
    _print_build(outcome)
    return 0


def _print_build(outcome) -> None:  # type: ignore[no-untyped-def]
    report = outcome.result.rounding_report
    print(f"已根据底稿（{outcome.rows} 行）生成{outcome.year}年度九张表：{outcome.output}")
    if outcome.backup:
        print(f"原文件已备份为：{outcome.backup}")
    print(f"尾数控制：{report.variables} 个需取舍的数、{report.equations} 条勾稽关系，用时 {report.seconds:.2f} 秒。")
    for deviation in report.unkept:
        print(f"  注意：无法同时保持 {deviation.rule_id}（{deviation.basis}），差 {deviation.difference} 万元。")
    for deviation in report.untrue:
        print(f"  注意：底稿本身不满足 {deviation.rule_id}（{deviation.basis}），差 {deviation.difference} 万元。")


def _recalc(args: argparse.Namespace) -> int:
    from yujuesuan.services.recalc import recalc_workbook

    outcome = recalc_workbook(Path(args.path), Path(args.write) if args.write else None)
    for line in outcome.lines():
        print(line)
    return 1 if outcome.mismatches else 0


def _demo(args: argparse.Namespace) -> int:
    from yujuesuan.services.demo import run_demo

    outcome = run_demo(Path(args.out))
    print("示例单位：武汉市洪山区大数据中心（2021年度决算，底稿按公开数据编制，金额单位元）")
    print(f"底稿工作簿：{outcome.ledger_workbook.resolve()}")
    _print_build(outcome.built)
    _print_report(outcome.report)
    print(f"九张表在：{outcome.built.output.resolve()}（用 Excel 或 WPS 打开；“校验”表列出每条勾稽关系）")
    return 0 if outcome.report.ok else 1


def _utf8_console() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):  # pragma: no cover - exotic consoles
                pass



if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
