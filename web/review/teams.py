"""One team's after-action review and its replay: `/review/teams/<id>` and `/review/teams/<id>/replay`.

Both are for whoever `web.review.access.can_review` lets see the team (its
exercise's instructor; self-practice adds the trainee of an attempt), and
assume nothing more of the user: links to the exercise's pages show only to
an instructor, and so do the forms that edit the team's observations
(`web.review.observations`).
"""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from debrief import review
from debrief.document import labels
from scenarios.labels import role_label
from debrief.opinion import level_name
from web.auth import is_instructor
from web.exercises import scenario_of
from web.review import bp
from web.review.access import reviewable_team
from web.review.charts import team_chart
from web.review.notes import MAX_OBSERVATION
from web.review.observations import editable_observations
from web.review.replay import replay_data
from web.runs import team_run


@bp.route("/teams/<int:team_id>")
def team(team_id: int):
    found = reviewable_team(team_id)
    scenario = scenario_of(found.exercise)
    team_review = review(team_run(found))
    shown = team_review.as_dict()
    roles = {role.id: role_label(scenario, role.id).as_dict() for role in scenario.roles}
    entries = {entry["seq"]: entry for entry in shown["timeline"] if entry["seq"] is not None}
    return render_template(
        "review/team.html",
        team=found,
        exercise=found.exercise,
        scenario=scenario,
        review=shown,
        entries=entries,
        labels=labels(),
        roles=roles,
        level_name=level_name(scenario, team_review.final_level).as_dict(),
        chart=team_chart(team_review, scenario),
        instructor_links=is_instructor(current_user),
        observations=editable_observations(found) if is_instructor(current_user) else [],
        duration=scenario.duration,
        max_text=MAX_OBSERVATION,
    )


@bp.route("/teams/<int:team_id>/replay")
def replay(team_id: int):
    found = reviewable_team(team_id)
    run = team_run(found)
    return render_template(
        "review/replay.html",
        team=found,
        exercise=found.exercise,
        replay=replay_data(run, review(run)),
        instructor_links=is_instructor(current_user),
    )
