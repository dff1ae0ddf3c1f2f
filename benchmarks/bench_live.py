"""Benchmark of the live platform: simulated trainees on loopback, figures printed (see docs/BENCHMARKS.md).

    pip install -e ".[bench]"
    python benchmarks/bench_live.py [--trainees 100 250 500] [--speed 1200] [--seconds 25]

For each size: a real server (`python run.py serve`) on a fresh SQLite file, with
CRISIS_TRACE_LATENCY=1 so each trainee message carries the wall time its event left
the world (before the database write); an exercise of N/5 teams of 5 trainees
(python-socketio AsyncClients, one asyncio loop); every team started at once at a high
speed. Measured: inject-to-client latency (p50, p99, max) of every event received,
delivered / expected (expected = what each trainee's `sync(after=0)` returns at the end),
client errors, and the server's CPU time and peak memory.

Then: 100 teams running at speed 1 with nobody connected, the server's CPU over 20 s
(target: under 10 % of one core).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import requests
import socketio

ROOT = Path(__file__).resolve().parent.parent
ROLES = ("spokesperson", "propaganda_board", "info_department", "propaganda_board", "info_department")
SCENARIO = "nuoc-may-nhiem-doc"
CONNECT_WAVE = 25


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python run.py serve` in a subprocess, on its own database (a SQLite file, or `database_url`).

    `root` is the source tree it runs (another checkout, for a baseline). Every client of the
    benchmark comes from 127.0.0.1, so the per-address flood limits (web/floods.py) are lifted.
    """

    def __init__(self, database: Path, trace: bool = True, root: Path = ROOT, database_url: str | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "CRISIS_DATABASE_URL": database_url or f"sqlite:///{database}", "CRISIS_SECRET_KEY": "bench",
               "CRISIS_DEMO_PASSWORD": "demo2026",  # a configured database has no demo without one (web.setup)
               "CRISIS_TRACE_LATENCY": "1" if trace else "0", "PYTHONPATH": str(root),
               "CRISIS_RATE_LIMIT_FORMS": "1000000 per minute", "CRISIS_RATE_LIMIT_CONNECTS": "1000000 per minute"}
        self.process = subprocess.Popen([sys.executable, "run.py", "serve", "--port", str(self.port)], cwd=root, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                requests.get(self.url + "/", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        self.ps = psutil.Process(self.process.pid)

    def cpu(self) -> float:
        times = self.ps.cpu_times()
        return times.user + times.system

    def rss_mb(self) -> float:
        return self.ps.memory_info().rss / 2**20

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)


def csrf(session: requests.Session, url: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', session.get(url).text).group(1)


def instructor_session(server: Server) -> requests.Session:
    session = requests.Session()
    token = csrf(session, server.url + "/login")
    session.post(server.url + "/login", data={"csrf_token": token, "username": "demo", "password": "demo2026"})
    return session


def create_exercise(server: Server, session: requests.Session, teams: int, speed: float) -> tuple[int, dict[str, str]]:
    """Returns the exercise id and {trainee name: join code}."""
    blocks = ["\n".join([f"Đội {t}", *(f"{role}: Học viên {t}-{i}" for i, role in enumerate(ROLES))])
              for t in range(teams)]
    token = csrf(session, server.url + "/instructor/")
    response = session.post(server.url + "/instructor/", data={
        "csrf_token": token, "scenario": SCENARIO, "seed": 1, "speed": speed, "roster": "\n\n".join(blocks)})
    exercise_id = int(response.url.rstrip("/").split("/")[-1])
    watcher = socketio.Client(reconnection=False)
    watcher.connect(server.url, namespaces=["/instructor"], headers={"Cookie": cookie_header(session)},
                    transports=["websocket"])
    snapshot = watcher.call("watch", {"exercise_id": exercise_id}, namespace="/instructor", timeout=60)
    watcher.disconnect()
    codes = [team["join_code"] for team in snapshot["teams"]]
    return exercise_id, {f"Học viên {t}-{i}": codes[t] for t in range(teams) for i in range(len(ROLES))}


def cookie_header(session: requests.Session) -> str:
    return "; ".join(f"{k}={v}" for k, v in session.cookies.items())


def trainee_cookie(server: Server, code: str, name: str) -> str:
    session = requests.Session()
    token = csrf(session, server.url + "/join")
    session.post(server.url + "/join", data={"csrf_token": token, "code": code, "name": name})
    return cookie_header(session)


async def run_trainees(server: Server, cookies: list[str], exercise_id: int, instructor_cookie: str, seconds: float):
    latencies: list[float] = []
    received: list[set[int]] = [set() for _ in cookies]
    errors: list[str] = []
    clients = []

    for index in range(len(cookies)):
        client = socketio.AsyncClient(reconnection=False)

        def on_event(event, index=index):
            received[index].add(event["seq"])
            if "_produced" in event:
                latencies.append(time.time() - event["_produced"])

        client.on("event", on_event, namespace="/trainee")
        clients.append(client)
    async def connect(client, cookie) -> bool:
        try:
            await client.connect(server.url, namespaces=["/trainee"], headers={"Cookie": cookie},
                                 transports=["websocket"], wait_timeout=30)
            return True
        except socketio.exceptions.ConnectionError as exc:
            errors.append(f"connect failed: {exc}")
            return False

    # Trainees arrive in waves, as a class does, not all in one millisecond (the listen backlog is finite).
    for start in range(0, len(clients), CONNECT_WAVE):
        wave = list(zip(clients, cookies, strict=True))[start:start + CONNECT_WAVE]
        await asyncio.gather(*(connect(c, cookie) for c, cookie in wave))
    teacher = socketio.AsyncClient(reconnection=False)
    await teacher.connect(server.url, namespaces=["/instructor"], headers={"Cookie": instructor_cookie},
                          transports=["websocket"])
    started = await teacher.call("control", {"exercise_id": exercise_id, "command": "start"}, namespace="/instructor",
                                 timeout=60)
    if not started["ok"]:
        errors.append(f"start: {started}")
    await asyncio.sleep(seconds)
    expected = 0
    for index, client in enumerate(clients):
        if not client.connected:
            continue
        try:
            answer = await client.call("sync", {"after": 0}, namespace="/trainee", timeout=30)
            expected_seqs = {e["seq"] for e in answer["events"]}
            expected += len(expected_seqs)
            missing = expected_seqs - received[index]
            if missing:
                errors.append(f"trainee {index}: {len(missing)} events not delivered")
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, never hides, a failure
            errors.append(f"trainee {index}: sync failed: {exc!r}")
    await asyncio.gather(*(c.disconnect() for c in clients if c.connected), teacher.disconnect())
    return latencies, sum(len(r) for r in received), expected, errors


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure_load(trainees: int, speed: float, seconds: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        server = Server(Path(folder) / "bench.db")
        try:
            session = instructor_session(server)
            exercise_id, codes = create_exercise(server, session, trainees // len(ROLES), speed)
            cookies = [trainee_cookie(server, code, name) for name, code in codes.items()]
            instructor_cookie = cookie_header(session)
            cpu_before, wall_before = server.cpu(), time.time()
            latencies, delivered, expected, errors = asyncio.run(
                run_trainees(server, cookies, exercise_id, instructor_cookie, seconds))
            cpu = (server.cpu() - cpu_before) / (time.time() - wall_before)
            p50, p99 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000
            print(f"  {trainees:4d} trainees / {trainees // len(ROLES):3d} teams: {len(latencies):6d} messages  "
                  f"p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  max {max(latencies) * 1000:7.1f} ms  "
                  f"delivered {delivered}/{expected} ({delivered / max(1, expected):.1%})  errors {len(errors)}  "
                  f"server CPU {cpu:.0%} of a core, RSS {server.rss_mb():.0f} MB")
            for error in errors[:5]:
                print(f"      {error}")
        finally:
            server.stop()


def measure_idle(teams: int, seconds: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        server = Server(Path(folder) / "idle.db", trace=False)
        try:
            session = instructor_session(server)
            exercise_id, _ = create_exercise(server, session, teams, speed=1)
            cookie = cookie_header(session)

            async def start():
                teacher = socketio.AsyncClient(reconnection=False)
                await teacher.connect(server.url, namespaces=["/instructor"], headers={"Cookie": cookie},
                                      transports=["websocket"])
                answer = await teacher.call("control", {"exercise_id": exercise_id, "command": "start"},
                                            namespace="/instructor", timeout=60)
                await teacher.disconnect()
                return answer["ok"]

            assert asyncio.run(start())
            time.sleep(2)
            cpu_before, wall_before = server.cpu(), time.time()
            time.sleep(seconds)
            cpu = (server.cpu() - cpu_before) / (time.time() - wall_before)
            print(f"  {teams} live worlds idling (speed 1, no clients): server CPU {cpu:.1%} of one core, "
                  f"RSS {server.rss_mb():.0f} MB")
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, nargs="+", default=[100, 250, 500])
    parser.add_argument("--speed", type=float, default=1200, help="scenario minutes per real minute")
    parser.add_argument("--seconds", type=float, default=25, help="how long each load runs")
    parser.add_argument("--idle-teams", type=int, default=100)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; drill {SCENARIO} at speed {args.speed:g}; {args.seconds:g} s per load")
    print("\nload (inject-to-client latency, database write in the path):")
    for trainees in args.trainees:
        measure_load(trainees, args.speed, args.seconds)
    print("\nidle:")
    measure_idle(args.idle_teams, 20)


if __name__ == "__main__":
    main()
