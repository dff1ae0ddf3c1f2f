"""Who is who: instructors log in with a password; trainees join a team with its code and their name.

Both are Flask-Login users, told apart by their id's prefix (`instructor:7`,
`member:12`). `refuse` is how every refused attempt is logged.
"""

from __future__ import annotations

from flask import Blueprint, Flask, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from web.extensions import db, login_manager
from web.models import AuditEntry, Instructor, Member

bp = Blueprint("auth", __name__)


@login_manager.user_loader
def load_user(user_id: str):
    kind, _, number = user_id.partition(":")
    model = {"instructor": Instructor, "member": Member}.get(kind)
    return db.session.get(model, int(number)) if model and number.isdigit() else None


def is_instructor(user) -> bool:
    return isinstance(user, Instructor)


def is_member(user) -> bool:
    return isinstance(user, Member)


def refuse(who: str, what: str, reason: str) -> None:
    """Log a refused attempt (application log and audit table)."""
    current_app.logger.warning("refused: %s tried %s: %s", who, what, reason)
    db.session.rollback()
    db.session.add(AuditEntry(who=who[:120], what=what[:120], reason=reason[:500]))
    db.session.commit()


def who_is(user) -> str:
    return user.get_id() if getattr(user, "is_authenticated", False) else f"anonymous@{request.remote_addr}"


class LoginForm(FlaskForm):
    username = StringField("Tên đăng nhập / Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Mật khẩu / Password", validators=[DataRequired(), Length(max=200)])


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        instructor = db.session.scalar(select(Instructor).where(Instructor.username == form.username.data))
        if instructor is not None and instructor.check_password(form.password.data):
            login_user(instructor)
            return redirect(url_for("instructor.dashboard"))
        refuse(f"anonymous@{request.remote_addr}", "login", f"wrong username or password for '{form.username.data}'")
        flash("Sai tên đăng nhập hoặc mật khẩu. / Wrong username or password.", "error")
    return render_template("login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    return redirect(url_for("pages.index"))


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    login_manager.login_view = "auth.login"
