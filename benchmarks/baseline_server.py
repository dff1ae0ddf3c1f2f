"""The live benchmark's baseline: a bare Flask-SocketIO server doing a drill's socket work without the platform.

    gunicorn -k gevent -w 1 --worker-connections 4000 --bind 127.0.0.1:PORT benchmarks.baseline_server:app

What the platform does on the wire, and nothing else (no database, no world, no scoring, no login):
a trainee connects to `/trainee` with `auth={"team", "role"}` and joins its team's role room; the
instructor's `control` on `/instructor` ({"command": "start", "rate": R}) starts every team known so far;
then a ticker every 100 ms (the platform's, letting other greenlets run between two teams) emits to each
team's role rooms its due events, R a second a team, each stamped with `_produced` as CRISIS_TRACE_LATENCY=1
stamps the platform's; a trainee's `act` emits its message to the team's rooms and acks; `sync` answers every
seq the team was sent.
The figures it gives are the floor the framework sets under the platform's (benchmarks/bench_live.py).
"""

from __future__ import annotations

import time

from flask import Flask, request
from flask_socketio import SocketIO, join_room

TICK_SECONDS = 0.1
PADDING = "x" * 300  # about a platform event's size on the wire

app = Flask(__name__)
socketio = SocketIO(app, async_mode="gevent")


class Team:
    def __init__(self):
        self.roles: set[str] = set()
        self.seq = 0
        self.next_due: float | None = None  # None: not started

    def emit(self, kind: str, text: str) -> dict:
        self.seq += 1
        event = {"seq": self.seq, "kind": kind, "audience": sorted(self.roles), "text": text, "_produced": time.time()}
        for role in self.roles:
            socketio.emit("event", event, to=f"{id(self)}/{role}", namespace="/trainee")
        return event


teams: dict[int, Team] = {}
members: dict[str, Team] = {}  # socket id -> its team
started: dict[str, float] = {}


@app.get("/")
def index():
    return "baseline"


@socketio.on("connect", namespace="/trainee")
def connect(auth):
    team = teams.setdefault(int(auth["team"]), Team())
    team.roles.add(str(auth["role"]))
    members[request.sid] = team
    join_room(f"{id(team)}/{auth['role']}")


@socketio.on("disconnect", namespace="/trainee")
def disconnect(*_):
    members.pop(request.sid, None)


@socketio.on("act", namespace="/trainee")
def act(data):
    event = members[request.sid].emit("action", str(data.get("params", {}).get("text", ""))[:200])
    return {"ok": True, "event": event}


@socketio.on("sync", namespace="/trainee")
def sync(data):
    return {"ok": True, "events": [{"seq": n} for n in range(1, members[request.sid].seq + 1)]}


@socketio.on("control", namespace="/instructor")
def control(data):
    if data.get("command") != "start" or started:
        return {"ok": False}
    started["rate"] = float(data["rate"])
    now = time.time()
    for team in teams.values():
        team.next_due = now + 1 / started["rate"]
    socketio.start_background_task(ticker)
    return {"ok": True, "teams": len(teams)}


def ticker() -> None:
    interval = 1 / started["rate"]
    while True:
        now = time.time()
        for team in list(teams.values()):
            while team.next_due is not None and team.next_due <= now:
                team.emit("inject", PADDING)
                team.next_due += interval
            socketio.sleep(0)  # other greenlets run between two teams, as the platform's ticker lets them
        socketio.sleep(TICK_SECONDS)
