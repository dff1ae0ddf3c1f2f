"""`run.py simulate SCENARIO`: play a drill headless with an action file and print its score card."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from typing import Any

from commands.loading import cannot_read, cannot_write, load_or_explain
from debrief import report_document
from debrief.exports import LANGUAGES, ExportError, format_of, write, writer
from debrief.headless import headless_meta, headless_run
from scenarios.figures import format_percent
from scenarios.messages import N_
from scenarios.model import Scenario
from scoring import ScoreCard, score
from scoring.render import render_card
from scenarios.actions import Action, ActionFileError, read_action_file
from sim.world import World, play
from web.console import console_language, say


def simulate(
    scenario: Scenario, actions: list[Action], seed: int = 0, until: float | None = None
) -> tuple[World, ScoreCard]:
    """Play a drill headless and score it."""
    world = play(scenario, actions, seed=seed, until=until)
    return world, score(scenario, world.events)


def document(scenario: Scenario, world: World, card: ScoreCard) -> dict[str, Any]:
    """The one JSON document `--json` prints."""
    return {
        "scenario": scenario.id,
        "title": scenario.title.as_dict(),
        "rule_set": card.rule_set,
        "seed": world.seed,
        "until": world.now,
        "final_level": world.level,
        "max_level": world.max_level,
        "events": world.events,
        "score": card.as_dict(),
    }


def _summary(result: dict[str, Any], scenario: Scenario) -> str:
    lang = console_language()
    last = next((e for e in reversed(result["events"]) if e["kind"] == "opinion"), None)
    lines = [
        say(
            N_("Kịch bản: %(title)s (%(id)s), seed %(seed)s"),
            title=scenario.title.in_(lang),
            id=scenario.id,
            seed=result["seed"],
        ),
        say(
            N_("Thời gian: %(played)s / %(duration)s phút"), played=f"{result['until']:g}", duration=f"{scenario.duration:g}"
        ),
        say(
            N_("Cấp độ cuối: %(final)s (cao nhất %(highest)s, tối đa của kịch bản %(top)s)"),
            final=result["final_level"],
            highest=result["max_level"],
            top=scenario.top_level,
        ),
    ]
    if last:
        seen = f"{last['seen']:,}"
        lines.append(
            say(
                N_("Tin đồn: %(seen)s người đã xem, %(belief)s dân số tin; niềm tin vào chính quyền %(trust)s"),
                seen=seen.replace(",", ".") if lang == "vi" else seen,  # Vietnamese: 144.365 and 36,9%
                belief=format_percent(last["belief"], lang),
                trust=format_percent(last["trust"], lang),
            )
        )
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario file or built-in id")
    parser.add_argument("--actions", metavar="FILE.jsonl", help="stamped actions, one JSON object a line")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--until", type=float, metavar="MINUTE", help="stop at this scenario minute")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--report",
        metavar="FILE",
        help="also write the run's report as a one-team exercise; "
        "format by extension: .json, .zip (CSV tables), .pdf, .docx, .xlsx",
    )
    parser.add_argument(
        "--language",
        choices=list(LANGUAGES),
        default=LANGUAGES[0],
        help="the --report's one language (json holds both): vi = Vietnamese (default), en = English",
    )


def main(args: argparse.Namespace) -> int:
    return run(args.scenario, args.actions, args.seed, args.until, args.json, args.report, args.language)


def write_report(scenario: Scenario, world: World, path: str, language: str = LANGUAGES[0]) -> None:
    """The report of a headless run, as a one-team exercise played today, written to `path` (format by extension)
    in a language."""
    document = report_document(
        headless_meta(scenario, datetime.date.today()), [headless_run(scenario, world.events, world.seed)]
    )
    write(document, format_of(path), path, language=language)


def run(
    name: str,
    actions_path: str | None,
    seed: int,
    until: float | None,
    as_json: bool,
    report: str | None = None,
    language: str = LANGUAGES[0],
) -> int:
    try:
        if report:
            writer(format_of(report))  # an unknown or unavailable format fails before the drill is played
    except ExportError as exc:
        print(f"--report: {say(exc.message)}", file=sys.stderr)
        return 1
    scenario = load_or_explain(name)
    if scenario is None:
        return 1
    try:
        actions = read_action_file(actions_path) if actions_path else []
    except ActionFileError as exc:
        print(say(N_("tệp hành động: %(problem)s"), problem=say(exc.message)), file=sys.stderr)
        return 1
    except OSError as exc:
        print(cannot_read(exc), file=sys.stderr)
        return 1
    world, card = simulate(scenario, actions, seed=seed, until=until)
    if report:
        try:
            write_report(scenario, world, report, language)
        except OSError as exc:
            print(f"--report: {cannot_write(report, exc)}", file=sys.stderr)
            return 1
        print(say(N_("Đã ghi báo cáo: %(file)s"), file=report), file=sys.stderr)
    result = document(scenario, world, card)
    if as_json:
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
    else:
        print(_summary(result, scenario))
        print()
        print(render_card(card, console_language()))
    return 0
