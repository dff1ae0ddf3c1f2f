"""The evaluator's socket: watch an assigned team live and write observations on it; control nothing.

    watch    {team_id} -> the team's snapshot; then its `events`, `status` and `observation` messages
    observe  {team_id, text, at?} -> the observation (`web.observing`)
    control  always refused and logged: an evaluator starts, pauses, speeds, fires and ends nothing

Authenticated on connect (evaluators only); a team not assigned to the
evaluator is refused and logged, as is any other event (`AuditedNamespace`).
The snapshot carries no join code (with it one could join the team).
"""

from __future__ import annotations

import math
from typing import Any

from flask import Flask, current_app
from flask_babel import gettext
from flask_login import current_user
from flask_socketio import ConnectionRefusedError, join_room
from sqlalchemy import select

from scenarios.messages import N_
from web.auth import AuditedNamespace, is_evaluator, refuse, who_is
from web.evaluation.access import assigned_team
from web.extensions import db, socketio
from web.live import TeamUnavailable
from web.models import EventRecord, Observation, Team
from web.observing import observe
from web.outbox import EVALUATOR_NAMESPACE, evaluator_room
from web.review.notes import within
from web.validation import MAX_NAME, refusal

NO_TEAM = N_("Không có đội này trong các đội được giao.")
NO_CONTROL = N_("Người đánh giá không điều khiển được đội.")


def evaluator_snapshot(team: Team) -> dict[str, Any]:
    """What an evaluator's page shows of a team on (re)connection: status, clock, score, events, observations."""
    events = db.session.scalars(
        select(EventRecord.body).where(EventRecord.team_id == team.id).order_by(EventRecord.seq)
    ).all()
    try:  # an evaluator watching is a reason to score the team now (web.team_summary)
        opened = current_app.extensions["live"].view(team.id, "opened")
        state, duration = opened["state"], opened["duration"]
    except TeamUnavailable as exc:
        state = {
            "team_id": team.id,
            "status": team.status,
            "minute": events[-1]["t"] if events else 0,
            "speed": team.speed,
            "fault": str(exc),
        }
        duration = math.inf
    observations = db.session.scalars(
        select(Observation).where(Observation.team_id == team.id).order_by(Observation.id)
    ).all()
    return {
        **state,
        "name": team.name,
        "members": [{"name": m.name, "role": m.role} for m in team.members],
        "events": list(events),
        "observations": [{"id": o.id, "at": within(o.at, duration), "text": o.text} for o in observations],
    }


class EvaluatorNamespace(AuditedNamespace):
    """Watching and noting the teams assigned to an evaluator."""

    def admit(self, auth=None):
        if not is_evaluator(current_user):
            refuse(who_is(current_user), "evaluator socket", "not an evaluator")
            raise ConnectionRefusedError("not an evaluator")

    def on_watch(self, data):
        if not isinstance(data, dict):
            return refusal("watch", "malformed message")
        team = assigned_team(data.get("team_id"))
        if team is None:
            return {"ok": False, "error": gettext(NO_TEAM)}
        join_room(evaluator_room(team.id))
        return {"ok": True, "team": evaluator_snapshot(team)}

    def on_observe(self, data):
        if not isinstance(data, dict):
            return refusal("observe", "malformed message")
        team = assigned_team(data.get("team_id"))
        if team is None:
            return {"ok": False, "error": gettext(NO_TEAM)}
        return observe(team, data, evaluator=current_user._get_current_object())

    def on_control(self, data):
        command = data.get("command") if isinstance(data, dict) else None
        return refusal(f"control {str(command)[:MAX_NAME]}", "an evaluator controls nothing", NO_CONTROL)


def init_app(app: Flask) -> None:
    socketio.on_namespace(EvaluatorNamespace(EVALUATOR_NAMESPACE))
