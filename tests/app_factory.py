"""The test platform: an app on a given database, its live clock replaced, two instructors (lan, minh).

The database is an SQLite file (a `Path`) or any SQLAlchemy URL; its schema is made as the
server's start makes it (`web.schema.upgrade_database`, the Alembic revisions). A new SQLite
file starts as a copy of one upgraded once per test run, and `postgres_database(migrated=True)`
as a copy of a template database upgraded once (the upgrade then finds them at head). PostgreSQL
comes from the test run's own cluster, whose URL `scripts/test` exports as
`CRISIS_TEST_POSTGRES_URL` (`scripts/postgres start`): `postgres_database()` gives a test a
fresh database of its own there, and skips the test when there is no cluster (fails on CI,
which must run them). The fixture `database_url` (tests/conftest.py) runs its tests on each:
an empty SQLite file, then an empty PostgreSQL database.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from web import create_app
from web.exercises import TeamPlan, create_exercise
from web.extensions import db
from web.models import Instructor
from web.schema import upgrade_database

POSTGRES_URL = "CRISIS_TEST_POSTGRES_URL"
REDIS_URL = "CRISIS_TEST_REDIS_URL"


def platform_app(database: Path | str, secret: str, clock: Callable[[], float], **config) -> Flask:
    """An app for tests (CSRF off) with its tables, instructors `lan` and `minh` (password `secret`) and `clock`;
    `config`: more settings (`SQLALCHEMY_ENGINE_OPTIONS`, say)."""
    if isinstance(database, Path) and not database.exists():
        shutil.copyfile(_sqlite_schema(), database)
    url = f"sqlite:///{database}" if isinstance(database, Path) else database
    app = create_app(
        {"TESTING": True, "SECRET_KEY": secret, "WTF_CSRF_ENABLED": False, "SQLALCHEMY_DATABASE_URI": url, **config}
    )
    app.extensions["live"].clock = clock
    with app.app_context():
        upgrade_database()
        for username in ("lan", "minh"):
            instructor = Instructor(username=username, display_name=username.title())
            instructor.set_password("secret")
            db.session.add(instructor)
        db.session.commit()
    return app


def csrf_protected_app(folder: Path) -> Flask:
    """An app as it runs, CSRF protection on, with its tables (`db.create_all`) in `folder`/csrf.db and no users."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'csrf.db'}",
        }
    )
    with app.app_context():
        db.create_all()
    return app


def one_team_exercise(instructor: Instructor) -> int:
    """A water-contamination exercise (seed 1, speed 60) of one team, Lê Văn Cường its information department,
    made by `instructor` (inside an app context): the team's id."""
    exercise = create_exercise(
        instructor,
        "nuoc-may-nhiem-doc",
        seed=1,
        speed=60,
        teams=[TeamPlan("Đội 1", {"Lê Văn Cường": "info_department"})],
    )
    return exercise.teams[0].id


def _upgraded(url: str) -> None:
    """Bring the database at `url` to the latest revision, and close the connections to it."""
    app = create_app({"TESTING": True, "SECRET_KEY": "schema", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade_database()
    dispose(app)


@functools.cache
def _sqlite_schema() -> Path:
    """An SQLite file at the latest revision, made once per test run."""
    folder = Path(tempfile.mkdtemp(prefix="crisis-schema-"))
    atexit.register(shutil.rmtree, folder, True)
    _upgraded(f"sqlite:///{folder / 'schema.db'}")
    return folder / "schema.db"


def _required(variable: str, what: str, package: str) -> str:
    """The URL of the test run's `what` from `variable`; skip without one, except on CI (CI=true), where that is
    a failure."""
    url = os.environ.get(variable)
    if url:
        return url
    message = (
        f"no {what} for the tests: {variable} is not set "
        f"(scripts/test starts one and sets it; it needs Debian's {package} package)"
    )
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run the {what} tests")
    pytest.skip(message)


def require_postgres() -> str:
    """The test cluster's URL (`scripts/postgres start`)."""
    return _required(POSTGRES_URL, "PostgreSQL", "postgresql")


def require_redis() -> str:
    """The test run's Redis URL (`scripts/redis start`)."""
    return _required(REDIS_URL, "Redis", "redis-server")


def _admin(cluster: str):
    return create_engine(make_url(cluster), isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _create_database(cluster: str, template: str | None = None) -> str:
    name = f"test_{uuid.uuid4().hex[:16]}"
    with _admin(cluster).connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    return name


def _drop_database(cluster: str, name: str) -> None:
    with _admin(cluster).connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@functools.cache
def _postgres_schema(cluster: str) -> str:
    """A template database at the latest revision on the cluster, made once per test run: its name."""
    name = _create_database(cluster)
    atexit.register(_drop_database, cluster, name)
    _upgraded(make_url(cluster).set(database=name).render_as_string(hide_password=False))
    return name


@contextmanager
def postgres_database(migrated: bool = False) -> Iterator[str]:
    """A new database on the test cluster (empty, or at the latest revision), its URL; dropped afterwards."""
    cluster = require_postgres()
    name = _create_database(cluster, _postgres_schema(cluster) if migrated else None)
    try:
        yield make_url(cluster).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop_database(cluster, name)


def dispose(app: Flask) -> None:
    """Close the app's session and connections (before its database is dropped)."""
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
