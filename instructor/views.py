"""The instructor's pages: exercises, creating one from a built-in drill or a version of one's own, and the live console
(the evaluators' accounts: `instructor.evaluators`)."""

from __future__ import annotations

from flask import Blueprint, Flask, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from flask_wtf.file import FileField
from sqlalchemy import select
from wtforms import FloatField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from debrief.issuance import FIELDS as ISSUANCE_FIELDS
from instructor.authoring.editing import valid_scenario
from instructor.authoring.store import chosen_version, link_exercise, version_choices, versions_of_exercises
from scenarios.library import builtin_ids
from scoring.rules import RULES
from web.forms import Form
from web.join_links import join_base, local_only
from web.access import INSTRUCTORS, guard, owned_exercise
from web.exercises import ExerciseError, TeamPlan, builtin_text, create_exercise, scenario_of
from web.roster import parse_roster
from web.roster_file import COLUMNS_VI, MAX_FILE, read_roster_file
from web.extensions import db
from web.models import Exercise
from web.models.debrief import ISSUANCE_MAX, ReportIssuance

bp = Blueprint("instructor", __name__, url_prefix="/instructor", template_folder="templates")  # instructor/templates
guard(bp, INSTRUCTORS)  # every page of the blueprint, these and `instructor.evaluators`

ROSTER_HELP = lazy_gettext(
    "Mỗi đội một khối, cách nhau bằng dòng trống: dòng đầu là tên đội, mỗi dòng sau là 'vai: họ và tên'."
)
ROSTER_FILE_HELP = lazy_gettext(
    "Hoặc chọn tệp CSV (UTF-8) hay XLSX, mỗi dòng một học viên, dòng đầu là tên cột: "
    "%(columns)s; tối đa %(kb)d KB. Có tệp thì ô chữ bên trên được bỏ qua.",
    columns=COLUMNS_VI,
    kb=MAX_FILE // 1024,
)
ROSTER_TEXT_MAX = 60_000  # characters in the text box: about 300 teams of 5 with Vietnamese names
ROSTER_BODY_MAX = 2 * MAX_FILE  # bytes: the creation form's request, a roster file with it (elsewhere 64 KiB)


def _issuance_field(label) -> StringField:
    """An optional line of the printed report's heading or signature (empty: the report layout's default)."""
    return StringField(
        label, validators=[Optional(), Length(max=ISSUANCE_MAX, message=lazy_gettext("tối đa %(max)d ký tự"))]
    )


class ExerciseForm(Form):
    scenario = SelectField(lazy_gettext("Kịch bản"), validators=[DataRequired()])
    seed = IntegerField(
        lazy_gettext("Seed"),
        default=1,
        validators=[NumberRange(min=0, max=2**31 - 1, message=lazy_gettext("một số nguyên từ %(min)d đến %(max)d"))],
    )
    speed = FloatField(
        lazy_gettext("Tốc độ (phút kịch bản / phút thực)"),
        default=10,
        validators=[NumberRange(min=0.1, max=10_000, message=lazy_gettext("một số từ 0,1 đến 10000"))],
    )
    roster = TextAreaField(
        lazy_gettext("Đội và học viên"),
        validators=[Optional(), Length(max=ROSTER_TEXT_MAX, message=lazy_gettext("tối đa %(max)d ký tự"))],
    )
    roster_file = FileField(lazy_gettext("Tệp danh sách (CSV, XLSX)"))
    # who issues and signs the printed report; left empty, each takes the report layout's default
    parent_agency = _issuance_field(lazy_gettext("Cơ quan chủ quản"))
    issuer = _issuance_field(lazy_gettext("Cơ quan ban hành"))
    issuer_short = _issuance_field(lazy_gettext("Chữ viết tắt trong số ký hiệu"))
    on_behalf = _issuance_field(lazy_gettext("Thay mặt (TM.)"))
    signer_title = _issuance_field(lazy_gettext("Chức vụ người ký"))
    signer_name = _issuance_field(lazy_gettext("Họ tên người ký"))


def _scenario_choices() -> list | dict:
    """The built-in drills (by id) and, in a group of their own, every version of the instructor's drills."""
    builtin = [(i, f"{valid_scenario(builtin_text(i)).title.vi} ({i})") for i in builtin_ids()]
    own = version_choices(current_user.id)
    return {gettext("Kịch bản có sẵn"): builtin, gettext("Kịch bản tôi soạn"): own} if own else builtin


def _save_issuance(form: ExerciseForm, exercise: Exercise) -> None:
    """The report's issuing body and signer as typed (each empty field stays None: the layout's default)."""
    given = {name: " ".join((getattr(form, name).data or "").split()) or None for name in ISSUANCE_FIELDS}
    if any(given.values()):
        db.session.add(ReportIssuance(exercise_id=exercise.id, **given))
        db.session.commit()


def _roster(form: ExerciseForm) -> list[TeamPlan]:
    """The teams the form lists: from the roster file if one was chosen, else from the text box."""
    upload = form.roster_file.data
    if upload and upload.filename:
        return read_roster_file(upload.filename, upload.read(MAX_FILE + 1))
    if not (form.roster.data or "").strip():
        raise ExerciseError(gettext("Cần ít nhất một đội: điền danh sách hoặc chọn tệp."))
    return parse_roster(form.roster.data or "")


def _create(form: ExerciseForm) -> Exercise:
    """The exercise the form asks for: a built-in drill, or the exact text of one of the instructor's versions."""
    try:
        teams, errors = _roster(form), []
    except ExerciseError as exc:
        if exc.teams is None:  # not a table of lines at all (an unreadable file, say)
            raise
        teams, errors = exc.teams, exc.errors  # the good lines' roles are checked too, all reported at once
    version = chosen_version(current_user.id, form.scenario.data)
    assert form.seed.data is not None and form.speed.data is not None  # required fields, validated
    if version is None:
        exercise = create_exercise(
            current_user, form.scenario.data, form.seed.data, form.speed.data, teams, roster_errors=errors
        )
    else:
        exercise = create_exercise(
            current_user, version.drill.slug, form.seed.data, form.speed.data, teams, text=version.text, roster_errors=errors
        )
        link_exercise(exercise, version)
    _save_issuance(form, exercise)
    return exercise


@bp.route("/", methods=["GET", "POST"])
def dashboard():
    form = ExerciseForm()
    form.scenario.choices = _scenario_choices()
    if request.method == "GET" and request.args.get("scenario"):
        form.scenario.data = request.args["scenario"]  # "run this version" from a drill's page
    errors: list[str] = []
    if form.validate_on_submit():
        try:
            exercise = _create(form)
        except ExerciseError as exc:
            db.session.rollback()
            errors = exc.errors  # every one, listed on the page (a flash would live in the session cookie)
        else:
            return redirect(url_for("instructor.console", exercise_id=exercise.id))
    exercises = db.session.scalars(
        select(Exercise).where(Exercise.instructor_id == current_user.id).order_by(Exercise.id.desc())
    ).all()
    return render_template(
        "instructor/dashboard.html",
        form=form,
        exercises=exercises,
        roster_help=ROSTER_HELP,
        roster_file_help=ROSTER_FILE_HELP,
        roster_errors=errors,
        versions=versions_of_exercises([e.id for e in exercises]),
    )


@bp.before_request
def _roster_bodies() -> None:
    """An instructor's creation form may carry a roster file: its request may be larger than others (a bound kept)."""
    if request.endpoint == "instructor.dashboard":  # past the guard: an instructor
        request.max_content_length = ROSTER_BODY_MAX
        request.max_form_memory_size = ROSTER_BODY_MAX


@bp.route("/exercises/<int:exercise_id>")
def console(exercise_id: int):
    exercise = owned_exercise(exercise_id)
    rule_titles = {name: rule.title.as_dict() for name, rule in RULES.items()}
    scenario = scenario_of(exercise)
    base = join_base()
    return render_template(
        "instructor/console.html",
        exercise=exercise,
        scenario=scenario,
        rule_titles=rule_titles,
        join_base=base,
        join_local=local_only(base),
    )


def init_app(app: Flask) -> None:
    from instructor import evaluators  # noqa: F401 - its routes join bp

    app.register_blueprint(bp)
