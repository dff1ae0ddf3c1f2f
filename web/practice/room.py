"""The room in practice mode: the trainee room, plus the trainee's own clock, hints and the end card.

    GET  /practice/room            the trainee room (room.html) with the practice controls
    POST /practice/room/control    {command, args}: start, pause, resume, speed, end (JSON, CSRF header)
    POST /practice/room/hint       what the procedure expects of the role next; recorded, costs points
    GET  /practice/room/card       the score card once the drill is over, with the links to review it

Only the trainee of a practice may use these (the blueprint's guard, `web.practice.access`); anyone
else (a trainee of an instructor-led exercise included) is refused and logged, and so is a body
that is not a JSON object of plain values (invalid JSON or UTF-8, NaN, deep
nesting), an unknown control or bad arguments. Events, actions and
sync go over the room's `/trainee` socket as in any exercise.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify, render_template, url_for
from flask_wtf.csrf import generate_csrf

from scenarios.messages import N_, Message
from web.auth import refuse
from web.controls import ControlError
from web.extensions import db
from web.i18n import translated
from web.practice import bp
from web.practice.access import the_practice
from web.practice.attempts import PRACTICE_CONTROLS, account_of, hints_used, result
from web.practice.card import penalty
from web.practice.catalog import SPEEDS
from web.trainee import room_context
from web.validation import is_plain, json_object


def _bad(member, what: str, reason: str, error: Message, status: int):
    """A request of the practising trainee that cannot be done: refused (logged once) and answered `error`, in the
    trainee's language."""
    refuse(member.get_id(), what, reason)
    return jsonify({"ok": False, "error": translated(error)}), status


@bp.route("/room")
def room():
    member, attempt = the_practice()
    practice = {
        "hints_allowed": attempt.hints_allowed,
        "hint_cost": attempt.hint_cost,
        "hints_used": hints_used(attempt.team_id),
        "speed": member.team.speed,
        "speeds": list(SPEEDS),
        "csrf": generate_csrf(),
        "urls": {
            "control": url_for("practice.control"),
            "hint": url_for("practice.hint"),
            "card": url_for("practice.card"),
            "signup": url_for("practice.signup"),
        },
    }
    return render_template("room.html", **room_context(member), practice=practice)


@bp.route("/room/control", methods=["POST"])
def control():
    member, _ = the_practice()
    data = json_object()
    command = data.get("command") if data is not None else None
    if data is None or not is_plain(data):
        return _bad(
            member, "practice control", "malformed body", Message(N_("Nội dung gửi lên phải là một đối tượng JSON.")), 400
        )
    if command not in PRACTICE_CONTROLS:
        return _bad(
            member,
            f"practice control {str(command)[:20]}",
            "not a control of self-practice",
            Message(N_("Lệnh không dùng được khi tự luyện.")),
            403,
        )
    args = {} if data.get("args") is None else data["args"]
    if not isinstance(args, dict):
        return _bad(
            member, f"practice control {command}", "malformed args", Message(N_("'args' phải là một đối tượng.")), 400
        )
    if command == "speed" and args.get("speed") not in SPEEDS:
        speeds = ", ".join(f"{speed}×" for speed in SPEEDS)
        return _bad(
            member,
            "practice control speed",
            "not a practice speed",
            Message(N_("Tốc độ phải là một trong: %(speeds)s."), {"speeds": speeds}),
            400,
        )
    try:
        state = _live().control(member.team_id, member.get_id(), command, args)
    except ControlError as exc:
        return _bad(member, f"practice control {command}", exc.logged, exc.message, 409)
    return jsonify({"ok": True, "state": {key: state[key] for key in ("status", "minute", "speed", "level")}})


@bp.route("/room/hint", methods=["POST"])
def hint():
    member, attempt = the_practice()
    if not attempt.hints_allowed:
        return _bad(
            member,
            "practice hint",
            "hints are off for this attempt",
            Message(N_("Buổi luyện tập này không dùng gợi ý.")),
            403,
        )
    try:
        expected = _live().hint(member.team_id, member.get_id(), member.role)
    except ControlError as exc:
        return _bad(member, "practice hint", exc.logged, exc.message, 409)
    used = hints_used(member.team_id)
    attempt.hints_used = used
    db.session.commit()
    return jsonify(
        {
            "ok": True,
            "hints": [intent.as_dict() for intent in expected],
            "used": used,
            "cost": attempt.hint_cost,
            "penalty": penalty(used, attempt.hint_cost),
        }
    )


@bp.route("/room/card")
def card():
    member, attempt = the_practice()
    if member.team.status != "ended":
        return _bad(member, "practice card", "the practice is not over", Message(N_("Buổi luyện tập chưa kết thúc.")), 409)
    links: dict[str, Any] = {
        "review": f"/review/teams/{attempt.team_id}",
        "index": url_for("practice.index"),
        "history": url_for("practice.history") if account_of(member) else None,
    }
    return jsonify({"ok": True, "card": result(attempt), "links": links})


def _live():
    return current_app.extensions["live"]
