"""Fixtures for every test: `database_url` (an empty database of each kind) and `played_platform` (a platform
database with a played exercise, for the report commands and exports)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app_factory import postgres_database
from scenarios.library import play_paths
from scenarios.actions import read_action_file
from tests.debrief_helpers import REFUSED, TRAINEES, WATER, play_live
from web import create_app
from web.exercises import TeamPlan, create_exercise
from web.extensions import db
from web.models import Instructor, Observation


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    """An empty database of each kind, as a URL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'crisis.db'}"
    else:
        with postgres_database() as url:
            yield url


@pytest.fixture
def played_platform(tmp_path, monkeypatch):
    """A platform database with one exercise of `teams` teams; the first plays the exemplary drill, the rest stay silent."""
    url = f"sqlite:///{tmp_path / 'platform.db'}"
    monkeypatch.setenv("CRISIS_DATABASE_URL", url)
    monkeypatch.setenv("CRISIS_SECRET_KEY", "test")
    app = create_app({"TESTING": True})

    def build(teams: int = 2) -> int:
        with app.app_context():
            db.create_all()
            instructor = Instructor(username=f"lan{teams}", display_name="Phạm Thị Lan", password_hash="-")
            db.session.add(instructor)
            db.session.commit()
            plans = [
                TeamPlan(f"Đội {n}", {f"{name} {n}" if n > 1 else name: role for role, name in TRAINEES.items()})
                for n in range(1, teams + 1)
            ]
            exercise = create_exercise(instructor, WATER, seed=1, speed=60, teams=plans)
            exemplary = exercise.teams[0]
            actions = sorted(read_action_file(str(play_paths(WATER)["exemplary"])) + [REFUSED], key=lambda a: a.at)
            play_live(exemplary.id, {m.role: m for m in exemplary.members}, actions)
            for team in exercise.teams[1:]:
                play_live(team.id, {}, [])
            db.session.add(Observation(team_id=exemplary.id, instructor_id=instructor.id, at=45, text="Phát hiện nhanh"))
            db.session.commit()
            return exercise.id

    return app, build
