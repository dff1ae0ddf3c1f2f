"""What an evaluator does: the list of the teams assigned to them, and each team's live page.

    GET /evaluate/                 the evaluator's teams
    GET /evaluate/teams/<id>       a team's live timeline and the observation form (`web.evaluation.namespace`)
    GET /evaluate/exercises/<id>/report   the After-Action Report of their teams of an exercise (`web.evaluation.report`)

The review and replay of an assigned team are the instructor's pages, which
`web.review.access.can_review` opens to the evaluator read-only.

Only evaluators, each only their assigned teams: anyone else is refused (403,
or 404 for a team not assigned) and logged: the blueprint's guard (`web.access.guard`), then
`web.evaluation.access` for the team.
"""

from __future__ import annotations

from flask import Blueprint, Flask, render_template
from flask_login import current_user

from web.access import EVALUATORS, guard
from web.evaluation import access
from web.exercises import scenario_of

bp = Blueprint("evaluation", __name__, url_prefix="/evaluate")
guard(bp, EVALUATORS)


@bp.route("/")
def home():
    return render_template("evaluation/home.html", teams=current_user.teams)


@bp.route("/teams/<int:team_id>")
def team(team_id: int):
    found = access.assigned_team_or_404(team_id)
    roles = {role.id: role.label.as_dict() for role in scenario_of(found.exercise).roles}
    return render_template("evaluation/team.html", team=found, roles=roles)


def init_app(app: Flask) -> None:
    from web.evaluation import namespace, report  # noqa: F401 - its route joins bp

    app.register_blueprint(bp)
    namespace.init_app(app)
