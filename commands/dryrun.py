"""`run.py dryrun SCENARIO [--seeds N]`: play a drill with the built-in bots and say whether it works.

Prints each bot's score range over the seeds, what the drill costs to play
and the warnings of `sim.dryrun`.
Exit 0 without warnings, 2 with warnings, 1 when the scenario cannot be read.
"""

from __future__ import annotations

import argparse
import sys

from commands.loading import load_or_explain
from scenarios.messages import N_
from sim.dryrun import BotResult, DryRunCost, DryRunReport, dry_run
from web.console import console_language, say

WARNINGS_FOUND = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario file or built-in id")
    parser.add_argument("--seeds", type=int, default=3, metavar="N", help="play seeds 0 to N-1 (default 3)")


def _span(values: list[float]) -> str:
    low, high = min(values), max(values)
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def _line(result: BotResult) -> str:
    runs = result.runs
    scores = say(
        N_("tổng %(total)s, thưởng %(bonus)s, cấp cuối %(final)s, cao nhất %(highest)s; không đạt: %(failed)s"),
        total=_span([r.total for r in runs]),
        bonus=_span([r.bonus for r in runs]),
        final=_span([r.final_level for r in runs]),
        highest=_span([r.max_level for r in runs]),
        failed=", ".join(result.failed) or "—",
    )
    return f"  {result.bot:<16} {scores}"


def _cost(cost: DryRunCost) -> str:
    seconds = f"{cost.seconds:.2f}"
    return say(
        N_(
            "Chi phí: tối đa %(samples)s lần lấy mẫu dư luận và %(events)s sự kiện mỗi lượt chạy; "
            "%(runs)s lượt chạy trong %(seconds)s giây."
        ),
        samples=cost.samples_per_run,
        events=cost.events_per_run,
        runs=cost.runs,
        seconds=seconds.replace(".", ",") if console_language() == "vi" else seconds,
    )


def render(report: DryRunReport, title: str) -> str:
    """The report as the console shows it, in its language (`web.console`)."""
    seeds = _span(list(report.seeds))
    lines = [
        say(N_("Chạy thử: %(title)s (%(scenario)s), seed %(seeds)s"), title=title, scenario=report.scenario, seeds=seeds)
    ]
    lines += ["", *(_line(result) for result in report.results), "", _cost(report.cost), ""]
    if not report.warnings:
        lines.append(say(N_("Không có cảnh báo.")))
    else:
        lines.append(say(N_("Cảnh báo (%(count)s):"), count=len(report.warnings)))
        lines += [f"  - {warning.text.in_(console_language())}" for warning in report.warnings]
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    if args.seeds < 1:
        print(say(N_("--seeds phải từ 1 trở lên")), file=sys.stderr)
        return 1
    scenario = load_or_explain(args.scenario)
    if scenario is None:
        return 1
    report = dry_run(scenario, range(args.seeds))
    print(render(report, scenario.title.in_(console_language())))
    return WARNINGS_FOUND if report.warnings else 0
