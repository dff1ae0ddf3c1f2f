"""Benchmark of a connection burst: N Socket.IO clients connecting at once, on each server (docs/BENCHMARKS.md).

    pip install -e ".[bench,production]"
    python benchmarks/bench_connect.py [--clients 1000] [--timeout 30]

For each server, on a fresh SQLite file: the embedded one (`python run.py serve`, Werkzeug,
threading) and the production one (gunicorn, one gevent worker, `web.wsgi:app`). One instructor
logs in; N python-socketio AsyncClients (one asyncio loop) then all connect at the same moment to
`/instructor` with that session, as browsers do (long polling first, then the WebSocket upgrade).
Measured: how many got in within the timeout, the time to the last one in, connection p50/p99,
and the server's CPU time and peak memory over the burst.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import psutil
import requests
import socketio

from bench_live import ROOT, cookie_header, free_port, instructor_session, percentile

SERVERS = {
    "werkzeug, threading (`run.py serve`)": lambda port: [sys.executable, "run.py", "serve", "--port", str(port)],
    "gunicorn, 1 gevent worker (`web.wsgi`)": lambda port: [
        sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "--no-control-socket", "--worker-connections", "4000",
        "--bind", f"127.0.0.1:{port}", "web.wsgi:app"],
}


class Server:
    """A server command in its own process group on a fresh SQLite database (what bench_live's Server does, any command)."""

    def __init__(self, command, database: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "CRISIS_DATABASE_URL": f"sqlite:///{database}", "CRISIS_SECRET_KEY": "bench"}
        self.process = subprocess.Popen(command(self.port), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                requests.get(self.url + "/", timeout=5)
                break
            except requests.RequestException:  # not listening yet, or still loading the app
                time.sleep(0.2)
        else:
            self.stop()
            raise SystemExit(f"{' '.join(command(self.port))}: no answer within 60 s")

    def processes(self) -> list[psutil.Process]:
        root = psutil.Process(self.process.pid)
        return [root, *root.children(recursive=True)]

    def cpu(self) -> float:
        return sum(p.cpu_times().user + p.cpu_times().system for p in self.processes())

    def rss_mb(self) -> float:
        return sum(p.memory_info().rss for p in self.processes()) / 2**20

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)


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


def measure(name: str, command, clients: int, timeout: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(command, Path(tmp) / "bench.db")
        try:
            cookie = cookie_header(instructor_session(server))
            cpu, rss = server.cpu(), server.rss_mb()
            done, errors, last = asyncio.run(burst(server.url, cookie, clients, timeout))
            cpu, rss = server.cpu() - cpu, max(rss, server.rss_mb())
        finally:
            server.stop()
    p50, p99 = (percentile(done, 0.5), percentile(done, 0.99)) if done else (float("nan"), float("nan"))
    print(f"| {name} | {clients} | {len(done)} | {errors} | {last:.1f} s | {p50:.2f} s | {p99:.2f} s | "
          f"{cpu:.1f} s | {rss:.0f} MB |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1000])
    parser.add_argument("--timeout", type=float, default=30, help="seconds a client waits to get in")
    args = parser.parse_args()
    print("| server | clients | in | failed | last in | p50 | p99 | server CPU | peak RSS |")
    print("|---|---|---|---|---|---|---|---|---|")
    for clients in args.clients:
        for name, command in SERVERS.items():
            measure(name, command, clients, args.timeout)


if __name__ == "__main__":
    main()
