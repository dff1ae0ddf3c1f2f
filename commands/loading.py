"""Loading the drill a command names, with its errors said on stderr the same way by every command."""

from __future__ import annotations

import sys

from scenarios.library import scenario_path
from scenarios.loader import ScenarioInvalid, load_scenario
from scenarios.model import Scenario


def load_or_explain(name: str) -> Scenario | None:
    """The drill at path or built-in id `name`; None after printing why it cannot be loaded."""
    try:
        return load_scenario(scenario_path(name))
    except ScenarioInvalid as exc:
        print(exc, file=sys.stderr)  # every error, one PATH:LINE: field: message a line
    except OSError as exc:
        print(f"cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
    return None
