"""Who may use the authoring pages: instructors only, and a drill only its author.

Every route of the blueprint passes the instructors' guard first (`web.access.guard`): a
visitor who is not logged in goes to the login page, a user who is not an instructor gets 403,
both logged. Another instructor's drill, or one that does not exist, is 404 and
logged, so nobody learns which drills exist. Built-in drills are readable by
every instructor and never editable.
"""

from __future__ import annotations

from flask import abort, request

from instructor.authoring import bp
from web.access import INSTRUCTORS, guard, owned
from scenarios.library import builtin_ids
from web.exercises import builtin_text as library_text
from web.models.drills import Drill

MAX_BODY = 512 * 1024  # bytes: a drill's YAML and its form data, or an MSEL file, travel in one request


guard(bp, INSTRUCTORS)


@bp.before_request
def drill_bodies() -> None:
    """Past the guard, an instructor's request may carry a drill's text (over 64 KiB)."""
    request.max_content_length = MAX_BODY


def owned_drill(drill_id: int) -> Drill:
    """The drill, if it is the current instructor's; 404 (and logged) otherwise."""
    return owned(Drill, drill_id, f"drill {drill_id} ({request.method} {request.path})", "not the instructor's drill")


def builtin_text(scenario_id: str) -> str:
    """A built-in drill's text; 404 for any other name (never a path on the server)."""
    if scenario_id not in builtin_ids():
        abort(404)
    return library_text(scenario_id)
