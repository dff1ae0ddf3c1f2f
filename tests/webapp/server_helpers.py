"""The real server as a subprocess (`python run.py serve`, or gunicorn's gevent worker), and a browser-less user of it.

`Server` starts the platform in its own process group on a free port with a given database and
secret key (the demo instructor's password `DEMO_PASSWORD`; the embedded server, or with `production=True`
the production one: gunicorn, one gevent worker, `web.wsgi:app`; `env` adds settings such as CRISIS_REDIS_URL),
waits until it answers, and kills it (SIGKILL to the whole group) when asked or when the test ends. `Browser` is
one person's HTTP session (cookies, CSRF tokens read from the forms)
and opens python-socketio clients that carry its session cookie.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import requests
import socketio

from web.production_command import gunicorn_command

ROOT = Path(__file__).resolve().parents[2]
CSRF = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')
VALUE = re.compile(r'value="([^"]+)"')
DEMO_PASSWORD = "server-test-2026"  # the demo instructor's on a configured database (web.setup)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python run.py serve --port P` on a database, started and killed by the test."""

    def __init__(
        self,
        database_url: str,
        secret_key: str,
        log: Path,
        port: int | None = None,
        production: bool = False,
        env: dict[str, str] | None = None,
    ):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "CRISIS_DATABASE_URL": database_url,
            "CRISIS_SECRET_KEY": secret_key,
            "CRISIS_DEMO_PASSWORD": DEMO_PASSWORD,
            "PYTHONUNBUFFERED": "1",
            **(env or {}),
        }
        self.env.pop("CRISIS_TRACE_LATENCY", None)
        self.command = (
            gunicorn_command(f"127.0.0.1:{self.port}")
            if production
            else [sys.executable, "run.py", "serve", "--port", str(self.port)]
        )
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 20) -> Server:
        assert self.process is None or self.process.poll() is not None, "already running"
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.output()}")
            try:
                if requests.get(self.base + "/", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"the server did not answer within {timeout} s:\n{self.output()}")

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def kill(self) -> None:
        """SIGKILL the server's whole process group and reap it (no-op if it is not running)."""
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""


def csrf_token(html: str) -> str:
    tag = CSRF.search(html)
    assert tag, "no csrf_token field in the form"
    return VALUE.search(tag.group(0)).group(1)


class Browser:
    """One person's HTTP session on the server, and the sockets they open with it."""

    def __init__(self, base: str):
        self.base = base
        self.http = requests.Session()
        self.sockets: list[socketio.Client] = []

    def get(self, path: str) -> requests.Response:
        response = self.http.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response

    def submit(self, path: str, data: dict[str, Any]) -> requests.Response:
        """GET the form, then POST it with its CSRF token; returns the (unfollowed) answer."""
        token = csrf_token(self.get(path).text)
        return self.http.post(self.base + path, data={**data, "csrf_token": token}, allow_redirects=False, timeout=10)

    def login(self, username: str, password: str) -> None:
        response = self.submit("/login", {"username": username, "password": password})
        assert response.status_code == 302, response.text[:500]

    def join(self, code: str, name: str) -> None:
        response = self.submit("/join", {"code": code, "name": name})
        assert response.status_code == 302 and response.headers["Location"].endswith("/room"), response.text[:500]

    def create_exercise(self, scenario: str, seed: int, speed: float, roster: str) -> int:
        response = self.submit("/instructor/", {"scenario": scenario, "seed": seed, "speed": speed, "roster": roster})
        match = re.search(r"/instructor/exercises/(\d+)$", response.headers.get("Location", ""))
        assert response.status_code == 302 and match, response.text[:1000]
        return int(match.group(1))

    def cookie(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)

    def socket(self, namespace: str, on: dict[str, Any] | None = None) -> socketio.Client:
        """A connected python-socketio client on `namespace`, authenticated by this session's cookie."""
        client = socketio.Client(reconnection=False)
        for name, handler in (on or {}).items():
            client.on(name, handler, namespace=namespace)
        client.connect(
            self.base, namespaces=[namespace], headers={"Cookie": self.cookie()}, transports=["websocket"], wait_timeout=5
        )
        self.sockets.append(client)
        return client

    def close(self) -> None:
        for client in self.sockets:
            with contextlib.suppress(Exception):  # the server may be gone already
                client.disconnect()
        self.sockets.clear()
        self.http.close()


class Inbox:
    """What a socket received, kept in order (handlers run on the client's own thread)."""

    def __init__(self):
        self.items: list[Any] = []
        self._changed = threading.Condition()

    def __call__(self, payload: Any) -> None:
        with self._changed:
            self.items.append(payload)
            self._changed.notify_all()

    def snapshot(self) -> list[Any]:
        with self._changed:
            return list(self.items)

    def clear(self) -> None:
        with self._changed:
            self.items.clear()

    def wait_for(self, predicate, timeout: float = 10) -> list[Any]:
        """Wait until `predicate(items)` holds; returns the items then (fails the test on timeout)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not predicate(self.items):
                left = deadline - time.monotonic()
                assert left > 0, f"timed out waiting; received {len(self.items)} message(s): {self.items[-3:]}"
                self._changed.wait(left)
            return list(self.items)
