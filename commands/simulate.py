"""`run.py simulate SCENARIO`: play a drill headless with an action file and print its score card."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from typing import Any

from commands.loading import load_or_explain
from debrief import report_document
from debrief.exports import LANGUAGES, ExportError, format_of, write, writer
from debrief.headless import headless_meta, headless_run
from scenarios.model import Scenario
from scoring import ScoreCard, score
from scoring.render import render_card
from scenarios.actions import Action, ActionFileError, read_action_file
from sim.world import World, play


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
    last = next((e for e in reversed(result["events"]) if e["kind"] == "opinion"), None)
    lines = [
        f"Kịch bản / Scenario: {scenario.title.vi} ({scenario.id}), seed {result['seed']}",
        f"Thời gian / Time played: {result['until']:g} / {scenario.duration:g} phút",
        f"Cấp độ cuối / Final level: {result['final_level']} (cao nhất / highest {result['max_level']}, "
        f"tối đa của kịch bản / drill's top {scenario.top_level})",
    ]
    if last:
        seen = f"{last['seen']:,}".replace(",", ".")  # Vietnamese: 144.365 and 36,9
        belief = f"{last['belief'] * 100:.1f}".replace(".", ",")
        lines.append(
            f"Tin đồn / Rumour: {seen} người đã xem, {belief}% dân số tin; "
            f"niềm tin vào chính quyền / trust {last['trust']:.0%}"
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
        print(f"--report: {exc}", file=sys.stderr)
        return 1
    scenario = load_or_explain(name)
    if scenario is None:
        return 1
    try:
        actions = read_action_file(actions_path) if actions_path else []
    except ActionFileError as exc:
        print(f"action file: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    world, card = simulate(scenario, actions, seed=seed, until=until)
    if report:
        try:
            write_report(scenario, world, report, language)
        except OSError as exc:
            print(f"--report: cannot write {report}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"Đã ghi báo cáo / report written: {report}", file=sys.stderr)
    result = document(scenario, world, card)
    if as_json:
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
    else:
        print(_summary(result, scenario))
        print()
        print(render_card(card))
    return 0
