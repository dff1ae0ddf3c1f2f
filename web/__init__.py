"""The web platform: a Flask app with Socket.IO, on the pure core (`scenarios`, `scoring`, `sim`, `debrief`).

`create_app(test_config=None)` builds the app and does no work beyond that:
no file written, no database rows, no background task. `serve()` (what `python run.py` calls)
keeps the session key, brings the database to the latest schema (`web.schema`), creates the demo
instructor on the embedded default database, rebuilds interrupted exercises (paused), starts the
ticker and serves on 127.0.0.1:5000. `flask --app web ...` (routes, db upgrade) uses the same app.
The instructor's side (`instructor`) stands on this package and is plugged in by name (the PLUGINS
setting): each plugin's `init_app(app)` registers its blueprints (docs/ARCHITECTURE.md).

Configuration: every `CRISIS_*` environment variable (`web.config`), e.g.
    CRISIS_DATABASE_URL   SQLite or PostgreSQL, as an SQLAlchemy URL (default: SQLite file in the
                          instance folder); `postgresql://` and `postgres://` mean the psycopg 3 driver
    CRISIS_SECRET_KEY     session signing key (default: a random key kept in the instance folder)
    CRISIS_PUBLIC_URL     the address trainees reach, e.g. http://192.168.1.20:5000, for the join links
    CRISIS_DEMO_PASSWORD  the demo instructor's password (`web.setup`)
    CRISIS_SESSION_COOKIE_SECURE  true/false (default: true when the public URL is https://)
Security headers (Content-Security-Policy, HSTS behind TLS): `web.headers`.
    CRISIS_TRUSTED_PROXIES  how many reverse proxies in front set X-Forwarded-For/-Proto (default 0: `web.proxies`)
    CRISIS_ASYNC_MODE     Socket.IO's concurrency: `threading` (default, `python run.py`) or `gevent`
                          (the production server, `gunicorn -k gevent web.wsgi:app`; `web.wsgi` sets it)
    CRISIS_REDIS_URL      Redis between server processes (Socket.IO's message queue), e.g. redis://localhost:6379/0;
                          unset: one process, no queue

`prepared(app)` is the start shared by both servers: the schema, the demo instructor, the
interrupted exercises and the ticker (`serve` prints the demo line; `web.wsgi` logs it). What the start prints
is in the console's language: Vietnamese, or English with `run.py --lang en` or CRISIS_LANGUAGE=en (`web.console`).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import socketio as socketio_server
from flask import Flask
from sqlalchemy import event, make_url
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.http import parse_cookie

from scenarios.messages import N_, Message
from web import collector, postgres, proxies
from web.config import MAX_PAYLOAD, configure, default_database
from web.extensions import csrf, db, login_manager, migrate, socketio
from web.schema import MIGRATIONS

ASYNC_MODES = ("threading", "gevent")  # both serve WebSocket with simple_websocket
SOCKET_PATH = "/socket.io"  # Socket.IO's path (Flask-SocketIO's default), answered by its middleware in front of Flask


class _BoundedSocketBodies:
    """WSGI guard in front of Socket.IO: a long-polling POST over MAX_PAYLOAD gets 413 before Engine.IO reads it.

    Engine.IO does refuse such a body, but then closes the connection and waits for a
    poll to collect the close packet; a client that never polls holds the server thread
    forever (two anonymous requests per thread). Flask bounds its own requests itself.
    The answer is in the language of the request's `lang` cookie (`web.i18n`), read here, in front of Flask.
    """

    def __init__(self, wsgi_app, path: str):
        self.wsgi_app, self.path = wsgi_app, path

    def __call__(self, environ, start_response):
        length = environ.get("CONTENT_LENGTH") or "0"
        if environ.get("PATH_INFO", "").startswith(self.path) and length.isdigit() and int(length) > MAX_PAYLOAD:
            start_response(
                "413 Request Entity Too Large", [("Content-Type", "text/plain; charset=utf-8"), ("Connection", "close")]
            )
            from web.console import in_language
            from web.i18n import LOCALE_COOKIE

            language = parse_cookie(environ).get(LOCALE_COOKIE)
            return [in_language(Message(N_("Thông điệp quá lớn.")), language).encode()]
        return self.wsgi_app(environ, start_response)


def _bound_socket_messages(app: Flask) -> None:
    """Keep socket messages within MAX_PAYLOAD on both transports.

    Long polling: `_BoundedSocketBodies`. WebSocket: both drivers (threading, gevent) build their
    `simple_websocket.Server` without a message limit and only check the size after the whole
    message is in memory; given `max_message_size`, it closes the connection (1009, message too
    big) as soon as a message grows past the limit.
    """
    app.wsgi_app = _BoundedSocketBodies(app.wsgi_app, SOCKET_PATH)  # type: ignore[method-assign]  # Flask's way to wrap it
    eio = socketio.server.eio
    websocket = (getattr(eio, "_async", None) or {}).get("websocket")
    if websocket is None:
        return

    def bounded_websocket(handler, server):
        connection = websocket(handler, server)
        connection.server_args["max_message_size"] = MAX_PAYLOAD  # the arguments of its simple_websocket.Server
        return connection

    eio._async = {**eio._async, "websocket": bounded_websocket}


def _socket_path_rule(app: Flask) -> None:
    """Socket.IO's path as a URL rule, so that a socket message's request context matches it.

    Flask-SocketIO handles every message in a request context made from the connection's environ
    (path /socket.io/). Without a rule the match raises NotFound, which the context keeps with its
    traceback: a reference cycle (exception, traceback, frames, the context) per message, 38 objects
    left to the garbage collector instead of being freed at once; under a live exercise that garbage made
    most of each young collection (`web.collector`). The rule has no view: the Socket.IO middleware
    answers that path before Flask would dispatch it.
    """
    app.add_url_rule(f"{SOCKET_PATH}/", endpoint="socket_io", methods=["GET", "POST"], strict_slashes=False)


def _sqlite_pragmas(connection, _record) -> None:
    """WAL: the ticker's writes and the handlers' reads and writes stop blocking each other; crash-safe."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _make_default_folder(app: Flask) -> None:
    """On the embedded default database, the instance folder is made when the first connection opens the file."""
    if app.config["SQLALCHEMY_DATABASE_URI"] != f"sqlite:///{default_database(app)}":
        return
    event.listen(db.engine, "do_connect", lambda *_: default_database(app).parent.mkdir(parents=True, exist_ok=True))


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    configure(app, test_config)

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):  # a restarted server's dead connections
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True})
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)  # batch: SQLite's ALTER TABLE
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas)
            _make_default_folder(app)
        elif db.engine.dialect.name == "postgresql":
            postgres.init_engine(db.engine)
    csrf.init_app(app)
    login_manager.init_app(app)
    if app.config["ASYNC_MODE"] not in ASYNC_MODES:
        from web.console import say

        raise SystemExit(
            say(
                N_("CRISIS_ASYNC_MODE=%(mode)s: chỉ nhận %(modes)s"),
                mode=repr(app.config["ASYNC_MODE"]),
                modes=", ".join(ASYNC_MODES),
            )
        )
    queue = {}
    if app.config["REDIS_URL"]:  # made here: Flask-SocketIO takes only redis:// URLs for Redis, not unix:// sockets
        queue["client_manager"] = socketio_server.RedisManager(app.config["REDIS_URL"], channel="crisis-drill")
    socketio.init_app(app, async_mode=app.config["ASYNC_MODE"], max_http_buffer_size=MAX_PAYLOAD, **queue)
    _bound_socket_messages(app)
    _socket_path_rule(app)
    proxies.init_app(app)  # outermost: the Socket.IO connections keep the client's address it found

    from web import auth, evaluation, headers, i18n, label_tables, local_time, pages, practice, review, trainee
    from web.live import LiveExercises
    from web.outbox import send_events, send_status

    headers.init_app(app)
    i18n.init_app(app)
    auth.init_app(app)
    local_time.init_app(app)
    label_tables.init_app(app)
    pages.init_app(app)
    trainee.init_app(app)
    review.init_app(app)
    practice.init_app(app)
    evaluation.init_app(app)
    for plugin in app.config["PLUGINS"]:  # found by name: the packages above web register themselves
        import_module(plugin).init_app(app)
    app.extensions["live"] = LiveExercises(app, outbox=send_events, announce=send_status, leases=_leases(app))
    return app


def _leases(app: Flask):
    """With Redis, this process's side of the teams' owner leases (`web.ownership`), named by the database; else None."""
    from web.ownership import Leases, process_id, redis_client

    if not app.config["REDIS_URL"]:
        return None
    platform = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database or "default"
    return Leases(redis_client(app.config["REDIS_URL"]), process_id(), float(app.config["OWNER_TTL"]), platform)


def prepared(app: Flask) -> Message:
    """Bring the database up to date, rebuild interrupted exercises, set the garbage collector for serving
    (`web.collector`) and start the ticker; the demo instructor's line.

    A database that cannot be opened or upgraded stops the start with one line, not a traceback, in the console's
    language (`web.console`).
    """
    from web.console import say
    from web.setup import prepare

    with app.app_context():
        try:
            demo = prepare(app)
        except SQLAlchemyError as exc:  # unreachable, missing, refusing: said in a line, not a traceback
            database = db.engine.url.render_as_string(hide_password=True)
            raise SystemExit(
                say(
                    N_("Không mở hoặc nâng cấp được cơ sở dữ liệu %(database)s (CRISIS_DATABASE_URL): %(reason)s"),
                    database=database,
                    reason=getattr(exc, "orig", None) or exc,
                )
            ) from exc
    collector.tune_for_serving()  # after the start's objects are made, before the load comes
    app.extensions["live"].start_ticker()
    return demo


def serve(host: str = "127.0.0.1", port: int = 5000, public_url: str | None = None) -> None:
    """Start the platform on its embedded defaults (what `python run.py` does).

    `public_url` (else CRISIS_PUBLIC_URL) is the address trainees reach, used in the join
    links; on every interface without one, this machine's network address (`web.join_links`).
    """
    from web.console import say
    from web.join_links import ALL_INTERFACES, serving_url

    app = create_app()
    app.config["PUBLIC_URL"] = serving_url(host, port, public_url or app.config["PUBLIC_URL"])
    demo = prepared(app)
    print(say(N_("Nền tảng diễn tập: %(url)s"), url=f"http://{host}:{port}/"))
    if app.config["PUBLIC_URL"]:
        print(say(N_("Học viên vào đội tại: %(url)s"), url=f"{app.config['PUBLIC_URL']}/join"))
    elif host not in ALL_INTERFACES:
        print(say(N_("Chỉ mở được trên máy này; để học viên vào từ máy khác: --host 0.0.0.0")))
    print(say(demo))
    socketio.run(app, host=host, port=port, allow_unsafe_werkzeug=True)
