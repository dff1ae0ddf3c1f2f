"""Every team of an exercise side by side: `/review/exercises/<id>` (the exercise's instructor only).

Totals, bonus and levels; the rule × team matrix of what each team met or
failed; the teams' opinion curves on one chart; links to each team's review
and replay; the report and its exports.
"""

from __future__ import annotations

from flask import render_template

from debrief.exports import available
from web.exercises import scenario_of
from web.review import bp
from web.access import owned_exercise
from web.review.charts import overlay_chart
from web.review.scores import average, rule_rows, team_scores


@bp.route("/exercises/<int:exercise_id>")
def exercise(exercise_id: int):
    found = owned_exercise(exercise_id)
    scenario, scores = scenario_of(found), team_scores(found)
    return render_template(
        "review/exercise.html",
        exercise=found,
        scenario=scenario,
        scores=scores,
        average=average(scores),
        rules=rule_rows(scores),
        formats=available(),
        chart=overlay_chart(scores),
    )
