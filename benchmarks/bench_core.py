"""Benchmark of the headless core: prints figures, asserts nothing (record them in docs/BENCHMARKS.md).

    python benchmarks/bench_core.py [--repeat N]

1. In-process: load excluded, simulate + score each built-in drill with its exemplary play.
2. The whole `python run.py simulate ... --json` command, as a user runs it (interpreter start included).
3. Linearity: the shortest drill stretched to 1x, 4x and 16x its duration (inject and action times and
   delays stretched alike), simulated and scored in-process.
4. Scoring alone on a log of 10,000 events.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scenarios.library import builtin_ids, play_paths, scenario_path  # noqa: E402
from scenarios.loader import load_scenario  # noqa: E402
from scenarios.model import Scenario  # noqa: E402
from scoring import score  # noqa: E402
from scenarios.actions import Action, read_action_file  # noqa: E402
from sim.world import play  # noqa: E402
from timing import timed  # noqa: E402 - benchmarks/timing.py, beside this script


def stretched(scenario: Scenario, actions: list[Action], factor: int) -> tuple[Scenario, list[Action]]:
    """The same drill `factor` times longer: every time and delay multiplied."""
    data = scenario.model_dump(mode="json")
    data["duration"] *= factor
    data["incident"]["occurred_at"] *= factor
    for inject in data["injects"]:
        for key in ("at", "delay", "response_window"):
            if inject.get(key) is not None:
                inject[key] *= factor
    for fact in data["facts"]:
        fact["delay"] *= factor
    data["actors"] = {k: v * factor for k, v in data["actors"].items()}
    data["opinion"]["timeliness_half_life"] *= factor
    data["opinion"]["spread_rate"] /= factor
    longer = Scenario.model_validate(data)
    return longer, [Action(a.at * factor, a.role, a.type, a.params) for a in actions]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, repeat {repeat}")

    print("\n1. simulate + score in-process, exemplary play (target < 0.5 s)")
    drills = {}
    for scenario_id in builtin_ids():
        scenario = load_scenario(scenario_path(scenario_id))
        actions = read_action_file(str(play_paths(scenario_id)["exemplary"]))
        drills[scenario_id] = (scenario, actions)
        holder = {}

        def run_once(scenario=scenario, actions=actions, holder=holder):
            world = play(scenario, actions, seed=1)
            holder["events"] = len(world.events)
            holder["total"] = score(scenario, world.events).total

        median, best = timed(run_once, repeat)
        print(
            f"  {scenario_id:24s} {scenario.duration:6g} min  {holder['events']:5d} events  "
            f"median {median * 1000:7.1f} ms  best {best * 1000:7.1f} ms  score {holder['total']}"
        )

    print("\n2. whole command: python run.py simulate <id> --actions exemplary.jsonl --json (target < 1.5 s)")
    for scenario_id in builtin_ids():
        command = [
            sys.executable,
            "run.py",
            "simulate",
            scenario_id,
            "--actions",
            str(play_paths(scenario_id)["exemplary"]),
            "--json",
        ]
        median, best = timed(
            lambda command=command: subprocess.run(command, cwd=ROOT, capture_output=True, check=True), max(3, repeat // 4)
        )
        print(f"  {scenario_id:24s} median {median:5.2f} s  best {best:5.2f} s")

    first_id = min(drills, key=lambda i: drills[i][0].duration)
    print(f"\n3. linearity: the shortest drill ({first_id}) stretched (cost per scenario hour should stay flat)")
    for factor in (1, 4, 16):
        scenario, actions = stretched(*drills[first_id], factor)
        holder = {}

        def run_stretched(scenario=scenario, actions=actions, holder=holder):
            world = play(scenario, actions, seed=1)
            holder["events"] = len(world.events)
            score(scenario, world.events)

        median, _ = timed(run_stretched, max(3, repeat // 4))
        hours = scenario.duration / 60
        print(
            f"  {factor:2d}x  {scenario.duration:7g} min  {holder['events']:6d} events  median {median * 1000:8.1f} ms  "
            f"{median * 1000 / hours:6.2f} ms per scenario hour"
        )

    print("\n4. scoring a log of 10,000 events (target < 0.2 s)")
    scenario, actions = drills[first_id]
    data = scenario.model_dump(mode="json")
    data["opinion"]["sample_every"] = 1
    data["duration"] = 10_000
    long_scenario = Scenario.model_validate(data)
    events = play(long_scenario, actions, seed=1).events[:10_000]
    median, best = timed(lambda: score(long_scenario, events), repeat)
    print(f"  {len(events)} events  median {median * 1000:6.1f} ms  best {best * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
