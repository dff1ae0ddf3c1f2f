"""The production server for real: gunicorn with one gevent worker (`web.wsgi:app`), as a subprocess.

On SQLite: a drill played through it from login to an acknowledged act, over both Socket.IO
transports (long polling as browsers start, and WebSocket). On PostgreSQL with Redis between two
such processes: an instructor whose console is connected to process A sees the events of a team
started and played through process B (Socket.IO's message queue carries them across).
"""

from __future__ import annotations

import pytest

from app_factory import postgres_database, require_redis
from server_helpers import DEMO_PASSWORD, Browser, Inbox, Server
from web.setup import DEMO_USERNAME

pytestmark = pytest.mark.slow

SECRET = "production-test-secret-key"
T, I = "/trainee", "/instructor"  # noqa: E741 - the two namespaces, short in every call
ROSTER = "Đội A\nspokesperson: Nguyễn Văn An\ninfo_department: Lê Văn Cường"
SPEED = 600  # ten scenario minutes a second: the first post is out within a second or two


@pytest.fixture
def opened():
    """Servers and browsers opened by a test, killed and closed at its end whatever happens."""
    servers: list[Server] = []
    browsers: list[Browser] = []

    def server(*args, **kwargs) -> Server:
        servers.append(Server(*args, production=True, **kwargs))
        return servers[-1].start(timeout=40)

    def browser(base: str) -> Browser:
        browsers.append(Browser(base))
        return browsers[-1]

    try:
        yield server, browser
    finally:
        for s in servers:
            s.kill()
        for b in browsers:
            b.close()


def _socket(person: Browser, namespace: str, transport: str, on: dict) -> object:
    import socketio

    client = socketio.Client(reconnection=False)
    for name, handler in on.items():
        client.on(name, handler, namespace=namespace)
    client.connect(
        person.base, namespaces=[namespace], headers={"Cookie": person.cookie()}, transports=[transport], wait_timeout=10
    )
    person.sockets.append(client)
    return client


def _play(teacher_socket, trainee_socket, inbox: Inbox, exercise_id: int) -> dict:
    """Start the exercise, wait for the first post, take it down: the acknowledgement."""
    started = teacher_socket.call("control", {"exercise_id": exercise_id, "command": "start"}, namespace=I, timeout=10)
    assert started["ok"] and started["teams"][0]["state"]["status"] == "running", started
    got = inbox.wait_for(lambda items: any(e.get("channel") == "social_post" for e in items), timeout=20)
    post_id = next(e for e in got if e.get("channel") == "social_post")["inject"]
    return trainee_socket.call("act", {"type": "request_takedown", "params": {"post": post_id}}, namespace=T, timeout=10)


@pytest.mark.parametrize("transport", ["polling", "websocket"])
def test_a_drill_is_played_through_gunicorn_with_gevent(opened, tmp_path, transport):
    server, browser = opened
    production = server(f"sqlite:///{tmp_path / 'x.db'}", SECRET, tmp_path / "server.log")
    teacher = browser(production.base)
    teacher.login(DEMO_USERNAME, DEMO_PASSWORD)
    exercise_id = teacher.create_exercise("nuoc-may-nhiem-doc", seed=3, speed=SPEED, roster=ROSTER)
    teacher_socket = _socket(teacher, I, transport, {})
    watched = teacher_socket.call("watch", {"exercise_id": exercise_id}, namespace=I, timeout=10)
    assert watched["ok"] and watched["teams"][0]["status"] == "ready"

    trainee = browser(production.base)
    trainee.join(watched["teams"][0]["join_code"], "Lê Văn Cường")
    inbox = Inbox()
    trainee_socket = _socket(trainee, T, transport, {"event": inbox})
    ack = _play(teacher_socket, trainee_socket, inbox, exercise_id)
    assert ack["ok"] and ack["event"]["kind"] == "action", ack
    assert "gevent" in production.output()  # gunicorn said which worker it runs


def test_an_instructor_on_one_process_sees_a_team_played_on_another_through_redis(opened, tmp_path):
    server, browser = opened
    redis = {"CRISIS_REDIS_URL": require_redis()}
    with postgres_database(migrated=True) as url:
        first = server(url, SECRET, tmp_path / "a.log", env=redis)
        second = server(url, SECRET, tmp_path / "b.log", env=redis)
        teacher = browser(first.base)
        teacher.login(DEMO_USERNAME, DEMO_PASSWORD)
        exercise_id = teacher.create_exercise("nuoc-may-nhiem-doc", seed=3, speed=SPEED, roster=ROSTER)
        console = Inbox()
        on_first = _socket(teacher, I, "websocket", {"events": console})
        watched = on_first.call("watch", {"exercise_id": exercise_id}, namespace=I, timeout=10)
        assert watched["ok"]
        team_id = watched["teams"][0]["team_id"]
        assert on_first.call("open", {"team_id": team_id}, namespace=I, timeout=10)["ok"]  # its whole stream, here

        teacher_there = browser(second.base)
        teacher_there.http.cookies.update(teacher.http.cookies)  # the same login, the other process
        on_second = _socket(teacher_there, I, "websocket", {})
        assert on_second.call("watch", {"exercise_id": exercise_id}, namespace=I, timeout=10)["ok"]
        trainee = browser(second.base)
        trainee.join(watched["teams"][0]["join_code"], "Lê Văn Cường")
        inbox = Inbox()
        trainee_socket = _socket(trainee, T, "websocket", {"event": inbox})
        ack = _play(on_second, trainee_socket, inbox, exercise_id)
        assert ack["ok"], ack

        acted = ack["event"]["seq"]
        got = console.wait_for(lambda items: any(e["seq"] == acted for m in items for e in m["events"]), timeout=15)
        assert {m["team_id"] for m in got} == {team_id}
        seen = [e["seq"] for m in got for e in m["events"]]
        assert seen == sorted(seen) and len(seen) == len(set(seen))  # in order, each once
