"""Security of the live sockets: who may connect, what each role may do and see, and what malformed input does.

Every refused attempt must leave an `AuditEntry`; nothing refused may change a
team's world or its input log; nobody sees another room's or another team's events.
"""

from __future__ import annotations

import math
import threading

import pytest
import websocket
from sqlalchemy import select
from werkzeug.serving import make_server

from live_helpers import received
from security_helpers import PollingSocket, audits, count, inputs
from scenarios.actions import MAX_TEXT
from web.extensions import db, socketio
from web.models import EventRecord, InputRecord, Instructor, Member, Observation, Team
from web.outbox import INSTRUCTOR_NAMESPACE, TRAINEE_NAMESPACE

NAMES = {"spokesperson": "Nguyễn Văn An", "propaganda_board": "Trần Thị Bình", "info_department": "Lê Văn Cường"}
ROLES = tuple(NAMES)


def ask(socket, event: str, data, namespace: str = TRAINEE_NAMESPACE):
    return socket.emit(event, data, namespace=namespace, callback=True)


def control(teacher, data):
    return ask(teacher, "control", data, INSTRUCTOR_NAMESPACE)


def name_of(role: str, team_number: int) -> str:
    """The trainee `Platform.exercise` gives that role in team `team_number`."""
    return f"{NAMES[role]} {team_number}"


def user_id(app, model, **where) -> str:
    with app.app_context():
        return db.session.scalars(select(model).filter_by(**where)).one().get_id()


def team_status(app, team_id: int) -> str:
    with app.app_context():
        return db.session.get(Team, team_id).status


def deep(levels: int):
    value: list = []
    for _ in range(levels):
        value = [value]
    return value


def _drill(platform, clock, teams: int) -> dict:
    """Lan's exercise, every team running at minute 40, every trainee and Lan connected."""
    exercise_id, codes = platform.exercise(teams=teams)
    teacher = platform.instructor_socket(platform.instructor_client("lan"))
    assert ask(teacher, "watch", {"exercise_id": exercise_id}, INSTRUCTOR_NAMESPACE)["ok"]
    sockets = {
        (number, role): platform.trainee_socket(platform.trainee_client(code, name_of(role, number)))
        for number, (_, code) in enumerate(codes, start=1)
        for role in ROLES
    }
    assert control(teacher, {"exercise_id": exercise_id, "command": "start"})["ok"]
    clock.advance(40)  # speed 60: 40 real seconds = 40 scenario minutes
    platform.tick()
    return {"exercise_id": exercise_id, "teams": [t for t, _ in codes], "teacher": teacher, "sockets": sockets}


@pytest.fixture
def drill(platform, clock):
    """Two teams (A and B) under way."""
    return _drill(platform, clock, teams=2)


@pytest.fixture
def solo(platform, clock):
    """One team under way (cheaper, where no second team is needed)."""
    return _drill(platform, clock, teams=1)


# --- who may connect ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "namespace, what", [(TRAINEE_NAMESPACE, "trainee socket"), (INSTRUCTOR_NAMESPACE, "instructor socket")]
)
def test_an_anonymous_socket_is_refused_and_audited(app, namespace, what):
    socket = socketio.test_client(app, namespace=namespace)
    assert not socket.is_connected(namespace)
    assert [(who.startswith("anonymous@"), w) for who, w, _ in audits(app)] == [(True, what)]


@pytest.mark.parametrize(
    "user, namespace, what",
    [("trainee", INSTRUCTOR_NAMESPACE, "instructor socket"), ("instructor", TRAINEE_NAMESPACE, "trainee socket")],
)
def test_a_socket_of_the_other_kind_is_refused_and_audited(app, platform, user, namespace, what):
    _, [(_, code), _] = platform.exercise()
    if user == "trainee":
        name = name_of("spokesperson", 1)
        http, who = platform.trainee_client(code, name), user_id(app, Member, name=name)
    else:
        http, who = platform.instructor_client("lan"), user_id(app, Instructor, username="lan")
    socket = socketio.test_client(app, namespace=namespace, flask_test_client=http)
    assert not socket.is_connected(namespace)
    assert [(w, wt) for w, wt, _ in audits(app)] == [(who, what)]


@pytest.mark.parametrize(
    "user, event",
    [("trainee", "control"), ("trainee", "watch"), ("trainee", "observe"), ("instructor", "act"), ("instructor", "sync")],
)
def test_an_event_of_the_other_role_is_refused_and_audited(app, platform, user, event):
    exercise_id, [(team_id, code), _] = platform.exercise()
    if user == "trainee":
        name = name_of("propaganda_board", 1)
        socket = platform.trainee_socket(platform.trainee_client(code, name))
        who, namespace = user_id(app, Member, name=name), TRAINEE_NAMESPACE
    else:
        socket = platform.instructor_socket(platform.instructor_client("lan"))
        who, namespace = user_id(app, Instructor, username="lan"), INSTRUCTOR_NAMESPACE
    data = {
        "team_id": team_id,
        "exercise_id": exercise_id,
        "command": "start",
        "text": "x",
        "type": "message",
        "params": {"text": "x"},
        "after": 0,
    }
    ack = ask(socket, event, data, namespace)
    assert ack["ok"] is False and "events" not in ack and "teams" not in ack
    assert audits(app)[-1] == (who, f"socket event {event}", f"no such event on {namespace}")
    assert team_status(app, team_id) == "ready" and count(app, InputRecord) == 0 and count(app, Observation) == 0


def test_an_oversized_polling_message_is_refused_and_the_connection_goes_on(app, platform):
    """Over 64 KiB a long-polling POST gets 413 at once: nothing recorded, no server thread held.

    No `socketio.test_client` here: it would reroute every packet the server sends to itself.
    """
    _, [(team_id, code), _] = platform.exercise()
    with app.app_context():
        app.extensions["live"].control(team_id, user_id(app, Instructor, username="lan"), "start", {})
    socket = PollingSocket(platform.trainee_client(code, name_of("spokesperson", 1)), TRAINEE_NAMESPACE)
    assert socket.connect().startswith(f"40{TRAINEE_NAMESPACE},")

    body = socket.emit_body("act", {"type": "message", "params": {"text": "x" * (64 * 1024)}})
    assert len(body.encode()) > 64 * 1024
    answers: list = []  # before the guard, Engine.IO held this request until a poll came: never, here
    sender = threading.Thread(target=lambda: answers.append(socket.post(body)), daemon=True)
    sender.start()
    sender.join(timeout=10)
    assert answers, "the oversized POST was not answered"
    assert answers[0].status_code == 413 and answers[0].get_data(as_text=True) == "Thông điệp quá lớn."

    assert socket.post(socket.emit_body("act", {"type": "message", "params": {"text": "ổn / fine"}})).status_code == 200
    [ack] = socket.ack()
    assert ack["ok"] and ack["event"]["params"] == {"text": "ổn / fine"}
    socket.close()
    assert [r.payload["params"] for r in inputs(app, team_id) if r.kind == "action"] == [{"text": "ổn / fine"}]


def test_an_oversized_websocket_message_closes_that_connection_at_the_limit(app):
    """On the WebSocket transport a message is cut off once it passes 64 KiB (close code 1009, not buffered whole)."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"ws://127.0.0.1:{server.port}/socket.io/?EIO=4&transport=websocket"
    try:
        hostile = websocket.create_connection(url, timeout=10)
        assert hostile.recv().startswith("0{")
        hostile.send("4" + "x" * (64 * 1024 + 1))  # an Engine.IO message packet
        opcode, data = hostile.recv_data(control_frame=True)
        assert (opcode, int.from_bytes(data[:2], "big")) == (websocket.ABNF.OPCODE_CLOSE, 1009)
        hostile.close()

        other = websocket.create_connection(url, timeout=10)  # the server goes on
        assert other.recv().startswith("0{")
        other.send(f"40{TRAINEE_NAMESPACE},")
        assert other.recv().startswith(f"44{TRAINEE_NAMESPACE},")  # and still refuses the anonymous
        other.close()
    finally:
        server.shutdown()


@pytest.mark.parametrize("origin, status", [("http://localhost", 200), ("http://evil.example", 400)])
def test_a_socket_from_another_site_is_refused(app, origin, status):
    """The session cookie rides along cross-site WebSocket requests: only the app's own origin may connect."""
    response = app.test_client().get("/socket.io/?EIO=4&transport=polling", headers={"Origin": origin})
    assert response.status_code == status


# --- instructors: only their own exercises -------------------------------------------------------


def _foreign_attempts(exercise_id: int, team_id: int):
    return [
        ("watch", {"exercise_id": exercise_id}, f"exercise {exercise_id}"),
        ("control", {"team_id": team_id, "command": "start"}, f"team {team_id}"),
        ("control", {"exercise_id": exercise_id, "command": "start"}, f"exercise {exercise_id}"),
        ("observe", {"team_id": team_id, "text": "ghi chú lạ / stranger's note"}, f"team {team_id}"),
        ("open", {"team_id": team_id}, f"team {team_id}"),
        ("score", {"exercise_id": exercise_id}, f"exercise {exercise_id}"),
    ]


@pytest.mark.parametrize("attempt", range(6), ids=["watch", "control-team", "control-exercise", "observe", "open", "score"])
def test_an_instructor_cannot_touch_another_instructors_exercise(app, platform, attempt):
    exercise_id, [(team_id, _), _] = platform.exercise("lan")
    minh = platform.instructor_socket(platform.instructor_client("minh"))
    event, data, what = _foreign_attempts(exercise_id, team_id)[attempt]
    ack = ask(minh, event, data, INSTRUCTOR_NAMESPACE)
    assert ack["ok"] is False and "teams" not in ack and "team" not in ack
    assert team_status(app, team_id) == "ready"
    assert count(app, InputRecord) == 0 and count(app, Observation) == 0
    assert [(who, w) for who, w, _ in audits(app)] == [(user_id(app, Instructor, username="minh"), what)]


def test_an_instructor_receives_nothing_of_another_instructors_exercise(app, platform, clock):
    exercise_id, [(team_id, _), _] = platform.exercise("lan")
    lan = platform.instructor_socket(platform.instructor_client("lan"))
    minh = platform.instructor_socket(platform.instructor_client("minh"))
    assert ask(minh, "watch", {"exercise_id": exercise_id}, INSTRUCTOR_NAMESPACE)["ok"] is False
    assert ask(minh, "open", {"team_id": team_id}, INSTRUCTOR_NAMESPACE)["ok"] is False
    assert ask(lan, "watch", {"exercise_id": exercise_id}, INSTRUCTOR_NAMESPACE)["ok"]
    assert ask(lan, "open", {"team_id": team_id}, INSTRUCTOR_NAMESPACE)["ok"]
    assert control(lan, {"team_id": team_id, "command": "start"})["ok"]
    clock.advance(30)
    platform.tick()
    assert ask(lan, "observe", {"team_id": team_id, "text": "tốt / good"}, INSTRUCTOR_NAMESPACE)["ok"]
    assert {m["name"] for m in lan.get_received(INSTRUCTOR_NAMESPACE)} >= {"events", "observation", "summary"}
    assert minh.get_received(INSTRUCTOR_NAMESPACE) == []


# --- trainees: their own role, their own team ----------------------------------------------------


@pytest.mark.parametrize(
    "message, kind",
    [
        ({"type": "message", "role": "propaganda_board", "params": {"text": "chào"}}, "action"),
        ({"type": "direct_press", "role": "propaganda_board", "params": {"text": "đăng bài"}}, "refused"),
        ({"type": "message", "params": {"text": "chào", "role": "propaganda_board"}}, "refused"),
        ({"type": "direct_press", "params": {"text": "đăng bài", "role": "propaganda_board"}}, "refused"),
    ],
    ids=["top-level-allowed", "top-level-forbidden", "in-params-allowed", "in-params-forbidden"],
)
def test_a_trainee_always_acts_in_their_own_role(app, solo, message, kind):
    info = solo["sockets"][(1, "info_department")]
    ack = ask(info, "act", message)
    assert ack["event"]["kind"] == kind and ack["event"]["role"] == "info_department"
    [record] = [r for r in inputs(app, solo["teams"][0]) if r.kind == "action"]
    assert (record.source, record.payload["role"]) == (
        user_id(app, Member, name=name_of("info_department", 1)),
        "info_department",
    )
    board = solo["sockets"][(1, "propaganda_board")]
    assert all(e["role"] != "propaganda_board" for e in received(board, "event") if e["kind"] in ("action", "refused"))


@pytest.mark.parametrize(
    "role, action, params",
    [
        ("info_department", "direct_press", {"text": "Yêu cầu các báo đưa tin / Press, report this"}),
        ("spokesperson", "request_takedown", {"post": "post-video"}),
        ("propaganda_board", "monitor", {}),
    ],
)
def test_an_action_outside_the_role_is_refused_with_a_reason_and_audited(app, solo, role, action, params):
    ack = ask(solo["sockets"][(1, role)], "act", {"type": action, "params": params})
    assert ack["ok"] is False
    event = ack["event"]
    assert event["kind"] == "refused" and event["audience"] == [role]
    assert event["reason"]["code"] == "not_allowed" and event["reason"]["vi"] and role in event["reason"]["en"]
    assert audits(app)[-1] == (user_id(app, Member, name=name_of(role, 1)), f"act {action}", event["reason"]["en"])


def test_sync_gives_a_trainee_only_their_roles_events_of_their_own_team(app, drill):
    team_a, team_b = drill["teams"]
    sockets = drill["sockets"]
    assert ask(sockets[(1, "info_department")], "act", {"type": "monitor", "params": {"note": "A-private"}})["ok"]
    assert ask(sockets[(1, "spokesperson")], "act", {"type": "verify", "params": {"note": "A-sp"}})["ok"]
    with app.app_context():
        stored = {
            team: db.session.scalars(
                select(EventRecord.body).where(EventRecord.team_id == team).order_by(EventRecord.seq)
            ).all()
            for team in (team_a, team_b)
        }
    assert {e["kind"] for e in stored[team_a]} >= {"inject", "opinion", "action"}

    for (number, role), socket in drill["sockets"].items():
        ack = ask(socket, "sync", {"after": 0})
        own = stored[drill["teams"][number - 1]]
        assert ack["ok"] and ack["events"] == [e for e in own if role in e["audience"]]
        assert len(ack["events"]) < len(own)  # each role sees strictly less than the whole team log
        assert not [e for e in ack["events"] if e["kind"] == "opinion"]
        if number == 2:
            assert "A-private" not in str(ack["events"]) and "A-sp" not in str(ack["events"])
    spokesperson_a = ask(drill["sockets"][(1, "spokesperson")], "sync", {"after": 0})["events"]
    assert "A-private" not in str(spokesperson_a)  # info's monitoring note goes to info and the board only
    assert "hotline-residents" in str(spokesperson_a) and "post-video" not in str(spokesperson_a)


def test_events_of_one_team_never_reach_another_teams_sockets(app, drill, clock, platform):
    teacher, (team_a, _) = drill["teacher"], drill["teams"]
    for socket in drill["sockets"].values():
        socket.get_received(TRAINEE_NAMESPACE)  # forget the start
    assert ask(teacher, "open", {"team_id": team_a}, INSTRUCTOR_NAMESPACE)["ok"]  # the console opens team A only
    board_a = drill["sockets"][(1, "propaganda_board")]
    assert ask(board_a, "act", {"type": "message", "params": {"text": "A-chat"}})["ok"]
    custom = {"channel": "dispatch", "sender": "Tỉnh ủy", "content": "A-dispatch", "to": list(ROLES)}
    assert control(teacher, {"team_id": team_a, "command": "custom", "args": custom})["ok"]
    clock.advance(30)
    platform.tick()

    got = {key: received(socket, "event") for key, socket in drill["sockets"].items()}
    for role in ROLES:
        assert "A-chat" in str(got[(1, role)]) and "A-dispatch" in str(got[(1, role)])
        assert "A-chat" not in str(got[(2, role)]) and "A-dispatch" not in str(got[(2, role)])
        assert all(role in e["audience"] for e in got[(1, role)] + got[(2, role)])
    assert any(got[(2, role)] for role in ROLES), "team B goes on with its own events"
    teacher_messages = received(teacher, "events", INSTRUCTOR_NAMESPACE)
    assert {m["team_id"] for m in teacher_messages} == {team_a}, "the console gets the events of the team it opened"
    teacher_events = [e for m in teacher_messages for e in m["events"]]
    assert any(e["kind"] == "opinion" for e in teacher_events), "opinion samples exist and reach the instructor"
    assert not [e for events in got.values() for e in events if e["kind"] == "opinion"]


# --- malformed messages ----------------------------------------------------------------------------

MALFORMED_ACTS = {
    "none": None,
    "string": "act",
    "number": 42,
    "list": [{"type": "message"}],
    "no-type": {"params": {"text": "x"}},
    "type-not-text": {"type": 5, "params": {}},
    "params-text": {"type": "message", "params": "x"},
    "params-list": {"type": "message", "params": [["text", "x"]]},
    "params-null": {"type": "message", "params": None},
    "nan": {"type": "flag_issue", "params": {"level": math.nan}},
    "infinity": {"type": "message", "params": {"text": "x", "note": math.inf}},
    "deep-nesting": {"type": "message", "params": {"text": deep(60)}},
}


@pytest.mark.parametrize("message", MALFORMED_ACTS.values(), ids=MALFORMED_ACTS.keys())
def test_a_malformed_act_is_refused_cleanly_and_records_nothing(app, solo, message):
    team_a = solo["teams"][0]
    before = inputs(app, team_a)
    info = solo["sockets"][(1, "info_department")]
    ack = ask(info, "act", message)
    assert ack["ok"] is False and "error" in ack
    assert len(inputs(app, team_a)) == len(before)
    assert audits(app)[-1][1:] == ("act", "malformed message")

    assert ask(info, "act", {"type": "message", "params": {"text": "vẫn ổn / still fine"}})["ok"]
    assert [r.number for r in inputs(app, team_a)] == list(range(1, len(before) + 2))  # no gap in the log


REFUSED_BY_THE_WORLD = {
    "text-too-long": ({"type": "message", "params": {"text": "x" * (MAX_TEXT + 1)}}, "bad_parameter", str(MAX_TEXT)),
    "text-nested": ({"type": "message", "params": {"text": {"a": [1, {"b": None}]}}}, "bad_parameter", "text"),
    "many-params": (
        {"type": "message", "params": {"text": "x", **{f"p{i}": i for i in range(2000)}}},
        "bad_parameter",
        "p1999",
    ),
    "unknown-type": ({"type": "launch_missiles", "params": {}}, "unknown_action", "launch_missiles"),
    "huge-number": ({"type": "flag_issue", "params": {"level": 2**80}}, "bad_parameter", "level"),
    "unknown-item": ({"type": "request_takedown", "params": {"post": "call-tv"}}, "unknown_item", "call-tv"),
}


@pytest.mark.parametrize("message, code, mentioned", REFUSED_BY_THE_WORLD.values(), ids=REFUSED_BY_THE_WORLD.keys())
def test_a_bad_action_is_refused_with_a_reason_and_the_world_goes_on(app, solo, message, code, mentioned):
    info = solo["sockets"][(1, "info_department")]
    ack = ask(info, "act", message)
    assert ack["ok"] is False and ack["event"]["kind"] == "refused"
    assert ack["event"]["reason"]["code"] == code and mentioned in ack["event"]["reason"]["en"]
    assert audits(app)[-1][:2] == (user_id(app, Member, name=name_of("info_department", 1)), f"act {message['type']}")
    assert ask(info, "act", {"type": "message", "params": {"text": "tiếp / go on"}})["ok"]
    assert team_status(app, solo["teams"][0]) == "running"


@pytest.mark.parametrize(
    "data, answer",
    [
        (None, "error"),
        ("x", "error"),
        ([], "error"),
        ({}, "all"),
        ({"after": -(2**70)}, "all"),
        ({"after": 2**70}, "none"),
        ({"after": "3"}, "error"),
        ({"after": True}, "error"),
        ({"after": 1.5}, "error"),
        ({"after": math.nan}, "error"),
    ],
)
def test_sync_with_an_odd_cursor_answers_cleanly(solo, data, answer):
    socket = solo["sockets"][(1, "info_department")]
    everything = ask(socket, "sync", {"after": 0})["events"]
    ack = ask(socket, "sync", data)
    expected = {"all": {"ok": True, "events": everything}, "none": {"ok": True, "events": []}}
    if answer == "error":
        assert ack["ok"] is False and ack["error"]
    else:
        assert ack == expected[answer] and everything


MALFORMED_INSTRUCTOR = {
    "watch-none": ("watch", None),
    "watch-list": ("watch", [1]),
    "watch-text-id": ("watch", {"exercise_id": "1"}),
    "watch-bool-id": ("watch", {"exercise_id": True}),
    "watch-huge-id": ("watch", {"exercise_id": 2**70}),
    "control-none": ("control", None),
    "control-no-command": ("control", {"team_id": "TEAM"}),
    "control-command-number": ("control", {"team_id": "TEAM", "command": 5}),
    "control-unknown-command": ("control", {"team_id": "TEAM", "command": "explode"}),
    "control-args-list": ("control", {"team_id": "TEAM", "command": "start", "args": [1]}),
    "control-args-nan": ("control", {"team_id": "TEAM", "command": "start", "args": {"x": math.nan}}),
    "control-args-deep": ("control", {"team_id": "TEAM", "command": "start", "args": {"x": deep(60)}}),
    "control-huge-team": ("control", {"team_id": 2**70, "command": "start"}),
    "control-huge-exercise": ("control", {"exercise_id": 2**70, "command": "start"}),
    "control-speed-nan": ("control", {"team_id": "TEAM", "command": "speed", "args": {"speed": math.nan}}),
    "open-none": ("open", None),
    "open-list": ("open", [1]),
    "open-text-id": ("open", {"team_id": "1"}),
    "open-huge-id": ("open", {"team_id": 2**70}),
    "score-none": ("score", None),
    "score-bool-team": ("score", {"team_id": True}),
    "observe-none": ("observe", None),
    "observe-no-text": ("observe", {"team_id": "TEAM"}),
    "observe-blank": ("observe", {"team_id": "TEAM", "text": "   "}),
    "observe-too-long": ("observe", {"team_id": "TEAM", "text": "x" * 2001}),
    "observe-text-object": ("observe", {"team_id": "TEAM", "text": {"a": 1}}),
    "observe-at-nan": ("observe", {"team_id": "TEAM", "text": "x", "at": math.nan}),
    "observe-at-infinity": ("observe", {"team_id": "TEAM", "text": "x", "at": math.inf}),
    "observe-at-negative": ("observe", {"team_id": "TEAM", "text": "x", "at": -5}),
    "observe-huge-team": ("observe", {"team_id": 2**70, "text": "x"}),
}


@pytest.mark.parametrize("event, data", MALFORMED_INSTRUCTOR.values(), ids=MALFORMED_INSTRUCTOR.keys())
def test_a_malformed_instructor_message_is_refused_cleanly_and_changes_nothing(app, platform, event, data):
    exercise_id, [(team_id, _)] = platform.exercise("lan", teams=1)
    teacher = platform.instructor_socket(platform.instructor_client("lan"))
    if isinstance(data, dict) and data.get("team_id") == "TEAM":
        data = {**data, "team_id": team_id}
    ack = ask(teacher, event, data, INSTRUCTOR_NAMESPACE)
    assert ack["ok"] is False
    assert team_status(app, team_id) == "ready"
    assert count(app, InputRecord) == 0 and count(app, Observation) == 0
    assert control(teacher, {"exercise_id": exercise_id, "command": "start"})["ok"]  # and the instructor goes on
    assert [r.number for r in inputs(app, team_id)] == [1]
