"""Benchmark of appending to a team's input log: prints figures, asserts nothing (record them in docs/BENCHMARKS.md).

    python benchmarks/bench_input_log.py [--inputs N] [--postgres URL]

The commit an acknowledged input waits for (`web.input_log.append_input`), on an SQLite file
and on PostgreSQL (`--postgres`, or CRISIS_TEST_POSTGRES_URL: a cluster such as
`scripts/postgres start DIR` makes, in which this script creates and drops a database of its
own). Two cases on each, in the same run:

1. baseline: one process appends N inputs to one team, one after the other;
2. fenced: two processes (each its own app and connections, as two servers) append N/2 each to the
   same team at the same time, as a stalled former owner and the team's new owner would (`web.ownership`
   keeps this from happening; the input number is the fence behind the lease): the one that finds its
   number taken is refused (`InputNumberTaken`) and stops, writing nothing of a second history.

For each: the median and 99th percentile of one append, inputs per second, how many appends were refused,
and whether the log came out whole (numbers 1..n, each once, nothing overwritten).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from app_factory import one_team_exercise  # noqa: E402 - tests/app_factory.py
from sqlalchemy import create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from web import create_app  # noqa: E402
from web.extensions import db  # noqa: E402
from web.input_log import InputNumberTaken, append_input  # noqa: E402
from web.models import InputRecord, Instructor  # noqa: E402
from web.schema import upgrade_database  # noqa: E402


def app_on(url: str):
    return create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url})


def new_team(url: str) -> int:
    """The schema, an instructor and a one-team exercise; the team's id."""
    with app_on(url).app_context():
        upgrade_database()
        instructor = Instructor(username=f"bench{uuid.uuid4().hex[:6]}", display_name="Bench", password_hash="-")
        db.session.add(instructor)
        db.session.commit()
        return one_team_exercise(instructor)


def writer(url: str, team_id: int, inputs: int, start, results) -> None:
    """One server process: `inputs` appends, numbered from what it recorded itself, until one is refused;
    (latencies, refusals, error) out."""
    recorded, refusals, latencies = 0, 0, []
    try:
        with app_on(url).app_context():
            start.wait()
            for n in range(inputs):
                began = time.perf_counter()
                number = append_input(
                    team_id,
                    recorded + 1,
                    at=float(n),
                    source=f"pid:{os.getpid()}",
                    kind="action",
                    payload={"role": "info_department", "type": "monitor", "params": {}},
                )
                latencies.append(time.perf_counter() - began)
                recorded = number
    except InputNumberTaken:  # the other process writes this team: this one stops, as a fenced former owner does
        refusals += 1
    except Exception as exc:  # noqa: BLE001 - reported in the table, the other process goes on
        results.put((latencies, refusals, f"{type(exc).__name__}: {exc}"))
        return
    results.put((latencies, refusals, None))


def run(url: str, processes: int, inputs: int) -> dict:
    team_id = new_team(url)
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(processes + 1), context.Queue()
    workers = [
        context.Process(target=writer, args=(url, team_id, inputs // processes, start, results)) for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    start.wait()
    began = time.perf_counter()
    done = [results.get(timeout=300) for _ in workers]
    elapsed = time.perf_counter() - began
    for worker in workers:
        worker.join()
    latencies = sorted(latency for found, _, _ in done for latency in found)
    errors = [error for _, _, error in done if error]
    with app_on(url).app_context():
        numbers = db.session.scalars(
            select(InputRecord.number).where(InputRecord.team_id == team_id).order_by(InputRecord.number)
        ).all()
    return {
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(0.99 * (len(latencies) - 1))] * 1000,
        "rate": len(latencies) / elapsed,
        "refused": sum(refused for _, refused, _ in done),
        "whole": numbers == list(range(1, len(numbers) + 1)),
        "errors": errors,
    }


def postgres_database(cluster: str) -> tuple[str, callable]:
    """A new database on the cluster: its URL, and how to drop it."""
    admin = create_engine(make_url(cluster), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"bench_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(cluster).set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=400)
    parser.add_argument("--postgres", default=os.environ.get("CRISIS_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    print("| database | case | inputs | p50 ms | p99 ms | inputs/s | refused | log whole |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        databases = [("SQLite (WAL)", lambda case: (f"sqlite:///{folder}/{case}.db", lambda: None))]
        if args.postgres:
            databases.append(("PostgreSQL", lambda case: postgres_database(args.postgres)))
        else:
            print("(no --postgres and no CRISIS_TEST_POSTGRES_URL: PostgreSQL not measured)", file=sys.stderr)
        for name, database in databases:
            for case, processes in (("baseline: 1 process", 1), ("fenced: 2 processes", 2)):
                url, drop = database(case.split(":")[0])
                try:
                    figures = run(url, processes, args.inputs)
                finally:
                    drop()
                print(
                    f"| {name} | {case} | {args.inputs} | {figures['p50']:.2f} | {figures['p99']:.2f} | "
                    f"{figures['rate']:.0f} | {figures['refused']} | {'yes' if figures['whole'] else 'NO'} |"
                    + "".join(f" {error}" for error in figures["errors"])
                )


if __name__ == "__main__":
    main()
