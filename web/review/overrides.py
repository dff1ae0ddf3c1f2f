"""The instructor's override of a rule's automatic verdict on a team's card, from the team's review page.

    POST /review/teams/<id>/rules/<rule>/override          {verdict: met | not_met, reason}: kept, replacing any earlier one
    POST /review/teams/<id>/rules/<rule>/override/delete   back to the automatic verdict

Only the instructor of the team's exercise may; anyone else is refused (403 for
a user who is not an instructor, 404 otherwise) and logged. The reason is
required and, like the verdict, checked by `scoring.overrides`; a bad one is
explained in Vietnamese and English and changes nothing.
"""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import delete, select

from scenarios.messages import N_
from scoring import load_rule_set
from scoring.overrides import Override, OverrideError
from web.auth import refuse, who_is
from web.exercises import scenario_of
from web.extensions import db
from web.i18n import translated
from web.models import Team
from web.models.debrief import VerdictOverride
from web.review import bp
from web.review.observations import EXPIRED

SAVED = N_("Đã lưu kết luận của giảng viên.")
REMOVED = N_("Đã trở lại kết luận tự động.")


def _owned_rule(team_id: int, rule_id: str) -> Team:
    """The team, if it is of the instructor's exercise and its rule set has `rule_id`; 404 (and logged) otherwise."""
    team = db.session.get(Team, team_id)
    if team is None or team.exercise.instructor_id != current_user.id:
        refuse(
            who_is(current_user),
            f"override team {team_id} ({request.method} {request.path})",
            "not a team of the instructor's exercise",
        )
        abort(404)
    rules = {entry.id for entry in load_rule_set(scenario_of(team.exercise).rule_set).entries}
    if rule_id not in rules:
        refuse(who_is(current_user), f"override team {team_id} rule {rule_id[:64]}", "no such rule on the card")
        abort(404)
    return team


def _back(team: Team, rule_id: str, message: str, category: str):
    """Back to the rule on the team's card, `message` (a message id, or a text already translated) flashed."""
    flash(gettext(message), category)
    return redirect(url_for("review.team", team_id=team.id, _anchor=f"rule-{rule_id}"))


@bp.route("/teams/<int:team_id>/rules/<rule_id>/override", methods=["POST"])
def override_verdict(team_id: int, rule_id: str):
    team = _owned_rule(team_id, rule_id)
    if not FlaskForm().validate_on_submit():
        return _back(team, rule_id, EXPIRED, "error")
    try:
        given = Override(
            request.form.get("verdict", ""), " ".join(request.form.get("reason", "").split()), current_user.display_name
        )
    except OverrideError as exc:
        return _back(team, rule_id, translated(exc.message), "error")
    row = db.session.scalar(
        select(VerdictOverride).where(VerdictOverride.team_id == team.id, VerdictOverride.rule_id == rule_id)
    )
    if row is None:
        row = VerdictOverride(team_id=team.id, rule_id=rule_id)
        db.session.add(row)
    row.verdict, row.reason, row.instructor_id = given.verdict, given.reason, current_user.id
    db.session.commit()
    return _back(team, rule_id, SAVED, "ok")


@bp.route("/teams/<int:team_id>/rules/<rule_id>/override/delete", methods=["POST"])
def remove_override(team_id: int, rule_id: str):
    team = _owned_rule(team_id, rule_id)
    if not FlaskForm().validate_on_submit():
        return _back(team, rule_id, EXPIRED, "error")
    db.session.execute(delete(VerdictOverride).where(VerdictOverride.team_id == team.id, VerdictOverride.rule_id == rule_id))
    db.session.commit()
    return _back(team, rule_id, REMOVED, "ok")
