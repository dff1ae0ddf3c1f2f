"""The platform a web fuzz target talks to: an app on a temporary SQLite file, with an exercise under way.

Lan owns a running one-team exercise of `nuoc-may-nhiem-doc` and a drill of her
own; Minh owns another exercise (what Lan must not reach). The clock moves half
a second at every reading, so the drill goes on as cases come. Every ERROR log
record is kept in `errors`: a clean case leaves none.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask

from app_factory import platform_app
from web.exercises import TeamPlan, create_exercise
from web.extensions import db
from web.models import Instructor

DRILL = "nuoc-may-nhiem-doc"
TRAINEE = ("Nguyễn Văn An", "spokesperson")
MEMBERS = {TRAINEE[0]: TRAINEE[1], "Trần Thị Bình": "propaganda_board", "Lê Văn Cường": "info_department"}


class SteppingClock:
    """Wall seconds that move `step` seconds at every reading."""

    def __init__(self, step: float = 0.5):
        self.now, self.step = 1000.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class ErrorRecords(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Platform:
    app: Flask
    errors: ErrorRecords
    ids: dict[str, int] = field(default_factory=dict)

    def instructor(self, username: str) -> Instructor:
        return db.session.query(Instructor).filter_by(username=username).one()

    def new_exercise(self, username: str = "lan") -> tuple[int, int, str]:
        """A started one-team exercise of `username`: (exercise id, team id, join code)."""
        with self.app.app_context():
            exercise = create_exercise(
                self.instructor(username), DRILL, seed=1, speed=60, teams=[TeamPlan("Đội 1", dict(MEMBERS))]
            )
            team = exercise.teams[0]
            self.app.extensions["live"].control(team.id, f"instructor:{username}", "start", {})
            return exercise.id, team.id, team.join_code

    def team_status(self, team_id: int) -> str:
        with self.app.app_context():
            return self.app.extensions["live"].team(team_id).status

    def login(self, username: str = "lan"):
        client = self.app.test_client()
        assert client.post("/login", data={"username": username, "password": "secret"}).status_code == 302
        return client

    def join(self, code: str):
        client = self.app.test_client()
        assert client.post("/join", data={"code": code, "name": TRAINEE[0]}).status_code == 302
        return client

    def assert_no_error_logged(self, case) -> None:
        records, self.errors.records[:] = list(self.errors.records), []
        assert not records, f"ERROR logged for {case!r}: {records[0].getMessage()[:300]}"


@contextmanager
def platform() -> Iterator[Platform]:
    errors = ErrorRecords()
    with tempfile.TemporaryDirectory(prefix="fuzz-web-") as folder:
        app = platform_app(Path(folder) / "fuzz.db", "fuzz", SteppingClock())
        logging.getLogger().addHandler(errors)
        try:
            yield Platform(app, errors)
        finally:
            logging.getLogger().removeHandler(errors)
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
