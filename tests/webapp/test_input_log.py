"""Two server processes append to one team's input log at once: no number taken twice, the loser refused.

Each writer is what a server process's `LiveExercises._commit_input` is: its own app (own
engine, own connections, as a process has), numbering from what it recorded itself. With the
leases (`web.ownership`) only the team's owner writes; these are what fences a process that still
writes after losing its lease. On PostgreSQL (the `UniqueViolation` on `input_record(team_id,
number)`) and on SQLite.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app_factory import dispose, one_team_exercise, platform_app
from conftest import FakeClock
from web import create_app
from web.extensions import db
from web.input_log import InputNumberTaken, append_input
from web.models import InputRecord, Instructor

PROCESSES = 2
THREADS = 2  # writers in each process (a process's team lock makes them take turns there; not across processes)
INPUTS = 25  # by each writer


@pytest.fixture
def processes(database_url):
    """`PROCESSES` apps on one database, as server processes are; the first made the tables and instructors."""
    apps = [platform_app(database_url, "test", FakeClock())]
    apps += [
        create_app({"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": database_url})
        for _ in range(PROCESSES - 1)
    ]
    yield apps
    for app in apps:
        dispose(app)


def a_team(app) -> int:
    with app.app_context():
        instructor = db.session.scalar(select(Instructor).where(Instructor.username == "lan"))
        return one_team_exercise(instructor)


def stored_numbers(app, team_id: int) -> list[tuple[int, str]]:
    with app.app_context():
        return db.session.execute(
            select(InputRecord.number, InputRecord.source).where(InputRecord.team_id == team_id).order_by(InputRecord.number)
        ).all()


def test_two_processes_writing_one_team_log_are_fenced_by_its_numbers_not_given_the_next_free_one(processes):
    """What a process that lost a team's lease (`web.ownership`) but still writes it meets: its number is taken,
    so it is refused, and the log holds one history, each number once, never a second one interleaved."""
    team_id = a_team(processes[0])
    start = threading.Barrier(PROCESSES * THREADS)
    errors: list[str] = []
    written: list[str] = []

    def writer(app, name: str, lock: threading.Lock, recorded: list[int]) -> None:
        with app.app_context():
            start.wait()
            for n in range(INPUTS):
                with lock:  # the process's team lock; `recorded` is its `LiveTeam.inputs`
                    try:
                        recorded[0] = append_input(
                            team_id,
                            recorded[0] + 1,
                            at=float(n),
                            source=f"{name}:{n}",
                            kind="action",
                            payload={"role": "info_department", "type": "monitor", "params": {}},
                        )
                    except InputNumberTaken:
                        errors.append(name)
                        recorded[0] = stored_numbers(app, team_id)[-1][0]  # as a rebuild would: the owner's log
                        continue
                    written.append(f"{name}:{n}")
            db.session.remove()

    threads = []
    for p, app in enumerate(processes):
        lock, recorded = threading.Lock(), [0]
        threads += [threading.Thread(target=writer, args=(app, f"p{p}t{t}", lock, recorded)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    stored = stored_numbers(processes[0], team_id)
    assert [number for number, _ in stored] == list(range(1, len(stored) + 1))  # contiguous, each number once
    assert sorted(source for _, source in stored) == sorted(written)  # what was acknowledged is what is stored
    assert len(written) + len(errors) == PROCESSES * THREADS * INPUTS
    assert errors  # the processes did collide, and the loser was refused rather than renumbered


def test_a_stale_writer_is_refused_and_leaves_nothing_in_its_session(processes):
    owner, stale = processes
    team_id = a_team(owner)
    with owner.app_context():
        for number in (1, 2, 3):
            append_input(team_id, number, at=float(number), source="owner", kind="action", payload={})
    with stale.app_context():
        with pytest.raises(InputNumberTaken):
            append_input(team_id, 2, at=9.0, source="stale", kind="action", payload={})
        assert append_input(team_id, 4, at=4.0, source="stale", kind="pause", payload={}) == 4  # the session is clean
    assert stored_numbers(owner, team_id) == [(1, "owner"), (2, "owner"), (3, "owner"), (4, "stale")]


def test_a_refusal_other_than_a_taken_number_is_raised_as_it_came_and_nothing_is_stored(processes):
    app = processes[0]
    team_id = a_team(app)
    with app.app_context():
        assert append_input(team_id, 1, at=0.0, source="instructor:1", kind="start", payload={}) == 1
        with pytest.raises(IntegrityError):
            append_input(team_id, 2, at=1.0, source="instructor:1", kind=None, payload={})  # kind: NOT NULL
        assert append_input(team_id, 2, at=1.0, source="instructor:1", kind="pause", payload={}) == 2
    assert stored_numbers(app, team_id) == [(1, "instructor:1"), (2, "instructor:1")]
