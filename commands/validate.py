"""`run.py validate PATH...`: check scenario files, print every error as PATH:LINE: field: message."""

from __future__ import annotations

import argparse
import sys

from scenarios.library import scenario_path
from scenarios.loader import ScenarioInvalid, load_scenario


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
            for issue in exc.issues:
                print(issue, file=sys.stderr)
            continue
        print(
            f"{path}: OK ({scenario.id}, {len(scenario.injects)} injects, levels "
            f"{scenario.start_level}-{scenario.top_level}, {scenario.rule_set})"
        )
    if failed:
        print(f"{failed} of {len(paths)} file(s) invalid", file=sys.stderr)
    return 1 if failed else 0
