"""The instructor's socket: watch an exercise, open one of its teams, control them (one or all), preview a jump,
score on demand, attach observations.

Watching an exercise gives every team's summary (`web.team_summary`) and then a
`summary` whenever a team's log moves; opening a team gives its whole log, rescored,
and then its every event (`web.outbox`). A console has one team open at a time.

Authenticated on connect (instructors only); every message checks its shape
and that the exercise or team belongs to this instructor. Each refusal is
logged once (`web.auth.refuse`). An observation is written by `web.observing`: its text and minute follow
`web.review.notes`: the minute lies within the drill.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from flask import Flask, current_app
from flask_babel import gettext
from flask_login import current_user
from flask_socketio import ConnectionRefusedError, join_room, leave_room, rooms
from sqlalchemy import select

from scenarios.messages import N_
from web.auth import AuditedNamespace, is_instructor, refuse, who_is
from web.controls import CONTROLS, ControlError
from web.extensions import db, socketio
from web.live import TeamUnavailable
from web.models import EventRecord, Exercise, Observation, Team
from web.observing import observe
from web.outbox import INSTRUCTOR_NAMESPACE, instructor_room, opened_room
from web.review.notes import within
from web.validation import MAX_NAME, as_id, is_plain, refusal

NO_TEAM = N_("Không có đội này.")


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


def _each_team(teams: list[Team], work: Callable[[Team], dict[str, Any]], failure: type[Exception]) -> dict[str, Any]:
    """`work` done for each team: {ok, teams: [{team_id, ok, ...its answer | error}]}, ok when any team's was."""
    results = []
    for team in teams:
        try:
            results.append({"team_id": team.id, "ok": True, **work(team)})
        except failure as exc:
            results.append({"team_id": team.id, "ok": False, "error": str(exc)})
    return {"ok": any(r["ok"] for r in results), "teams": results}


def _addressed_teams(data: dict[str, Any]) -> list[Team]:
    """The instructor's team a message names (`team_id`), or every team of its exercise (`exercise_id`)."""
    if "team_id" in data:
        team = _owned_team(data["team_id"])
        return [team] if team else []
    exercise = _owned_exercise(data.get("exercise_id"))
    return list(exercise.teams) if exercise else []


def _unavailable_state(team: Team, exc: TeamUnavailable, minute: float) -> dict[str, Any]:
    """A team that cannot be rebuilt: shown with what was stored, and why it cannot go on."""
    return {"team_id": team.id, "status": team.status, "minute": minute, "speed": team.speed, "fault": str(exc)}


def team_card(team: Team) -> dict[str, Any]:
    """What the console shows of every team it watches: who, the join code, the summary."""
    try:
        state = _live().view(team.id, "summary")
    except TeamUnavailable as exc:
        last = db.session.scalar(
            select(EventRecord.t).where(EventRecord.team_id == team.id).order_by(EventRecord.seq.desc()).limit(1)
        )
        state = _unavailable_state(team, exc, last or 0)
    return {
        **state,
        "name": team.name,
        "join_code": team.join_code,
        "members": [{"name": m.name, "role": m.role} for m in team.members],
    }


def team_snapshot(team: Team) -> dict[str, Any]:
    """Everything the console shows of the team it opens, rescored; an observation stored outside the drill at its end."""
    events = db.session.scalars(
        select(EventRecord.body).where(EventRecord.team_id == team.id).order_by(EventRecord.seq)
    ).all()
    try:
        opened = _live().view(team.id, "opened")  # rescored by the team's owner
        state, duration = opened["state"], opened["duration"]
    except TeamUnavailable as exc:
        state = _unavailable_state(team, exc, events[-1]["t"] if events else 0)
        duration = math.inf  # its drill may be unreadable: observations as stored
    observations = db.session.scalars(
        select(Observation).where(Observation.team_id == team.id).order_by(Observation.id)
    ).all()
    return {
        **state,
        "team_id": team.id,
        "events": list(events),
        "observations": [{"id": o.id, "at": within(o.at, duration), "text": o.text} for o in observations],
    }


class InstructorNamespace(AuditedNamespace):
    """Live control of an instructor's own exercises."""

    def admit(self, auth=None):
        if not is_instructor(current_user):
            refuse(who_is(current_user), "instructor socket", "not an instructor")
            raise ConnectionRefusedError("not an instructor")

    def on_watch(self, data):
        """{exercise_id} -> every team's card (`team_card`); then `summary` and `status` messages for the exercise."""
        if not isinstance(data, dict):
            return refusal("watch", "malformed message")
        exercise = _owned_exercise(data.get("exercise_id"))
        if exercise is None:
            return {"ok": False, "error": gettext("Không có bài diễn tập này.")}
        join_room(instructor_room(exercise.id))
        return {"ok": True, "teams": [team_card(team) for team in exercise.teams]}

    def on_open(self, data):
        """{team_id} -> the team's snapshot, rescored; then its every event (`events`) and observation, until another
        team is opened."""
        if not isinstance(data, dict):
            return refusal("open", "malformed message")
        team = _owned_team(data.get("team_id"))
        if team is None:
            return {"ok": False, "error": gettext(NO_TEAM)}
        for room in rooms():
            if room.startswith("team:"):
                leave_room(room)
        join_room(opened_room(team.id))
        return {"ok": True, "team": team_snapshot(team)}

    def on_score(self, data):
        """{team_id | exercise_id} -> [{team_id, ok, total | error}]: rescored now, on demand."""
        if not isinstance(data, dict):
            return refusal("score", "malformed message")
        teams = _addressed_teams(data)
        if not teams:
            return {"ok": False, "error": gettext(NO_TEAM)}
        return _each_team(teams, lambda team: _live().view(team.id, "total"), TeamUnavailable)

    def on_control(self, data):
        """{team_id | exercise_id (all teams), command, args} -> [{team_id, ok, state | error}]."""
        if not isinstance(data, dict):
            return refusal("control", "malformed message")
        command, args = data.get("command"), data.get("args")
        args = {} if args is None else args
        if command not in CONTROLS:  # a control's name, never a list, an object or a long text
            return refusal(f"control {str(command)[:MAX_NAME]}", "unknown control", N_("Lệnh không hợp lệ."))
        if not isinstance(args, dict) or not is_plain(args):
            return refusal(
                f"control {command}", "malformed args", N_("'args' phải là một đối tượng gồm các giá trị đơn giản.")
            )
        teams = _addressed_teams(data)
        if not teams:
            return {"ok": False, "error": gettext(NO_TEAM)}
        results = []
        for team in teams:
            try:
                state = _live().control(team.id, current_user.get_id(), command, args)
                results.append({"team_id": team.id, "ok": True, "state": state})
            except ControlError as exc:
                refuse(current_user.get_id(), f"control {command} team {team.id}", exc.logged)
                results.append({"team_id": team.id, "ok": False, "error": str(exc)})
        if not any(r["ok"] for r in results):  # what went wrong, as every refused message says it
            return {"ok": False, "teams": results, "error": results[0]["error"]}
        return {"ok": True, "teams": results}

    def on_jump_preview(self, data):
        """{team_id | exercise_id} -> [{team_id, ok, preview | error}]: what a jump would skip (`web.jump_preview`)."""
        if not isinstance(data, dict):
            return refusal("jump_preview", "malformed message")
        teams = _addressed_teams(data)
        if not teams:
            return {"ok": False, "error": gettext(NO_TEAM)}
        return _each_team(teams, lambda team: {"preview": _live().jump_preview(team.id)}, ControlError)

    def on_observe(self, data):
        """{team_id, text, at?} -> the observation, at `at` (a minute within the drill) or else the team's current minute."""
        if not isinstance(data, dict):
            return refusal("observe", "malformed message")
        team = _owned_team(data.get("team_id"))
        if team is None:
            return {"ok": False, "error": gettext(NO_TEAM)}
        return observe(team, data)


def init_app(app: Flask) -> None:
    socketio.on_namespace(InstructorNamespace(INSTRUCTOR_NAMESPACE))
