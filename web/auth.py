"""Who is who: instructors log in with a password; trainees join a team with its code and their name.

They are Flask-Login users, told apart by their id's prefix (`instructor:7`,
`member:12`), and so are the trainee accounts of self-practice (`account:3`).
`refuse` is how every refused attempt is logged.
"""

from __future__ import annotations

from flask import Blueprint, Flask, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user, user_unauthorized
from flask_socketio import Namespace
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from web.extensions import db, login_manager
from web.models import AuditEntry, Instructor, Member
from web.models.practice import TraineeAccount

bp = Blueprint("auth", __name__)


@login_manager.user_loader
def load_user(user_id: str):
    kind, _, number = user_id.partition(":")
    model = {"instructor": Instructor, "member": Member, "account": TraineeAccount}.get(kind)
    return db.session.get(model, int(number)) if model and number.isdigit() else None


def is_instructor(user) -> bool:
    return isinstance(user, Instructor)


def is_member(user) -> bool:
    return isinstance(user, Member)


def refuse(who: str, what: str, reason: str) -> None:
    """Log a refused attempt (application log and audit table)."""
    one_line = [text.replace("\r", " ").replace("\n", " ") for text in (who, what, reason)]  # no forged log lines
    current_app.logger.warning("refused: %s tried %s: %s", *one_line)
    db.session.rollback()
    db.session.add(AuditEntry(who=who[:120], what=what[:120], reason=reason[:500]))
    db.session.commit()


def who_is(user) -> str:
    return user.get_id() if getattr(user, "is_authenticated", False) else f"anonymous@{request.remote_addr}"


class AuditedNamespace(Namespace):
    """A socket namespace where an event it has no handler for is refused and logged, not silently dropped.

    A trainee who emits `control`, or an instructor who emits `act`, tried something
    their role may not do.
    """

    def trigger_event(self, event, *args):
        if event in ("connect", "disconnect") or hasattr(self, f"on_{event}"):
            return super().trigger_event(event, *args)
        sid, *data = args
        return super().trigger_event("unknown_event", sid, event, *data)

    def on_unknown_event(self, event, *data):
        refuse(who_is(current_user), f"socket event {str(event)[:40]}", f"no such event on {self.namespace}")
        return {"ok": False, "error": "Không có thao tác này. / No such operation."}


def _audit_unauthorized(sender, **extra) -> None:
    """A page that needs a login, asked for without one (Flask-Login then redirects to the login page)."""
    refuse(f"anonymous@{request.remote_addr}", f"page {request.path}", "not logged in")


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
    user_unauthorized.connect(_audit_unauthorized, app)
