"""The schema under Alembic: revisions equal to the models, and every kind of database brought to head.

On SQLite and on PostgreSQL (the test run's cluster, `app_factory.postgres_database`):
a new database, a database an earlier version made with `db.create_all()` (no
`alembic_version`), and two servers starting on one database at once (the upgrade, the
demo instructor).
`fixtures/before_migrations.sql` is such an earlier database, as a dump: made by the
code of 2026-12-03 (before migrations) with `db.create_all()`, one exercise started,
three `monitor` actions and a pause (`sqlite3 crisis.db .dump`).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.pool import NullPool

from app_factory import dispose, postgres_database
from web import create_app, serve
from web.extensions import db
from web.models import EventRecord, InputRecord, Instructor, Team
from web.schema import MIGRATIONS, upgrade_database
from web.console import speaking
from web.setup import DEMO_USERNAME, ensure_demo_instructor, prepare

BEFORE_MIGRATIONS = Path(__file__).parent / "fixtures" / "before_migrations.sql"
HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()


@pytest.fixture
def make_app():
    """Apps on a URL (as a server process makes them), their connections closed afterwards."""
    apps = []

    def make(url: str):
        apps.append(create_app({"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": url}))
        return apps[-1]

    yield make
    for app in apps:
        dispose(app)


def drift() -> list:
    """What Alembic's autogenerate would change to make the database equal to the models (nothing, when equal)."""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def revision() -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def test_the_revisions_make_exactly_the_models_schema(database_url, make_app):
    with make_app(database_url).app_context():
        upgrade_database()
        assert revision() == HEAD
        differences = drift()
        assert differences == [], (
            "web/models and web/migrations differ; add a revision for the change "
            f"(flask --app web db migrate -m '...', see docs/DEPLOY.md): {differences}"
        )
        upgrade_database()  # again, at head: nothing to do, nothing broken
        assert revision() == HEAD


def test_downgrade_to_nothing_and_up_again(database_url, make_app):
    with make_app(database_url).app_context():
        upgrade_database()
        flask_migrate.downgrade(revision="base")
        assert revision() is None and set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade_database()
        assert revision() == HEAD and drift() == []


def counts() -> dict[str, int]:
    return {
        model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
        for model in (Instructor, Team, InputRecord, EventRecord)
    }


def load_before_migrations(path: Path, drop: tuple[str, ...] = ()) -> None:
    """The earlier version's database file, less the tables in `drop` (a still earlier version lacked them)."""
    connection = sqlite3.connect(path)
    connection.executescript(BEFORE_MIGRATIONS.read_text(encoding="utf-8"))
    for table in drop:
        connection.execute(f"DROP TABLE {table}")
    connection.commit()
    connection.close()


def test_the_server_start_upgrades_a_database_made_by_create_all_and_keeps_its_runs(tmp_path, make_app):
    path = tmp_path / "crisis.db"
    load_before_migrations(path)
    app = make_app(f"sqlite:///{path}")
    with app.app_context():
        before = counts()
        assert revision() is None and before == {"instructor": 1, "team": 1, "input_record": 5, "event_record": 5}
        prepare(app)  # what `python run.py` does at start
        assert revision() == HEAD and drift() == []
        assert counts() == {**before, "instructor": 2}  # and the demo instructor
        assert db.session.scalar(select(Instructor).where(Instructor.username == "lan")).check_password("secret")
        live = app.extensions["live"]
        team_id = db.session.scalar(select(Team.id))
        rebuilt = live.team(team_id)  # rebuilt by the start from the old file's log
        assert (rebuilt.status, rebuilt.inputs, rebuilt.sent) == ("paused", 5, 5)
        live.control(team_id, "instructor:1", "resume", {})
        assert db.session.scalars(select(InputRecord.number).order_by(InputRecord.number)).all() == [1, 2, 3, 4, 5, 6]


def test_a_database_older_still_gets_the_tables_it_lacks(tmp_path, make_app):
    path = tmp_path / "crisis.db"
    load_before_migrations(path, drop=("practice_attempt", "trainee_account"))  # before self-practice existed
    with make_app(f"sqlite:///{path}").app_context():
        upgrade_database()
        assert {"practice_attempt", "trainee_account"} <= set(inspect(db.engine).get_table_names())
        assert revision() == HEAD and drift() == []
        assert counts()["input_record"] == 5


def test_a_create_all_schema_upgrades_in_place_on_each_database(database_url, make_app):
    """The first revision's tables without `alembic_version` are what `db.create_all()` made, on either database."""
    with make_app(database_url).app_context():
        upgrade_database("0001")
        db.session.execute(text("DROP TABLE alembic_version"))
        db.session.add(Instructor(username="lan", display_name="Lan", password_hash="-"))
        db.session.commit()
        upgrade_database()
        assert revision() == HEAD and drift() == []
        assert db.session.scalars(select(Instructor.username)).all() == ["lan"]


def test_two_servers_starting_at_once_upgrade_one_postgresql_database_one_after_the_other(tmp_path):
    with postgres_database() as url:
        environment = {**os.environ, "CRISIS_DATABASE_URL": url, "CRISIS_SECRET_KEY": "test"}
        servers = [
            subprocess.Popen(
                [sys.executable, "-m", "flask", "--app", "web", "db", "upgrade"],
                env=environment,
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [server.communicate(timeout=120)[0] for server in servers]
        assert [server.returncode for server in servers] == [0, 0], outputs
        assert sum("Running upgrade  -> 0001" in output for output in outputs) == 1, outputs
        engine = create_engine(url, poolclass=NullPool)
        with engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == HEAD
        engine.dispose()


def test_a_server_that_cannot_open_its_database_says_which_and_why(tmp_path, monkeypatch):
    monkeypatch.setenv("CRISIS_DATABASE_URL", f"sqlite:///{tmp_path / 'no-such-folder' / 'crisis.db'}")
    monkeypatch.setenv("CRISIS_SECRET_KEY", "test")
    with pytest.raises(SystemExit) as stop:
        serve(port=0)
    message = str(stop.value)
    assert "Không mở hoặc nâng cấp được cơ sở dữ liệu" in message and "cannot open" not in message
    assert "no-such-folder" in message and "unable to open database file" in message
    with speaking("en"), pytest.raises(SystemExit) as stop:  # run.py --lang en
        serve(port=0)
    assert str(stop.value).startswith("cannot open or upgrade the database ") and "Không" not in str(stop.value)


def test_the_upgrade_prints_as_sql_for_a_database_administrator(tmp_path, make_app, capsys):
    with make_app(f"sqlite:///{tmp_path / 'crisis.db'}").app_context():
        flask_migrate.upgrade(sql=True)  # `flask --app web db upgrade --sql`
        printed = capsys.readouterr().out
        assert [table for table in db.metadata.tables if f"CREATE TABLE {table} (" not in printed] == []
        assert inspect(db.engine).get_table_names() == []  # printed, not run


def test_two_servers_starting_at_once_on_one_database_make_one_demo_instructor(database_url, make_app, monkeypatch):
    with make_app(database_url).app_context():
        upgrade_database()
        ensure_demo_instructor()  # the other process, between this one's look and its insert
        monkeypatch.setattr(db.session, "scalar", lambda statement: None)  # this one looked before
        assert f"{DEMO_USERNAME} / " in ensure_demo_instructor().text()
        monkeypatch.undo()
        assert db.session.scalars(select(Instructor.username)).all() == [DEMO_USERNAME]
