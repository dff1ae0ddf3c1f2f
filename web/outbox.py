"""The one place that sends world events to clients: each role's room, and the instructor's.

Business logic never touches a socket: `LiveExercises` hands its new events
here. A trainee's room is per team and role, so an event reaches exactly the
roles in its `audience`; the instructor's room is per exercise and gets every
event of every team, tagged with the team; an evaluator's room is per team and
gets what the console gets of that team (`web.evaluation`).
"""

from __future__ import annotations

from flask import current_app

from scoring import score
from sim.world import Event
from web.extensions import socketio

TRAINEE_NAMESPACE = "/trainee"
INSTRUCTOR_NAMESPACE = "/instructor"
EVALUATOR_NAMESPACE = "/evaluator"


def role_room(team_id: int, role: str) -> str:
    return f"team:{team_id}:role:{role}"


def instructor_room(exercise_id: int) -> str:
    return f"exercise:{exercise_id}:instructor"


def evaluator_room(team_id: int) -> str:
    return f"team:{team_id}:evaluators"


def send_status(live) -> None:
    """Tell a team's trainees, its instructor and its evaluators that its status changed (started, paused, resumed,
    new speed, ended, stopped by a fault), after any events that led to it.

    Trainees learn only that a fault stopped the team; the instructor gets the error itself.
    """
    news = {"status": live.status, "minute": round(live.world.now, 2), "level": live.world.level,
            "speed": live.driver.clock.speed}
    for role in live.world.scenario.trainee_roles:
        socketio.emit("status", {**news, "fault": live.fault is not None},
                      to=role_room(live.team_id, role), namespace=TRAINEE_NAMESPACE)
    told = {**news, "team_id": live.team_id, "fault": live.fault}
    socketio.emit("status", told, to=instructor_room(live.exercise_id), namespace=INSTRUCTOR_NAMESPACE)
    socketio.emit("status", told, to=evaluator_room(live.team_id), namespace=EVALUATOR_NAMESPACE)


def send_events(live, events: list[Event], produced: float) -> None:
    """Emit new events of a live team to the rooms that may see them.

    With `TRACE_LATENCY` configured (CRISIS_TRACE_LATENCY=1, for benchmarks), each
    trainee message also carries `_produced`, the wall time the event left the world
    before it was stored; stored events never carry it.
    """
    trace = current_app.config.get("TRACE_LATENCY")
    for event in events:
        payload = {**event, "_produced": produced} if trace else event
        for role in event["audience"]:
            socketio.emit("event", payload, to=role_room(live.team_id, role), namespace=TRAINEE_NAMESPACE)
    message = {"team_id": live.team_id, "events": events, "status": live.status,
               "minute": round(live.world.now, 2), "level": live.world.level}
    if any(e["kind"] != "opinion" for e in events):  # the score moves with acts, deadlines and the end
        message["score"] = score(live.world.scenario, live.world.events).as_dict()
    socketio.emit("events", message, to=instructor_room(live.exercise_id), namespace=INSTRUCTOR_NAMESPACE)
    socketio.emit("events", message, to=evaluator_room(live.team_id), namespace=EVALUATOR_NAMESPACE)
