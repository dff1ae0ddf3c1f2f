"""What the README and `web/__init__.py` say of the setup, held to it (issue 12).

`create_app` writes no file (the instance folder and the kept session key come with the first start or the
first connection to the embedded database); every `CRISIS_*` variable configures the app
(`from_prefixed_env`), text settings staying text; the session cookie is Secure when configured so, or behind
TLS. The demo instructor with the published password exists only on the embedded default database;
CRISIS_DEMO_PASSWORD sets the password at every start, and the password the console prints is the one that
logs in, on the real server too.
"""

from __future__ import annotations

import flask
import pytest
from sqlalchemy import select, text

from message_helpers import english
from server_helpers import Browser, Server
from web import create_app
from web.extensions import db
from web.models import Instructor
from web.schema import upgrade_database
from web.setup import DEMO_PASSWORD, DEMO_USERNAME, ensure_demo_instructor, prepare


@pytest.fixture
def instance(tmp_path, monkeypatch):
    """The app's instance folder, moved to a temporary place; no CRISIS_* setting from the test's environment."""
    folder = tmp_path / "instance"
    monkeypatch.setattr(flask.Flask, "auto_find_instance_path", lambda self: str(folder))
    for name in ("DATABASE_URL", "SECRET_KEY", "PUBLIC_URL", "DEMO_PASSWORD", "SESSION_COOKIE_SECURE", "TRACE_LATENCY"):
        monkeypatch.delenv(f"CRISIS_{name}", raising=False)
    return folder


def test_create_app_writes_nothing_and_the_start_keeps_one_session_key(instance):
    app = create_app()
    assert not instance.exists()  # no folder, no key file, no database file
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance / 'crisis.db'}"
    with app.app_context():
        db.session.execute(text("SELECT 1"))  # the first connection makes the folder of the embedded database
        assert (instance / "crisis.db").is_file()
        prepare(app)  # what the server's start does
        db.engine.dispose()
    key = instance / "secret_key"
    assert key.read_text(encoding="utf-8") == app.config["SECRET_KEY"] and key.stat().st_mode & 0o777 == 0o600
    assert create_app().config["SECRET_KEY"] == app.config["SECRET_KEY"]  # the next start signs with the same key


def test_an_explicit_database_in_a_missing_folder_is_not_made(instance, tmp_path, monkeypatch):
    monkeypatch.setenv("CRISIS_DATABASE_URL", f"sqlite:///{tmp_path / 'nowhere' / 'crisis.db'}")
    app = create_app()
    with app.app_context(), pytest.raises(Exception, match="unable to open database file"):
        db.session.execute(text("SELECT 1"))
    assert not (tmp_path / "nowhere").exists()


def test_every_crisis_variable_configures_the_app_and_text_stays_text(instance, monkeypatch):
    monkeypatch.setenv("CRISIS_DATABASE_URL", "postgresql://crisis:pw@db.example/crisis")
    monkeypatch.setenv("CRISIS_SECRET_KEY", "12345")  # looks like JSON, is a key
    monkeypatch.setenv("CRISIS_DEMO_PASSWORD", "20262026")
    monkeypatch.setenv("CRISIS_SESSION_COOKIE_SECURE", "true")
    monkeypatch.setenv("CRISIS_PERMANENT_SESSION_LIFETIME", "3600")  # any Flask setting
    app = create_app()
    config = app.config
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://crisis:pw@db.example/crisis"
    assert (config["SECRET_KEY"], config["DEMO_PASSWORD"]) == ("12345", "20262026")
    assert config["SESSION_COOKIE_SECURE"] is True and app.permanent_session_lifetime.total_seconds() == 3600
    assert not instance.exists()


@pytest.mark.parametrize(
    "settings, secure",
    [
        ({}, False),
        ({"PUBLIC_URL": "http://192.168.1.20:5000"}, False),
        ({"PUBLIC_URL": "https://dientap.example.vn"}, True),  # behind TLS
        ({"PUBLIC_URL": "https://dientap.example.vn", "SESSION_COOKIE_SECURE": False}, False),  # said otherwise
        ({"SESSION_COOKIE_SECURE": True}, True),
    ],
)
def test_the_session_cookie_is_secure_behind_tls_or_when_configured(instance, tmp_path, settings, secure):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'c.db'}", "SECRET_KEY": "k", **settings})
    cookie = app.test_client().get("/login").headers["Set-Cookie"]
    assert cookie.startswith("session=") and ("; Secure" in cookie) == secure, cookie


# --- the demo instructor -----------------------------------------------------------------------------


def demo_app(instance, tmp_path, **settings):
    """An app on an upgraded SQLite file: the embedded default, or with `DATABASE_URL` a configured one."""
    url = f"sqlite:///{tmp_path / 'crisis.db'}"
    where = {"DATABASE_URL": url} if settings.pop("configured", False) else {"SQLALCHEMY_DATABASE_URI": url}
    app = create_app({"SECRET_KEY": "k", "WTF_CSRF_ENABLED": False, **where, **settings})
    with app.app_context():
        upgrade_database()
    return app


def demo_logs_in(app, password: str) -> bool:
    return app.test_client().post("/login", data={"username": DEMO_USERNAME, "password": password}).status_code == 302


def demo(app) -> Instructor | None:
    with app.app_context():
        return db.session.scalar(select(Instructor).where(Instructor.username == DEMO_USERNAME))


def test_on_the_embedded_database_the_demo_has_the_published_password(instance, tmp_path):
    app = demo_app(instance, tmp_path)
    with app.app_context():
        assert ensure_demo_instructor().text() == f"Giảng viên demo: {DEMO_USERNAME} / {DEMO_PASSWORD}"
        assert english(ensure_demo_instructor()) == f"Demo instructor: {DEMO_USERNAME} / {DEMO_PASSWORD}"  # a restart
    assert demo_logs_in(app, DEMO_PASSWORD)


def test_a_new_demo_password_replaces_the_old_one_and_is_the_one_printed(instance, tmp_path):
    app = demo_app(instance, tmp_path)
    with app.app_context():
        ensure_demo_instructor()
    app.config["DEMO_PASSWORD"] = "lop-hoc-2026"  # the next start, with CRISIS_DEMO_PASSWORD
    with app.app_context():
        assert ensure_demo_instructor().text().endswith(f"{DEMO_USERNAME} / lop-hoc-2026")
    assert demo_logs_in(app, "lop-hoc-2026") and not demo_logs_in(app, DEMO_PASSWORD)
    app.config["DEMO_PASSWORD"] = None  # a start without it keeps that password and prints no other
    with app.app_context():
        line = ensure_demo_instructor().text()
    assert DEMO_PASSWORD not in line and "CRISIS_DEMO_PASSWORD" in line and demo_logs_in(app, "lop-hoc-2026")


def test_a_configured_database_gets_no_demo_with_the_published_password(instance, tmp_path):
    app = demo_app(instance, tmp_path, configured=True)
    with app.app_context():
        line = ensure_demo_instructor()
    assert demo(app) is None and "No demo instructor on a CRISIS_DATABASE_URL database" in english(line)
    assert "Không có giảng viên demo" in line.text()


def test_a_published_demo_found_on_a_configured_database_is_locked(instance, tmp_path):
    with demo_app(instance, tmp_path).app_context():  # made earlier on the embedded default, the same file
        ensure_demo_instructor()
    app = demo_app(instance, tmp_path, configured=True)
    with app.app_context():
        line = ensure_demo_instructor()
    assert "locked" in english(line) and "đã bị khóa" in line.text() and not demo_logs_in(app, DEMO_PASSWORD)


def test_a_configured_database_gets_the_demo_with_its_own_password(instance, tmp_path):
    app = demo_app(instance, tmp_path, configured=True, DEMO_PASSWORD="mat-khau-rieng")
    with app.app_context():
        assert ensure_demo_instructor().text().endswith(f"{DEMO_USERNAME} / mat-khau-rieng")
    assert demo_logs_in(app, "mat-khau-rieng") and not demo_logs_in(app, DEMO_PASSWORD)


@pytest.mark.slow
def test_the_real_server_prints_the_password_that_logs_in_after_a_change(tmp_path):
    server = Server(f"sqlite:///{tmp_path / 'crisis.db'}", "k", tmp_path / "server.log")
    for password in ("truoc-2026", "sau-2026"):  # the demo row exists at the second start
        server.env["CRISIS_DEMO_PASSWORD"] = password
        server.start()
        try:
            assert f"Giảng viên demo: {DEMO_USERNAME} / {password}" in server.output()
            teacher = Browser(server.base)
            teacher.login(DEMO_USERNAME, password)
            teacher.close()
        finally:
            server.kill()
    refused = Browser(server.base)
    server.start()
    try:
        response = refused.submit("/login", {"username": DEMO_USERNAME, "password": "truoc-2026"})
        assert response.status_code == 200  # the old password no longer logs in
    finally:
        refused.close()
        server.kill()
