"""The web platform: a Flask app with Socket.IO, on the pure core (`scenarios`, `sim`, `scoring`).

`create_app(test_config=None)` builds the app and does no work beyond that:
no database rows, no background task. `serve()` (what `python run.py` calls)
creates the tables and the demo instructor, rebuilds interrupted exercises
(paused), starts the ticker and serves on 127.0.0.1:5000.

Configuration, from the environment:
    CRISIS_DATABASE_URL   any SQLAlchemy URL (default: SQLite file in the instance folder)
    CRISIS_SECRET_KEY     session signing key (default: a random key kept in the instance folder)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from web.extensions import csrf, db, login_manager, socketio

MAX_PAYLOAD = 64 * 1024  # bytes: forms and socket messages


def _secret_key(instance: Path) -> str:
    """The session key: from the environment, or kept in the instance folder so sessions survive restarts."""
    if os.environ.get("CRISIS_SECRET_KEY"):
        return os.environ["CRISIS_SECRET_KEY"]
    key_file = instance / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=os.environ.get("CRISIS_DATABASE_URL", f"sqlite:///{instance / 'crisis.db'}"),
        MAX_CONTENT_LENGTH=MAX_PAYLOAD,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,
        TRACE_LATENCY=os.environ.get("CRISIS_TRACE_LATENCY") == "1",
    )
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(instance)

    db.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    socketio.init_app(app, async_mode="threading", max_http_buffer_size=MAX_PAYLOAD)

    from web import auth, pages, trainee
    from web.live import LiveExercises
    from web.outbox import send_events
    from instructor import namespace as instructor_namespace, views as instructor_views

    auth.init_app(app)
    pages.init_app(app)
    trainee.init_app(app)
    instructor_views.init_app(app)
    instructor_namespace.init_app(app)
    app.extensions["live"] = LiveExercises(app, outbox=send_events)
    return app


def serve(host: str = "127.0.0.1", port: int = 5000) -> None:
    """Start the platform on its embedded defaults (what `python run.py` does)."""
    from web.setup import prepare

    app = create_app()
    with app.app_context():
        login = prepare(app)
    print(f"Nền tảng diễn tập / Drill platform: http://{host}:{port}/")
    print(f"Giảng viên demo / Demo instructor: {login[0]} / {login[1]}")
    app.extensions["live"].start_ticker()
    socketio.run(app, host=host, port=port, allow_unsafe_werkzeug=True)
