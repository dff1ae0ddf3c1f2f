"""Benchmark of acknowledged actions: how long a trainee's `act` takes to come back under load; figures printed.

    pip install -e ".[bench]"
    python benchmarks/bench_acks.py [--trainees 500] [--seconds 25] [--every 5] [--baseline DIR] [--postgres URL]

N trainees (teams of 5, as in bench_live.py) connect to a real server (`python run.py serve`),
the exercise starts at speed 60 (a scenario minute a second: injects and opinion samples flow,
and the drill does not end within the run), and every trainee sends an `act` (a team
`message`, with its key) at random moments, one every `--every` seconds on average, and times
the round trip to its ack. An ack comes once the input is committed (and applied, and its
events stored and sent): the figure is what a trainee waits for after pressing Send.

The server runs this tree and, in the same run and in turn, `--baseline` (another checkout,
e.g. `git archive` of the commit before a change): on a SQLite file, and with `--postgres` (a
cluster's URL; a database of its own is made and dropped for each server) on PostgreSQL.
Printed per server: acks, p50, p99, max, failed acks, server CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from pathlib import Path

import socketio

from bench_input_log import postgres_database
from bench_live import ROLES, ROOT, Server, cookie_header, create_exercise, instructor_session, percentile, trainee_cookie
from live_clients import act_loop


async def load(
    server: Server, cookies: list[str], exercise_id: int, instructor_cookie: str, seconds: float, every: float
) -> tuple[list[float], list[str]]:
    clients = [socketio.AsyncClient(reconnection=False) for _ in cookies]
    for start in range(0, len(clients), 25):  # in waves, as a class arrives
        await asyncio.gather(
            *(
                c.connect(
                    server.url,
                    namespaces=["/trainee"],
                    headers={"Cookie": cookie},
                    transports=["websocket"],
                    wait_timeout=30,
                )
                for c, cookie in list(zip(clients, cookies, strict=True))[start : start + 25]
            )
        )
    teacher = socketio.AsyncClient(reconnection=False)
    await teacher.connect(
        server.url, namespaces=["/instructor"], headers={"Cookie": instructor_cookie}, transports=["websocket"]
    )
    started = await teacher.call(
        "control", {"exercise_id": exercise_id, "command": "start"}, namespace="/instructor", timeout=60
    )
    assert started["ok"], started
    latencies: list[float] = []
    failures: list[str] = []
    await asyncio.gather(*(act_loop(c, seconds, every, latencies, failures) for c in clients))
    await asyncio.gather(*(c.disconnect() for c in clients), teacher.disconnect())
    return latencies, failures


def measure(label: str, root: Path, trainees: int, seconds: float, every: float, postgres: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url, drop = postgres_database(postgres) if postgres else (None, lambda: None)
        server = Server(Path(folder) / "bench.db", trace=False, root=root, database_url=url)
        try:
            session = instructor_session(server)
            exercise_id, codes = create_exercise(server, session, trainees // len(ROLES), speed=60)
            cookies = [trainee_cookie(server, code, name) for name, code in codes.items()]
            cpu_before, wall_before = server.cpu(), time.time()
            latencies, failures = asyncio.run(load(server, cookies, exercise_id, cookie_header(session), seconds, every))
            cpu = (server.cpu() - cpu_before) / (time.time() - wall_before)
            print(
                f"  {label:<34} {len(latencies):6d} acks  p50 {percentile(latencies, 0.5) * 1000:6.1f} ms  "
                f"p99 {percentile(latencies, 0.99) * 1000:6.1f} ms  max {max(latencies) * 1000:7.1f} ms  "
                f"failed {len(failures)}  server CPU {cpu:.0%} of a core",
                flush=True,
            )
            for failure in failures[:3]:
                print(f"      {failure}")
        finally:
            server.stop()
            drop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=25, help="how long each load runs")
    parser.add_argument("--every", type=float, default=5, help="seconds between one trainee's acts, on average")
    parser.add_argument("--baseline", type=Path, help="another checkout, measured in turn with this tree")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("CRISIS_TEST_POSTGRES_URL"),
        help="a PostgreSQL cluster's URL (default CRISIS_TEST_POSTGRES_URL); SQLite only without",
    )
    args = parser.parse_args()
    trees = [("baseline", args.baseline)] * bool(args.baseline) + [("this tree", ROOT)]
    print(
        f"machine: {os.cpu_count()} cores; {args.trainees} trainees / {args.trainees // len(ROLES)} teams, "
        f"an act every {args.every:g} s each on average, {args.seconds:g} s per load"
    )
    for database in ["SQLite", "PostgreSQL"] if args.postgres else ["SQLite"]:
        for name, root in trees:
            measure(
                f"{database}, {name}",
                root,
                args.trainees,
                args.seconds,
                args.every,
                args.postgres if database == "PostgreSQL" else None,
            )


if __name__ == "__main__":
    main()
