"""Editing and deleting an instructor's observations, from a team's review page.

    POST /review/observations/<id>          {text, minute}: the new text and scenario minute (a decimal comma is fine)
    POST /review/observations/<id>/delete   take it out

Only the instructor of the observation's exercise may; anyone else is refused
(404, or 403 for a user who is not an instructor) and logged. A bad text or
minute is explained in Vietnamese and English and changes nothing. The rules
are `web.review.notes`'; the review page lists the observations with
`editable_observations`.
"""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import StringField, TextAreaField

from scenarios.messages import N_
from web.auth import refuse, who_is
from web.exercises import scenario_of
from web.extensions import db
from web.forms import Form
from web.models import Observation, Team
from web.review import bp
from web.review.notes import NoteError, checked_minute, checked_text, within
from web.validation import as_id


class ObservationForm(Form):
    """Checked by `web.review.notes`, not by validators, so its messages are the console's."""

    text = TextAreaField(lazy_gettext("Ghi chú"))
    minute = StringField(lazy_gettext("Phút kịch bản"))


def editable_observations(team: Team) -> list[dict]:
    """The team's observations as its review page edits them: id, text as written, minute within the drill."""
    duration = scenario_of(team.exercise).duration
    rows = db.session.scalars(
        select(Observation).where(Observation.team_id == team.id).order_by(Observation.at, Observation.id)
    ).all()
    return [{"id": o.id, "text": o.text, "at": within(o.at, duration)} for o in rows]


def _owned_observation(observation_id: int) -> tuple[Observation, Team]:
    """The observation and its team, if it belongs to an exercise of the current instructor; 404 (and logged) otherwise."""
    observation = db.session.get(Observation, observation_id) if as_id(observation_id) else None
    team = db.session.get(Team, observation.team_id) if observation is not None else None
    if observation is None or team is None or team.exercise.instructor_id != current_user.id:
        refuse(
            who_is(current_user),
            f"observation {observation_id} ({request.method} {request.path})",
            "not an observation of the instructor's exercise",
        )
        abort(404)
    return observation, team


def _minute(text: str | None) -> float | None:
    """A minute as typed: '95,5' or '95.5'; None for what is not a number (checked_minute then explains)."""
    try:
        return float((text or "").strip().replace(",", "."))
    except ValueError:
        return None


def _back(team: Team, message: str, category: str):
    """Back to the team's observations, `message` (a message id, or a text already translated) flashed."""
    flash(gettext(message), category)
    return redirect(url_for("review.team", team_id=team.id, _anchor="observations"))


EXPIRED = N_("Biểu mẫu đã hết hạn, hãy tải lại trang.")


@bp.route("/observations/<int:observation_id>", methods=["POST"])
def edit_observation(observation_id: int):
    observation, team = _owned_observation(observation_id)
    form = ObservationForm()
    if not form.validate_on_submit():  # the CSRF token
        return _back(team, EXPIRED, "error")
    try:
        text = checked_text(form.text.data)
        at = checked_minute(_minute(form.minute.data), scenario_of(team.exercise).duration)
    except NoteError as exc:
        return _back(team, str(exc), "error")
    observation.text, observation.at = text, at
    db.session.commit()
    return _back(team, N_("Đã sửa ghi chú."), "ok")


@bp.route("/observations/<int:observation_id>/delete", methods=["POST"])
def delete_observation(observation_id: int):
    observation, team = _owned_observation(observation_id)
    if not FlaskForm().validate_on_submit():
        return _back(team, EXPIRED, "error")
    db.session.delete(observation)
    db.session.commit()
    return _back(team, N_("Đã xóa ghi chú."), "ok")
