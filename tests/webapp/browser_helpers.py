"""Helpers for the real-browser tests: the real server in a subprocess, and what a user does in Chromium.

The fixtures `server`, `chromium` and `contexts` that use them are in conftest.py."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "browser-test-2026"
SPEED = 600  # scenario minutes per real minute: minute 10 comes after one second
ROSTER = """Đội Hòa Thạnh
spokesperson: Nguyễn Văn An
info_department: Lê Thị Bình
propaganda_board: Trần Văn Cường

Đội Phú Xuân
spokesperson: Phạm Thị Dung
info_department: Võ Văn Em
"""


def require_chromium() -> None:
    """Skip when Chromium is missing, except on CI (CI=true), where that is a failure."""
    if Path(CHROMIUM).exists():
        return
    message = f"Debian Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run the browser tests")
    pytest.skip(message)


def launch(playwright):
    """Debian's Chromium, headless, with the flags this closed network needs."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def new_context(browser):
    """A fresh browser context (its own cookies: a person of its own), as the tests look at pages."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
    context.set_default_timeout(10_000)
    return context


def page_errors(page) -> list[str]:
    """The script errors the page raises from now on, and what the Content-Security-Policy refuses (a list that
    fills up): a page that needs an inline script or style fails its test."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if message.type == "error" and "Content Security Policy" in message.text else None
        ),
    )
    return errors


def wait_until(page, expression: str, timeout: float = 10_000) -> None:
    """Wait until the JavaScript `expression` holds on `page`, polled from here (`timeout` in ms). Playwright's own
    `wait_for_function` turns the string into a function inside the page, which the Content-Security-Policy
    (no eval) refuses; `evaluate` goes through the debugging protocol and is allowed."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out after {timeout} ms waiting for {expression}"
        page.wait_for_timeout(100)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """`python run.py serve` on a free port, with its own SQLite file (`env`: more settings); stopped with `stop()`."""

    def __init__(self, workdir: Path, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "server.log"
        env = {
            **os.environ,
            "CRISIS_DATABASE_URL": f"sqlite:///{workdir / 'browser.db'}",
            "CRISIS_SECRET_KEY": "browser-test-secret",
            "CRISIS_DEMO_PASSWORD": DEMO_PASSWORD,
            "PYTHONUNBUFFERED": "1",
            **(env or {}),
        }
        env.pop("CRISIS_TRACE_LATENCY", None)
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - the server writes to it until stop() closes it
        self.process = subprocess.Popen(
            [sys.executable, "run.py", "serve", "--port", str(self.port)],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_up()

    def _wait_until_up(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"the server exited ({self.process.returncode}):\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server did not answer on {self.url} within {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()


def log_in(page, base: str) -> None:
    page.goto(base + "/login")
    page.fill("#username", "demo")
    page.fill("#password", DEMO_PASSWORD)
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/instructor/")


def create_exercise(page, base: str, roster: str, speed: float, scenario: str = "nuoc-may-nhiem-doc") -> list[str]:
    """On the dashboard: create an exercise; lands on its console. Returns the teams' join codes, in order."""
    page.goto(base + "/instructor/")
    page.select_option("#scenario", scenario)
    page.fill("#speed", str(speed))
    page.fill("#roster", roster)
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/instructor/exercises/*")
    teams = page.locator(".team-card")
    teams.first.wait_for()
    return [code.strip() for code in page.locator(".team-card .joininfo .code").all_inner_texts()]


def join(context, base: str, code: str, name: str):
    """A trainee joins with the team code and their name; returns their room page, connected."""
    page = context.new_page()
    page.goto(f"{base}/join?code={code}")
    page.fill("#name", name)
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/room")
    page.locator("#conn.conn-ok").wait_for(timeout=10_000)
    return page


def submit_action(page, action_type: str, selects: dict[str, str] | None = None, fills: dict[str, str] | None = None):
    """In a trainee room: open the form of `action_type`, choose `selects`, type `fills`, submit."""
    page.locator(f"#action-{action_type} summary").click()
    form = page.locator(f"#action-{action_type} form")
    for name, value in (selects or {}).items():
        form.locator(f"select[name={name}]").select_option(value)
    for name, value in (fills or {}).items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("button[type=submit]").click()


def open_copy(page, base: str, builtin: str = "nuoc-may-nhiem-doc") -> None:
    """Logged in, a copy of a built-in drill opened in the editor, checked valid."""
    log_in(page, base)
    page.goto(base + "/instructor/drills/")
    page.click(f"#builtin-{builtin} form button")
    page.wait_for_url("**/instructor/drills/*/edit")
    expect(page.locator("#au-status")).to_contain_text("Hợp lệ")
