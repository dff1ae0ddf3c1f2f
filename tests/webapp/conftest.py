"""Fixtures for the web platform: an app on a temporary SQLite file, a hand-turned clock, logged-in clients; for the
browser tests, the real server, Chromium and its contexts."""

from __future__ import annotations

import functools
from typing import ClassVar

import pytest
from werkzeug.security import generate_password_hash

from web.models import core as models

from app_factory import csrf_protected_app, platform_app
from web.exercises import TeamPlan, create_exercise
from web.extensions import db, socketio
from web.models import Instructor
from web.outbox import INSTRUCTOR_NAMESPACE, TRAINEE_NAMESPACE


class FakeClock:
    """Wall seconds that move only when a test says so."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def real_hashing():
    """Asked for by a test that needs the production password hashing."""


@pytest.fixture(autouse=True)
def fast_hashing(request, monkeypatch):
    """Cheap password hashes for the fixture instructors (scrypt costs ~0.4 s a hash), unless `real_hashing`."""
    if "real_hashing" not in request.fixturenames:
        monkeypatch.setattr(
            models, "generate_password_hash", functools.partial(generate_password_hash, method="pbkdf2:sha256:1000")
        )


@pytest.fixture
def app(tmp_path):
    app = platform_app(tmp_path / "test.db", "test", FakeClock())
    yield app


@pytest.fixture
def clock(app) -> FakeClock:
    return app.extensions["live"].clock


class Platform:
    """Helpers for what tests do again and again: log in, create an exercise, join, connect."""

    ROLES: ClassVar[dict[str, str]] = {
        "spokesperson": "Nguyễn Văn An",
        "propaganda_board": "Trần Thị Bình",
        "info_department": "Lê Văn Cường",
    }

    def __init__(self, app):
        self.app = app

    def instructor_client(self, username: str = "lan"):
        client = self.app.test_client()
        response = client.post("/login", data={"username": username, "password": "secret"})
        assert response.status_code == 302, response.data
        return client

    def exercise(self, username: str = "lan", teams: int = 2, scenario: str = "nuoc-may-nhiem-doc", speed: float = 60):
        with self.app.app_context():
            instructor = db.session.query(Instructor).filter_by(username=username).one()
            plans = [
                TeamPlan(f"Đội {n}", {f"{name} {n}": role for role, name in self.ROLES.items()}) for n in range(1, teams + 1)
            ]
            exercise = create_exercise(instructor, scenario, seed=1, speed=speed, teams=plans)
            return exercise.id, [(t.id, t.join_code) for t in exercise.teams]

    def trainee_client(self, code: str, name: str):
        client = self.app.test_client()
        response = client.post("/join", data={"code": code, "name": name})
        assert response.status_code == 302 and response.location.endswith("/room"), response.data
        return client

    def trainee_socket(self, http_client):
        return socketio.test_client(self.app, namespace=TRAINEE_NAMESPACE, flask_test_client=http_client)

    def instructor_socket(self, http_client):
        return socketio.test_client(self.app, namespace=INSTRUCTOR_NAMESPACE, flask_test_client=http_client)

    def tick(self):
        with self.app.app_context():
            self.app.extensions["live"].tick()


@pytest.fixture
def platform(app) -> Platform:
    return Platform(app)


@pytest.fixture
def csrf_app(tmp_path):
    """The app as it runs: CSRF protection on."""
    app = csrf_protected_app(tmp_path)
    with app.app_context():
        lan = Instructor(username="lan", display_name="Lan")
        lan.set_password("secret")
        db.session.add(lan)
        db.session.commit()
    return app


@pytest.fixture
def drill(platform, clock):
    """An exercise of two teams, the instructor watching, every trainee of team A connected (`live_helpers.Drill`)."""
    from live_helpers import Drill

    return Drill(platform, clock)


# --- the browser tests (marker `browser`): the real server and Debian's Chromium, once per test module -----------


@pytest.fixture(scope="module")
def server(tmp_path_factory, request):
    """`python run.py serve` on a new SQLite file of the module's own (`browser_helpers.LiveServer`); a module that
    prepares its database first defines its own `server`."""
    from browser_helpers import LiveServer, require_chromium

    require_chromium()
    live = LiveServer(tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1]))
    yield live
    live.stop()


@pytest.fixture(scope="module")
def chromium(server):
    """Debian's Chromium, headless, for the module's tests (after its server, so that a missing Chromium skips first)."""
    from playwright.sync_api import sync_playwright

    from browser_helpers import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def contexts(chromium):
    """New browser contexts (separate cookies: separate people), closed after the test."""
    from browser_helpers import new_context

    opened = []

    def new():
        context = new_context(chromium)
        opened.append(context)
        return context

    yield new
    for context in opened:
        context.close()
