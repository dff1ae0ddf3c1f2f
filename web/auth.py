"""Who is who: instructors log in with a password; trainees join a team with its code and their name.

They are Flask-Login users, told apart by their id's prefix (`instructor:7`,
`member:12`), and so are the trainee accounts of self-practice (`account:3`) and the
evaluators an instructor makes (`evaluator:4`, `web.models.evaluators`), who log in on the
instructors' form and land on their own page.
Every login opens a `LoginSession` whose token the session cookie carries, and
logging out deletes it: a cookie copied before the logout lets nobody in after, and
the login's open sockets are disconnected (`web.login_sockets`; a namespace's connect
handler calls `follow_login`).
A page that needs a login sends an anonymous user to the instructor login, or a
trainee's page to `/join`. `refuse` is how every refused attempt is logged (`web.refusals`). The forms that
let someone in are rate-limited (`web.floods`, every post) and throttled (`web.throttle`, failures) through
`throttled` and `refuse_attempt`, a socket connection flood is refused by `AuditedNamespace`, and
`password_matches` costs one hash whether the user exists.
"""

from __future__ import annotations

import secrets

from flask import Blueprint, Flask, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user, login_user, logout_user, user_logged_in, user_logged_out, user_unauthorized
from flask_socketio import ConnectionRefusedError, Namespace
from sqlalchemy import delete, select
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from scenarios.messages import N_
from web import floods, login_sockets, refusals, throttle
from web.extensions import db, login_manager
from web.forms import Form
from web.models import Instructor, LoginSession, Member, core
from web.models.evaluators import Evaluator
from web.models.practice import TraineeAccount

bp = Blueprint("auth", __name__)

WRONG_LOGIN = N_("Sai tên đăng nhập hoặc mật khẩu.")
TOO_MANY = N_("Quá nhiều lần thử sai. Hãy đợi vài phút rồi thử lại.")
FLOOD = N_("Quá nhiều yêu cầu từ địa chỉ này. Hãy đợi một chút rồi thử lại.")
TOO_MANY_CONNECTIONS = "too many connections"  # the socket's refusal, which room.js retries later
TOKEN_KEY = "login_token"  # the session's key for its LoginSession token


@login_manager.user_loader
def load_user(user_id: str):
    """The user of a session whose login is still open (its token not deleted by a logout)."""
    kind, _, number = user_id.partition(":")
    models: dict[str, type[Instructor | Member | TraineeAccount | Evaluator]] = {
        "instructor": Instructor,
        "member": Member,
        "account": TraineeAccount,
        "evaluator": Evaluator,
    }
    model = models.get(kind)
    token = session.get(TOKEN_KEY)
    if model is None or not number.isdigit() or not isinstance(token, str):
        return None
    # one query, run for every request and every socket message: the user, if its login is still open
    login_open = select(LoginSession.token).where(LoginSession.token == token, LoginSession.user_id == user_id).exists()
    return db.session.scalar(select(model).where(model.id == int(number), login_open))


def _open_login(sender, user) -> None:
    """Whoever logs in (any form of the platform), in place of the session's previous login."""
    _close_login(sender, user)
    token = secrets.token_urlsafe(32)
    db.session.add(LoginSession(token=token, user_id=user.get_id()))
    db.session.commit()
    session[TOKEN_KEY] = token


def _close_login(sender, user) -> None:
    token = session.pop(TOKEN_KEY, None)
    if isinstance(token, str):
        db.session.execute(delete(LoginSession).where(LoginSession.token == token))
        db.session.commit()
        login_sockets.close(token)


def follow_login() -> None:
    """Tie the socket being connected to its login, so that the login's end disconnects it."""
    login_sockets.follow(session.get(TOKEN_KEY))


def is_instructor(user) -> bool:
    return isinstance(user, Instructor)


def is_evaluator(user) -> bool:
    return isinstance(user, Evaluator)


def is_member(user) -> bool:
    return isinstance(user, Member)


def refuse(who: str, what: str, reason: str) -> None:
    """Log a refused attempt (application log and audit table, a flood of the same counted in one row)."""
    current_app.extensions["refusals"].record(who, what, reason)


def who_is(user) -> str:
    return user.get_id() if getattr(user, "is_authenticated", False) else f"anonymous@{request.remote_addr}"


def throttled(form: str, target: str):
    """The 429 answer to a post of `form` on `target` in a flood from its address, or after too many failures
    (refused and audited), else None.

    Nothing of the attempt is looked at (no query, no password hash), and the page is the short error page.
    """
    if request.method != "POST":
        return None
    if current_app.extensions["floods"].refuses("form", request.remote_addr):
        refuse(f"address@{request.remote_addr}", form, "too many requests from this address")
        return render_template("error.html", code=429, message=gettext(FLOOD)), 429
    if not current_app.extensions["throttle"].refuses(form, request.remote_addr, target):
        return None
    refuse(who_is(current_user), form, "too many failed attempts")
    return render_template("error.html", code=429, message=gettext(TOO_MANY)), 429


def refuse_attempt(form: str, target: str, reason: str, message: str) -> None:
    """A failed attempt at a form that lets someone in: counted by the throttle, refused, audited and flashed
    (`message`, an already translated text or a message id, in the user's language)."""
    current_app.extensions["throttle"].count(form, request.remote_addr, target)
    refuse(who_is(current_user), form, reason)
    flash(gettext(message), "error")


def password_matches(holder: Instructor | Evaluator | TraineeAccount | None, password: str) -> bool:
    """Whether `holder` has this password. No holder (an unknown user name) costs the same hash and is False."""
    stored = holder.password_hash if holder is not None else _dummy_hash()
    return core.check_password_hash(stored, password) and holder is not None


def _dummy_hash() -> str:
    """A hash of nobody's password, made once per app with the hashing that real passwords get."""
    if "dummy_password_hash" not in current_app.extensions:
        current_app.extensions["dummy_password_hash"] = core.generate_password_hash(secrets.token_hex(16))
    return current_app.extensions["dummy_password_hash"]


class AuditedNamespace(Namespace):
    """A socket namespace where an event it has no handler for is refused and logged, not silently dropped.

    A trainee who emits `control`, or an instructor who emits `act`, tried something
    their role may not do. A connection is refused in a flood from its address (`web.floods`),
    else the namespace's `admit` decides; an admitted socket is tied to its login (`follow_login`).
    """

    def on_connect(self, auth=None):
        if current_app.extensions["floods"].refuses("connect", request.remote_addr):
            refuse(f"address@{request.remote_addr}", f"socket {self.namespace}", "too many connections from this address")
            raise ConnectionRefusedError(TOO_MANY_CONNECTIONS)
        self.admit(auth)
        follow_login()

    def admit(self, auth=None) -> None:
        """Accept the connection, or refuse it with `ConnectionRefusedError` (each namespace its own)."""
        raise NotImplementedError

    def trigger_event(self, event, *args):
        if event == "connect" and not self._is_real_connect(*args):  # a client that emits "connect" itself
            return super().trigger_event("unknown_event", args[0], event)
        if event in ("connect", "disconnect") or hasattr(self, f"on_{event}"):
            return super().trigger_event(event, *args)
        sid, *data = args
        return super().trigger_event("unknown_event", sid, event, *data)

    def _is_real_connect(self, sid=None, environ=None, *auth) -> bool:
        """The server's own connect passes the connection's environ itself; an emitted event cannot."""
        return environ is not None and environ is self.server.get_environ(sid, namespace=self.namespace)

    def on_unknown_event(self, event, *data):
        refuse(who_is(current_user), f"socket event {str(event)[:40]}", f"no such event on {self.namespace}")
        return {"ok": False, "error": gettext("Không có thao tác này.")}


def _audit_unauthorized(sender, **extra) -> None:
    """A page that needs a login, asked for without one (Flask-Login then redirects to the login page)."""
    refuse(f"anonymous@{request.remote_addr}", f"page {request.path}", "not logged in")


class LoginForm(Form):
    username = StringField(lazy_gettext("Tên đăng nhập"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(lazy_gettext("Mật khẩu"), validators=[DataRequired(), Length(max=200)])


@bp.route("/login", methods=["GET", "POST"])
def login():
    if refused := throttled("login", request.form.get("username", "")):
        return refused
    form = LoginForm()
    if form.validate_on_submit():
        holder = db.session.scalar(select(Instructor).where(Instructor.username == form.username.data)) or db.session.scalar(
            select(Evaluator).where(Evaluator.username == form.username.data)
        )
        if password_matches(holder, form.password.data or ""):
            login_user(holder)
            return redirect(url_for("evaluation.home" if is_evaluator(holder) else "instructor.dashboard"))
        refuse_attempt(
            "login", form.username.data or "", f"wrong username or password for '{form.username.data}'", WRONG_LOGIN
        )
    return render_template("login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    return redirect(url_for("pages.index"))


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    throttle.init_app(app)
    floods.init_app(app)
    refusals.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.blueprint_login_views = {"trainee": "trainee.join"}  # a trainee logged out joins again, not logs in
    login_manager.login_message = None  # no flash: a flood that never follows the redirect would pile them in its cookie
    user_unauthorized.connect(_audit_unauthorized, app)
    user_logged_in.connect(_open_login, app)
    user_logged_out.connect(_close_login, app)
