"""Who may use the authoring pages: instructors only, and a drill only its author.

Every route of the blueprint passes `guard` first: a visitor who is not logged
in goes to the login page, a user who is not an instructor gets 403, both
logged. Another instructor's drill, or one that does not exist, is 404 and
logged, so nobody learns which drills exist. Built-in drills are readable by
every instructor and never editable.
"""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from instructor.authoring import bp
from web.access import require_instructor
from scenarios.library import builtin_ids
from web.exercises import builtin_text as library_text
from web.extensions import login_manager
from web.models.drills import Drill
from web.access import owned

MAX_BODY = 512 * 1024  # bytes: a drill's YAML and its form data, or an MSEL file, travel in one request


@bp.before_request
def guard():
    """Before every authoring request: instructors only; then a drill's text (over 64 KiB) may be received."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    require_instructor()
    request.max_content_length = MAX_BODY
    return None


def owned_drill(drill_id: int) -> Drill:
    """The drill, if it is the current instructor's; 404 (and logged) otherwise."""
    return owned(Drill, drill_id, f"drill {drill_id} ({request.method} {request.path})", "not the instructor's drill")


def builtin_text(scenario_id: str) -> str:
    """A built-in drill's text; 404 for any other name (never a path on the server)."""
    if scenario_id not in builtin_ids():
        abort(404)
    return library_text(scenario_id)
