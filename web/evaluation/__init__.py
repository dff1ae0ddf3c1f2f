"""What an evaluator does: the list of the teams assigned to them, and each team's live page.

    GET /evaluate/                 the evaluator's teams
    GET /evaluate/teams/<id>       a team's live timeline and the observation form (`web.evaluation.namespace`)
    GET /evaluate/exercises/<id>/report   the After-Action Report of their teams of an exercise (`web.evaluation.report`)

The review and replay of an assigned team are the instructor's pages, which
`web.review.access.can_review` opens to the evaluator read-only.

Only evaluators, each only their assigned teams: anyone else is refused (403,
or 404 for a team not assigned) and logged. Who may do what is `web.evaluation.access`.
"""

from __future__ import annotations

from flask import Blueprint, Flask, render_template
from flask_login import current_user, login_required

from web.evaluation import access
from web.exercises import scenario_of

bp = Blueprint("evaluation", __name__, url_prefix="/evaluate")


@bp.route("/")
@login_required
def home():
    access.require_evaluator()
    return render_template("evaluation/home.html", teams=current_user.teams)


@bp.route("/teams/<int:team_id>")
@login_required
def team(team_id: int):
    access.require_evaluator()
    found = access.assigned_team_or_404(team_id)
    roles = {role.id: role.label.as_dict() for role in scenario_of(found.exercise).roles}
    return render_template("evaluation/team.html", team=found, roles=roles)


def init_app(app: Flask) -> None:
    from web.evaluation import namespace, report  # noqa: F401 - its route joins bp

    app.register_blueprint(bp)
    namespace.init_app(app)
