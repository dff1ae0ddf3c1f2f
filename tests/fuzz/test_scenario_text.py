"""Fuzz the scenario loader: any text gives a Scenario that plays, or line-numbered errors — never a traceback.

Texts go through `parse_scenario` (what the editor and `run.py validate` check);
bytes through `load_scenario` (a file on disk). A drill the loader accepts must
play to its end headless within the budget: an accepted number so large that the
world never ends is a crash too.
"""

from __future__ import annotations

import functools
from pathlib import Path

from scenarios.loader import ScenarioInvalid, load_scenario, parse_scenario
from sim.world import play

from .harness import Made, Outcome, Target, fuzz_test, with_folder
from .scenario_texts import scenario_cases


def assert_clear(issues, text_lines: int) -> None:
    """Errors a reader can act on: at least one, each with a line in the file, a field and a message."""
    assert issues, "ScenarioInvalid without any issue"
    for issue in issues:
        assert isinstance(issue.line, int) and 1 <= issue.line <= text_lines + 1, f"line {issue.line!r}: {issue}"
        assert isinstance(issue.field, str) and issue.field, f"no field: {issue}"
        assert issue.message.text().strip(), f"no message: {issue}"


def check_scenario(folder: Path, made: Made) -> Outcome:
    case = made.content
    if isinstance(case, bytes):
        path = folder / "case.yaml"
        path.write_bytes(case)
        load, lines = functools.partial(load_scenario, path), case.count(b"\n") + 1
    else:
        load, lines = functools.partial(parse_scenario, case, "case.yaml"), case.count("\n") + 1
    try:
        scenario = load()
    except ScenarioInvalid as exc:
        assert_clear(exc.issues, lines)
        return Outcome.ERROR
    play(scenario, [], seed=0)
    return Outcome.CLEAN


TARGET = Target(
    "scenario_text",
    scenario_cases,
    lambda: with_folder(lambda folder: functools.partial(check_scenario, folder)),
    ci_examples=350,
)
test_any_scenario_text_loads_or_gives_line_numbered_errors = fuzz_test(TARGET)
