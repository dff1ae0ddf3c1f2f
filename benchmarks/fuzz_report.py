"""Run every fuzz target of tests/fuzz and print, per target: cases, clean results, clear errors, crashes, worst time.

    python benchmarks/fuzz_report.py [--examples N] [--target NAME ...]

Without --examples each target runs its CI number of cases (ten times more
with HYPOTHESIS_PROFILE=deep). A crash does not stop the run: it is counted,
and the first of each kind (exception type and the line it was raised at) is
printed with the case that caused it. The baseline is one clean parse and
play of the built-in drill `nuoc-may-nhiem-doc`, measured in the same run.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import given, settings  # noqa: E402

from tests.fuzz.harness import Target, run_case  # noqa: E402
from tests.fuzz.profiles import case_count, load_profile  # noqa: E402


@dataclass
class Tally:
    cases: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: {"clean": 0, "clear error": 0, "crash": 0})
    worst: float = 0.0
    worst_case: str = ""
    crashes: dict[str, str] = field(default_factory=dict)  # kind -> the first case and its last frames


def targets() -> list[Target]:
    modules = sorted(path.stem for path in (ROOT / "tests" / "fuzz").glob("test_*.py"))
    return [importlib.import_module(f"tests.fuzz.{name}").TARGET for name in modules]


def fuzz(target: Target, examples: int) -> Tally:
    tally = Tally()
    with target.session() as check:

        @settings(max_examples=examples, deadline=None)
        @given(case=target.cases)
        def one_case(case):
            tally.cases += 1
            start = time.perf_counter()
            try:
                outcome = run_case(check, case, target.budget).value
            except Exception as exc:  # noqa: BLE001 - counted, not raised: the run goes on
                outcome = "crash"
                frame = traceback.extract_tb(exc.__traceback__)[-1]
                kind = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
                if kind not in tally.crashes:
                    frames = "".join(traceback.format_tb(exc.__traceback__)[-3:])
                    tally.crashes[kind] = f"{repr(case)[:400]}\n{str(exc)[:300]}\n{frames}"
            elapsed = time.perf_counter() - start
            tally.outcomes[outcome] += 1
            if elapsed > tally.worst:
                tally.worst, tally.worst_case = elapsed, repr(case)[:160]

        one_case()
    return tally


def baseline() -> float:
    from scenarios.library import scenario_path
    from scenarios.loader import parse_scenario
    from sim.world import play

    text = scenario_path("nuoc-may-nhiem-doc").read_text(encoding="utf-8")
    play(parse_scenario(text), [])  # warm-up: imports, Faker
    start = time.perf_counter()
    play(parse_scenario(text), [])
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, help="cases per target (default: the profile's number for each)")
    parser.add_argument("--target", action="append", help="only these targets (by name)")
    args = parser.parse_args()
    load_profile()
    print(
        f"{time.strftime('%Y-%m-%d')}, Python {platform.python_version()}, {platform.machine()}, "
        f"baseline (parse + play nuoc-may-nhiem-doc): {baseline():.3f} s"
    )
    print("| target | cases | clean | clear errors | crashes | worst case (s) | seconds in all |")
    print("|---|---|---|---|---|---|---|")
    crashes = {}
    for target in targets():
        if args.target and target.name not in args.target:
            continue
        start = time.perf_counter()
        tally = fuzz(target, args.examples or case_count(target.ci_examples))
        total = time.perf_counter() - start
        print(
            f"| {target.name} | {tally.cases} | {tally.outcomes['clean']} | {tally.outcomes['clear error']} | "
            f"{tally.outcomes['crash']} | {tally.worst:.3f} | {total:.1f} |",
            flush=True,
        )
        crashes.update({f"{target.name}: {kind}": text for kind, text in tally.crashes.items()})
    for kind, text in crashes.items():
        print(f"\n## {kind}\n{text}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
