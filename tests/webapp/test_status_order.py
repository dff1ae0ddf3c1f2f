"""Every change of a team's status reaches every watcher, in order: the console (the instructor's room),
each trainee's room and a self-practice room. A message that carries the `end` event says `ended`, and
the `status` message of a change comes after the events that led to it, so what a watcher shows last
is the team's true status (start, pause, resume, speed, jump, the drill ending by itself, the
instructor's end, a fault).
"""

from __future__ import annotations

import pytest

from live_helpers import control, live_team, opened, run
from practice_helpers import control as practice_control, sign_up, start as start_practice
from web.outbox import INSTRUCTOR_NAMESPACE, TRAINEE_NAMESPACE


def heard(sock, namespace: str, team_id: int | None = None) -> list[tuple[str, dict]]:
    """The messages (name, payload) the socket received since last asked, in order; of one team on the console."""
    messages = [(m["name"], m["args"][0]) for m in sock.get_received(namespace)]
    return [
        (name, body)
        for name, body in messages
        if team_id is None or not isinstance(body, dict) or body.get("team_id") in (None, team_id)
    ]


def assert_console_order(messages: list[tuple[str, dict]], status: str) -> None:
    """The console's last word is a `status` of `status`; an events message carrying `end` says `ended`."""
    told = [(name, body) for name, body in messages if name in ("events", "status")]
    assert told and told[-1][0] == "status" and told[-1][1]["status"] == status, told
    for name, body in told:
        if name == "events" and any(e["kind"] == "end" for e in body["events"]):
            assert body["status"] == "ended", body


def assert_trainee_order(messages: list[tuple[str, dict]], status: str) -> None:
    """A trainee's last word is a `status` of `status`, after every event (the `end` event among them)."""
    assert messages and messages[-1][0] == "status" and messages[-1][1]["status"] == status, messages
    assert [body["status"] for name, body in messages if name == "status"] == [status], messages


def everyone(drill) -> None:
    """Forget what every watcher heard so far."""
    heard(drill.teacher, INSTRUCTOR_NAMESPACE)
    for sock in drill.sockets.values():
        heard(sock, TRAINEE_NAMESPACE)
    heard(drill.other, TRAINEE_NAMESPACE)


def assert_everyone_told(drill, status: str) -> None:
    console = heard(drill.teacher, INSTRUCTOR_NAMESPACE, drill.team_a)
    assert_console_order(console, status)
    for sock in drill.sockets.values():
        assert_trainee_order(heard(sock, TRAINEE_NAMESPACE), status)
    assert [name for name, _ in heard(drill.other, TRAINEE_NAMESPACE) if name == "status"] == []  # team B: not told


@pytest.fixture(autouse=True)
def console_opens_team_a(request):
    """The console has team A open: the team whose every event and status it gets (`web.outbox`)."""
    if "drill" in request.fixturenames:
        drill = request.getfixturevalue("drill")
        opened(drill.teacher, drill.team_a)
        heard(drill.teacher, INSTRUCTOR_NAMESPACE)


@pytest.fixture
def running(drill, platform, clock):
    """Team A running a while, every watcher's inbox empty."""
    control(drill.teacher, drill.team_a, "start")
    run(platform, clock, 3)
    everyone(drill)
    return drill


def test_start_reaches_the_console_and_every_trainee(drill):
    everyone(drill)
    assert control(drill.teacher, drill.team_a, "start")["status"] == "running"
    assert_everyone_told(drill, "running")


def test_pause_reaches_the_console_and_every_trainee(running):
    assert control(running.teacher, running.team_a, "pause")["status"] == "paused"
    assert_everyone_told(running, "paused")


def test_resume_reaches_the_console_and_every_trainee(running, platform, clock):
    control(running.teacher, running.team_a, "pause")
    clock.advance(4)
    everyone(running)
    assert control(running.teacher, running.team_a, "resume")["status"] == "running"
    assert_everyone_told(running, "running")


def test_a_new_speed_reaches_the_console_and_every_trainee_with_the_speed(running):
    control(running.teacher, running.team_a, "speed", speed=120)
    console = heard(running.teacher, INSTRUCTOR_NAMESPACE, running.team_a)
    assert_console_order(console, "running")
    assert console[-1][1]["speed"] == 120
    for sock in running.sockets.values():
        messages = heard(sock, TRAINEE_NAMESPACE)
        assert_trainee_order(messages, "running")
        assert messages[-1][1]["speed"] == 120


def test_a_jump_reaches_the_console_and_every_trainee_at_the_new_minute(running, platform):
    before = live_team(platform.app, running.team_a).world.now
    state = control(running.teacher, running.team_a, "jump")
    assert state["minute"] > before
    console = heard(running.teacher, INSTRUCTOR_NAMESPACE, running.team_a)
    assert_console_order(console, "running")
    assert console[-1][1]["minute"] == state["minute"]
    for sock in running.sockets.values():
        assert_trainee_order(heard(sock, TRAINEE_NAMESPACE), "running")


def test_the_instructors_end_reaches_everyone_and_its_end_event_says_ended(running):
    assert control(running.teacher, running.team_a, "end")["status"] == "ended"
    console = heard(running.teacher, INSTRUCTOR_NAMESPACE, running.team_a)
    assert any(e["kind"] == "end" for name, body in console if name == "events" for e in body["events"])
    assert_console_order(console, "ended")
    for sock in running.sockets.values():
        messages = heard(sock, TRAINEE_NAMESPACE)
        assert_trainee_order(messages, "ended")
        assert [body["kind"] for name, body in messages if name == "event"][-1] == "end"


def test_a_drill_that_ends_by_itself_says_ended_with_its_end_event_then_tells_everyone(running, platform, clock):
    control(running.teacher, running.team_a, "speed", speed=10_000)
    everyone(running)
    run(platform, clock, 8)  # 12 scenario hours in about 4.3 s
    assert live_team(platform.app, running.team_a).status == "ended"
    console = heard(running.teacher, INSTRUCTOR_NAMESPACE, running.team_a)
    (carrier,) = [body for name, body in console if name == "events" and any(e["kind"] == "end" for e in body["events"])]
    assert carrier["status"] == "ended"  # the console disables Pause/Jump from this very message
    assert_console_order(console, "ended")
    assert [body["status"] for name, body in console if name == "status"] == ["ended"]
    for sock in running.sockets.values():
        messages = heard(sock, TRAINEE_NAMESPACE)
        assert_trainee_order(messages, "ended")
        assert [body["kind"] for name, body in messages if name == "event"][-1] == "end"


def test_a_fault_reaches_the_console_with_the_error_and_trainees_without_it(running, platform, clock):
    world = live_team(platform.app, running.team_a).world

    def broken(minute):
        raise RuntimeError("the world broke")

    world.advance_to = broken
    run(platform, clock, 2)
    console = heard(running.teacher, INSTRUCTOR_NAMESPACE, running.team_a)
    assert_console_order(console, "paused")
    assert "RuntimeError" in console[-1][1]["fault"]
    for sock in running.sockets.values():
        messages = heard(sock, TRAINEE_NAMESPACE)
        assert_trainee_order(messages, "paused")
        assert messages[-1][1]["fault"] is True


def test_a_practice_room_hears_each_change_of_its_own_clock_in_order(app, platform, clock):
    client = sign_up(app)
    team_id = start_practice(client)
    socket = platform.trainee_socket(client)
    heard(socket, TRAINEE_NAMESPACE)
    for command, args, status in (
        ("start", {}, "running"),
        ("pause", {}, "paused"),
        ("resume", {}, "running"),
        ("speed", {"speed": 120}, "running"),
    ):
        assert practice_control(client, command, **args).get_json()["state"]["status"] == status
        assert_trainee_order(heard(socket, TRAINEE_NAMESPACE), status)
        clock.advance(2)
    practice_control(client, "speed", speed=max_speed(app))
    heard(socket, TRAINEE_NAMESPACE)
    for _ in range(100):  # ends by itself: 12 scenario hours at 240× in 180 s
        clock.advance(2)
        platform.tick()
    assert live_team(app, team_id).status == "ended"
    messages = heard(socket, TRAINEE_NAMESPACE)
    assert_trainee_order(messages, "ended")
    assert [body["kind"] for name, body in messages if name == "event"][-1] == "end"


def max_speed(app) -> int:
    from web.practice.catalog import SPEEDS

    return max(SPEEDS)
