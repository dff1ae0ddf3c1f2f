"""Small helpers for the web tests: what was received and stored, and a live drill of two teams to drive."""

from __future__ import annotations

import json

from sqlalchemy import select

from web.extensions import db
from web.models import EventRecord, InputRecord, Team
from web.outbox import INSTRUCTOR_NAMESPACE, TRAINEE_NAMESPACE
from web.setup import prepare


def received(socket, name: str, namespace: str = TRAINEE_NAMESPACE) -> list:
    """The payloads of the messages called `name` the socket received since last asked."""
    return [m["args"][0] for m in socket.get_received(namespace) if m["name"] == name]


def stored_events(app, team_id: int) -> list[dict]:
    """A team's events as stored, in order."""
    with app.app_context():
        return list(
            db.session.scalars(select(EventRecord.body).where(EventRecord.team_id == team_id).order_by(EventRecord.seq))
        )


def stored_inputs(app, team_id: int) -> list[dict]:
    """A team's inputs as stored, in order."""
    with app.app_context():
        rows = db.session.scalars(select(InputRecord).where(InputRecord.team_id == team_id).order_by(InputRecord.number))
        return [{"number": r.number, "at": r.at, "source": r.source, "kind": r.kind, "payload": r.payload} for r in rows]


def canon(events: list[dict]) -> list[str]:
    return [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in events]


def team_status(app, team_id: int) -> str:
    with app.app_context():
        return db.session.get(Team, team_id).status


def restart(app) -> None:
    """What a new process on the same database does: no team in memory, then `prepare` (rebuild all)."""
    live = app.extensions["live"]
    live._teams.clear()
    with app.app_context():
        db.session.remove()
        prepare(app)


def live_team(app, team_id: int):
    with app.app_context():
        return app.extensions["live"].team(team_id)


def act(sock, kind: str, **params) -> dict:
    return sock.emit("act", {"type": kind, "params": params}, namespace=TRAINEE_NAMESPACE, callback=True)


def sync(sock, after: int) -> list[dict]:
    answer = sock.emit("sync", {"after": after}, namespace=TRAINEE_NAMESPACE, callback=True)
    assert answer["ok"], answer
    return answer["events"]


def control(teacher, team_id: int, command: str, **args) -> dict:
    answer = teacher.emit(
        "control", {"team_id": team_id, "command": command, "args": args}, namespace=INSTRUCTOR_NAMESPACE, callback=True
    )
    assert answer["ok"], answer
    return answer["teams"][0]["state"]


def watch(teacher, exercise_id: int) -> dict[int, dict]:
    answer = teacher.emit("watch", {"exercise_id": exercise_id}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    assert answer["ok"], answer
    return {t["team_id"]: t for t in answer["teams"]}


def opened(teacher, team_id: int) -> dict:
    """The snapshot of a team the console opens (its events, observations, score); its events then reach `teacher`."""
    answer = teacher.emit("open", {"team_id": team_id}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    assert answer["ok"], answer
    return answer["team"]


def snapshots(teacher, exercise_id: int) -> dict[int, dict]:
    """Every team of the exercise as the console shows it opened, one after the other."""
    return {team_id: opened(teacher, team_id) for team_id in watch(teacher, exercise_id)}


def console_on(platform, team_id: int):
    """An instructor socket of its own with the team open: a console has one team open at a time."""
    teacher = platform.instructor_socket(platform.instructor_client())
    opened(teacher, team_id)
    return teacher


def visible(events: list[dict], role: str) -> list[dict]:
    return [e for e in events if role in e["audience"]]


def run(platform, clock, seconds: float, step: float = 0.7) -> None:
    """Let wall time pass in uneven steps (speed 60: one scenario minute a second), ticking each."""
    while seconds > 0:
        clock.advance(min(step, seconds))
        seconds -= step
        platform.tick()


class Drill:
    """An exercise of two teams, the instructor watching, every trainee of team A connected."""

    def __init__(self, platform, clock):
        self.platform, self.clock = platform, clock
        self.exercise_id, [(self.team_a, code_a), (self.team_b, code_b)] = platform.exercise()
        self.codes = {self.team_a: code_a, self.team_b: code_b}
        self.teacher = platform.instructor_socket(platform.instructor_client())
        watch(self.teacher, self.exercise_id)
        self.http = {role: platform.trainee_client(code_a, f"{name} 1") for role, name in platform.ROLES.items()}
        self.sockets = {role: platform.trainee_socket(client) for role, client in self.http.items()}
        self.other = platform.trainee_socket(platform.trainee_client(code_b, f"{platform.ROLES['info_department']} 2"))

    def start_all(self) -> None:
        answer = self.teacher.emit(
            "control", {"exercise_id": self.exercise_id, "command": "start"}, namespace=INSTRUCTOR_NAMESPACE, callback=True
        )
        assert answer["ok"] and all(t["ok"] for t in answer["teams"]), answer

    def play_a(self) -> list[dict]:
        """Team A plays a while: actions with delayed answers, controls, injects; returns the acks."""
        s = self.sockets
        acks = []
        run(self.platform, self.clock, 12.3)  # post-video is out at minute 10
        acks.append(act(s["info_department"], "flag_issue", item="post-video", level=1, note="lan nhanh"))
        acks.append(act(s["info_department"], "request_takedown", post="post-video"))
        run(self.platform, self.clock, 3.1)
        acks.append(act(s["propaganda_board"], "propose_spokesperson", speaker="spokesperson"))
        acks.append(act(s["propaganda_board"], "verify", agency="water_company"))
        acks.append(act(s["spokesperson"], "report_up", to="propaganda_board", summary="Nước đục sau súc xả"))
        acks.append(act(s["spokesperson"], "answer_press", call="post-video", text="sai loại"))  # refused
        control(self.teacher, self.team_a, "speed", speed=90)
        run(self.platform, self.clock, 9.4)
        control(self.teacher, self.team_a, "pause")
        control(
            self.teacher,
            self.team_a,
            "custom",
            channel="hotline",
            sender="Bà Tư",
            content="Nước có uống được không?",
            to=["spokesperson", "info_department"],
        )
        control(self.teacher, self.team_a, "resume")
        run(self.platform, self.clock, 8.8)
        acks.append(
            act(
                s["spokesperson"],
                "issue_statement",
                channel="portal",
                form="press_release",
                text="Nước đục do súc xả đường ống sau sự cố vỡ ống, không nhiễm độc. Sẽ cập nhật lúc 10 giờ.",
            )
        )
        acks.append(act(s["info_department"], "monitor"))
        run(self.platform, self.clock, 13.7)
        return acks
