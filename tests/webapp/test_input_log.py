"""Two server processes append to one team's input log at once: no number taken twice, no input lost.

Each writer is what a server process's `LiveExercises._commit_input` is: its own app (own
engine, own connections, as a process has), numbering from what it recorded itself. On
PostgreSQL (the measured `UniqueViolation` on `input_record(team_id, number)`) and on SQLite.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app_factory import dispose, platform_app
from conftest import FakeClock
from web import create_app
from web.exercises import TeamPlan, create_exercise
from web.extensions import db
from web.input_log import append_input
from web.models import InputRecord, Instructor

PROCESSES = 2
THREADS = 2  # writers in each process (a process's team lock makes them take turns there; not across processes)
INPUTS = 25  # by each writer


@pytest.fixture
def processes(database_url):
    """`PROCESSES` apps on one database, as server processes are; the first made the tables and instructors."""
    apps = [platform_app(database_url, "test", FakeClock())]
    apps += [create_app({"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": database_url})
             for _ in range(PROCESSES - 1)]
    yield apps
    for app in apps:
        dispose(app)


def a_team(app) -> int:
    with app.app_context():
        instructor = db.session.scalar(select(Instructor).where(Instructor.username == "lan"))
        exercise = create_exercise(instructor, "nuoc-may-nhiem-doc", seed=1, speed=60,
                                   teams=[TeamPlan("Đội 1", {"Lê Văn Cường": "info_department"})])
        return exercise.teams[0].id


def stored_numbers(app, team_id: int) -> list[tuple[int, str]]:
    with app.app_context():
        return db.session.execute(select(InputRecord.number, InputRecord.source).where(InputRecord.team_id == team_id)
                                  .order_by(InputRecord.number)).all()


def test_writers_in_two_processes_number_one_team_log_without_a_gap_or_a_double(processes):
    team_id = a_team(processes[0])
    start = threading.Barrier(PROCESSES * THREADS)
    errors: list[str] = []
    retried: list[int] = []

    def writer(app, name: str, lock: threading.Lock, recorded: list[int]) -> None:
        with app.app_context():
            start.wait()
            for n in range(INPUTS):
                with lock:  # the process's team lock; `recorded` is its `LiveTeam.inputs`
                    try:
                        number = append_input(team_id, recorded[0] + 1, at=float(n), source=f"{name}:{n}",
                                              kind="action", payload={"role": "info_department", "type": "monitor",
                                                                      "params": {}})
                    except Exception as exc:  # noqa: BLE001 - every failure is what the test reports
                        errors.append(f"{name}:{n}: {type(exc).__name__}: {exc}")
                        continue
                    if number != recorded[0] + 1:
                        retried.append(number)
                    recorded[0] = number
            db.session.remove()

    threads = []
    for p, app in enumerate(processes):
        lock, recorded = threading.Lock(), [0]
        threads += [threading.Thread(target=writer, args=(app, f"p{p}t{t}", lock, recorded)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    stored = stored_numbers(processes[0], team_id)
    total = PROCESSES * THREADS * INPUTS
    assert [number for number, _ in stored] == list(range(1, total + 1))  # contiguous, each number once
    expected = {f"p{p}t{t}:{n}" for p in range(PROCESSES) for t in range(THREADS) for n in range(INPUTS)}
    assert sorted(source for _, source in stored) == sorted(expected)  # every input stored, none twice
    assert retried  # the processes did collide: the retry, not luck, kept the log whole


def test_a_refusal_other_than_a_taken_number_is_raised_as_it_came_and_nothing_is_stored(processes):
    app = processes[0]
    team_id = a_team(app)
    with app.app_context():
        assert append_input(team_id, 1, at=0.0, source="instructor:1", kind="start", payload={}) == 1
        with pytest.raises(IntegrityError):
            append_input(team_id, 2, at=1.0, source="instructor:1", kind=None, payload={})  # kind: NOT NULL
        assert append_input(team_id, 2, at=1.0, source="instructor:1", kind="pause", payload={}) == 2
    assert stored_numbers(app, team_id) == [(1, "instructor:1"), (2, "instructor:1")]
