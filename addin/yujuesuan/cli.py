"""``yjs``: the headless command line (check, spec, demo).

Exit status: 0 no 错误; 1 at least one 错误; 2 an input could not be read or the usage is wrong;
3 an internal error (a bug of ours: one line in Chinese, the traceback only with YJS_DEBUG=1).
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
from yujuesuan.messages_zh import TABLES_OF_KIND
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
    except Exception as exc:  # a bug, not the user's input: say so without a traceback
        if os.environ.get("YJS_DEBUG"):
            raise
        print(f"程序内部错误（{type(exc).__name__}：{exc}）。输入文件未被修改；"
              "请把这条信息和所用命令报告给维护者（设置 YJS_DEBUG=1 可看到详细信息）。", file=sys.stderr)
        return 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="yjs", description="预决算公开表：勾稽校验与重算")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="校验工作簿中九张表的勾稽关系")
    check.add_argument("paths", nargs="+", help="工作簿文件或文件夹")
    check.add_argument("--json", action="store_true", help="以 JSON 输出全部发现")
    check.add_argument("-o", "--output", help="把全部发现以 JSON 写入此文件")
    check.add_argument("--year", type=int, help="年度（默认从表格标题识别）")
    check.add_argument("--kind", help="报表类型：决算或预算（默认从标题识别）")
    check.add_argument("--strict", action="store_true", help="任何差额（含尾数差异）都算错误")
    check.add_argument("--plausibility", action="store_true", help="另外提示经济分类与功能分类的对应关系（仅作提示）")
    check.add_argument("--narrative", help="情况说明文件（.txt 或 .docx），核对其中每个数字（默认读工作簿中的“情况说明”表）")
    check.add_argument("--marked", metavar="OUT.xlsx", help="另存一份标记过的工作簿：“校验结果”表（含跳转链接）并给出错单元格着色（仅限一个输入文件）")
    check.set_defaults(handler=_check)
    spec = sub.add_parser("spec", help="列出某年度的全部校验规则")
    spec.add_argument("--year", type=int, required=True)
    spec.add_argument("--kind", default="决算", help="决算或预算")
    spec.add_argument("--format", choices=("csv", "text"), default="text")
    spec.set_defaults(handler=_spec)
    template = sub.add_parser("template", help="生成空白模板（封面、底稿、九张表、校验表）")
    template.add_argument("--kind", default="决算", help="决算或预算")
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
    narrate = sub.add_parser("narrate", help="根据公开表、上年数和年初预算起草情况说明（第三部分；决算或预算）")
    narrate.add_argument("path", help="决算或预算公开表工作簿（类型按表格标题识别）")
    narrate.add_argument("-o", "--output", required=True,
                         help="输出文件：.docx 或 .txt；.xlsx 则另存一份带“情况说明”表的工作簿")
    narrate.add_argument("--unit", help="单位名称（默认读封面，或表头的“部门/单位：”行）")
    narrate.set_defaults(handler=_narrate)
    demo = sub.add_parser("demo", help="用示例单位的底稿生成九张表并校验")
    demo.add_argument("--out", default="yujuesuan-demo", help="输出文件夹")
    demo.add_argument("--kind", default="决算", help="决算（洪山区2021，默认）或 预算（硚口区2024）")
    demo.set_defaults(handler=_demo)
    addin = sub.add_parser("addin", help="Excel 加载项").add_subparsers(dest="addin_action", required=True)
    addin_build = addin.add_parser("build", help="由 macros/ 生成加载项 yujuesuan.xlam（无需 Excel）")
    addin_build.add_argument("-o", "--output", default="yujuesuan.xlam", help="输出 .xlam（或 .xlsm）")
    addin_build.add_argument("--macros", help="VBA 与功能区源文件夹（默认：仓库的 macros/）")
    addin_build.set_defaults(handler=_addin_build)
    _reference_commands(sub)
    return parser


def _check(args: argparse.Namespace) -> int:
    files, unreadable = _expand(args.paths)
    if args.marked and (len(files) != 1 or unreadable):
        print("错误：--marked 只能用于一个工作簿文件。", file=sys.stderr)
        return 2
    reports: list[Report] = []
    status = 2 if unreadable else 0
    for message in unreadable:
        print(f"错误：{message}", file=sys.stderr)
    for i, path in enumerate(files, start=1):
        if len(files) > PROGRESS_THRESHOLD:
            _progress(i, len(files), path)
        try:
            reports.append(check_workbook(path, year=args.year, kind=args.kind, strict=args.strict,
                                          plausibility=args.plausibility,
                                          narrative=Path(args.narrative) if args.narrative else None))
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
    if args.marked and reports:
        _write_marked(files[0], Path(args.marked))
    if status == 0 and any(not r.ok for r in reports):
        status = 1
    return status


def _write_marked(source: Path, output: Path) -> None:
    """The ribbon's 校验勾稽关系 on a copy: 校验结果 sheet, coloured cells, first 错误 selected."""
    from yujuesuan.excel import ribbon
    from yujuesuan.excel.file_book import FileBook
    from yujuesuan.services.files import output_path

    message = ribbon.check(FileBook(source, output=output_path(source, output, in_place=False)))
    print(f"{message}\n已另存标记过的工作簿：{output}", file=sys.stderr)


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
        f"== {report.source}：{report.year}年度{report.kind}，"
        f"找到 {len(report.tables_found)}/{len(tables_for(report.kind, report.year).tables)} 张表，"
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
    tables = TABLES_OF_KIND[outcome.kind]
    print(f"已根据底稿（{outcome.rows} 行）生成{outcome.year}年度{tables}：{outcome.output}")
    if outcome.backup:
        print(f"原文件已备份为：{outcome.backup}")
    print(
        f"尾数控制：{report.variables} 个需取舍的数、{report.equations} 条勾稽关系全部保持"
        f"（逐格四舍五入会破坏其中 {report.naive_broken} 条），用时 {report.seconds:.2f} 秒。"
        if report.ok
        else f"尾数控制：{report.variables} 个需取舍的数、{report.equations} 条勾稽关系，用时 {report.seconds:.2f} 秒。"
    )
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


def _narrate(args: argparse.Namespace) -> int:
    from yujuesuan.services.narrate import write_draft

    path = write_draft(Path(args.path), Path(args.output), unit=args.unit)
    print(f"已起草情况说明：{path}（标有【请说明原因】或【请填写…】处须人工补充，补充后可用 yjs check --narrative 核对）")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from yujuesuan.services.demo import DEMOS, run_demo
    from yujuesuan.spec import normalise_kind

    demo = DEMOS[normalise_kind(args.kind)]
    outcome = run_demo(Path(args.out), demo)
    print(f"示例单位：{demo.unit}（{demo.year}年度{demo.kind}，底稿按公开数据编制，金额单位元）")
    print(f"底稿工作簿：{outcome.ledger_workbook.resolve()}")
    _print_build(outcome.built)
    _print_report(outcome.report)
    tables = TABLES_OF_KIND[demo.kind]
    print(f"{tables}在：{outcome.built.output.resolve()}（用 Excel 或 WPS 打开；“校验”表列出每条勾稽关系）")
    return 0 if outcome.report.ok else 1


def _addin_build(args: argparse.Namespace) -> int:
    from yujuesuan.services.addin_build import build_addin

    outcome = build_addin(Path(args.output), macros=Path(args.macros) if args.macros else None)
    print(f"已生成加载项：{outcome.output}（VBA 模块：{'、'.join(outcome.modules)}；功能区：预决算）")
    return 0


def _reference_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """`catalog import|list|show|diff`, `reference-sheet`, `pull-prior` (issue 8)."""
    catalog = sub.add_parser("catalog", help="科目目录：导入财政部科目表、查看、比较").add_subparsers(dest="action", required=True)
    imp = catalog.add_parser("import", help="导入官方科目表（.xlsx/.csv），作为某年度的用户目录")
    imp.add_argument("path")
    imp.add_argument("--kind", required=True, help="function（功能分类）或 economic（经济分类）")
    imp.add_argument("--year", type=int, required=True)
    imp.add_argument("--sheet", help="工作表名称（默认自动查找）")
    imp.set_defaults(handler=_catalog_import)
    catalog.add_parser("list", help="列出随软件提供和用户导入的目录").set_defaults(handler=_catalog_list)
    show = catalog.add_parser("show", help="查看一个科目")
    show.add_argument("code")
    show.add_argument("--year", type=int, required=True)
    show.add_argument("--kind", help="function 或 economic（默认两者都查）")
    show.set_defaults(handler=_catalog_show)
    compare = catalog.add_parser("diff", help="比较两个年度的目录")
    compare.add_argument("old_year", type=int)
    compare.add_argument("new_year", type=int)
    compare.add_argument("--kind", help="function 或 economic（默认两者）")
    compare.set_defaults(handler=_catalog_diff)
    sheet = sub.add_parser("reference-sheet", help="在工作簿中写入“参考数据”表（所用科目、级次、名称、金额）")
    sheet.add_argument("path")
    sheet.add_argument("-o", "--output", help="输出文件（默认另存为“原名-参考数据.xlsx”）")
    sheet.add_argument("--in-place", action="store_true", help="写回原文件（先备份）")
    sheet.add_argument("--all", action="store_true", help="列出整个目录，而不只是表中用到的科目")
    sheet.add_argument("--year", type=int, help="年度（默认从表格标题识别）")
    sheet.set_defaults(handler=_reference_sheet)
    prior = sub.add_parser("pull-prior", help="从上年度工作簿取数，填入本年度的“上年数”表")
    prior.add_argument("prior")
    prior.add_argument("current")
    prior.add_argument("-o", "--output", help="输出文件（默认另存为“原名-上年数.xlsx”）")
    prior.add_argument("--in-place", action="store_true", help="写回本年度工作簿（先备份）")
    prior.add_argument("--year", type=int, help="本年度（默认读封面）")
    prior.set_defaults(handler=_pull_prior)


def _catalog_import(args: argparse.Namespace) -> int:
    from yujuesuan.reference.importing import CatalogRejected
    from yujuesuan.services.catalog import import_catalog

    try:
        outcome = import_catalog(Path(args.path), kind=args.kind, year=args.year, sheet=args.sheet)
    except CatalogRejected as exc:
        print(f"错误：{exc}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    print(f"已导入 {outcome.entries} 个科目（工作表“{outcome.sheet}”），作为{args.year}年的用户目录：{outcome.edition.file}")
    if outcome.trimmed:
        print(f"  已去除 {outcome.trimmed} 个名称首尾的空格（缩进）。")
    for line in outcome.changes.lines():
        print(f"  {line}")
    return 0


def _catalog_list(args: argparse.Namespace) -> int:
    from yujuesuan.services.catalog import list_editions

    print("\n".join(list_editions()))
    return 0


def _catalog_show(args: argparse.Namespace) -> int:
    from yujuesuan.services.catalog import show_code

    print("\n".join(show_code(args.code, year=args.year, kind=args.kind)))
    return 0


def _catalog_diff(args: argparse.Namespace) -> int:
    from yujuesuan.reference import KINDS
    from yujuesuan.services.catalog import compare_years

    for kind in [args.kind] if args.kind else KINDS:
        print("\n".join(compare_years(kind, args.old_year, args.new_year).lines()))
    return 0


def _reference_sheet(args: argparse.Namespace) -> int:
    from yujuesuan.services.reference_sheet import write_reference_sheet

    output = Path(args.output) if args.output else None
    outcome = write_reference_sheet(Path(args.path), output, in_place=args.in_place, all_entries=args.all, year=args.year)
    print("\n".join(outcome.lines()))
    return 0


def _pull_prior(args: argparse.Namespace) -> int:
    from yujuesuan.services.pull_prior import pull_prior

    output = Path(args.output) if args.output else None
    outcome = pull_prior(Path(args.prior), Path(args.current), output, in_place=args.in_place, year=args.year)
    print("\n".join(outcome.lines()))
    return 0


def _utf8_console() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):  # pragma: no cover - exotic consoles
                pass



if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
