"""The instructor's pages: exercises, creating one from a scenario, and the live console."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import FloatField, IntegerField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange

from scenarios.library import builtin_ids, scenario_path
from scenarios.loader import load_scenario
from scoring.rules import RULES
from web.auth import is_instructor, refuse, who_is
from web.validation import as_id
from web.exercises import ExerciseError, TeamPlan, create_exercise, scenario_of
from web.extensions import db
from web.models import Exercise

bp = Blueprint("instructor", __name__, url_prefix="/instructor")

ROSTER_HELP = ("Mỗi đội một khối, cách nhau bằng dòng trống: dòng đầu là tên đội, mỗi dòng sau là "
               "'vai: họ và tên'. / One block per team, separated by a blank line: the team's name, "
               "then one 'role: full name' line per trainee.")


class ExerciseForm(FlaskForm):
    scenario = SelectField("Kịch bản / Scenario", validators=[DataRequired()])
    seed = IntegerField("Seed", default=1, validators=[NumberRange(min=0, max=2**31 - 1)])
    speed = FloatField("Tốc độ (phút kịch bản / phút thực) / Speed", default=10,
                       validators=[NumberRange(min=0.1, max=10_000)])
    roster = TextAreaField("Đội và học viên / Teams and trainees", validators=[DataRequired(), Length(max=20_000)])


def parse_roster(text: str) -> list[TeamPlan]:
    """Blocks separated by blank lines: a team's name, then 'role: name' lines. Errors name the line."""
    teams: list[TeamPlan] = []
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        if line.strip():
            block.append((number, line.strip()))
            continue
        if not block:
            continue
        (_, name), members = block[0], {}
        for line_number, entry in block[1:]:
            role, sep, person = entry.partition(":")
            if not sep or not person.strip():
                raise ExerciseError(f"Dòng {line_number}: cần 'vai: họ và tên'. / Line {line_number}: expected 'role: name'.")
            if person.strip() in members:
                raise ExerciseError(f"Dòng {line_number}: tên '{person.strip()}' trùng. / Line {line_number}: duplicate name.")
            members[" ".join(person.split())] = role.strip()
        teams.append(TeamPlan(name=name, members=members))
        block = []
    return teams


def _require_instructor():
    if not is_instructor(current_user):
        refuse(who_is(current_user), f"instructor page {request.path}", "not an instructor")
        abort(403)


def owned_exercise(exercise_id: int) -> Exercise:
    """The exercise, if it belongs to the instructor; 404 (and logged) otherwise."""
    exercise = db.session.get(Exercise, exercise_id) if as_id(exercise_id) else None
    if exercise is None or exercise.instructor_id != current_user.id:
        refuse(who_is(current_user), f"exercise {exercise_id}", "not the instructor's exercise")
        abort(404)
    return exercise


@bp.route("/", methods=["GET", "POST"])
@login_required
def dashboard():
    _require_instructor()
    form = ExerciseForm()
    form.scenario.choices = [(i, f"{load_scenario(scenario_path(i)).title.vi} ({i})") for i in builtin_ids()]
    if form.validate_on_submit():
        try:
            teams = parse_roster(form.roster.data)
            exercise = create_exercise(current_user, form.scenario.data, form.seed.data, form.speed.data, teams)
        except ExerciseError as exc:
            flash(str(exc), "error")
        else:
            return redirect(url_for("instructor.console", exercise_id=exercise.id))
    exercises = db.session.scalars(select(Exercise).where(Exercise.instructor_id == current_user.id)
                                   .order_by(Exercise.id.desc())).all()
    return render_template("instructor/dashboard.html", form=form, exercises=exercises, roster_help=ROSTER_HELP)


@bp.route("/exercises/<int:exercise_id>")
@login_required
def console(exercise_id: int):
    _require_instructor()
    exercise = owned_exercise(exercise_id)
    rule_titles = {name: rule.title.as_dict() for name, rule in RULES.items()}
    return render_template("instructor/console.html", exercise=exercise, scenario=scenario_of(exercise),
                           rule_titles=rule_titles)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
