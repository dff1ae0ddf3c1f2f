"""Which teams an evaluator may see: those assigned to them, and no other (each refusal logged).

`web.review.access.can_review` lets an evaluator read the review and replay of these teams too. That only
evaluators reach the evaluator's pages is the blueprint's guard (`web.access.EVALUATORS`).
"""

from __future__ import annotations

from typing import Any

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from web.auth import is_evaluator, refuse, who_is
from web.extensions import db
from web.models import Team
from web.models.evaluators import EvaluatorTeam
from web.validation import as_id


def is_assigned(user, team_id: int) -> bool:
    """Whether `user` is an evaluator the team is assigned to."""
    return (
        is_evaluator(user)
        and db.session.scalar(
            select(EvaluatorTeam.id).where(EvaluatorTeam.evaluator_id == user.id, EvaluatorTeam.team_id == team_id)
        )
        is not None
    )


def assigned_team(team_id: Any) -> Team | None:
    """The team, if it is assigned to the current evaluator; None (and logged) otherwise."""
    number = as_id(team_id)
    team = db.session.get(Team, number) if number and is_assigned(current_user, number) else None
    if team is None:
        refuse(who_is(current_user), f"team {str(team_id)[:40]}", "not a team assigned to this evaluator")
    return team


def assigned_teams_of(exercise_id: int) -> list[Team]:
    """The current evaluator's teams of an exercise, in team order; 404 (and logged) if none is assigned to them."""
    teams = [team for team in current_user.teams if team.exercise_id == exercise_id]
    if not teams:
        refuse(who_is(current_user), f"report of exercise {exercise_id}", "no team of it assigned to this evaluator")
        abort(404)
    return teams


def assigned_team_or_404(team_id: int) -> Team:
    team = assigned_team(team_id)
    if team is None:
        abort(404)
    return team
