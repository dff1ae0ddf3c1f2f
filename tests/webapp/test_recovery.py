"""Nothing lost, for real: the server process is killed with SIGKILL in the middle of an exercise,
started again on the same database, and every running team comes back paused, rebuilt from its log,
with every acknowledged input and every event sent before the kill; resumed, it goes on.

Everything goes through the server's own doors: HTTP forms (with their CSRF tokens) to log in, create
the exercise and join, python-socketio clients carrying the session cookie for the rest; the database
is only read, with sqlite3, to check what is stored.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time

import pytest

from server_helpers import DEMO_PASSWORD, Browser, Inbox, Server
from web.setup import DEMO_USERNAME

pytestmark = pytest.mark.slow

SECRET = "recovery-test-secret-key"
T, I = "/trainee", "/instructor"  # noqa: E741 - the two namespaces, short in every call
NAMES = {
    "A": {"spokesperson": "Nguyễn Văn An", "propaganda_board": "Trần Thị Bình", "info_department": "Lê Văn Cường"},
    "B": {"spokesperson": "Phạm Thị Dung", "propaganda_board": "Hoàng Văn Em", "info_department": "Võ Thị Giang"},
}
ROSTER = "\n\n".join(
    f"Đội {team}\n" + "\n".join(f"{role}: {name}" for role, name in roles.items()) for team, roles in NAMES.items()
)
SPEED = 600  # scenario minutes per real minute: ten a second


@pytest.fixture
def world(tmp_path):
    """The server (killed at the end whatever happens) and every browser opened on it (closed)."""
    database = tmp_path / "x.db"
    server = Server(f"sqlite:///{database}", SECRET, tmp_path / "server.log")
    browsers: list[Browser] = []

    def browser() -> Browser:
        browsers.append(Browser(server.base))
        return browsers[-1]

    try:
        yield server, database, browser
    finally:
        server.kill()  # first: a socket closes at once on a dead server, in 3 s on a live one
        for b in browsers:
            b.close()


def canon(event: dict) -> str:
    return json.dumps(event, ensure_ascii=False, sort_keys=True)


def query(database, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(database) as db:
        return db.execute(sql, args).fetchall()


def call(sock, event: str, data: dict) -> dict:
    return sock.call(event, data, namespace=T if event in ("act", "sync") else I, timeout=10)


def open_each(teacher, first, team_ids: dict[str, int], console: Inbox) -> dict[int, dict]:
    """Every team opened, each on a console socket of its own (`first` opens the first): a console has one team open.
    Their events go to `console`; returns each team's snapshot."""
    sockets = [first] + [teacher.socket(I, on={"events": console}) for _ in list(team_ids)[1:]]
    return {
        team_id: call(sock, "open", {"team_id": team_id})["team"]
        for sock, team_id in zip(sockets, team_ids.values(), strict=True)
    }


def test_a_server_killed_mid_exercise_comes_back_paused_and_has_lost_nothing(world):
    server, database, browser = world
    started_at = time.monotonic()
    server.start()

    # --- an exercise of two teams, every trainee of team A and one of team B connected ---
    teacher = browser()
    teacher.login(DEMO_USERNAME, DEMO_PASSWORD)
    exercise_id = teacher.create_exercise("nuoc-may-nhiem-doc", seed=7, speed=SPEED, roster=ROSTER)
    console = Inbox()
    teacher_socket = teacher.socket(I, on={"events": console})
    watched = call(teacher_socket, "watch", {"exercise_id": exercise_id})
    assert watched["ok"] and [t["status"] for t in watched["teams"]] == ["ready", "ready"]
    teams = dict(zip("AB", watched["teams"], strict=True))
    team_ids = {name: t["team_id"] for name, t in teams.items()}
    open_each(teacher, teacher_socket, team_ids, console)

    trainees: dict[tuple[str, str], tuple[Browser, Inbox]] = {}
    sockets = {}
    for team, role in [("A", "spokesperson"), ("A", "propaganda_board"), ("A", "info_department"), ("B", "info_department")]:
        person = browser()
        person.join(teams[team]["join_code"], NAMES[team][role])
        inbox = Inbox()
        sockets[team, role] = person.socket(T, on={"event": inbox})
        trainees[team, role] = (person, inbox)

    started = call(teacher_socket, "control", {"exercise_id": exercise_id, "command": "start"})
    assert started["ok"] and [t["state"]["status"] for t in started["teams"]] == ["running", "running"]

    # --- the trainees act while the world runs ---
    acks: list[tuple[str, dict, dict]] = []  # (team, what was sent, the ack)

    def act(team: str, role: str, kind: str, **params) -> dict:
        sent = {"type": kind, "params": params}
        ack = call(sockets[team, role], "act", sent)
        assert ack.get("event"), ack
        acks.append((team, {"role": role, **sent}, ack))
        return ack

    info_a = trainees["A", "info_department"][1]
    info_a.wait_for(lambda got: any(e.get("inject") == "post-video" for e in got))  # minute 10
    act("A", "info_department", "request_takedown", post="post-video")
    act("A", "info_department", "flag_issue", item="post-video", level=1, note="lan nhanh trong nhóm cư dân")
    act("A", "propaganda_board", "verify", agency="water_company")
    act("A", "propaganda_board", "propose_spokesperson", speaker="spokesperson")
    act("A", "spokesperson", "report_up", to="propaganda_board", summary="Nước đục do súc xả, chưa xác minh")
    act("B", "info_department", "monitor", note="theo dõi")
    refused = act("A", "spokesperson", "request_takedown", post="post-video")
    assert not refused["ok"] and refused["event"]["kind"] == "refused"
    trainees["A", "spokesperson"][1].wait_for(lambda got: any(e["kind"] == "fact" for e in got))  # ~20 minutes later
    act(
        "A",
        "spokesperson",
        "issue_statement",
        channel="portal",
        form="press_release",
        text="Nước đục do súc xả đường ống sau sự cố, không nhiễm độc. Công ty sẽ cập nhật lúc 10 giờ.",
    )
    act("A", "info_department", "monitor")
    assert [ack["ok"] for _, _, ack in acks] == [True] * 6 + [False] + [True] * 2
    time.sleep(0.4)  # the world runs on a little: the kill lands between ticks, or in one

    # --- kill -9, mid-exercise ---
    os.kill(server.pid, signal.SIGKILL)
    server.process.wait(timeout=10)
    before = {key: inbox.snapshot() for key, (_, inbox) in trainees.items()}
    console_before = console.snapshot()
    assert all(before.values()) and console_before
    for person, _ in trainees.values():
        person.close()  # the dead connections; the HTTP sessions (cookies) are kept below
    teacher.close()

    server.start()  # the same database, the same port

    # --- both teams are paused, every acknowledged input is stored with its stamp ---
    statuses = dict(query(database, "SELECT id, status FROM team WHERE exercise_id = ?", exercise_id))
    assert statuses == {team_ids["A"]: "paused", team_ids["B"]: "paused"}
    for team, sent, ack in acks:
        rows = query(
            database, "SELECT at, source, payload FROM input_record WHERE team_id = ? AND kind = 'action'", team_ids[team]
        )
        matches = [(at, source) for at, source, payload in rows if json.loads(payload) == sent]
        assert len(matches) == 1, (team, sent)
        assert round(matches[0][0], 3) == ack["event"]["t"] and matches[0][1].startswith("member:")
    starts = query(database, "SELECT team_id, number FROM input_record WHERE kind = 'start' ORDER BY team_id")
    assert starts == [(team_ids["A"], 1), (team_ids["B"], 1)]
    for team_id in team_ids.values():
        numbers = [
            n for (n,) in query(database, "SELECT number FROM input_record WHERE team_id = ? ORDER BY number", team_id)
        ]
        assert numbers == list(range(1, len(numbers) + 1))

    # --- a trainee who reconnects gets everything it had, identical, and nothing of other roles ---
    stored = {
        name: [
            json.loads(b)
            for (b,) in query(database, "SELECT body FROM event_record WHERE team_id = ? ORDER BY seq", team_id)
        ]
        for name, team_id in team_ids.items()
    }
    for events in stored.values():
        assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    fresh: dict[tuple[str, str], Inbox] = {}
    for (team, role), (person, _) in trainees.items():
        fresh[team, role] = Inbox()
        hello = Inbox()
        sockets[team, role] = person.socket(T, on={"event": fresh[team, role], "hello": hello})
        assert hello.wait_for(bool)[0]["status"] == "paused"
        synced = call(sockets[team, role], "sync", {"after": 0})
        assert synced["ok"]
        events = synced["events"]
        assert events and all(role in e["audience"] for e in events), (team, role)
        assert [canon(e) for e in events] == [canon(e) for e in stored[team] if role in e["audience"]]
        by_seq = {e["seq"]: canon(e) for e in events}
        assert all(by_seq.get(e["seq"]) == canon(e) for e in before[team, role]), (team, role)
    assert any(e["kind"] == "fact" for e in call(sockets["A", "spokesperson"], "sync", {"after": 0})["events"])

    # --- the instructor's console: the teams paused, with all their events and actions ---
    teacher = browser()
    teacher.login(DEMO_USERNAME, DEMO_PASSWORD)  # a new login, as after a restart in class
    console = Inbox()
    teacher_socket = teacher.socket(I, on={"events": console})
    assert call(teacher_socket, "watch", {"exercise_id": exercise_id})["ok"]
    snapshot = open_each(teacher, teacher_socket, team_ids, console)
    for name, team_id in team_ids.items():
        team = snapshot[team_id]
        assert team["status"] == "paused" and team["minute"] >= stored[name][-1]["t"] - 0.01
        assert [canon(e) for e in team["events"]] == [canon(e) for e in stored[name]]
        had = [e for m in console_before if m["team_id"] == team_id for e in m["events"]]
        assert [canon(e) for e in team["events"][: len(had)]] == [canon(e) for e in had]
        actions = [(e["role"], e["type"], e["params"]) for e in team["events"] if e["kind"] in ("action", "refused")]
        assert actions == [(sent["role"], sent["type"], sent["params"]) for t, sent, _ in acks if t == name]

    # --- still paused, the instructor writes to team A: the next number, stored, delivered ---
    last = {team_id: len(stored[name]) for name, team_id in team_ids.items()}
    custom = call(
        teacher_socket,
        "control",
        {
            "team_id": team_ids["A"],
            "command": "custom",
            "args": {
                "channel": "hotline",
                "sender": "Bà Tư",
                "content": "Máy chủ vừa khởi động lại?",
                "to": ["info_department"],
            },
        },
    )
    assert custom["ok"] and custom["teams"][0]["state"]["status"] == "paused"
    inject = fresh["A", "info_department"].wait_for(bool)[0]
    assert inject["kind"] == "inject" and inject["content"]["vi"] == "Máy chủ vừa khởi động lại?"
    assert inject["seq"] == last[team_ids["A"]] + 1
    [(body,)] = query(database, "SELECT body FROM event_record WHERE team_id = ? AND seq = ?", team_ids["A"], inject["seq"])
    assert json.loads(body) == inject
    last[team_ids["A"]] += 1
    console.wait_for(lambda got: any(e["seq"] == inject["seq"] for m in got for e in m["events"]))
    console.clear()

    # --- resumed, the world goes on, numbering on, and new actions are accepted ---
    resumed = call(teacher_socket, "control", {"exercise_id": exercise_id, "command": "resume"})
    assert resumed["ok"] and [t["state"]["status"] for t in resumed["teams"]] == ["running", "running"]
    messages = console.wait_for(lambda got: {m["team_id"] for m in got if m["events"]} >= set(team_ids.values()))
    for team_id in team_ids.values():
        new = [e for m in messages if m["team_id"] == team_id for e in m["events"]]
        assert [e["seq"] for e in new] == list(range(last[team_id] + 1, last[team_id] + 1 + len(new)))
    ack = call(sockets["A", "info_department"], "act", {"type": "refer_police", "params": {"item": "post-video"}})
    assert ack["ok"] and ack["event"]["seq"] > last[team_ids["A"]]
    assert query(
        database,
        "SELECT count(*) FROM input_record WHERE team_id = ? AND kind = 'action' AND payload LIKE ?",
        team_ids["A"],
        "%refer_police%",
    ) == [(1,)]
    got = fresh["A", "info_department"].wait_for(lambda got: any(e["seq"] == ack["event"]["seq"] for e in got))
    assert all("info_department" in e["audience"] for e in got)
    assert time.monotonic() - started_at < 30


def test_a_brace_in_an_answer_and_a_poisoned_exercise_do_not_take_the_server_down(world):
    """The trainee's `{` is quoted by the press as written; after kill -9 the server starts, the sound exercise
    resumes, and the one whose stored drill text no longer loads is reported, not fatal."""
    server, database, browser = world
    server.start()
    teacher = browser()
    teacher.login(DEMO_USERNAME, DEMO_PASSWORD)
    sound = teacher.create_exercise("nuoc-may-nhiem-doc", seed=3, speed=SPEED, roster=ROSTER)
    poisoned = teacher.create_exercise("nuoc-may-nhiem-doc", seed=4, speed=SPEED, roster=ROSTER)
    teacher_socket = teacher.socket(I)
    teams = {exercise: call(teacher_socket, "watch", {"exercise_id": exercise})["teams"] for exercise in (sound, poisoned)}
    speaker = browser()
    speaker.join(teams[sound][0]["join_code"], NAMES["A"]["spokesperson"])
    inbox = Inbox()
    speaker_socket = speaker.socket(T, on={"event": inbox})
    for exercise in (sound, poisoned):
        assert call(teacher_socket, "control", {"exercise_id": exercise, "command": "start"})["ok"]
    inbox.wait_for(lambda got: any(e.get("inject") == "call-paper" for e in got), timeout=20)
    answer = "Chúng tôi {đang kiểm tra {resident:>1000000}"
    assert call(speaker_socket, "act", {"type": "answer_press", "params": {"call": "call-paper", "text": answer}})["ok"]
    article = inbox.wait_for(lambda got: any(e.get("inject") == "call-paper-report" for e in got), timeout=20)
    (report,) = [e for e in article if e.get("inject") == "call-paper-report"]
    assert f"“{answer}”" in report["content"]["vi"] and len(report["content"]["vi"]) < 400

    os.kill(server.pid, signal.SIGKILL)
    server.process.wait(timeout=10)
    with sqlite3.connect(database) as db:
        db.execute("UPDATE exercise SET scenario_text = 'duration: {' WHERE id = ?", (poisoned,))
    speaker.close()
    teacher.close()
    server.start()  # it starts: the poisoned exercise is logged, the others rebuilt

    teacher = browser()
    teacher.login(DEMO_USERNAME, DEMO_PASSWORD)
    teacher_socket = teacher.socket(I)
    assert call(teacher_socket, "control", {"exercise_id": sound, "command": "resume"})["ok"]
    watched = call(teacher_socket, "watch", {"exercise_id": poisoned})
    assert watched["ok"] and all("không còn đọc được" in t["fault"] for t in watched["teams"])
    refused = call(teacher_socket, "control", {"exercise_id": poisoned, "command": "resume"})
    assert not refused["ok"]
    assert "cannot be rebuilt" in server.output()
