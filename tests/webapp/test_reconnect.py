"""Nothing lost, in process: inputs committed before they are acknowledged, events numbered, missed
events served on reconnection, and a team rebuilt from its log (a new process on the same database)
exactly as it was, paused, numbering on.

A "restart" here drops the in-memory registry of live teams and runs what `serve` runs at start
(`web.setup.prepare`), on the same SQLite file: the worlds are rebuilt from the stored inputs alone.
The real thing (a server process killed with SIGKILL) is `test_recovery.py`.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from live_helpers import (
    act,
    canon,
    console_on,
    control,
    live_team,
    opened,
    received,
    restart,
    run,
    snapshots,
    stored_events,
    stored_inputs,
    sync,
    team_status,
    visible,
)
from web.extensions import db
from web.outbox import INSTRUCTOR_NAMESPACE, TRAINEE_NAMESPACE


# --- reconnection -----------------------------------------------------------------------------


def test_a_trainee_who_reconnects_gets_exactly_the_missed_events_of_its_role(app, platform, clock, drill):
    drill.start_all()
    control(
        drill.teacher, drill.team_b, "custom", channel="hotline", sender="Đội B", content="chỉ đội B", to=["info_department"]
    )
    run(platform, clock, 12.2)
    info = drill.sockets["info_department"]
    before = received(info, "event")
    assert before and all("info_department" in e["audience"] for e in before)
    last_seen = max(e["seq"] for e in before)
    info.disconnect(namespace=TRAINEE_NAMESPACE)

    # while it is away: the world goes on, others act, the instructor writes to its role, team B plays
    act(drill.sockets["propaganda_board"], "report_up", to="standing_committee", summary="Tin đồn nước nhiễm độc")
    act(drill.sockets["spokesperson"], "message", text="Tôi đang chờ kết quả xác minh")
    control(
        drill.teacher,
        drill.team_a,
        "custom",
        channel="hotline",
        sender="Ông Năm",
        content="Có nên mua nước bình?",
        to=["info_department"],
    )
    control(drill.teacher, drill.team_a, "fire", inject="call-tv")
    act(drill.other, "request_takedown", post="post-video")
    run(platform, clock, 41.5)

    again = platform.trainee_socket(drill.http["info_department"])
    hello = received(again, "hello")[0]
    assert (hello["team_id"], hello["role"]) == (drill.team_a, "info_department")
    missed = sync(again, last_seen)

    team_a = stored_events(app, drill.team_a)
    assert canon(missed) == canon([e for e in visible(team_a, "info_department") if e["seq"] > last_seen])
    kinds = {e["kind"] for e in missed}
    assert {"inject", "action"} <= kinds and "opinion" not in kinds  # opinion samples are the instructor's
    assert any(e["kind"] == "inject" and e.get("sender", {}).get("vi") == "Ông Năm" for e in missed)
    assert not any(e["kind"] == "inject" and e["inject"] == "call-tv" for e in missed)  # call-tv is for the spokesperson
    assert not any(e.get("content", {}) and e["content"].get("vi") == "chỉ đội B" for e in missed)
    assert all(e["kind"] != "action" or e["role"] != "info_department" for e in missed)  # team B's takedown is not here
    # what it had, plus what it missed, is its role's whole log: nothing lost, nothing twice
    assert canon(before + missed) == canon(visible(team_a, "info_department"))
    # a full sync from scratch is the same log again; another role's sync is its own
    assert canon(sync(again, 0)) == canon(visible(team_a, "info_department"))
    assert canon(sync(drill.sockets["spokesperson"], 0)) == canon(visible(team_a, "spokesperson"))
    # and the live stream goes on where the sync stopped
    act(drill.sockets["spokesperson"], "message", text="Đã nhận được tin nhắn?")
    run(platform, clock, 5)
    live_after = received(again, "event")
    assert live_after and min(e["seq"] for e in live_after) > max(e["seq"] for e in missed)


def test_sequence_numbers_and_input_numbers_are_contiguous_per_team(app, platform, clock, drill):
    consoles = {team_id: console_on(platform, team_id) for team_id in (drill.team_a, drill.team_b)}
    drill.start_all()
    drill.play_a()
    act(drill.other, "request_takedown", post="post-video")
    run(platform, clock, 5)
    for team_id, console in consoles.items():
        messages = received(console, "events", INSTRUCTOR_NAMESPACE)
        assert {m["team_id"] for m in messages} == {team_id}
        sent = [e for m in messages for e in m["events"]]
        stored = stored_events(app, team_id)
        assert [e["seq"] for e in sent] == list(range(1, len(sent) + 1))
        assert canon(sent) == canon(stored)  # the instructor got every event once, as stored
        assert [i["number"] for i in stored_inputs(app, team_id)] == list(range(1, len(stored_inputs(app, team_id)) + 1))
    # each trainee's stream is increasing and is exactly its role's share of the team's log
    for role, sock in drill.sockets.items():
        got = received(sock, "event")
        assert canon(got) == canon(visible(stored_events(app, drill.team_a), role))


# --- inputs: committed before applied and acknowledged --------------------------------------------


def _db_path(app) -> str:
    return app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")


def _committed_inputs(app, team_id: int) -> list[tuple]:
    """The inputs another connection sees: only what is committed."""
    with sqlite3.connect(_db_path(app)) as other:
        return other.execute(
            "SELECT number, kind, at, payload FROM input_record WHERE team_id = ? ORDER BY number", (team_id,)
        ).fetchall()


def test_an_action_is_committed_with_its_stamp_before_the_world_applies_it(app, platform, clock, drill):
    drill.start_all()
    run(platform, clock, 12.4)
    world = live_team(app, drill.team_a).world
    seen_at_apply = []

    def act_and_look(action, _act=world.act):
        seen_at_apply.append(_committed_inputs(app, drill.team_a))
        return _act(action)

    world.act = act_and_look
    ack = act(drill.sockets["info_department"], "request_takedown", post="post-video")
    assert ack["ok"]
    number, kind, at, payload = seen_at_apply[0][-1]
    assert kind == "action" and json.loads(payload) == {
        "role": "info_department",
        "type": "request_takedown",
        "params": {"post": "post-video"},
    }
    assert round(at, 3) == ack["event"]["t"] and 12.3 < at < 12.5  # stamped with the scenario minute
    assert _committed_inputs(app, drill.team_a)[-1][0] == number  # and there it stays


def test_a_control_is_committed_before_it_is_applied(app, platform, clock, drill):
    drill.start_all()
    run(platform, clock, 3)
    world = live_team(app, drill.team_a).world
    seen = []

    def custom_and_look(*args, _custom=world.custom_inject, **kwargs):
        seen.append(_committed_inputs(app, drill.team_a))
        return _custom(*args, **kwargs)

    world.custom_inject = custom_and_look
    control(drill.teacher, drill.team_a, "custom", channel="hotline", sender="A", content="B", to=["spokesperson"])
    assert [row[1] for row in seen[0]] == ["start", "custom"]


def test_a_failed_commit_is_not_acknowledged_and_the_numbering_stays_contiguous(app, platform, clock, drill):
    drill.start_all()
    run(platform, clock, 12.4)
    session = db.session
    real_commit = session.commit
    inserted, failures = [], []

    def note_input(_connection, _cursor, statement, parameters, _context, _executemany):
        if statement.startswith("INSERT INTO input_record"):
            inserted.append(parameters)

    def commit_fails_once():
        if inserted and not failures:  # the transaction holds an input: its commit fails
            failures.append(len(inserted))
            raise OperationalError("COMMIT", {}, Exception("database is locked"))
        inserted.clear()
        return real_commit()

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", note_input)
    session.commit = commit_fails_once
    try:
        with pytest.raises(OperationalError):
            act(drill.sockets["info_department"], "monitor")
        assert act(drill.sockets["info_department"], "request_takedown", post="post-video")["ok"]
    finally:
        del session.commit
        event.remove(engine, "before_cursor_execute", note_input)
    assert failures == [1]  # the first act's input, once
    inputs = stored_inputs(app, drill.team_a)
    assert [(i["number"], i["kind"]) for i in inputs] == [(1, "start"), (2, "action")]
    assert inputs[1]["payload"]["type"] == "request_takedown"


# --- rebuilding a team from its log -------------------------------------------------------------


def test_an_input_whose_events_a_stop_cut_off_has_them_stored_by_the_rebuild(app, platform, clock, drill):
    """Killed after an action's commit, before its event was stored: the replay makes it, and it is stored."""
    drill.start_all()
    run(platform, clock, 12.4)
    live = app.extensions["live"]
    real_flush, flushes = live._flush, []

    def dies_after_the_commit(team):
        flushes.append(team.team_id)
        if len(flushes) == 1:  # the one flush of the act, after its input's commit: it stores the action
            raise RuntimeError("killed")
        return real_flush(team)

    live._flush = dies_after_the_commit
    with pytest.raises(RuntimeError):
        act(drill.sockets["info_department"], "request_takedown", post="post-video")
    del live._flush
    assert stored_inputs(app, drill.team_a)[-1]["payload"]["type"] == "request_takedown"
    assert [e["kind"] for e in stored_events(app, drill.team_a)] == ["inject", "opinion"]

    restart(app)
    stored = stored_events(app, drill.team_a)
    assert [(e["seq"], e["kind"], e.get("type")) for e in stored][-1] == (3, "action", "request_takedown")
    again = platform.trainee_socket(drill.http["info_department"])
    assert sync(again, 2) == [stored[-1]]
    assert canon(live_team(app, drill.team_a).world.events) == canon(stored)


def test_a_rebuilt_team_is_the_stored_one_paused_and_numbering_goes_on(app, platform, clock, drill):
    drill.start_all()
    acks = drill.play_a()
    assert all(a["event"]["seq"] for a in acks) and sum(not a["ok"] for a in acks) == 1  # one refused
    control(drill.teacher, drill.team_b, "pause")
    before = {t: stored_events(app, t) for t in (drill.team_a, drill.team_b)}
    inputs_before = stored_inputs(app, drill.team_a)
    snapshot_before = snapshots(drill.teacher, drill.exercise_id)
    minute_before = live_team(app, drill.team_a).world.now

    restart(app)

    assert (team_status(app, drill.team_a), team_status(app, drill.team_b)) == ("paused", "paused")
    for team_id, events in before.items():
        rebuilt = live_team(app, team_id)
        assert rebuilt.status == "paused" and not rebuilt.driver.clock.running
        assert canon(rebuilt.world.events) == canon(events) == canon(stored_events(app, team_id))
        assert rebuilt.sent == len(events) and rebuilt.inputs == len(stored_inputs(app, team_id))
    # the acknowledged actions are all in the log, each with the stamp its event carries
    logged = [i for i in inputs_before if i["kind"] == "action"]
    assert [(round(i["at"], 3), i["payload"]["type"]) for i in logged] == [
        (a["event"]["t"], a["event"]["type"]) for a in acks
    ]
    assert live_team(app, drill.team_a).world.now <= minute_before  # back at its last stored moment, not later

    # the console sees the same teams, paused, with the same events and score
    teacher = platform.instructor_socket(platform.instructor_client())
    snapshot = snapshots(teacher, drill.exercise_id)
    for team_id, team in snapshot.items():
        assert team["status"] == "paused"
        assert canon(team["events"]) == canon(snapshot_before[team_id]["events"])
        assert team["score"] == snapshot_before[team_id]["score"]

    # while paused, an input gets the next numbers, is stored and reaches its role
    speaker = platform.trainee_socket(drill.http["spokesperson"])
    assert received(speaker, "hello")[0]["status"] == "paused"
    ack = act(speaker, "message", text="Đã có kết quả xét nghiệm sơ bộ")
    assert ack["ok"] and ack["event"]["seq"] == len(before[drill.team_a]) + 1
    assert stored_inputs(app, drill.team_a)[-1]["number"] == len(inputs_before) + 1
    assert stored_events(app, drill.team_a)[-1] == ack["event"]
    assert received(speaker, "event") == [ack["event"]]

    # resumed, the world goes on from there, numbering contiguous
    state = control(teacher, drill.team_a, "resume")
    assert state["status"] == "running"
    run(platform, clock, 30)
    after = stored_events(app, drill.team_a)
    assert [e["seq"] for e in after] == list(range(1, len(after) + 1)) and len(after) > ack["event"]["seq"]
    assert canon(after[: len(before[drill.team_a])]) == canon(before[drill.team_a])

    # and a second restart reproduces all of it, the inputs made after the first one included
    restart(app)
    assert canon(live_team(app, drill.team_a).world.events) == canon(after)


def test_an_input_at_the_instant_of_the_last_stored_events_comes_after_them(app, platform, clock, drill):
    """The last stored events are the world's own (an opinion sample at minute 20, say): the rebuilt
    world must have played that instant, or a new input would take their numbers and be lost."""
    drill.start_all()
    run(platform, clock, 20.5, step=20.5)  # one tick: events at minutes 10 and 20, world at 20.5
    stored = stored_events(app, drill.team_a)
    assert stored[-1]["t"] == 20.0 and stored[-1]["kind"] == "opinion"
    restart(app)
    rebuilt = live_team(app, drill.team_a)
    assert canon(rebuilt.world.events) == canon(stored)
    assert rebuilt.world.now > 20.0

    teacher = platform.instructor_socket(platform.instructor_client())
    control(
        teacher,
        drill.team_a,
        "custom",
        channel="hotline",
        sender="Cô Ba",
        content="Nước nhà tôi vẫn vàng",
        to=["spokesperson"],
    )
    after = stored_events(app, drill.team_a)
    assert [e["seq"] for e in after] == list(range(1, len(stored) + 2))
    assert after[-1]["kind"] == "inject" and after[-1]["content"]["vi"] == "Nước nhà tôi vẫn vàng"
    speaker = platform.trainee_socket(drill.http["spokesperson"])
    assert sync(speaker, stored[-1]["seq"]) == [after[-1]]

    control(teacher, drill.team_a, "resume")
    run(platform, clock, 25)
    everything = stored_events(app, drill.team_a)
    restart(app)
    assert canon(live_team(app, drill.team_a).world.events) == canon(everything)


def test_fire_custom_jump_speed_and_end_replay(app, platform, clock, drill):
    drill.start_all()
    run(platform, clock, 5.3)
    control(drill.teacher, drill.team_a, "fire", inject="call-paper")
    control(
        drill.teacher,
        drill.team_a,
        "custom",
        channel="press_call",
        sender="VTV",
        content="Xin phỏng vấn?",
        to=["spokesperson"],
    )
    control(drill.teacher, drill.team_a, "speed", speed=240)
    jumped = control(drill.teacher, drill.team_a, "jump")
    assert jumped["minute"] == 10.0
    minute = live_team(app, drill.team_a).world.now

    restart(app)  # the last input was the jump: the rebuilt world stands where the jump took it
    rebuilt = live_team(app, drill.team_a)
    assert rebuilt.world.now == minute and rebuilt.driver.clock.speed == 240
    assert canon(rebuilt.world.events) == canon(stored_events(app, drill.team_a))
    teacher = platform.instructor_socket(platform.instructor_client())
    control(teacher, drill.team_a, "resume")
    run(platform, clock, 3)
    ack = act(
        platform.trainee_socket(drill.http["spokesperson"]),
        "answer_press",
        call="custom-1",
        text="Chúng tôi sẽ trả lời trong buổi họp báo chiều nay.",
    )
    assert ack["ok"]
    run(platform, clock, 4)
    ended = control(teacher, drill.team_a, "end")
    assert ended["status"] == "ended"
    events = stored_events(app, drill.team_a)
    assert events[-1]["kind"] == "end"
    kinds = [(e["kind"], e.get("origin")) for e in events if e["kind"] == "inject"]
    assert ("inject", "instructor") in kinds
    score = ended["score"]

    restart(app)  # an ended team is not rebuilt at start; the console rebuilds it on demand
    assert team_status(app, drill.team_a) == "ended"
    snapshot = opened(platform.instructor_socket(platform.instructor_client()), drill.team_a)
    assert snapshot["status"] == "ended" and snapshot["score"] == score
    assert canon(live_team(app, drill.team_a).world.events) == canon(events)


def test_a_drill_that_ran_out_refuses_inputs_and_rebuilds_ended(app, platform, clock, drill):
    drill.start_all()
    control(drill.teacher, drill.team_a, "speed", speed=10_000)
    clock.advance(5)  # 833 scenario minutes: past the 720 of the drill, and no tick yet
    answer = act(drill.sockets["info_department"], "monitor")
    assert answer["ok"] is False and "error" in answer
    assert team_status(app, drill.team_a) == "ended"
    assert [i["kind"] for i in stored_inputs(app, drill.team_a)] == ["start", "speed"]  # the late act is not logged
    events = stored_events(app, drill.team_a)
    assert events[-1]["kind"] == "end" and events[-1]["t"] == 720.0
    score = opened(drill.teacher, drill.team_a)["score"]

    restart(app)
    rebuilt = live_team(app, drill.team_a)
    assert rebuilt.status == "ended" and rebuilt.world.over
    assert canon(rebuilt.world.events) == canon(events)
    assert opened(platform.instructor_socket(platform.instructor_client()), drill.team_a)["score"] == score


def test_a_rebuild_that_differs_from_the_stored_events_is_reported(platform, app, clock, caplog):
    """If the code changed between a stop and a restart, the replay diverges: say so, loudly."""
    from web.extensions import db
    from web.models import EventRecord

    _, [(team_id, _code), _] = platform.exercise()
    teacher = platform.instructor_socket(platform.instructor_client())
    teacher.emit("control", {"team_id": team_id, "command": "start"}, namespace="/instructor", callback=True)
    clock.advance(30)
    platform.tick()
    with app.app_context():
        record = db.session.query(EventRecord).filter_by(team_id=team_id, seq=1).one()
        record.body = {**record.body, "content": {"vi": "đã bị sửa", "en": "tampered"}}
        db.session.commit()
        app.extensions["live"]._teams.clear()
        app.extensions["live"].team(team_id)
    assert "differs from the stored events from seq 1" in caplog.text
