"""The instructor's pages: exercises, creating one from a built-in drill or a version of one's own, and the live console
(the evaluators' accounts: `instructor.evaluators`)."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import FloatField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from debrief.issuance import FIELDS as ISSUANCE_FIELDS
from instructor.authoring.editing import valid_scenario
from instructor.authoring.store import chosen_version, link_exercise, version_choices, versions_of_exercises
from scenarios.library import builtin_ids
from scoring.rules import RULES
from web.auth import is_instructor, refuse, who_is
from web.join_links import join_base, local_only
from web.names import clean_name, name_key
from web.validation import as_id
from web.exercises import ExerciseError, TeamPlan, all_errors, builtin_text, create_exercise, scenario_of
from web.extensions import db
from web.models import Exercise
from web.models.debrief import ISSUANCE_MAX, ReportIssuance

bp = Blueprint("instructor", __name__, url_prefix="/instructor")

ROSTER_HELP = ("Mỗi đội một khối, cách nhau bằng dòng trống: dòng đầu là tên đội, mỗi dòng sau là "
               "'vai: họ và tên'. / One block per team, separated by a blank line: the team's name, "
               "then one 'role: full name' line per trainee.")


def _issuance_field(label: str) -> StringField:
    """An optional line of the printed report's heading or signature (empty: the report layout's default)."""
    return StringField(label, validators=[Optional(), Length(
        max=ISSUANCE_MAX, message=f"tối đa {ISSUANCE_MAX} ký tự / at most {ISSUANCE_MAX} characters")])


class ExerciseForm(FlaskForm):
    scenario = SelectField("Kịch bản / Scenario", validators=[DataRequired()])
    seed = IntegerField("Seed", default=1, validators=[NumberRange(
        min=0, max=2**31 - 1, message="một số nguyên từ 0 đến 2147483647 / a whole number from 0 to 2147483647")])
    speed = FloatField("Tốc độ (phút kịch bản / phút thực) / Speed", default=10, validators=[NumberRange(
        min=0.1, max=10_000, message="một số từ 0,1 đến 10000 / a number from 0.1 to 10000")])
    roster = TextAreaField("Đội và học viên / Teams and trainees", validators=[
        DataRequired(message="cần ít nhất một đội / at least one team is needed"),
        Length(max=20_000, message="tối đa 20000 ký tự / at most 20000 characters")])
    # who issues and signs the printed report; left empty, each takes the report layout's default
    parent_agency = _issuance_field("Cơ quan chủ quản / Parent agency")
    issuer = _issuance_field("Cơ quan ban hành / Issuing body")
    issuer_short = _issuance_field("Chữ viết tắt trong số ký hiệu / Symbol in the number")
    on_behalf = _issuance_field("Thay mặt (TM.) / Signed on behalf of")
    signer_title = _issuance_field("Chức vụ người ký / Signer's post")
    signer_name = _issuance_field("Họ tên người ký / Signer's name")


def parse_roster(text: str) -> list[TeamPlan]:
    """Blocks separated by blank lines: a team's name, then 'role: name' lines.

    Every bad line is reported at once, each by its number, in one `ExerciseError`. Two
    names that differ only in case, spacing or Unicode normalisation are the same person
    (`web.names`), so the second is a duplicate.
    """
    teams: list[TeamPlan] = []
    errors: list[str] = []
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        if line.strip():
            block.append((number, line.strip()))
            continue
        if not block:
            continue
        (_, name), members, keys = block[0], {}, set()
        for line_number, entry in block[1:]:
            role, sep, person = entry.partition(":")
            person = clean_name(person)
            if not sep or not person:
                errors.append(f"Dòng {line_number}: cần 'vai: họ và tên'. / Line {line_number}: expected 'role: name'.")
            elif name_key(person) in keys:
                errors.append(f"Dòng {line_number}: tên '{person}' trùng. / Line {line_number}: duplicate name.")
            else:
                keys.add(name_key(person))
                members[person] = role.strip()
        teams.append(TeamPlan(name=name, members=members))
        block = []
    if errors:
        raise all_errors(errors)
    return teams


def require_instructor() -> None:
    """403 (and logged) for a user who is not an instructor."""
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


def _scenario_choices() -> list | dict:
    """The built-in drills (by id) and, in a group of their own, every version of the instructor's drills."""
    builtin = [(i, f"{valid_scenario(builtin_text(i)).title.vi} ({i})") for i in builtin_ids()]
    own = version_choices(current_user.id)
    return {"Kịch bản có sẵn / Built-in drills": builtin, "Kịch bản tôi soạn / My drills": own} if own else builtin


def _save_issuance(form: ExerciseForm, exercise: Exercise) -> None:
    """The report's issuing body and signer as typed (each empty field stays None: the layout's default)."""
    given = {name: " ".join((getattr(form, name).data or "").split()) or None for name in ISSUANCE_FIELDS}
    if any(given.values()):
        db.session.add(ReportIssuance(exercise_id=exercise.id, **given))
        db.session.commit()


def _create(form: ExerciseForm) -> Exercise:
    """The exercise the form asks for: a built-in drill, or the exact text of one of the instructor's versions."""
    teams = parse_roster(form.roster.data)
    version = chosen_version(current_user.id, form.scenario.data)
    if version is None:
        exercise = create_exercise(current_user, form.scenario.data, form.seed.data, form.speed.data, teams)
    else:
        exercise = create_exercise(current_user, version.drill.slug, form.seed.data, form.speed.data, teams, text=version.text)
        link_exercise(exercise, version)
    _save_issuance(form, exercise)
    return exercise


@bp.route("/", methods=["GET", "POST"])
@login_required
def dashboard():
    require_instructor()
    form = ExerciseForm()
    form.scenario.choices = _scenario_choices()
    if request.method == "GET" and request.args.get("scenario"):
        form.scenario.data = request.args["scenario"]  # "run this version" from a drill's page
    if form.validate_on_submit():
        try:
            exercise = _create(form)
        except ExerciseError as exc:
            flash(str(exc), "error")
        else:
            return redirect(url_for("instructor.console", exercise_id=exercise.id))
    exercises = db.session.scalars(select(Exercise).where(Exercise.instructor_id == current_user.id)
                                   .order_by(Exercise.id.desc())).all()
    return render_template("instructor/dashboard.html", form=form, exercises=exercises, roster_help=ROSTER_HELP,
                           versions=versions_of_exercises([e.id for e in exercises]))


@bp.route("/exercises/<int:exercise_id>")
@login_required
def console(exercise_id: int):
    require_instructor()
    exercise = owned_exercise(exercise_id)
    rule_titles = {name: rule.title.as_dict() for name, rule in RULES.items()}
    scenario = scenario_of(exercise)
    base = join_base()
    return render_template("instructor/console.html", exercise=exercise, scenario=scenario,
                           rule_titles=rule_titles, join_base=base, join_local=local_only(base))


def init_app(app: Flask) -> None:
    from instructor import evaluators  # noqa: F401 - its routes join bp

    app.register_blueprint(bp)
