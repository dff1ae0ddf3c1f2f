"""Exercises whose teams have played, for the debrief pages' tests: reference plays stored as a live run stores them.

`prepare` makes the database the debrief pages' browser tests serve. `json_block` reads a page's JSON data block.
`play_teams` plays each team of an exercise (a reference play of the water drill, a list of actions, or None
to leave the team unstarted) through `tests.debrief_helpers.play_live`: every action input numbered, stamped
and committed with its trainee as source, every event of the world stored, the team ended (at the drill's
duration, or early).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from browser_helpers import DEMO_PASSWORD
from scenarios.library import play_paths
from scenarios.actions import Action, read_action_file
from tests.debrief_helpers import REFUSED, WATER, play_live
from web import create_app
from web.exercises import TeamPlan, create_exercise
from web.extensions import db
from web.models import Instructor, Team
from web.models.debrief import Course, CourseExercise

Play = str | Sequence[Action] | None


def json_block(page: bytes, block_id: str):
    """The data of a page's `<script type="application/json" id=block_id>`."""
    found = re.search(rf'<script type="application/json" id="{block_id}">(.*?)</script>', page.decode(), re.S)
    assert found, f"no JSON block {block_id}"
    return json.loads(found.group(1))


def actions_of(play: str | Sequence[Action]) -> list[Action]:
    """The actions of a reference play of the water drill (by name), or the actions given, in time order."""
    actions = read_action_file(str(play_paths(WATER)[play])) if isinstance(play, str) else list(play)
    return sorted(actions, key=lambda action: action.at)


def play_teams(team_ids: Sequence[int], plays: Sequence[Play], ends: Sequence[float | None] | None = None) -> None:
    """Inside an app context: each team plays its play to the end (None: the team never starts), or to the
    instructor's End at its minute in `ends` (None: the drill's duration), its actions after that never taken."""
    for team_id, play, end_at in zip(team_ids, plays, ends or [None] * len(plays), strict=True):
        if play is None:
            continue
        team = db.session.get(Team, team_id)
        actions = [a for a in actions_of(play) if end_at is None or a.at <= end_at]
        play_live(team_id, {member.role: member for member in team.members}, actions, end_at)


def one_team_played(app, platform, play: Play) -> tuple[int, int]:
    """Lan's exercise of one team that played the water drill's `play` to its end: (exercise id, team id)."""
    exercise_id, [(team_id, _)] = platform.exercise(teams=1)
    with app.app_context():
        play_teams([team_id], [play])
    return exercise_id, team_id


ROSTER = {"spokesperson": "Nguyễn Văn An", "propaganda_board": "Trần Thị Bình", "info_department": "Lê Văn Cường"}
# The first team answers the television but never the newspaper, and the spokesperson tries the board's act.
UNANSWERED = [a for a in actions_of("exemplary") if (a.type, a.params.get("call")) != ("answer_press", "call-paper")]


def prepare(workdir: Path) -> dict[str, int]:
    """The demo instructor, exercises A (three teams) and B (two teams) played to the end, a course of both."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'browser.db'}", "SECRET_KEY": "prepare"})
    with app.app_context():
        db.create_all()
        demo = Instructor(username="demo", display_name="Giảng viên demo")
        demo.set_password(DEMO_PASSWORD)
        db.session.add(demo)
        db.session.commit()

        def exercise(names, plays):
            plans = [
                TeamPlan(name, {f"{person} {n}": role for role, person in ROSTER.items()})
                for n, name in enumerate(names, start=1)
            ]
            made = create_exercise(demo, "nuoc-may-nhiem-doc", seed=1, speed=60, teams=plans)
            play_teams([team.id for team in made.teams], plays)
            return made

        a = exercise(["Đội Hòa Thạnh", "Đội Phú Xuân", "Đội Tân An"], [[*UNANSWERED, REFUSED], "off_focal_point", "silent"])
        b = exercise(["Đội Hòa Thạnh", "Đội Phú Xuân"], ["exemplary", "unverified"])
        course = Course(instructor_id=demo.id, name="Lớp bồi dưỡng Q2/2026 – Người phát ngôn")
        db.session.add(course)
        db.session.commit()
        db.session.add_all([CourseExercise(course_id=course.id, exercise_id=made.id) for made in (a, b)])
        db.session.commit()
        ids = {"exercise": a.id, "team": a.teams[0].id, "course": course.id}
        db.engine.dispose()
    return ids
