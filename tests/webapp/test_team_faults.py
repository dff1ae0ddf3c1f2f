"""A fault stays with its team: a world that raises (in the ticker, under an input, on a rebuild) stops
its own team only, which is paused, logged once, shown to the console and recoverable; the other teams
and the server's start go on.
"""

from __future__ import annotations

import logging

from live_helpers import act, control, live_team, received, restart, run, stored_inputs, team_status
from sim.world import World
from web.extensions import db
from web.models import Exercise
from web.outbox import INSTRUCTOR_NAMESPACE


def fault_logs(caplog, team_id: int) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR and f"team {team_id}:" in r.getMessage()]


def test_a_world_that_raises_in_the_ticker_stops_its_team_only(app, platform, clock, drill, caplog):
    drill.start_all()
    run(platform, clock, 3)
    world = live_team(app, drill.team_a).world

    def broken(minute):
        raise RuntimeError("the world broke")

    world.advance_to = broken
    received(drill.teacher, "status", INSTRUCTOR_NAMESPACE)
    run(platform, clock, 5)  # several ticks: team A fails once, team B plays on
    assert team_status(app, drill.team_a) == "paused" and team_status(app, drill.team_b) == "running"
    assert live_team(app, drill.team_b).world.now > 7
    assert len(fault_logs(caplog, drill.team_a)) == 1
    (told,) = [s for s in received(drill.teacher, "status", INSTRUCTOR_NAMESPACE) if s["team_id"] == drill.team_a]
    assert told["status"] == "paused" and "RuntimeError: the world broke" in told["fault"]
    refused = act(drill.sockets["info_department"], "monitor")
    assert not refused["ok"] and "lỗi" in refused["error"]
    answer = drill.teacher.emit(
        "control", {"team_id": drill.team_a, "command": "resume"}, namespace=INSTRUCTOR_NAMESPACE, callback=True
    )
    assert not answer["ok"]
    assert control(drill.teacher, drill.team_a, "end")["status"] == "ended"  # recoverable: ended, then reviewed
    assert act(drill.other, "monitor")["ok"]


def test_an_input_the_world_chokes_on_is_stored_and_stops_its_team(app, platform, clock, drill, monkeypatch):
    drill.start_all()
    run(platform, clock, 12.4)
    original = World.act

    def choke_on_monitor(self, action):
        if action.type == "monitor":
            raise RuntimeError("deterministic failure")
        return original(self, action)

    monkeypatch.setattr(World, "act", choke_on_monitor)
    answer = act(drill.sockets["info_department"], "monitor")
    assert not answer["ok"] and "lỗi của hệ thống" in answer["error"]
    assert stored_inputs(app, drill.team_a)[-1]["payload"]["type"] == "monitor"  # committed before it was applied
    assert act(drill.other, "request_takedown", post="post-video")["ok"]

    restart(app)  # kill and start again: the replay meets the same fault; the start goes on
    assert team_status(app, drill.team_a) == "paused" and team_status(app, drill.team_b) == "paused"
    assert live_team(app, drill.team_a).fault == "RuntimeError: deterministic failure"
    assert live_team(app, drill.team_b).fault is None
    assert control(drill.teacher, drill.team_b, "resume")["status"] == "running"


def test_a_team_whose_drill_text_no_longer_loads_is_reported_and_the_others_come_back(app, platform, clock, drill, caplog):
    drill.start_all()
    run(platform, clock, 12.4)
    with app.app_context():  # one exercise's stored text made unreadable (a rule tightened since it ran, say)
        exercise = db.session.get(Exercise, drill.exercise_id)
        exercise.scenario_text = exercise.scenario_text.replace("duration:", "duration: {", 1)
        db.session.commit()
    restart(app)
    assert fault_logs(caplog, drill.team_a) and fault_logs(caplog, drill.team_b)
    answer = drill.teacher.emit(
        "control", {"team_id": drill.team_a, "command": "resume"}, namespace=INSTRUCTOR_NAMESPACE, callback=True
    )
    assert not answer["ok"] and "không còn đọc được" in answer["teams"][0]["error"]
    watched = drill.teacher.emit("watch", {"exercise_id": drill.exercise_id}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    assert watched["ok"] and all("không còn đọc được" in t["fault"] for t in watched["teams"])
    for team_id in (drill.team_a, drill.team_b):  # opened, what was stored is still shown
        opened = drill.teacher.emit("open", {"team_id": team_id}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
        assert opened["ok"] and opened["team"]["events"] and "không còn đọc được" in opened["team"]["fault"]
