"""Benchmark of a connection burst: N Socket.IO clients connecting at once, on each server (docs/BENCHMARKS.md).

    pip install -e ".[bench,production]"
    python benchmarks/bench_connect.py [--clients 1000] [--timeout 30]

For each server, on a fresh SQLite file: the embedded one (`python run.py serve`, Werkzeug,
threading) and the production one (gunicorn, one gevent worker, `web.wsgi:app`). One instructor
logs in; N python-socketio AsyncClients (one asyncio loop) then all connect at the same moment to
`/instructor` with that session, as browsers do (long polling first, then the WebSocket upgrade).
Measured: how many got in within the timeout, the time to the last one in, connection p50/p99,
and the server's CPU time and peak memory over the burst. The servers are bench_live.py's (flood limits lifted).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import socketio

from bench_live import Server, cookie_header, instructor_session, percentile

SERVERS = {"werkzeug, threading (`run.py serve`)": False, "gunicorn, 1 gevent worker (`web.wsgi`)": True}  # production?


async def burst(url: str, cookie: str, clients: int, timeout: float) -> tuple[list[float], int, float]:
    """Connect `clients` at once; (seconds each successful one took, errors, seconds to the last one in)."""
    sockets = [socketio.AsyncClient(reconnection=False) for _ in range(clients)]
    start = time.perf_counter()

    reasons: Counter[str] = Counter()

    async def connect(client) -> float | None:
        try:
            await client.connect(url, namespaces=["/instructor"], headers={"Cookie": cookie}, wait_timeout=timeout)
            return time.perf_counter() - start
        except Exception as exc:  # noqa: BLE001 - refused, reset or timed out: it did not get in
            reasons[f"{type(exc).__name__}: {str(exc)[:80]}"] += 1
            return None

    took = await asyncio.gather(*(connect(c) for c in sockets))
    for reason, count in reasons.most_common(5):
        print(f"  {count} × {reason}", file=sys.stderr)
    done = [t for t in took if t is not None]
    await asyncio.gather(*(c.disconnect() for c in sockets if c.connected), return_exceptions=True)
    return done, clients - len(done), max(done, default=0.0)


def measure(name: str, production: bool, clients: int, timeout: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "bench.db", trace=False, production=production)
        try:
            cookie = cookie_header(instructor_session(server))
            cpu, rss = server.cpu(), server.rss_mb()
            done, errors, last = asyncio.run(burst(server.url, cookie, clients, timeout))
            cpu, rss = server.cpu() - cpu, max(rss, server.rss_mb())
        finally:
            server.stop()
    p50, p99 = (percentile(done, 0.5), percentile(done, 0.99)) if done else (float("nan"), float("nan"))
    print(
        f"| {name} | {clients} | {len(done)} | {errors} | {last:.1f} s | {p50:.2f} s | {p99:.2f} s | "
        f"{cpu:.1f} s | {rss:.0f} MB |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1000])
    parser.add_argument("--timeout", type=float, default=30, help="seconds a client waits to get in")
    args = parser.parse_args()
    print("| server | clients | in | failed | last in | p50 | p99 | server CPU | peak RSS |")
    print("|---|---|---|---|---|---|---|---|---|")
    for clients in args.clients:
        for name, production in SERVERS.items():
            measure(name, production, clients, args.timeout)


if __name__ == "__main__":
    main()
