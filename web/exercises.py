"""Creating exercises: a scenario's exact text, a seed, a speed, and teams of named trainees with roles."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from flask_babel import gettext
from sqlalchemy import select

from scenarios.library import scenario_path
from scenarios.loader import parse_scenario
from scenarios.model import Scenario
from web.extensions import db
from web.models import Exercise, Instructor, Member, Team
from web.names import clean_name
from web.roster_roles import resolve_roles

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud in a classroom
NAME_MAX = Team.name.type.length  # a team's and a trainee's name, as stored (PostgreSQL refuses longer ones)
TITLE_MAX = Exercise.title.type.length


class ExerciseError(ValueError):
    """A request to create an exercise that cannot be met; the message says what and where.

    `errors` is every problem found, one a line (the message may list only the first ones); a roster's
    error also carries `teams`, what its good lines make, so its roles can be checked in the same pass.
    """

    def __init__(self, message: str, errors: list[str] | None = None, teams: list[TeamPlan] | None = None):
        super().__init__(message)
        self.errors = errors if errors is not None else message.splitlines()
        self.teams = teams


MAX_LISTED = 20  # errors in the message (a flash lives in the 4 kB session cookie); `errors` has every one


def all_errors(errors: list[str], teams: list[TeamPlan] | None = None) -> ExerciseError:
    """One error reporting every one of `errors`, one a line; past MAX_LISTED, how many more there are."""
    more = len(errors) - MAX_LISTED
    listed = errors[:MAX_LISTED] + ([gettext("… và %(more)d lỗi khác.", more=more)] if more > 0 else [])
    return ExerciseError("\n".join(listed), errors, teams)


@dataclass(frozen=True)
class TeamPlan:
    """A team to create: its name and its trainees, name -> role (and, read from a roster, name -> its line)."""

    name: str
    members: dict[str, str]
    lines: dict[str, int] = field(default_factory=dict, compare=False)


@lru_cache(maxsize=64)
def _parse(text: str) -> Scenario:
    return parse_scenario(text, "exercise")


def scenario_of(exercise: Exercise) -> Scenario:
    """The exact scenario an exercise runs (parsed once per text)."""
    return _parse(exercise.scenario_text)


def new_join_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        if db.session.scalar(select(Team.id).where(Team.join_code == code)) is None:
            return code


def builtin_text(scenario_id: str) -> str:
    """The text of a built-in drill; raises `ExerciseError` if there is none by that id."""
    path = scenario_path(scenario_id)
    if not path.is_file():
        raise ExerciseError(gettext("Không có kịch bản '%(id)s'.", id=scenario_id))
    return path.read_text(encoding="utf-8")


def create_exercise(
    instructor: Instructor,
    scenario_id: str,
    seed: int,
    speed: float,
    teams: list[TeamPlan],
    text: str | None = None,
    roster_errors: Sequence[str] = (),
) -> Exercise:
    """Create an exercise with its teams; raises `ExerciseError` naming the bad part.

    The exercise runs `text` (a drill's exact YAML, e.g. a version authored in the
    browser) or, without it, the built-in drill `scenario_id`. `roster_errors` are the
    roster's bad lines (`teams` being what its good lines make): reported with these.
    """
    text = builtin_text(scenario_id) if text is None else text
    scenario = _parse(text)
    teams = resolve_roles(scenario, teams)  # "Người phát ngôn: …" as well as "spokesperson: …"
    if not 0 < speed <= 10_000:
        raise ExerciseError(gettext("Tốc độ phải từ 0 đến 10000 phút kịch bản mỗi phút thực."))
    if not teams and not roster_errors:
        raise ExerciseError(gettext("Cần ít nhất một đội."))
    errors = list(roster_errors)  # every bad line, team and role at once
    for number, plan in enumerate(teams, start=1):
        if not plan.name.strip():
            errors.append(gettext("Đội %(number)d: thiếu tên.", number=number))
        elif len(plan.name.strip()) > NAME_MAX:
            errors.append(gettext("Đội %(number)d: tên dài quá %(most)d ký tự.", number=number, most=NAME_MAX))
        for name, role in plan.members.items():
            if len(name.strip()) > NAME_MAX:
                errors.append(
                    gettext(
                        "Đội %(team)s: tên học viên “%(name)s…” dài quá %(most)d ký tự.",
                        team=plan.name[:40],
                        name=name[:40],
                        most=NAME_MAX,
                    )
                )
            elif role not in scenario.trainee_roles:
                line = gettext("Dòng %(line)d: ", line=plan.lines[name]) if name in plan.lines else ""
                errors.append(
                    line + gettext("Đội %(team)s, %(name)s: không có vai '%(role)s'.", team=plan.name, name=name, role=role)
                )
    if errors:
        raise all_errors(errors)
    exercise = Exercise(
        instructor_id=instructor.id,
        scenario_id=scenario.id,
        scenario_text=text,
        title=scenario.title.vi[:TITLE_MAX],
        seed=seed,
        speed=speed,
    )
    db.session.add(exercise)
    for plan in teams:
        team = Team(exercise=exercise, name=plan.name.strip(), join_code=new_join_code(), speed=speed)
        db.session.add(team)
        for name, role in plan.members.items():
            db.session.add(Member(team=team, name=clean_name(name), role=role))
    db.session.commit()
    return exercise
