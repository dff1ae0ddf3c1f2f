"""Who may use self-practice's pages past its open ones, and who may review a practice attempt.

The blueprint's guard (`web.access.guard`) leaves open the drills, the start and the account forms
(`PUBLIC`); the history and the resuming of an attempt need a trainee account (`ACCOUNT`); the room and
its clock, hints and card need the trainee of a practice (`ROOM` and the JSON `ROOM_CALLS`). Anyone
else is refused and logged: sent to the login form or to the drills with a message, or answered 403
(JSON) or 404 (another's attempt: nobody learns it exists).

`reviews_own_attempt(user, team)` is what self-practice adds to
`web.review.access.can_review`: a trainee account may review the teams of its
own attempts; whoever plays an attempt (an anonymous trainee: the browser
session that started it) may review that attempt's team. Not before the drill
is over: the review shows every role's events, which the trainee must not see
while playing.
"""

from __future__ import annotations

from functools import partial

from flask import abort, flash, jsonify, redirect, request, url_for
from flask_babel import gettext
from flask_login import current_user

from web.access import Door, guard
from web.auth import is_member
from web.models import Member, Team
from web.models.practice import PracticeAttempt, TraineeAccount
from web.practice import bp
from web.practice.attempts import account_of, attempt_of_team, practising
from web.validation import json_object

PUBLIC = ("practice.index", "practice.start", "practice.signup", "practice.login")
NO_ACCOUNT = "no trainee account"
NOT_PRACTISING = "not the trainee of a practice"


def _has_account(user) -> bool:
    return account_of(user) is not None


def _is_practising(user) -> bool:
    return practising(user) is not None


def _to_login():
    flash(gettext("Lịch sử luyện tập chỉ có khi bạn đăng nhập tài khoản học viên."), "error")
    return redirect(url_for("practice.login"))


def _to_drills():
    flash(gettext("Hãy chọn một kịch bản để bắt đầu tự luyện."), "error")
    return redirect(url_for("practice.index"))


def _not_found():
    abort(404)


def _json_refusal():
    return jsonify({"ok": False, "error": gettext("Chỉ dành cho học viên đang tự luyện.")}), 403


def _command() -> str:
    """The control a refused request asked for, as its refusal names it."""
    body = json_object()
    return str(body.get("command") if body is not None else None)[:20]


_account_door = partial(Door, _has_account, reason=NO_ACCOUNT, login_first=False)
_practice_door = partial(Door, _is_practising, reason=NOT_PRACTISING, login_first=False)
ACCOUNT = _account_door(lambda: f"practice page {request.path}", answer=_to_login)
HISTORY = _account_door(lambda: "practice history", answer=_to_login)
RESUME = _account_door(lambda: f"resume practice {(request.view_args or {}).get('attempt_id')}", answer=_not_found)
ROOM = _practice_door(lambda: "practice room", answer=_to_drills)
ROOM_CALLS = {
    "practice.control": _practice_door(lambda: f"practice control {_command()}", answer=_json_refusal),
    "practice.hint": _practice_door(lambda: "practice hint", answer=_json_refusal),
    "practice.card": _practice_door(lambda: "practice card", answer=_json_refusal),
}

# any other page of the blueprint (a new one too) needs a trainee account
guard(
    bp,
    ACCOUNT,
    doors={"practice.history": HISTORY, "practice.resume": RESUME, "practice.room": ROOM, **ROOM_CALLS},
    public=PUBLIC,
)


def the_practice() -> tuple[Member, PracticeAttempt]:
    """The member and attempt of the practising trainee, in a view behind a room door (so there is one)."""
    found = practising(current_user)
    assert found is not None, "behind the practice room's door"
    return found


def the_account() -> TraineeAccount:
    """The trainee account of the current user, in a view behind an account door (so there is one)."""
    account = account_of(current_user)
    assert account is not None, "behind a trainee account's door"
    return account


def reviews_own_attempt(user, team: Team) -> bool:
    """Whether `user` is the trainee of the practice attempt `team` played, and that drill is over."""
    if team.status != "ended" or not getattr(user, "is_authenticated", False):
        return False
    attempt = attempt_of_team(team.id)
    if attempt is None:
        return False
    if is_member(user) and user.team_id == team.id:
        return True
    account = account_of(user)
    return account is not None and attempt.account_id == account.id
