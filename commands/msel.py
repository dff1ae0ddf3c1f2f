"""`run.py msel export|import`: a drill's Master Scenario Events List (MSEL) as XLSX or CSV, and back.

    python run.py msel export SCENARIO --out FILE.xlsx|FILE.csv
    python run.py msel import FILE [--base SCENARIO] --out NEW.yaml

An import prints every row it could not read on stderr and exits 1 if there is
one; it writes the rows it could read only if they make a valid drill. The
layout of the file is in docs/MSEL.md. What it prints is in the console's language (`web.console`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commands.loading import cannot_write, load_or_explain
from scenarios.library import scenario_path
from scenarios.messages import N_
from msel import MselError, export_msel, header_comment, import_msel
from web.console import say


def _msel_file(value: str) -> Path:
    path = Path(value)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise argparse.ArgumentTypeError(say(N_("tệp phải là .xlsx hoặc .csv: %(file)s"), file=value))
    return path


def _written(path: Path, injects: int) -> str:
    return say(N_("Đã ghi %(file)s (%(count)s tình huống)"), file=path, count=injects)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="write a drill's MSEL (XLSX: the whole drill; CSV: the events)")
    export.add_argument("scenario", metavar="SCENARIO", help="scenario file or built-in id")
    export.add_argument("--out", required=True, type=_msel_file, metavar="FILE", help="FILE.xlsx or FILE.csv")
    load = actions.add_parser("import", help="build a drill from an MSEL")
    load.add_argument("file", type=Path, metavar="FILE", help="the MSEL, .xlsx or .csv")
    load.add_argument(
        "--base",
        metavar="SCENARIO",
        help="the drill the rows are merged into (default: an XLSX's own drill sheet, else a new drill)",
    )
    load.add_argument("--out", required=True, type=Path, metavar="NEW.yaml", help="where to write the new drill")


def _export(args: argparse.Namespace) -> int:
    scenario = load_or_explain(args.scenario)
    if scenario is None:
        return 1
    try:
        export_msel(scenario, args.out, comment=header_comment(scenario_path(args.scenario).read_text(encoding="utf-8")))
    except OSError as exc:
        print(cannot_write(args.out, exc), file=sys.stderr)
        return 1
    print(_written(args.out, len(scenario.injects)))
    return 0


def _import(args: argparse.Namespace) -> int:
    try:
        base = scenario_path(args.base).read_text(encoding="utf-8") if args.base else None
        result = import_msel(args.file, base)
    except OSError as exc:
        print(say(N_("không đọc được kịch bản gốc: %(problem)s"), problem=exc), file=sys.stderr)
        return 1
    except MselError as exc:
        print(say(exc.message), file=sys.stderr)
        return 1
    for note in result.notes:
        print(say(note.located()), file=sys.stderr)
    for warning in result.warnings:
        print(say(N_("cảnh báo: %(warning)s"), warning=warning.located()), file=sys.stderr)
    for problem in result.problems:
        print(say(problem.located()), file=sys.stderr)
    if result.scenario is None:
        print(
            say(N_("Không ghi %(file)s: các dòng đọc được không tạo thành kịch bản hợp lệ"), file=args.out), file=sys.stderr
        )
        return 1
    try:
        args.out.write_text(result.yaml_text, encoding="utf-8")
    except OSError as exc:
        print(cannot_write(args.out, exc), file=sys.stderr)
        return 1
    print(_written(args.out, len(result.scenario.injects)))
    if result.problems:
        print(
            say(N_("%(count)s lỗi: các dòng trên bị bỏ qua, tệp chỉ gồm các dòng đọc được"), count=len(result.problems)),
            file=sys.stderr,
        )
    return 0 if result.ok else 1


def main(args: argparse.Namespace) -> int:
    """0 on success; 1 if the drill is invalid, a file cannot be read, or any row was left out."""
    return _export(args) if args.action == "export" else _import(args)
