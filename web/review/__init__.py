"""The debrief pages (blueprint `review`, under /review): the instructor's courses and exercises to review.

    /review/                                   courses, and exercises ongoing or finished (this module)
    /review/teams/<id>, /review/teams/<id>/replay          one team (`web.review.teams`)
    /review/exercises/<id>                                 teams side by side (`web.review.exercises`)
    /review/exercises/<id>/report, .../report/<format>     the After-Action Report (`web.review.report`)
    /review/courses, /review/courses/<id>                  courses of exercises (`web.review.courses`)
    POST /review/observations/<id>[/delete]                edit or delete an observation (`web.review.observations`)
    POST /review/teams/<id>/rules/<rule>/override[/delete]  the instructor's verdict on a rule (`web.review.overrides`)

Who may see what: the blueprint's guard (`web.access.guard`), then `web.review.access`. Numbers are shown the Vietnamese way
(85,5; 36,9%) by the template filters `num` and `pct`; scenario time by `t`.
"""

from __future__ import annotations

from flask import Blueprint, Flask, render_template
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from scenarios.figures import format_t
from web.extensions import db
from web.models import Exercise
from web.models.debrief import Course
from web.access import INSTRUCTORS, LOGGED_IN, guard

bp = Blueprint("review", __name__, url_prefix="/review")
# instructors only, but a team's review and replay: whoever `can_review` the team (its evaluators, a practice's trainee)
guard(bp, INSTRUCTORS, doors={"review.team": LOGGED_IN, "review.replay": LOGGED_IN})


@bp.app_template_filter("num")
def number(value: float | None, digits: int = 1) -> str:
    """85.5 -> '85,5'; None -> '–'."""
    return "–" if value is None else f"{value:.{digits}f}".replace(".", ",")


@bp.app_template_filter("pct")
def percent(share: float | None, digits: int = 1) -> str:
    """0.369 -> '36,9%'; None -> '–'."""
    return "–" if share is None else number(share * 100, digits) + "%"


@bp.app_template_filter("t")
def scenario_time(minute: float | None) -> str:
    """A scenario minute as T+HH:MM."""
    return format_t(minute)


def progress(exercise: Exercise) -> str:
    """`ongoing` (a team running or paused), `finished` (teams ended, none running), or `ready` (none started)."""
    statuses = {team.status for team in exercise.teams}
    if statuses & {"running", "paused"}:
        return "ongoing"
    return "finished" if "ended" in statuses else "ready"


@bp.route("/")
def index():
    courses = db.session.scalars(
        select(Course)
        .where(Course.instructor_id == current_user.id)
        .options(selectinload(Course.exercises))
        .order_by(Course.id.desc())
    ).all()
    exercises = db.session.scalars(
        select(Exercise)
        .where(Exercise.instructor_id == current_user.id)
        .options(selectinload(Exercise.teams))
        .order_by(Exercise.id.desc())
    ).all()
    groups = {state: [e for e in exercises if progress(e) == state] for state in ("ongoing", "finished", "ready")}
    return render_template("review/index.html", courses=courses, groups=groups)


def init_app(app: Flask) -> None:
    from web.review import courses, exercises, observations, overrides, report, teams  # noqa: F401 - their routes join bp

    app.register_blueprint(bp)
