"""Simulated trainees for the live benchmarks: python-socketio AsyncClients on one asyncio loop, in a process of their own.

`run_trainees(job, pipe)` is a client process's whole life (bench_live.py starts several, each with a share
of the trainees, so that the clients are not the bottleneck): join (the platform's `/join` form, for a
session cookie; the baseline takes the team and role as the connection's auth), connect in waves, say
"ready" through the pipe and wait for "go", then act for `seconds` (each trainee an `act` at random
moments, `every` seconds apart on average, timing its ack) while receiving events (timing each from its
`_produced` stamp, CRISIS_TRACE_LATENCY=1), then ask each trainee's `sync(after=0)` for what it should have
received. The figures go back through the pipe as a `ClientReport`; nothing raised in a client stops the others.
`act_loop` is also bench_acks.py's trainee.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import re
import resource
import time
import uuid
from dataclasses import dataclass, field

import aiohttp
import socketio

CONNECT_WAVE = 25  # trainees arrive in waves, as a class does (a listen backlog is finite)
JOIN_AT_ONCE = 10
GRACE_SECONDS = 2.0  # for the events still on their way when the acts stop
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
TRAINEE_NAMESPACE = "/trainee"


@dataclass
class Trainee:
    """One simulated trainee: the server process it sticks to, its team, and how it gets in."""

    url: str
    team: int
    role: str
    name: str
    code: str | None = None  # the platform's join code; None: the baseline, which takes team and role as auth


@dataclass
class ClientJob:
    trainees: list[Trainee]
    seconds: float
    every: float


@dataclass
class ClientReport:
    event_latencies: list[float] = field(default_factory=list)
    ack_latencies: list[float] = field(default_factory=list)
    ack_failures: int = 0
    delivered: int = 0
    expected: int = 0
    connected: int = 0
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    cpu_seconds: float = 0.0
    span: float = 0.0  # seconds from "go" to the sync: how long the events flowed
    team_acts: dict[int, set[int]] = field(default_factory=dict)  # the seqs of the team's own acts

    def error(self, text: str) -> None:
        self.error_count += 1
        if len(self.errors) < 20:
            self.errors.append(text[:160])


async def act_loop(
    client, seconds: float, every: float, latencies: list[float], failures: list[str], acted: set[int] | None = None
) -> None:
    """Send a team `message` at random moments, `every` seconds apart on average, for `seconds`; time each ack
    (and keep the seq of each act's event in `acted`)."""
    end = time.monotonic() + seconds
    await asyncio.sleep(random.uniform(0, every))
    n = 0
    while time.monotonic() < end:
        began = time.perf_counter()
        try:
            ack = await client.call(
                "act",
                {"type": "message", "params": {"text": f"Tin số {n}"}, "key": uuid.uuid4().hex},
                namespace=TRAINEE_NAMESPACE,
                timeout=30,
            )
            if ack.get("ok"):
                latencies.append(time.perf_counter() - began)
                if acted is not None:
                    acted.add(ack["event"]["seq"])
            else:
                failures.append(str(ack)[:120])
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, never hides, a failure
            failures.append(repr(exc)[:120])
        n += 1
        await asyncio.sleep(min(random.expovariate(1 / every), max(0.0, end - time.monotonic())))


async def join_cookie(trainee: Trainee) -> str:
    """The platform's /join form, as a browser fills it: the session cookie of the joined trainee."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:  # unsafe: an IP host
        async with http.get(trainee.url + "/join") as page:
            token = CSRF.search(await page.text()).group(1)
        async with http.post(
            trainee.url + "/join",
            data={"csrf_token": token, "code": trainee.code, "name": trainee.name},
            allow_redirects=False,
        ) as answer:
            if answer.status != 302:
                raise RuntimeError(f"join {trainee.name}: HTTP {answer.status}")
        return "; ".join(f"{c.key}={c.value}" for c in http.cookie_jar)


class SimulatedTrainee:
    """A trainee's socket and what it received (seq numbers), with the delivery latencies into the report."""

    def __init__(self, trainee: Trainee, report: ClientReport):
        self.trainee, self.report = trainee, report
        self.received: set[int] = set()
        self.client = socketio.AsyncClient(reconnection=False)
        self.client.on("event", self.on_event, namespace=TRAINEE_NAMESPACE)

    def on_event(self, event) -> None:
        self.received.add(event["seq"])
        if "_produced" in event:
            self.report.event_latencies.append(time.time() - event["_produced"])

    async def connect(self, joins: asyncio.Semaphore) -> None:
        try:
            if self.trainee.code is None:
                options = {"auth": {"team": self.trainee.team, "role": self.trainee.role}}
            else:
                async with joins:
                    options = {"headers": {"Cookie": await join_cookie(self.trainee)}}
            await self.client.connect(
                self.trainee.url, namespaces=[TRAINEE_NAMESPACE], transports=["websocket"], wait_timeout=30, **options
            )
        except Exception as exc:  # noqa: BLE001
            self.report.error(f"connect {self.trainee.name}: {exc!r}")

    async def act(self, job: ClientJob) -> None:
        if not self.client.connected:
            return
        failures: list[str] = []
        await act_loop(
            self.client,
            job.seconds,
            job.every,
            self.report.ack_latencies,
            failures,
            self.report.team_acts.setdefault(self.trainee.team, set()),
        )
        self.report.ack_failures += len(failures)
        for failure in failures[:2]:
            self.report.error(f"act {self.trainee.name}: {failure}")

    async def check(self) -> None:
        """What the server says this trainee should have received, against what it did."""
        if not self.client.connected:
            return
        try:
            answer = await self.client.call("sync", {"after": 0}, namespace=TRAINEE_NAMESPACE, timeout=60)
            due = {e["seq"] for e in answer["events"]}
        except Exception as exc:  # noqa: BLE001
            self.report.error(f"sync {self.trainee.name}: {exc!r}")
            return
        self.report.expected += len(due)
        self.report.delivered += len(due & self.received)

    async def close(self) -> None:
        if self.client.connected:
            with contextlib.suppress(Exception):  # the server may be gone
                await self.client.disconnect()


async def _run(job: ClientJob, pipe) -> ClientReport:
    report = ClientReport()
    trainees = [SimulatedTrainee(t, report) for t in job.trainees]
    joins = asyncio.Semaphore(JOIN_AT_ONCE)
    for start in range(0, len(trainees), CONNECT_WAVE):
        await asyncio.gather(*(t.connect(joins) for t in trainees[start : start + CONNECT_WAVE]))
    report.connected = sum(t.client.connected for t in trainees)
    pipe.send(("ready", report.connected))
    await asyncio.get_running_loop().run_in_executor(None, pipe.recv)  # "go": the exercise has started
    go = time.monotonic()
    await asyncio.gather(*(t.act(job) for t in trainees))
    await asyncio.sleep(GRACE_SECONDS)
    report.span = time.monotonic() - go
    await asyncio.gather(*(t.check() for t in trainees))
    await asyncio.gather(*(t.close() for t in trainees))
    return report


def run_trainees(job: ClientJob, pipe) -> None:
    """A client process: its trainees from join to sync; the report (with this process's CPU time) through `pipe`."""
    try:
        report = asyncio.run(_run(job, pipe))
    except Exception as exc:  # noqa: BLE001 - said to the parent, not lost with the process
        report = ClientReport()
        report.error(f"client process: {exc!r}")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    report.cpu_seconds = usage.ru_utime + usage.ru_stime
    pipe.send(("report", report))
