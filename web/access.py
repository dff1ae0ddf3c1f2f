"""Who may reach a page: the guard every request of a blueprint passes, and the rows an instructor owns.

`guard(bp, door)` checks every request of the blueprint before its view, so a new view cannot be
left unguarded by a forgotten decorator: a visitor who is not logged in goes to the login page (Flask-Login,
which logs it), a user the `Door` does not admit is refused, logged and answered (403 by default).
`doors` gives some endpoints a door of their own and `public` names the endpoints open to all; every
other endpoint of the blueprint takes `door`. The guarded blueprints: `instructor`, `authoring` and
`review` (instructors), `evaluation` (evaluators), `practice` (its account and room pages);
tests/webapp/test_guards.py tries every rule of each.

Past an instructors' door, `owned(model, id, ...)` gives the current instructor's row or refuses with 404
(logged), so nobody learns what others own; `owned_exercise(id)` is that for an exercise. Every refusal is
logged through `web.auth.refuse`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, abort, request
from flask_login import current_user

from web.auth import is_evaluator, is_instructor, refuse, who_is
from web.extensions import db, login_manager
from web.models import Exercise
from web.validation import as_id


def _forbidden() -> Any:
    abort(403)


@dataclass(frozen=True)
class Door:
    """Who may pass a guard (`admits(user)`), and how another is logged (`what()`, `reason`) and answered (`answer()`).

    `login_first`: a visitor who is not logged in is sent to the login page before the door is tried (a door of
    pages that serve anonymous visitors too, such as the practice room's, says False and answers them itself).
    """

    admits: Callable[[Any], bool]
    what: Callable[[], str]
    reason: str
    answer: Callable[[], Any] = _forbidden
    login_first: bool = True


INSTRUCTORS = Door(is_instructor, lambda: f"instructor page {request.path}", "not an instructor")
EVALUATORS = Door(is_evaluator, lambda: f"evaluator page {request.path}", "not an evaluator")
# every user logged in: the view itself decides what each may see (a team's review: `web.review.access.can_review`)
LOGGED_IN = Door(lambda user: user.is_authenticated, lambda: f"page {request.path}", "not logged in")


def guard(bp: Blueprint, door: Door, *, doors: Mapping[str, Door] | None = None, public: Collection[str] = ()) -> None:
    """Check every request of `bp` at its door before the view runs (the blueprint's first `before_request`)."""
    doors = doors or {}

    def check_door() -> Any:
        if request.endpoint in public:
            return None
        chosen = doors.get(request.endpoint or "", door)
        if chosen.login_first and not current_user.is_authenticated:
            return login_manager.unauthorized()
        if chosen.admits(current_user):
            return None
        refuse(who_is(current_user), chosen.what(), chosen.reason)
        return chosen.answer()

    bp.before_request_funcs.setdefault(None, []).insert(0, check_door)


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
