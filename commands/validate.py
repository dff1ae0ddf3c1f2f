"""`run.py validate PATH...`: check scenario files, print every error as PATH:LINE: field: message."""

from __future__ import annotations

import argparse
import sys

from commands.loading import explain
from scenarios.library import scenario_path
from scenarios.loader import ScenarioInvalid, load_scenario
from scenarios.messages import N_
from web.console import say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="scenario file or built-in id")


def main(args: argparse.Namespace) -> int:
    """0 when every file is valid, 1 otherwise."""
    paths = args.paths
    failed = 0
    for name in paths:
        path = scenario_path(name)
        try:
            scenario = load_scenario(path)
        except ScenarioInvalid as exc:
            failed += 1
            explain(exc)
            continue
        checked = say(
            N_("%(id)s, %(injects)s tình huống, cấp %(start)s-%(top)s, %(rule_set)s"),
            id=scenario.id,
            injects=len(scenario.injects),
            start=scenario.start_level,
            top=scenario.top_level,
            rule_set=scenario.rule_set,
        )
        print(f"{path}: OK ({checked})")
    if failed:
        print(say(N_("%(failed)s trên %(total)s tệp không hợp lệ"), failed=failed, total=len(paths)), file=sys.stderr)
    return 1 if failed else 0
