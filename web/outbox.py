"""The one place that sends world events to clients: each role's room, and the instructor's.

Business logic never touches a socket: `LiveExercises` hands its new events
here. A trainee's room is per team and role, so an event reaches exactly the
roles in its `audience`. The instructor's console has two kinds of room: the
exercise's, which gets each team's `summary` (`web.team_summary`) when something
other than an opinion sample happened, and each team's, joined by opening that
team, which gets the team's every event and, when anything but opinion moved,
its score card: a team is rescored only while somebody has it open (and once
at its end). An evaluator's room is per team and
gets what a console that opened the team gets (`web.evaluation`).
"""

from __future__ import annotations

from flask import current_app

from sim.world import Event
from web.extensions import socketio
from web.team_summary import rescore, summary

TRAINEE_NAMESPACE = "/trainee"
INSTRUCTOR_NAMESPACE = "/instructor"
EVALUATOR_NAMESPACE = "/evaluator"


def role_room(team_id: int, role: str) -> str:
    return f"team:{team_id}:role:{role}"


def instructor_room(exercise_id: int) -> str:
    """Every console watching the exercise: summaries, status changes."""
    return f"exercise:{exercise_id}:instructor"


def opened_room(team_id: int) -> str:
    """Every console that has the team open: its whole event stream and observations."""
    return f"team:{team_id}:instructor"


def _has_members(namespace: str, room: str) -> bool:
    """Whether a socket of `namespace` in this process has the room joined."""
    return next(socketio.server.manager.get_participants(namespace, room), None) is not None


def evaluator_room(team_id: int) -> str:
    return f"team:{team_id}:evaluators"


def send_status(live) -> None:
    """Tell a team's trainees, its instructor and its evaluators that its status changed (started, paused, resumed,
    new speed, ended, stopped by a fault), after any events that led to it.

    Trainees learn only that a fault stopped the team; the instructor gets the error itself.
    """
    news = {
        "status": live.status,
        "minute": round(live.world.now, 2),
        "level": live.world.level,
        "speed": live.driver.clock.speed,
    }
    for role in live.world.scenario.trainee_roles:
        socketio.emit(
            "status",
            {**news, "fault": live.fault is not None},
            to=role_room(live.team_id, role),
            namespace=TRAINEE_NAMESPACE,
        )
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
        rooms = [role_room(live.team_id, role) for role in event["audience"]]  # one message for all (one publish)
        if rooms:
            socketio.emit("event", payload, to=rooms, namespace=TRAINEE_NAMESPACE)
    moved = any(e["kind"] != "opinion" for e in events)  # the score moves with acts, deadlines and the end
    opened = _has_members(INSTRUCTOR_NAMESPACE, opened_room(live.team_id))
    evaluated = _has_members(EVALUATOR_NAMESPACE, evaluator_room(live.team_id))
    rescored = moved and (opened or evaluated or any(e["kind"] == "end" for e in events))
    if rescored:
        rescore(live)
    several = bool(current_app.config.get("REDIS_URL"))  # watchers on other processes are not known here
    if opened or evaluated or several:
        message = {
            "team_id": live.team_id,
            "events": events,
            "status": live.status,
            "minute": round(live.world.now, 2),
            "level": live.world.level,
        }
        if rescored:
            message["score"] = live.card
        if opened or several:
            socketio.emit("events", message, to=opened_room(live.team_id), namespace=INSTRUCTOR_NAMESPACE)
        if evaluated or several:
            socketio.emit("events", message, to=evaluator_room(live.team_id), namespace=EVALUATOR_NAMESPACE)
    if moved:
        socketio.emit("summary", summary(live), to=instructor_room(live.exercise_id), namespace=INSTRUCTOR_NAMESPACE)
