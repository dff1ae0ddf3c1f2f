"""The After-Action Report an evaluator reads: `/evaluate/exercises/<id>/report`, of their own teams of the exercise.

The same page as the instructor's report (`web.review.report`), read-only: its
teams are only those assigned to the evaluator, and its improvement plan is the
one generated from their results (the instructor's edited plan may speak of
other teams). No plan form, no download (a downloaded report is the document
the instructor issues), no link to the instructor's pages. An evaluator with no
team of the exercise is refused (404) and logged.
"""

from __future__ import annotations

from flask import render_template

from debrief import report_document
from web.evaluation import access, bp
from web.review.report import report_page_context
from web.runs import exercise_meta, exercise_runs


@bp.route("/exercises/<int:exercise_id>/report")
def report(exercise_id: int):
    teams = access.assigned_teams_of(exercise_id)
    exercise = teams[0].exercise
    document = report_document(exercise_meta(exercise), exercise_runs(exercise, teams))
    return render_template("review/report.html", **report_page_context(exercise, document), editable=False)
