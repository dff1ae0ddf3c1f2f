"""Writing an observation on a team live, from the console or an evaluator's page: one way for both.

    answer = observe(team, data, who)   # {ok, observation} or a refusal; sent to the team's watchers

`data` is the socket message {text, at?}: the text and minute follow `web.review.notes`, a
missing minute is the team's current one. An evaluator's observation is kept with its author
(`EvaluatorObservation`); every observation is sent to the consoles that opened the team and to the team's evaluators.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from web.extensions import db, socketio
from web.live import TeamUnavailable
from web.models import Observation, Team
from web.models.evaluators import Evaluator, EvaluatorObservation
from web.outbox import EVALUATOR_NAMESPACE, INSTRUCTOR_NAMESPACE, evaluator_room, opened_room
from web.review.notes import NoteError, checked_minute, checked_text
from web.validation import refusal


def observe(team: Team, data: dict[str, Any], evaluator: Evaluator | None = None) -> dict[str, Any]:
    """Store the observation `data` asks for on `team` (by `evaluator`, or else by its instructor) and send it."""
    try:
        clock = current_app.extensions["live"].view(team.id, "clock")
    except TeamUnavailable as exc:
        return refusal(f"observe team {team.id}", "team unavailable", exc.message)
    try:
        text = checked_text(data.get("text"))
        at = clock["now"] if data.get("at") is None else checked_minute(data["at"], clock["duration"])
    except NoteError as exc:
        return refusal(f"observe team {team.id}", "bad text or time", exc.message)
    observation = Observation(team_id=team.id, instructor_id=team.exercise.instructor_id, at=float(at), text=text)
    db.session.add(observation)
    db.session.flush()
    if evaluator is not None:
        db.session.add(EvaluatorObservation(observation_id=observation.id, evaluator_id=evaluator.id))
    db.session.commit()
    sent = {
        "team_id": team.id,
        "id": observation.id,
        "at": observation.at,
        "text": text,
        "author": evaluator.display_name if evaluator is not None else team.exercise.instructor.display_name,
    }
    socketio.emit("observation", sent, to=opened_room(team.id), namespace=INSTRUCTOR_NAMESPACE)
    socketio.emit("observation", sent, to=evaluator_room(team.id), namespace=EVALUATOR_NAMESPACE)
    return {"ok": True, "observation": sent}
