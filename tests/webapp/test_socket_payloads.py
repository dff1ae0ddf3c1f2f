"""Every socket handler answers a malformed message with a clear refusal, logged once, no traceback, nothing stored.

Each handler gets each kind of malformed message: not an object, a missing field,
and each field replaced by a list, an object, a huge text, deep nesting, NaN,
Infinity, a huge number, a boolean or null (where that is not a valid value).
"""

from __future__ import annotations

import logging
import math

import pytest
from sqlalchemy import func, select

from web.extensions import db
from web.models import EventRecord, InputRecord, Observation, Team
from web.outbox import INSTRUCTOR_NAMESPACE, TRAINEE_NAMESPACE


def deep(levels: int) -> list:
    value: list = []
    for _ in range(levels):
        value = [value]
    return value


BAD_VALUES = {
    "list": [1],
    "object": {"a": 1},
    "huge-text": "x" * 100_000,
    "deep": deep(60),
    "nan": math.nan,
    "infinity": math.inf,
    "huge-int": 2**80,
    "bool": True,
    "null": None,
    "surrogate": "\ud800",
}
NOT_OBJECTS = {"none": None, "text": "x", "number": 42, "list": [{"a": 1}], "bool": True}
CUSTOM = {"channel": "hotline", "sender": "Phóng viên", "content": "Xin thông tin", "to": ["spokesperson"]}

# handler: (namespace, a message it accepts, {field: kinds of BAD_VALUES that are valid there});
# TEAM and EXERCISE stand for ids
HANDLERS = {
    "act": (TRAINEE_NAMESPACE, {"type": "message", "params": {"text": "chào"}}, {"type": (), "params": ("object",)}),
    "sync": (TRAINEE_NAMESPACE, {"after": 0}, {"after": ("huge-int",)}),  # past every seq is "after everything"
    "watch": (INSTRUCTOR_NAMESPACE, {"exercise_id": "EXERCISE"}, {"exercise_id": ()}),
    "control": (
        INSTRUCTOR_NAMESPACE,
        {"team_id": "TEAM", "command": "custom", "args": CUSTOM},
        {"team_id": (), "command": (), "args": ("null",)},
    ),  # no args is {}
    "observe": (
        INSTRUCTOR_NAMESPACE,
        {"team_id": "TEAM", "text": "Ghi chú", "at": 10},
        {"team_id": (), "text": (), "at": ("null",)},
    ),  # no minute is now
}


def _cases():
    for handler, (_, valid, fields) in HANDLERS.items():
        for name, message in NOT_OBJECTS.items():
            yield pytest.param(handler, message, id=f"{handler}-{name}")
        if handler != "sync":  # its only field has a default
            yield pytest.param(handler, {}, id=f"{handler}-empty")
        for field, allowed in fields.items():
            for kind, value in BAD_VALUES.items():
                if kind not in allowed:
                    yield pytest.param(handler, {**valid, field: value}, id=f"{handler}-{field}-{kind}")
    yield pytest.param(
        "control",
        {"team_id": "TEAM", "command": "custom", "args": {**CUSTOM, "channel": ["hotline"]}},
        id="control-args-channel-list",
    )
    yield pytest.param(
        "control",
        {"team_id": "TEAM", "command": "custom", "args": {**CUSTOM, "to": [{"a": 1}]}},
        id="control-args-to-object",
    )


@pytest.fixture
def running(platform, clock):
    """One team of Lan's under way at minute 10, its spokesperson and Lan connected."""
    exercise_id, [(team_id, code)] = platform.exercise(teams=1)
    teacher = platform.instructor_socket(platform.instructor_client("lan"))
    trainee = platform.trainee_socket(platform.trainee_client(code, "Nguyễn Văn An 1"))
    assert teacher.emit("control", {"team_id": team_id, "command": "start"}, namespace=INSTRUCTOR_NAMESPACE, callback=True)[
        "ok"
    ]
    clock.advance(10)
    platform.tick()
    return {"ids": {"EXERCISE": exercise_id, "TEAM": team_id}, TRAINEE_NAMESPACE: trainee, INSTRUCTOR_NAMESPACE: teacher}


def stored(app) -> tuple:
    """What a refusal must leave as it was: inputs, events, observations, the teams' status and speed."""
    with app.app_context():
        counts = tuple(
            db.session.scalar(select(func.count()).select_from(model)) for model in (InputRecord, EventRecord, Observation)
        )
        return counts, tuple(db.session.execute(select(Team.id, Team.status, Team.speed)).all())


def with_ids(message, ids: dict[str, int]):
    if not isinstance(message, dict):
        return message
    return {key: ids.get(value, value) if isinstance(value, str) else value for key, value in message.items()}


@pytest.mark.parametrize("handler, message", list(_cases()))
def test_a_malformed_message_is_refused_once_without_a_traceback_and_changes_nothing(app, running, caplog, handler, message):
    namespace, valid, _ = HANDLERS[handler]
    before = stored(app)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        ack = running[namespace].emit(handler, with_ids(message, running["ids"]), namespace=namespace, callback=True)
    assert ack["ok"] is False and isinstance(ack["error"], str) and ack["error"] and " / " not in ack["error"], (
        ack
    )  # one language
    assert [r.getMessage()[:8] for r in caplog.records if r.levelno == logging.WARNING] == ["refused:"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert stored(app) == before
    # refused for its bad part only: the handler's valid message goes through on the same connection
    assert running[namespace].emit(handler, with_ids(valid, running["ids"]), namespace=namespace, callback=True)["ok"]
