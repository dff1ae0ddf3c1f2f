"""Where an acknowledged action's time goes: a timing trace of the real server under bench_live.py's load.

    python benchmarks/trace_acks.py [--trainees 50] [--teams 10] [--seconds 20] [--every 5]
        [--database postgres [--postgres URL]]

Runs the production server (gunicorn, one gevent worker) on this module's `app`: `web.wsgi:app` with timers
wrapped around the steps an `act` goes through (nested, per greenlet), and bench_live.py's trainees acting on
it; then prints, per step, the median and mean milliseconds over the acks and how many acks went through it:
  receive       engine.io hands the WebSocket message to Socket.IO: decoded, a greenlet spawned for it
  queued        from that spawn to the handler's greenlet running
  server        the handler's greenlet: Flask-SocketIO's contexts, the handler, the ack packet sent
  flask         Flask-SocketIO: an app and a request context, the session copied, then the handler
  load_user     Flask-Login loading the trainee (its login checked) for this message
  on_act        the handler: the message checked, then LiveExercises.act
  stamp         the world brought to now and what it emitted stored and sent (`_stamp_at`)
  input commit  the input's commit (web.input_log.append_input)
  apply         the world applying it
  flush         its events inserted and committed, then `emit` (web.outbox.send_events: rooms, summary)
The client's round trip minus `server` and `receive` is the transport (the WebSocket both ways, both event loops).
"""

from __future__ import annotations

import atexit
import json
import os
import statistics
import threading
import time
from collections import defaultdict
from functools import wraps

TRACE_ENV = "ACK_TRACE_FILE"
ACT_MESSAGE = '["act"'


class Trace:
    """Nested timers per greenlet; each act's steps (paths like `server/flask/on_act`) in milliseconds."""

    def __init__(self, path: str):
        self.path = path
        self.local = threading.local()  # a greenlet's own under gevent's patching
        self.acks: list[dict[str, float]] = []
        self.receive: list[float] = []
        self.spawned: dict[tuple, float] = {}
        self.statements: list[str] = []

    def wrap(self, owner, name: str, label: str, outermost=None) -> None:
        """Time `owner.name` as `label`, inside an act's trace (or, with `outermost(args)`, starting one)."""
        original = getattr(owner, name)

        @wraps(original)
        def timed(*args, **kwargs):
            stack = getattr(self.local, "stack", None)
            if stack is None:
                if outermost is None or not outermost(args):
                    return original(*args, **kwargs)
                stack, self.local.stack, self.local.parts = [], [], defaultdict(float)
                stack = self.local.stack
            stack.append(label)
            key = "/".join(stack)
            began = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.local.parts[key] += (time.perf_counter() - began) * 1000
                stack.pop()
                if not stack:
                    self.acks.append(dict(self.local.parts))
                    del self.local.stack, self.local.parts
                    if len(self.acks) % 20 == 0:
                        self.dump()

        setattr(owner, name, timed)

    def dump(self) -> None:
        with open(self.path, "w", encoding="utf-8") as out:
            json.dump({"acks": self.acks, "receive": self.receive, "statements": self.statements}, out)


def _traced_app(path: str):
    import socketio as socketio_server
    from flask_socketio import SocketIO

    from web import live, trainee
    from web.extensions import login_manager

    trace = Trace(path)
    atexit.register(trace.dump)
    server_class = socketio_server.Server
    receive_message = server_class._handle_eio_message

    def receive(self, eio_sid, data):
        began = time.perf_counter()
        try:
            return receive_message(self, eio_sid, data)
        finally:
            if isinstance(data, str) and ACT_MESSAGE in data[:40]:
                trace.receive.append((time.perf_counter() - began) * 1000)

    server_class._handle_eio_message = receive
    spawn = server_class._handle_event

    def handle_event(self, eio_sid, namespace, id, data):
        if data and data[0] == "act":
            trace.spawned[(eio_sid, id)] = time.perf_counter()
        return spawn(self, eio_sid, namespace, id, data)

    server_class._handle_event = handle_event
    trace.wrap(server_class, "_handle_event_internal", "server", outermost=lambda args: args[4][0] == "act")
    internal = server_class._handle_event_internal

    def handle_internal(self, server, sid, eio_sid, data, namespace, id):
        spawned, began = trace.spawned.pop((eio_sid, id), None), time.perf_counter()
        result = internal(self, server, sid, eio_sid, data, namespace, id)
        if spawned is not None:  # the act's trace was the last one kept (no other greenlet ran since)
            trace.acks[-1]["queued"] = (began - spawned) * 1000
        return result

    server_class._handle_event_internal = handle_internal

    trace.wrap(server_class, "_send_packet", "send")
    trace.wrap(SocketIO, "_handle_event", "flask")
    trace.wrap(trainee.TraineeNamespace, "on_act", "on_act")
    trace.wrap(live.LiveExercises, "_stamp_at", "stamp")
    trace.wrap(live.LiveExercises, "_commit_input", "input commit")
    trace.wrap(live, "apply_input", "apply")
    trace.wrap(live.LiveExercises, "_flush", "flush")
    trace.wrap(login_manager, "_user_callback", "load_user")

    from web.wsgi import app

    trace.wrap(app.extensions["live"], "outbox", "emit")
    from sqlalchemy import event

    from web.extensions import db

    def count_statement(conn, cursor, statement, *_):
        if getattr(trace.local, "stack", None):
            trace.local.parts["statements (count)"] += 1
            if len(trace.acks) == 10:  # one act's statements, for the report
                trace.statements.append(" ".join(statement.split())[:100])

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", count_statement)
    return app


if os.environ.get(TRACE_ENV):  # imported by gunicorn as the server's app
    app = _traced_app(os.environ[TRACE_ENV])


def report(path: str, ack_latencies: list[float]) -> None:
    """The table of steps, from the server's trace file and the clients' round trips."""
    with open(path, encoding="utf-8") as source:
        traced = json.load(source)
    acks = traced["acks"]
    steps: dict[str, list[float]] = defaultdict(list)
    for ack in acks:
        for key, ms in ack.items():
            steps[key].append(ms)
    print(
        f"\n{len(acks)} acks traced; client round trip p50 {statistics.median(ack_latencies) * 1000:.1f} ms, "
        f"mean {statistics.mean(ack_latencies) * 1000:.1f} ms\n"
    )
    print("| step | acks | median ms | mean ms | p99 ms |")
    print("|---|---|---|---|---|")
    if traced["receive"]:
        receive = sorted(traced["receive"])
        print(
            f"| receive | {len(receive)} | {statistics.median(receive):.2f} | {statistics.mean(receive):.2f} | "
            f"{receive[int(0.99 * (len(receive) - 1))]:.2f} |"
        )
    order = sorted(steps, key=lambda k: (k != "queued", k))
    print("\none act's SQL statements:\n" + "\n".join(f"  {s}" for s in traced["statements"]) + "\n")
    for key in order:
        values = sorted(steps[key])
        print(
            f"| {key} | {len(values)} | {statistics.median(values):.2f} | {statistics.mean(values):.2f} | "
            f"{values[int(0.99 * (len(values) - 1))]:.2f} |"
        )


def main() -> None:
    import argparse
    import tempfile

    from bench_input_log import postgres_database
    from contextlib import ExitStack

    from bench_live import Server, Servers, platform_run
    from services import throwaway

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=50)
    parser.add_argument("--teams", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--speed", type=float, default=600)
    parser.add_argument("--every", type=float, default=5)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres", help="a PostgreSQL cluster's URL (default: a throwaway one, scripts/postgres)")
    args = parser.parse_args()
    args.client_processes = 1
    with tempfile.TemporaryDirectory() as folder, ExitStack() as services:
        path = os.path.join(folder, "trace.json")
        url, drop = None, lambda: None
        if args.database == "postgres":
            url, drop = postgres_database(services.enter_context(throwaway("postgres", args.postgres)))
        with Servers(drop) as servers:
            servers.append(
                Server(
                    os.path.join(folder, "bench.db"),
                    database_url=url,
                    production=True,
                    app="benchmarks.trace_acks:app",
                    env={TRACE_ENV: path},
                )
            )
            row = platform_run("traced", servers, args)
        print(
            f"machine load average {os.getloadavg()[0]:.1f}; {args.trainees} trainees / {args.teams} teams, "
            f"{'PostgreSQL' if url else 'SQLite'}; {row.report.error_count} errors"
        )
        report(path, row.report.ack_latencies)


if __name__ == "__main__":
    main()
