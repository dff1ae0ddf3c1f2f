"""Fuzz `run.py simulate --actions`: any action file plays and scores, or is refused naming its line.

The file is read with `read_action_file` and played with `simulate`, the two
functions the command uses; what `--json` prints must then be UTF-8 text (the
command writes it to stdout). A clear error is an `ActionFileError` whose
message names the file and line.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from commands.simulate import document, simulate
from scenarios.library import scenario_path
from scenarios.loader import load_scenario
from scenarios.actions import ActionFileError, read_action_file

from .action_lines import DRILL, action_files
from .harness import Made, Outcome, Target, fuzz_test, with_folder


def check_action_file(folder: Path, made: Made) -> Outcome:
    path = folder / "actions.jsonl"
    path.write_bytes(made.content)
    try:
        actions = read_action_file(str(path))
    except ActionFileError as exc:
        assert str(exc).startswith(f"{path}:"), f"the message names no line: {exc}"
        return Outcome.ERROR
    scenario = _drill()
    world, card = simulate(scenario, actions, seed=1)
    json.dumps(document(scenario, world, card), ensure_ascii=False, sort_keys=True).encode("utf-8")
    return Outcome.CLEAN


@functools.lru_cache(maxsize=1)
def _drill():
    return load_scenario(scenario_path(DRILL))


TARGET = Target(
    "action_file",
    action_files(),
    lambda: with_folder(lambda folder: functools.partial(check_action_file, folder)),
    ci_examples=300,
)
test_any_action_file_plays_or_is_refused_at_its_line = fuzz_test(TARGET)
