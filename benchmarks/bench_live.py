"""Benchmark of live serving: trainees receiving events and acting, on a bare baseline, one platform process and two.

    pip install -e ".[bench,production,postgres]"
    python benchmarks/bench_live.py [--trainees 1000] [--teams 200] [--seconds 30] [--speed 600] [--every 10]
        [--runs baseline sqlite postgres two] [--client-processes N] [--postgres URL] [--redis URL] [--idle-teams 100]

In one run, in turn, each server on loopback (gunicorn with one gevent worker, `--worker-connections 4000`,
the production server of docs/DEPLOY.md), with the same trainees doing the same things:
  baseline   a bare Flask-SocketIO app doing the drill's socket work and nothing else
             (`benchmarks/baseline_server.py`: rooms, a 100 ms ticker emitting as many events a team as the
             platform's first run did, acks); the floor the framework sets
  sqlite     the platform, `web.wsgi:app`, one process, on an SQLite file
  postgres   the same on PostgreSQL
  two        two platform processes on one PostgreSQL database with Redis between them; each trainee sticks to
             one process (as nginx's `ip_hash` does) and a team's trainees alternate between the two
PostgreSQL and Redis are the throwaway ones of `scripts/postgres` and `scripts/redis`, started and stopped
here, unless `--postgres` / `--redis` give URLs (a database of its own is made and dropped on the cluster).

Each run: an exercise of `--teams` teams sharing `--trainees` trainees (roles in turn), created through the
dashboard form; every trainee joins through `/join` and connects its `/trainee` socket (python-socketio
AsyncClients on asyncio loops in `--client-processes` processes of their own, `benchmarks/live_clients.py`);
every team started at once (`control start` on the exercise) at `--speed`; for `--seconds` each trainee
sends an `act` (a team message) every `--every` seconds on average. Figures:
  event p50/p99   from the moment the world emitted an event (before its database write;
                  CRISIS_TRACE_LATENCY=1 stamps `_produced`) to its arrival at a trainee
  delivered       events received / events due (each trainee's `sync(after=0)` at the end)
  ack p50/p99     an `act`'s round trip: what a trainee waits for after pressing Send
  server CPU      of every server process over the load (seconds, and the share of one core)
  peak RSS        the sum of the server processes' peak resident sets (VmHWM)
  client CPU      of the client processes (if it nears their count of cores, the clients were the bottleneck)
`--idle-teams N` also measures N teams at speed 1 with nobody connected (the CPU of worlds idling).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import requests
import socketio

from bench_input_log import postgres_database
from live_clients import ClientJob, ClientReport, Trainee, run_trainees
from services import throwaway

from web.production_command import gunicorn_command

ROOT = Path(__file__).resolve().parent.parent
ROLES = ("spokesperson", "propaganda_board", "info_department", "propaganda_board", "info_department")
SCENARIO = "nuoc-may-nhiem-doc"
PLATFORM_APP = "web.wsgi:app"
BASELINE_APP = "benchmarks.baseline_server:app"
BASELINE_RATE = 1.5  # events a second a team when no platform run measured it (about speed 600 on SCENARIO)
RUNS = ("baseline", "sqlite", "postgres", "two")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server of this tree (or `root`) in its own process group on a free port, on its own database.

    By default `python run.py serve` on a SQLite file (`database`) or `database_url`; with `production`,
    gunicorn with one gevent worker serving `app` (the platform's `web.wsgi:app`, or the baseline's).
    `env` adds settings (CRISIS_REDIS_URL). Every client of a benchmark comes from 127.0.0.1, so the
    per-address flood limits (web/floods.py) are lifted. CPU and peak memory are of the whole group.
    """

    def __init__(
        self,
        database: Path | None = None,
        trace: bool = True,
        root: Path | None = None,
        database_url: str | None = None,
        production: bool = False,
        app: str = PLATFORM_APP,
        env: dict[str, str] | None = None,
        timeout: float = 120,
    ):
        root = root or ROOT
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        if database or database_url:
            env = {"CRISIS_DATABASE_URL": database_url or f"sqlite:///{database}", **(env or {})}
        settings = {
            **os.environ,
            "CRISIS_SECRET_KEY": "bench",
            "CRISIS_DEMO_PASSWORD": "demo2026",  # a configured database has no demo without one (web.setup)
            "CRISIS_TRACE_LATENCY": "1" if trace else "0",
            "PYTHONPATH": str(root),
            "CRISIS_RATE_LIMIT_FORMS": "1000000 per minute",
            "CRISIS_RATE_LIMIT_CONNECTS": "1000000 per minute",
            **(env or {}),
        }
        command = (
            gunicorn_command(f"127.0.0.1:{self.port}", app, connections=4000)
            if production
            else [sys.executable, "run.py", "serve", "--port", str(self.port)]
        )
        # The server's output for its whole life: stop() closes and removes it.
        self.log = tempfile.NamedTemporaryFile(prefix="bench-server-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(
            command, cwd=root, env=settings, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{' '.join(command)} exited with {self.process.returncode}:\n{self.output()}")
            try:
                if requests.get(self.url + "/", timeout=5).status_code == 200:
                    break
            except requests.RequestException:  # not listening yet, or still loading the app
                time.sleep(0.2)
        else:
            self.stop()
            raise SystemExit(f"{' '.join(command)}: no answer within {timeout:g} s:\n{self.output()}")
        self.ps = psutil.Process(self.process.pid)

    def output(self) -> str:
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")[-3000:]

    def processes(self) -> list[psutil.Process]:
        return [self.ps, *self.ps.children(recursive=True)]

    def cpu(self) -> float:
        total = 0.0
        for process in self.processes():
            try:
                times = process.cpu_times()
                total += times.user + times.system
            except psutil.NoSuchProcess:
                pass
        return total

    def rss_mb(self) -> float:
        return sum(p.memory_info().rss for p in self.processes()) / 2**20

    def peak_rss_mb(self) -> float:
        """The sum of each process's peak resident set so far (the kernel's VmHWM)."""
        total = 0
        for process in self.processes():
            status = Path(f"/proc/{process.pid}/status").read_text()
            total += int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) * 1024
        return total / 2**20

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            pass
        self.log.close()
        os.unlink(self.log.name)


def csrf(session: requests.Session, url: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', session.get(url).text).group(1)


def instructor_session(server: Server) -> requests.Session:
    session = requests.Session()
    token = csrf(session, server.url + "/login")
    session.post(server.url + "/login", data={"csrf_token": token, "username": "demo", "password": "demo2026"})
    return session


def trainee_names(teams: int, per_team: int) -> list[list[tuple[str, str]]]:
    """Each team's (role, name) pairs: the roles in turn, names that say team and place."""
    return [[(ROLES[i % len(ROLES)], f"Học viên {t}-{i}") for i in range(per_team)] for t in range(teams)]


def create_exercise(
    server: Server, session: requests.Session, teams: int, speed: float, per_team: int = len(ROLES)
) -> tuple[int, dict[str, str]]:
    """Through the dashboard form; returns the exercise id and {trainee name: join code}."""
    roster = trainee_names(teams, per_team)
    blocks = ["\n".join([f"Đội {t}", *(f"{role}: {name}" for role, name in members)]) for t, members in enumerate(roster)]
    token = csrf(session, server.url + "/instructor/")
    response = session.post(
        server.url + "/instructor/",
        data={"csrf_token": token, "scenario": SCENARIO, "seed": 1, "speed": speed, "roster": "\n\n".join(blocks)},
    )
    exercise_id = int(response.url.rstrip("/").split("/")[-1])
    watcher = socketio.Client(reconnection=False)
    watcher.connect(
        server.url, namespaces=["/instructor"], headers={"Cookie": cookie_header(session)}, transports=["websocket"]
    )
    snapshot = watcher.call("watch", {"exercise_id": exercise_id}, namespace="/instructor", timeout=120)
    watcher.disconnect()
    codes = [team["join_code"] for team in snapshot["teams"]]
    return exercise_id, {name: codes[t] for t, members in enumerate(roster) for _, name in members}


def cookie_header(session: requests.Session) -> str:
    return "; ".join(f"{k}={v}" for k, v in session.cookies.items())


def trainee_cookie(server: Server, code: str, name: str) -> str:
    session = requests.Session()
    token = csrf(session, server.url + "/join")
    session.post(server.url + "/join", data={"csrf_token": token, "code": code, "name": name})
    return cookie_header(session)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# --- one load: the trainees in client processes, the exercise started, the figures gathered ---------------------------


@dataclass
class Row:
    """One run's figures, a line of the table."""

    label: str
    processes: int
    trainees: int
    teams: int
    seconds: float
    report: ClientReport = field(default_factory=ClientReport)
    server_cpu: float = 0.0
    peak_rss: float = 0.0
    client_processes: int = 0
    team_rate: float | None = None  # world events a second a trainee received (acts left out), for the baseline


def merge(reports: list[ClientReport]) -> ClientReport:
    total = ClientReport()
    for report in reports:
        total.event_latencies += report.event_latencies
        total.ack_latencies += report.ack_latencies
        for name in ("ack_failures", "delivered", "expected", "connected", "error_count", "cpu_seconds"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        total.span = max(total.span, report.span)
        total.errors += report.errors[: max(0, 20 - len(total.errors))]
        for team, acts in report.team_acts.items():
            total.team_acts.setdefault(team, set()).update(acts)
    return total


def world_rate(report: ClientReport) -> float | None:
    """World events a second that one trainee received (its role's share; the team's acts, seen by all, left out):
    what the baseline's ticker emits to each team, whose every member sees every event."""
    if not report.connected or not report.team_acts or not report.span:
        return None
    acts = statistics.mean(len(seqs) for seqs in report.team_acts.values())
    return max(0.1, (report.expected / report.connected - acts) / report.span)


def load(row: Row, servers: list[Server], trainees: list[Trainee], start, args) -> Row:
    """The trainees in client processes: joined and connected, then `start()` (the exercise), then acting; figures."""
    context = multiprocessing.get_context("spawn")
    shares = [trainees[n :: row.client_processes] for n in range(row.client_processes)]
    workers = []
    for share in shares:
        parent, child = context.Pipe()
        process = context.Process(target=run_trainees, args=(ClientJob(share, args.seconds, args.every), child), daemon=True)
        process.start()
        workers.append((process, parent))
    reports: list[ClientReport] = []
    waiting = []
    for _process, pipe in workers:  # every client in (or given up) before the drill starts
        if not pipe.poll(600):
            row.report.error("a client process did not get its trainees in within 600 s")
            continue
        kind, payload = pipe.recv()
        (waiting if kind == "ready" else reports).append(pipe if kind == "ready" else payload)
    cpu_before = sum(s.cpu() for s in servers)
    wall = time.time()
    try:
        start()
    except Exception as exc:  # noqa: BLE001 - the run goes on and says so
        row.report.error(f"start: {exc!r}")
    for pipe in waiting:
        pipe.send("go")
    for pipe in waiting:
        if pipe.poll(args.seconds + 300):
            reports.append(pipe.recv()[1])
        else:
            row.report.error("a client process did not report within its time")
    row.server_cpu = sum(s.cpu() for s in servers) - cpu_before
    row.seconds = time.time() - wall
    row.peak_rss = sum(s.peak_rss_mb() for s in servers)
    for process, _ in workers:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()
    row.report = merge([row.report, *reports])
    row.team_rate = world_rate(row.report)
    return row


def platform_run(label: str, servers: list[Server], args) -> Row:
    """The platform's exercise, made on the first process; trainee n sticks to process n mod len(servers)."""
    per_team = args.trainees // args.teams
    row = Row(label, len(servers), per_team * args.teams, args.teams, args.seconds, client_processes=args.client_processes)
    session = instructor_session(servers[0])
    exercise_id, codes = create_exercise(servers[0], session, args.teams, args.speed, per_team)
    roster = trainee_names(args.teams, per_team)
    trainees = [
        Trainee(servers[n % len(servers)].url, t, role, name, codes[name])
        for n, (t, role, name) in enumerate((t, role, name) for t, members in enumerate(roster) for role, name in members)
    ]

    def start() -> None:
        teacher = socketio.Client(reconnection=False)
        teacher.connect(
            servers[0].url, namespaces=["/instructor"], headers={"Cookie": cookie_header(session)}, transports=["websocket"]
        )
        try:
            answer = teacher.call(
                "control", {"exercise_id": exercise_id, "command": "start"}, namespace="/instructor", timeout=300
            )
        finally:
            teacher.disconnect()
        refused = [t for t in answer.get("teams", []) if not t.get("ok")]
        if not answer.get("ok") or refused:
            row.report.error(f"start: {len(refused)} teams refused: {str(answer)[:120]}")

    return load(row, servers, trainees, start, args)


def baseline_run(server: Server, rate: float, args) -> Row:
    per_team = args.trainees // args.teams
    row = Row(
        f"baseline: bare Flask-SocketIO ({rate:.2f} events/s a team)",
        1,
        per_team * args.teams,
        args.teams,
        args.seconds,
        client_processes=args.client_processes,
    )
    trainees = [
        Trainee(server.url, t, role, name)
        for t, members in enumerate(trainee_names(args.teams, per_team))
        for role, name in members
    ]

    def start() -> None:
        teacher = socketio.Client(reconnection=False)
        teacher.connect(server.url, namespaces=["/instructor"], transports=["websocket"])
        try:
            answer = teacher.call("control", {"command": "start", "rate": rate}, namespace="/instructor", timeout=60)
        finally:
            teacher.disconnect()
        if not answer.get("ok"):
            row.report.error(f"start: {answer}")

    return load(row, [server], trainees, start, args)


def milliseconds(values: list[float], share: float) -> str:
    return f"{percentile(values, share) * 1000:,.1f}" if values else "–"


def print_table(rows: list[Row]) -> None:
    print(
        "\n| run | processes | trainees / teams | events received | event p50 ms | event p99 ms | delivered | acks | "
        "ack p50 ms | ack p99 ms | failed acks | errors | server CPU | peak RSS | client CPU |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        r = row.report
        delivered = f"{r.delivered / r.expected:.1%}" if r.expected else "–"
        print(
            f"| {row.label} | {row.processes} | {r.connected}/{row.trainees} in, {row.teams} teams | "
            f"{len(r.event_latencies):,} | {milliseconds(r.event_latencies, 0.5)} | "
            f"{milliseconds(r.event_latencies, 0.99)} | "
            f"{delivered} ({r.delivered:,}/{r.expected:,}) | {len(r.ack_latencies):,} | "
            f"{milliseconds(r.ack_latencies, 0.5)} | "
            f"{milliseconds(r.ack_latencies, 0.99)} | {r.ack_failures} | {r.error_count} | "
            f"{row.server_cpu:.1f} s ({row.server_cpu / row.seconds:.0%} of a core) | {row.peak_rss:.0f} MB | "
            f"{r.cpu_seconds:.1f} s in {row.client_processes} processes ({r.cpu_seconds / row.seconds:.0%} of a core) |"
        )
    for row in rows:
        for error in row.report.errors[:5]:
            print(f"  {row.label}: {error}")


def measure_idle(teams: int, seconds: float) -> None:
    """`teams` live worlds at speed 1 with nobody connected: the server's CPU while they idle."""
    with tempfile.TemporaryDirectory() as folder:
        server = Server(Path(folder) / "idle.db", trace=False, production=True)
        try:
            session = instructor_session(server)
            exercise_id, _ = create_exercise(server, session, teams, speed=1)

            async def start():
                teacher = socketio.AsyncClient(reconnection=False)
                await teacher.connect(
                    server.url,
                    namespaces=["/instructor"],
                    headers={"Cookie": cookie_header(session)},
                    transports=["websocket"],
                )
                answer = await teacher.call(
                    "control", {"exercise_id": exercise_id, "command": "start"}, namespace="/instructor", timeout=120
                )
                await teacher.disconnect()
                return answer["ok"]

            assert asyncio.run(start())
            time.sleep(2)
            cpu_before, wall_before = server.cpu(), time.time()
            time.sleep(seconds)
            cpu = (server.cpu() - cpu_before) / (time.time() - wall_before)
            print(
                f"\nidle: {teams} live worlds (speed 1, no clients): server CPU {cpu:.1%} of one core, "
                f"RSS {server.rss_mb():.0f} MB"
            )
        finally:
            server.stop()


def run_all(args) -> list[Row]:
    """Every run asked for, each on servers of its own; the rows in the table's order (baseline first). A run that
    fails is a row with its error, and the others still run."""
    rows: dict[str, Row] = {}
    per_team = args.trainees // args.teams

    def attempt(name: str, label: str, processes: int, run) -> None:
        began = time.time()
        try:
            rows[name] = run()
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - said in the table
            rows[name] = Row(label, processes, per_team * args.teams, args.teams, args.seconds)
            rows[name].report.error(f"the run failed: {str(exc)[:300]!r}")
        print(f"  {rows[name].label}: done in {time.time() - began:.0f} s", file=sys.stderr, flush=True)

    def sqlite() -> Row:
        with tempfile.TemporaryDirectory() as folder, Servers() as servers:
            servers.append(Server(Path(folder) / "bench.db", production=True))
            return platform_run("platform, SQLite", servers, args)

    def postgres(processes: int, label: str) -> Row:
        url, drop = postgres_database(cluster)
        env = {"CRISIS_REDIS_URL": redis} if processes > 1 else {}
        with Servers(drop) as servers:
            for _ in range(processes):  # one after the other: the first upgrades the schema alone
                servers.append(Server(database_url=url, production=True, env=env))
            return platform_run(label, servers, args)

    def baseline() -> Row:
        measured = next((r.team_rate for r in rows.values() if r.team_rate), None)
        with Servers() as servers:
            servers.append(Server(production=True, app=BASELINE_APP))
            return baseline_run(servers[0], args.baseline_rate or measured or BASELINE_RATE, args)

    with ExitStack() as services:
        if "sqlite" in args.runs:
            attempt("sqlite", "platform, SQLite", 1, sqlite)
        if {"postgres", "two"} & set(args.runs):
            cluster = services.enter_context(throwaway("postgres", args.postgres))
            redis = services.enter_context(throwaway("redis", args.redis)) if "two" in args.runs else None
            if "postgres" in args.runs:
                attempt("postgres", "platform, PostgreSQL", 1, lambda: postgres(1, "platform, PostgreSQL"))
            if "two" in args.runs:
                label = "platform, 2 processes, PostgreSQL + Redis"
                attempt("two", label, 2, lambda: postgres(2, label))
        if "baseline" in args.runs:
            attempt("baseline", "baseline: bare Flask-SocketIO", 1, baseline)
    return [rows[name] for name in RUNS if name in rows]


class Servers(list):
    """The servers of a run, every one stopped when the block ends (also when starting the next one failed),
    then `after()` (the run's database dropped)."""

    def __init__(self, after=lambda: None):
        super().__init__()
        self.after = after

    def __enter__(self) -> Servers:
        return self

    def __exit__(self, *exc) -> None:
        for server in self:
            server.stop()
        self.after()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=1000)
    parser.add_argument("--teams", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30, help="how long each load runs")
    parser.add_argument("--speed", type=float, default=600, help="scenario minutes per real minute")
    parser.add_argument("--every", type=float, default=10, help="seconds between one trainee's acts, on average")
    parser.add_argument("--runs", nargs="+", choices=RUNS, default=list(RUNS))
    parser.add_argument("--client-processes", type=int, help="default: one per 100 trainees, at most the cores")
    parser.add_argument(
        "--baseline-rate",
        type=float,
        help="the baseline's events a second a team (default: what the platform's first run emitted)",
    )
    parser.add_argument("--postgres", help="a PostgreSQL cluster's URL (default: a throwaway one, scripts/postgres)")
    parser.add_argument("--redis", help="a Redis URL (default: a throwaway one, scripts/redis)")
    parser.add_argument("--idle-teams", type=int, default=0, help="also measure this many idle live worlds")
    args = parser.parse_args()
    if args.trainees < args.teams:
        parser.error("--trainees must be at least --teams")
    args.client_processes = args.client_processes or min(os.cpu_count() or 1, max(1, args.trainees // 100))
    print(
        f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; drill {SCENARIO} at speed {args.speed:g}; "
        f"{args.trainees // args.teams * args.teams} trainees in {args.teams} teams, an act every {args.every:g} s each "
        f"on average; {args.seconds:g} s a run; {args.client_processes} client processes",
        flush=True,
    )
    rows = run_all(args)
    print_table(rows)
    if args.idle_teams:
        measure_idle(args.idle_teams, 20)


if __name__ == "__main__":
    main()
