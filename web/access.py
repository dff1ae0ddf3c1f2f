"""Who may reach a page: the guard every request of a blueprint passes, and the rows an instructor owns.

`require_instructor()` refuses (403, logged) a user who is not an instructor; `owned(model, id, ...)`
gives the current instructor's row or refuses with 404 (logged), so nobody learns what others own;
`owned_exercise(id)` is that for an exercise. Every refusal is logged through `web.auth.refuse`.
"""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from web.auth import is_instructor, refuse, who_is
from web.extensions import db
from web.models import Exercise
from web.validation import as_id


def require_instructor() -> None:
    """403 (and logged) for a user who is not an instructor."""
    if not is_instructor(current_user):
        refuse(who_is(current_user), f"instructor page {request.path}", "not an instructor")
        abort(403)


def owned(model, row_id, what: str, reason: str):
    """The row of `model` with `row_id` if it belongs to the current instructor (its `instructor_id`); otherwise
    the attempt on `what` is refused, logged with `reason`, and answered 404 (nobody learns what others own)."""
    row = db.session.get(model, row_id) if as_id(row_id) else None
    if row is None or row.instructor_id != current_user.id:
        refuse(who_is(current_user), what, reason)
        abort(404)
    return row


def owned_exercise(exercise_id: int) -> Exercise:
    """The exercise, if it belongs to the instructor; 404 (and logged) otherwise."""
    return owned(Exercise, exercise_id, f"exercise {exercise_id}", "not the instructor's exercise")
