"""`run.py dryrun SCENARIO [--seeds N]`: play a drill with the built-in bots and say whether it works.

Prints each bot's score range over the seeds, what the drill costs to play
and the warnings of `sim.dryrun`.
Exit 0 without warnings, 2 with warnings, 1 when the scenario cannot be read.
"""

from __future__ import annotations

import argparse
import sys

from commands.loading import load_or_explain
from sim.dryrun import BotResult, DryRunCost, DryRunReport, dry_run

WARNINGS_FOUND = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario file or built-in id")
    parser.add_argument("--seeds", type=int, default=3, metavar="N", help="play seeds 0 to N-1 (default 3)")


def _span(values: list[float]) -> str:
    low, high = min(values), max(values)
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def _line(result: BotResult) -> str:
    runs = result.runs
    failed = ", ".join(result.failed) or "—"
    return (
        f"  {result.bot:<16} tổng/total {_span([r.total for r in runs])}, thưởng/bonus {_span([r.bonus for r in runs])}, "
        f"cấp cuối/final level {_span([r.final_level for r in runs])}, cao nhất/max {_span([r.max_level for r in runs])}; "
        f"không đạt/failed: {failed}"
    )


def _cost(cost: DryRunCost) -> list[str]:
    seconds = f"{cost.seconds:.2f}"
    return [
        f"Chi phí: tối đa {cost.samples_per_run} lần lấy mẫu dư luận và {cost.events_per_run} sự kiện mỗi lượt chạy; "
        f"{cost.runs} lượt chạy trong {seconds.replace('.', ',')} giây.",
        f"Cost: up to {cost.samples_per_run} opinion samples and {cost.events_per_run} events a run; "
        f"{cost.runs} runs in {seconds} s.",
    ]


def render(report: DryRunReport, title: str) -> str:
    """The report as the console shows it: Vietnamese first, English beside it."""
    seeds = report.seeds
    lines = [f"Chạy thử / Dry run: {title} ({report.scenario}), seed {_span(list(seeds))}", ""]
    lines += [_line(result) for result in report.results]
    lines += ["", *_cost(report.cost), ""]
    if not report.warnings:
        lines.append("Không có cảnh báo. / No warnings.")
    else:
        lines.append(f"Cảnh báo / Warnings ({len(report.warnings)}):")
        for warning in report.warnings:
            lines += [f"  - {warning.text.vi}", f"    {warning.text.en}"]
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    if args.seeds < 1:
        print("--seeds must be at least 1", file=sys.stderr)
        return 1
    scenario = load_or_explain(args.scenario)
    if scenario is None:
        return 1
    report = dry_run(scenario, range(args.seeds))
    print(render(report, scenario.title.vi))
    return WARNINGS_FOUND if report.warnings else 0
