"""A live exercise over Socket.IO: instructor controls, trainees receive only their own events and act."""

from __future__ import annotations

from live_helpers import received
from web.outbox import INSTRUCTOR_NAMESPACE


def test_an_inject_reaches_its_role_only_and_an_action_is_acknowledged(platform, clock):
    exercise_id, [(team_a, code_a), (team_b, code_b)] = platform.exercise()
    teacher = platform.instructor_socket(platform.instructor_client())
    watched = teacher.emit("watch", {"exercise_id": exercise_id}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    assert watched["ok"] and [t["team_id"] for t in watched["teams"]] == [team_a, team_b]
    assert all("events" not in t and t["total"] is None for t in watched["teams"])  # summaries: nothing rescored
    opened = teacher.emit("open", {"team_id": team_a}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    assert opened["ok"] and opened["team"]["team_id"] == team_a and opened["team"]["score"]["total"] >= 0

    info_a = platform.trainee_socket(platform.trainee_client(code_a, "Lê Văn Cường 1"))
    speaker_a = platform.trainee_socket(platform.trainee_client(code_a, "Nguyễn Văn An 1"))
    info_b = platform.trainee_socket(platform.trainee_client(code_b, "Lê Văn Cường 2"))
    assert received(info_a, "hello")[0]["role"] == "info_department"

    started = teacher.emit("control", {"team_id": team_a, "command": "start"}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    assert started["ok"] and [(t["team_id"], t["state"]["status"]) for t in started["teams"]] == [(team_a, "running")]
    clock.advance(60 * 20 / 60)  # speed 60: 20 real seconds = 20 scenario minutes
    platform.tick()

    injects_a = [e for e in received(info_a, "event") if e["kind"] == "inject"]
    assert injects_a and all("info_department" in e["audience"] for e in injects_a)
    assert not [e for e in received(speaker_a, "event") if e["kind"] == "inject" and "spokesperson" not in e["audience"]]
    assert received(info_b, "event") == []  # team B was never started and sees nothing of team A

    post = injects_a[0]["inject"]
    ack = info_a.emit("act", {"type": "request_takedown", "params": {"post": post}}, namespace="/trainee", callback=True)
    assert ack["ok"] and ack["event"]["type"] == "request_takedown" and ack["event"]["role"] == "info_department"
    got = teacher.get_received(INSTRUCTOR_NAMESPACE)
    messages = [m["args"][0] for m in got if m["name"] == "events"]
    teacher_events = [e for m in messages for e in m["events"]]
    assert any(e["kind"] == "action" and e["type"] == "request_takedown" for e in teacher_events)
    assert messages[-1]["team_id"] == team_a and 0 <= messages[-1]["score"]["total"] <= 100
    summaries = [m["args"][0] for m in got if m["name"] == "summary"]
    assert summaries[-1]["team_id"] == team_a and summaries[-1]["counts"]["action"] == 1
    assert summaries[-1]["total"] == messages[-1]["score"]["total"]


def test_a_team_not_opened_sends_summaries_only_and_is_scored_on_demand(platform, clock):
    exercise_id, [(team_a, _code_a), (team_b, _)] = platform.exercise()
    teacher = platform.instructor_socket(platform.instructor_client())
    teacher.emit("watch", {"exercise_id": exercise_id}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    teacher.emit("open", {"team_id": team_b}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    teacher.emit("control", {"team_id": team_a, "command": "start"}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    clock.advance(20)
    platform.tick()
    live = platform.app.extensions["live"]
    with platform.app.app_context():
        assert live.team(team_a).card is None  # nobody has team A open: never rescored
    got = teacher.get_received(INSTRUCTOR_NAMESPACE)
    assert [m["name"] for m in got if m["name"] == "events"] == []
    summaries = [m["args"][0] for m in got if m["name"] == "summary"]
    assert summaries and {s["team_id"] for s in summaries} == {team_a} and summaries[-1]["counts"]["inject"] >= 1
    assert summaries[-1]["total"] is None and "events" not in summaries[-1]
    scored = teacher.emit("score", {"exercise_id": exercise_id}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    assert scored["ok"] and [t["team_id"] for t in scored["teams"]] == [team_a, team_b]
    assert all(0 <= t["total"] <= 100 for t in scored["teams"])
    # opening team A: its whole log, and from then on its events; team B's no more
    opened = teacher.emit("open", {"team_id": team_a}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    assert [e["kind"] for e in opened["team"]["events"] if e["kind"] == "inject"]
    clock.advance(20)
    platform.tick()
    assert {m["args"][0]["team_id"] for m in teacher.get_received(INSTRUCTOR_NAMESPACE) if m["name"] == "events"} == {team_a}


def test_trainees_hear_when_the_instructor_pauses_resumes_or_ends(platform, clock):
    _exercise_id, [(team_a, code_a), (_team_b, code_b)] = platform.exercise()
    teacher = platform.instructor_socket(platform.instructor_client())
    speaker_a = platform.trainee_socket(platform.trainee_client(code_a, "Nguyễn Văn An 1"))
    speaker_b = platform.trainee_socket(platform.trainee_client(code_b, "Nguyễn Văn An 2"))
    for command in ("start", "pause", "resume", "end"):
        teacher.emit("control", {"team_id": team_a, "command": command}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
        clock.advance(5)
    assert [s["status"] for s in received(speaker_a, "status")] == ["running", "paused", "running", "ended"]
    assert received(speaker_b, "status") == []


def test_pages_carry_security_headers(app):
    response = app.test_client().get("/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
