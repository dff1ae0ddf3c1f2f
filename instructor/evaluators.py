"""The instructor's evaluators (HSEEP evaluators and observers): make an account, assign it teams.

    GET  /instructor/evaluators                     the instructor's evaluators, each with its teams
    POST /instructor/evaluators                     a new evaluator {username, display_name, password}
    POST /instructor/evaluators/<id>/teams          the teams assigned to it (`team` checkboxes, the instructor's own)

Only instructors; an evaluator of another instructor, or a team not the
instructor's, is refused (404) and logged. A user name is one across instructors
and evaluators (both log in on the same form).
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import delete, select
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from instructor.views import bp
from web.auth import refuse, who_is
from web.extensions import db
from web.forms import Form
from web.models import Exercise, Instructor, Team
from web.models.evaluators import Evaluator, EvaluatorTeam
from web.names import clean_name
from web.review.observations import EXPIRED
from web.access import owned
from web.validation import as_id

TAKEN = lazy_gettext("Tên đăng nhập đã có người dùng.")


class EvaluatorForm(Form):
    username = StringField(
        lazy_gettext("Tên đăng nhập"),
        validators=[
            DataRequired(message=lazy_gettext("cần tên đăng nhập")),
            Length(min=3, max=64, message=lazy_gettext("%(min)d–%(max)d ký tự")),
        ],
    )
    display_name = StringField(
        lazy_gettext("Họ và tên"),
        validators=[
            DataRequired(message=lazy_gettext("cần họ và tên")),
            Length(max=120, message=lazy_gettext("tối đa %(max)d ký tự")),
        ],
    )
    password = PasswordField(
        lazy_gettext("Mật khẩu"),
        validators=[
            DataRequired(message=lazy_gettext("cần mật khẩu")),
            Length(min=8, max=200, message=lazy_gettext("ít nhất %(min)d ký tự")),
        ],
    )


def _own_evaluator(evaluator_id: int) -> Evaluator:
    return owned(Evaluator, evaluator_id, f"evaluator {evaluator_id}", "not the instructor's evaluator")


def _taken(username: str) -> bool:
    return (
        db.session.scalar(select(Instructor.id).where(Instructor.username == username)) is not None
        or db.session.scalar(select(Evaluator.id).where(Evaluator.username == username)) is not None
    )


@bp.route("/evaluators", methods=["GET", "POST"])
def evaluators():
    form = EvaluatorForm()
    if form.validate_on_submit():
        username = (form.username.data or "").strip()
        if _taken(username):
            form.username.errors.append(TAKEN)  # type: ignore[attr-defined]  # a list once validated
        else:
            evaluator = Evaluator(
                instructor_id=current_user.id, username=username, display_name=clean_name(form.display_name.data or "")
            )
            evaluator.set_password(form.password.data or "")
            db.session.add(evaluator)
            db.session.commit()
            flash(gettext("Đã tạo tài khoản người đánh giá."), "ok")
            return redirect(url_for("instructor.evaluators"))
    mine = db.session.scalars(
        select(Evaluator).where(Evaluator.instructor_id == current_user.id).order_by(Evaluator.id)
    ).all()
    exercises = db.session.scalars(
        select(Exercise).where(Exercise.instructor_id == current_user.id).order_by(Exercise.id.desc())
    ).all()
    return render_template("instructor/evaluators.html", form=form, evaluators=mine, exercises=exercises)


@bp.route("/evaluators/<int:evaluator_id>/teams", methods=["POST"])
def assign_teams(evaluator_id: int):
    evaluator = _own_evaluator(evaluator_id)
    if not FlaskForm().validate_on_submit():
        flash(gettext(EXPIRED), "error")
        return redirect(url_for("instructor.evaluators"))
    ids = {as_id(int(value)) if value.isdigit() and len(value) <= 12 else None for value in request.form.getlist("team")}
    teams = db.session.scalars(
        select(Team).join(Exercise).where(Team.id.in_({i for i in ids if i}), Exercise.instructor_id == current_user.id)
    ).all()
    if None in ids or len(teams) != len(ids):
        refuse(who_is(current_user), f"assign teams to evaluator {evaluator.id}", "a team not the instructor's")
        abort(404)
    db.session.execute(delete(EvaluatorTeam).where(EvaluatorTeam.evaluator_id == evaluator.id))
    db.session.add_all(EvaluatorTeam(evaluator_id=evaluator.id, team_id=team.id) for team in teams)
    db.session.commit()
    flash(gettext("Đã giao %(count)d đội cho %(name)s.", count=len(teams), name=evaluator.display_name), "ok")
    return redirect(url_for("instructor.evaluators"))
