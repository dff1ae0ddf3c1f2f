"""`run.py scenarios`: the built-in drills."""

from __future__ import annotations

import argparse

from scenarios.library import builtin_ids, play_paths, scenario_path
from scenarios.loader import ScenarioInvalid, load_scenario


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments."""


def main(args: argparse.Namespace) -> int:
    print("Kịch bản có sẵn / Built-in drills:")
    for scenario_id in builtin_ids():
        try:
            s = load_scenario(scenario_path(scenario_id))
        except ScenarioInvalid as exc:
            print(f"  {scenario_id}: INVALID ({len(exc.issues)} errors)")
            continue
        plays = ", ".join(play_paths(scenario_id))
        print(f"  {s.id}  cấp {s.top_level}  {s.rule_set}  {s.duration:g} phút  {s.title.vi}")
        print(f"      {s.title.en or ''}  [plays: {plays}]")
    print("\nThử / Try: python run.py simulate <id> --actions scenarios/library/<id>/plays/exemplary.jsonl")
    return 0
