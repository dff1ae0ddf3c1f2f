"""Self-practice (blueprint `practice`, under /practice): one trainee, bots in the other roles.

    /practice/                        the drills; pick one, a role, a speed, hints or not (this module)
    POST /practice/start              start: a new attempt, and its room
    /practice/signup, /practice/login trainee accounts (`web.practice.accounts`)
    /practice/room                    the room in practice mode; its clock, hints, end card (`web.practice.room`)
    /practice/history                 an account's attempts, scores and most failed rules (`web.practice.history`)

Practising needs no account: an anonymous attempt is tied to the browser
session that started it and is listed in no history. Who may use which page: the blueprint's guard
(`web.practice.access`).
"""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user, login_user
from wtforms import BooleanField, IntegerField, StringField
from wtforms.validators import AnyOf, DataRequired, Length

from web.auth import is_instructor
from web.forms import Form
from web.practice.attempts import account_of, practising, start_attempt
from web.practice.card import HINT_COST
from web.practice.catalog import DEFAULT_SPEED, SPEEDS, drill, drills

bp = Blueprint("practice", __name__, url_prefix="/practice")


class StartForm(Form):
    drill = StringField(lazy_gettext("Kịch bản"), validators=[DataRequired(), Length(max=64)])
    role = StringField(lazy_gettext("Vai"), validators=[DataRequired(), Length(max=64)])
    speed = IntegerField(lazy_gettext("Tốc độ"), validators=[AnyOf(SPEEDS)])
    hints = BooleanField(lazy_gettext("Cho phép gợi ý"))


@bp.route("/")
def index():
    current = practising(current_user)
    return render_template(
        "practice/index.html",
        drills=drills(),
        speeds=SPEEDS,
        default_speed=DEFAULT_SPEED,
        hint_cost=HINT_COST,
        account=account_of(current_user),
        form=StartForm(),
        current=current[1] if current and current[1].team.status != "ended" else None,
        instructor=is_instructor(current_user),
    )


@bp.route("/start", methods=["POST"])
def start():
    form = StartForm()
    chosen = drill(form.drill.data or "") if form.validate_on_submit() else None
    if chosen is None or form.role.data not in dict(chosen.roles()):
        flash(gettext("Hãy chọn một kịch bản, một vai của học viên và một tốc độ có trong danh sách."), "error")
        return redirect(url_for("practice.index"))
    assert form.speed.data is not None  # validated: one of the listed speeds
    _, member = start_attempt(account_of(current_user), chosen, form.role.data, form.speed.data, form.hints.data)
    login_user(member)  # the trainee acts as the team's member, as one who joined does
    return redirect(url_for("practice.room"))


def init_app(app: Flask) -> None:
    from web.practice import access, accounts, history, room  # noqa: F401 - their routes and guard join bp

    app.register_blueprint(bp)
