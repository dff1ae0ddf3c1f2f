"""Loading the drill a command names, with its errors said on stderr the same way by every command; why a file
could not be read or written, in the console's language (`web.console`)."""

from __future__ import annotations

import sys

from scenarios.library import scenario_path
from scenarios.loader import ScenarioInvalid, load_scenario
from scenarios.messages import N_
from scenarios.model import Scenario
from web.console import console_gettext, say


def load_or_explain(name: str) -> Scenario | None:
    """The drill at path or built-in id `name`; None after printing why it cannot be loaded."""
    try:
        return load_scenario(scenario_path(name))
    except ScenarioInvalid as exc:
        explain(exc)
    except OSError as exc:
        print(cannot_read(exc), file=sys.stderr)
    return None


def explain(invalid: ScenarioInvalid) -> None:
    """Every error of a drill file on stderr, one PATH:LINE: field: message a line, in the console's language."""
    for issue in invalid.issues:
        print(issue.render(console_gettext), file=sys.stderr)


def cannot_read(exc: OSError) -> str:
    """Why a file could not be read, in the console's language."""
    return say(N_("không đọc được %(file)s: %(reason)s"), file=exc.filename, reason=exc.strerror)


def cannot_write(path: object, exc: OSError) -> str:
    """Why a file could not be written, in the console's language."""
    return say(N_("không ghi được %(file)s: %(reason)s"), file=path, reason=exc.strerror)
