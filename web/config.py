"""The app's configuration: defaults, then every `CRISIS_*` environment variable, then a test's own settings.

`configure(app, test_config)` reads the environment with `app.config.from_prefixed_env("CRISIS")`:
`CRISIS_X` becomes the setting `X`, its value read as JSON when it parses (`true`, `3600`) and as text
otherwise; the settings that are text (`TEXT_SETTINGS`) stay text even when they look like a number.
It writes nothing: the instance folder and the kept session key are made by the server's start
(`web.setup.keep_secret_key`), not here.

The settings of the platform (any Flask setting goes too, e.g. `CRISIS_SESSION_COOKIE_SECURE=true`):
    DATABASE_URL     SQLite or PostgreSQL, an SQLAlchemy URL (default: the SQLite file `instance/crisis.db`)
    SECRET_KEY       the session key (default: the one kept in `instance/secret_key`, made at the first start)
    PUBLIC_URL       the address trainees reach, for the join links; an https:// one means behind TLS
    DEMO_PASSWORD    the demo instructor's password (see `web.setup.ensure_demo_instructor`)
    TRACE_LATENCY    1: time each event from the clock to its send (benchmarks)
    ASYNC_MODE       Socket.IO's concurrency: threading (default) or gevent (the production server, web.wsgi)
    REDIS_URL        Redis between server processes (Socket.IO's message queue, the teams' owners); unset: one process
    OWNER_TTL        seconds a team's owner lease lasts unrenewed (with REDIS_URL; `web.ownership`): default 5
    TRUSTED_PROXIES  how many reverse proxies in front set X-Forwarded-For/-Proto (default 0; `web.proxies`)
    PLUGINS          the packages plugged into the platform, each registering its pages with `init_app(app)`
                     (default: ["instructor"], the instructor's side; docs/ARCHITECTURE.md)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, has_request_context, request
from flask.sessions import SecureCookieSessionInterface

PREFIX = "CRISIS"
TEXT_SETTINGS = ("DATABASE_URL", "SECRET_KEY", "PUBLIC_URL", "DEMO_PASSWORD", "REDIS_URL")
MAX_PAYLOAD = 64 * 1024  # bytes: forms and socket messages
SECRET_KEY_FILE = "secret_key"
PLUGINS = ("instructor",)  # the packages above `web` that plug their pages in (create_app calls their init_app)


def default_database(app: Flask) -> Path:
    """The embedded default: an SQLite file in the instance folder."""
    return Path(app.instance_path) / "crisis.db"


def _database_uri(app: Flask) -> str:
    """DATABASE_URL, or the embedded SQLite file; a bare PostgreSQL URL gets psycopg 3."""
    url = app.config.get("DATABASE_URL") or f"sqlite:///{default_database(app)}"
    for bare in ("postgresql://", "postgres://"):
        if url.startswith(bare):
            return "postgresql+psycopg://" + url[len(bare) :]
    return url


def secret_key_file(app: Flask) -> Path:
    return Path(app.instance_path) / SECRET_KEY_FILE


def _secret_key(app: Flask) -> str:
    """The key kept by an earlier start, else a new one for this process (the start keeps it: `keep_secret_key`)."""
    kept = secret_key_file(app)
    if kept.is_file():
        return kept.read_text(encoding="utf-8").strip()
    app.config["SECRET_KEY_UNKEPT"] = True
    return secrets.token_hex(32)


class _SessionCookies(SecureCookieSessionInterface):
    """Session cookies marked Secure as configured (SESSION_COOKIE_SECURE), or, when it is not, behind TLS:
    when the public URL (which `serve` may set after the app is made) is https://, or the request came over
    TLS (to the server itself, or to a trusted proxy that says so: `web.proxies`)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        configured = app.config["SESSION_COOKIE_SECURE"]
        if configured is not None:
            return bool(configured)
        return str(app.config.get("PUBLIC_URL") or "").startswith("https://") or (
            has_request_context() and request.is_secure
        )


def configure(app: Flask, test_config: dict[str, Any] | None = None) -> None:
    """Fill `app.config` from the defaults, the environment and `test_config`, in that order; no file is written."""
    app.config.from_mapping(
        MAX_CONTENT_LENGTH=MAX_PAYLOAD,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=None,  # not configured: follows the public URL (`_SessionCookies`)
        WTF_CSRF_TIME_LIMIT=None,
        TRACE_LATENCY=False,
        PUBLIC_URL=None,  # the join links' host (web.join_links)
        DATABASE_URL=None,
        DEMO_PASSWORD=None,
        ASYNC_MODE="threading",  # or gevent: the production server (web.wsgi)
        REDIS_URL=None,  # Redis between server processes (Socket.IO's message queue); None: one process
        OWNER_TTL=5.0,  # seconds a dead owner keeps its teams before another process takes them (web.ownership)
        TRUSTED_PROXIES=0,  # reverse proxies whose X-Forwarded-For/-Proto are believed (web.proxies)
        PLUGINS=PLUGINS,
    )
    app.config.from_prefixed_env(PREFIX)
    for name in TEXT_SETTINGS:
        if f"{PREFIX}_{name}" in os.environ:
            app.config[name] = os.environ[f"{PREFIX}_{name}"] or None
    if test_config:
        app.config.update(test_config)
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", _database_uri(app))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(app)
    app.session_interface = _SessionCookies()


def embedded_database(app: Flask) -> bool:
    """Whether the app runs on the embedded default database (no DATABASE_URL configured)."""
    return not app.config.get("DATABASE_URL")
