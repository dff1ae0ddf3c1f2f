"""The instructor's socket: watch an exercise, control its teams (one or all), attach observations.

Authenticated on connect (instructors only); every message checks that the
exercise or team belongs to this instructor. Refusals are logged.
"""

from __future__ import annotations

import math
from typing import Any

from flask import Flask, current_app
from flask_login import current_user
from flask_socketio import ConnectionRefusedError, join_room
from sqlalchemy import select

from web.auth import AuditedNamespace, is_instructor, refuse, who_is
from web.validation import as_id, is_plain
from web.extensions import db, socketio
from web.controls import ControlError
from web.live import TeamUnavailable
from web.models import EventRecord, Exercise, Observation, Team
from web.outbox import INSTRUCTOR_NAMESPACE, instructor_room

MAX_OBSERVATION = 2000


def _live():
    return current_app.extensions["live"]


def _owned_team(team_id: Any) -> Team | None:
    team = db.session.get(Team, as_id(team_id)) if as_id(team_id) else None
    if team is None or team.exercise.instructor_id != current_user.id:
        refuse(who_is(current_user), f"team {team_id}", "not the instructor's team")
        return None
    return team


def _owned_exercise(exercise_id: Any) -> Exercise | None:
    exercise = db.session.get(Exercise, as_id(exercise_id)) if as_id(exercise_id) else None
    if exercise is None or exercise.instructor_id != current_user.id:
        refuse(who_is(current_user), f"exercise {exercise_id}", "not the instructor's exercise")
        return None
    return exercise


def team_snapshot(team: Team) -> dict[str, Any]:
    """Everything the console shows of a team on (re)connection."""
    events = db.session.scalars(select(EventRecord.body).where(EventRecord.team_id == team.id)
                                .order_by(EventRecord.seq)).all()
    try:
        state = _live().state(_live().team(team.id))
    except TeamUnavailable as exc:  # shown with what was stored, and why it cannot go on
        state = {"team_id": team.id, "status": team.status, "minute": events[-1]["t"] if events else 0,
                 "speed": team.speed, "fault": str(exc)}
    observations = db.session.scalars(select(Observation).where(Observation.team_id == team.id)
                                      .order_by(Observation.id)).all()
    return {
        **state, "name": team.name, "join_code": team.join_code,
        "members": [{"name": m.name, "role": m.role} for m in team.members],
        "events": list(events),
        "observations": [{"at": o.at, "text": o.text} for o in observations],
    }


class InstructorNamespace(AuditedNamespace):
    """Live control of an instructor's own exercises."""

    def on_connect(self, auth=None):
        if not is_instructor(current_user):
            refuse(who_is(current_user), "instructor socket", "not an instructor")
            raise ConnectionRefusedError("not an instructor")

    def on_watch(self, data):
        """{exercise_id} -> every team's snapshot; then live `events` messages for the exercise."""
        exercise = _owned_exercise(data.get("exercise_id") if isinstance(data, dict) else None)
        if exercise is None:
            return {"ok": False, "error": "Không có bài diễn tập này. / No such exercise."}
        join_room(instructor_room(exercise.id))
        return {"ok": True, "teams": [team_snapshot(team) for team in exercise.teams]}

    def on_control(self, data):
        """{team_id | exercise_id (all teams), command, args} -> [{team_id, ok, state | error}]."""
        if not isinstance(data, dict) or not isinstance(data.get("command"), str):
            return {"ok": False, "error": "Thông điệp không hợp lệ. / Malformed message."}
        args = data.get("args") or {}
        if not isinstance(args, dict) or not is_plain(args):
            return {"ok": False, "error": "'args' must be an object of plain values"}
        if "team_id" in data:
            team = _owned_team(data["team_id"])
            teams = [team] if team else []
        else:
            exercise = _owned_exercise(data.get("exercise_id"))
            teams = exercise.teams if exercise else []
        if not teams:
            return {"ok": False, "error": "Không có đội này. / No such team."}
        results = []
        for team in teams:
            try:
                state = _live().control(team.id, current_user.get_id(), data["command"], args)
                results.append({"team_id": team.id, "ok": True, "state": state})
            except ControlError as exc:
                results.append({"team_id": team.id, "ok": False, "error": str(exc)})
        return {"ok": any(r["ok"] for r in results), "teams": results}

    def on_observe(self, data):
        """{team_id, text, at?} -> the observation, attached to the team's current minute unless `at` is given."""
        if not isinstance(data, dict):
            return {"ok": False, "error": "Thông điệp không hợp lệ. / Malformed message."}
        team = _owned_team(data.get("team_id"))
        text = data.get("text")
        if team is None:
            return {"ok": False, "error": "Không có đội này. / No such team."}
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_OBSERVATION:
            return {"ok": False, "error": f"Ghi chú 1–{MAX_OBSERVATION} ký tự. / A note of 1-{MAX_OBSERVATION} characters."}
        at = data.get("at")
        if isinstance(at, bool) or not isinstance(at, (int, float)):
            at = _live().team(team.id).world.now
        elif not (math.isfinite(at) and at >= 0):
            return {"ok": False, "error": "'at' phải là phút kịch bản. / 'at' must be a scenario minute."}
        db.session.add(Observation(team_id=team.id, instructor_id=current_user.id, at=float(at), text=text.strip()))
        db.session.commit()
        observation = {"team_id": team.id, "at": float(at), "text": text.strip()}
        socketio.emit("observation", observation, to=instructor_room(team.exercise_id), namespace=INSTRUCTOR_NAMESPACE)
        return {"ok": True, "observation": observation}


def init_app(app: Flask) -> None:
    socketio.on_namespace(InstructorNamespace(INSTRUCTOR_NAMESPACE))
