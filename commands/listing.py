"""`run.py scenarios`: the built-in drills."""

from __future__ import annotations

import argparse

from scenarios.library import builtin_ids, play_paths, scenario_path
from scenarios.loader import ScenarioInvalid, load_scenario
from scenarios.messages import N_
from web.console import console_language, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments."""


def main(args: argparse.Namespace) -> int:
    print(say(N_("Kịch bản có sẵn:")))
    for scenario_id in builtin_ids():
        try:
            s = load_scenario(scenario_path(scenario_id))
        except ScenarioInvalid as exc:
            print("  " + say(N_("%(id)s: KHÔNG HỢP LỆ (%(count)s lỗi)"), id=scenario_id, count=len(exc.issues)))
            continue
        drill = say(
            N_("%(id)s  cấp %(level)s  %(rule_set)s  %(minutes)s phút  %(title)s"),
            id=s.id,
            level=s.top_level,
            rule_set=s.rule_set,
            minutes=f"{s.duration:g}",
            title=s.title.in_(console_language()),
        )
        print(f"  {drill}")
        print("      " + say(N_("lượt chơi mẫu: %(plays)s"), plays=", ".join(play_paths(scenario_id))))
    command = "python run.py simulate <id> --actions scenarios/library/<id>/plays/exemplary.jsonl"
    print("\n" + say(N_("Thử: %(command)s"), command=command))
    return 0
