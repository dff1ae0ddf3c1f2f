"""The debrief: after-action review of each team and the After-Action Report of an exercise (HSEEP).

Pure: no database, no Flask (the database side is `web.runs`).

    from debrief import TeamRun, Trainee, Note, ExerciseMeta, review, seen_by, report_document
    team_review = review(run)                       # TeamReview: timeline, opinion, levels, card, by_role...
    events = seen_by(run, "spokesperson", seq=42)   # what a role had seen by event 42
    document = report_document(meta, runs)          # the canonical JSON-ready report of an exercise
    from debrief.exports import write
    write(document, "csv", "report.zip")

Modules: `team_run` (the input), `attribution` (who took each action),
`headless` (a headless play as a one-team exercise), `exercise` (ExerciseMeta),
`labels`, `summaries` (one line per event), `timeline`, `opinion`, `review`,
`objectives` (HSEEP objectives and ratings), `plan` (the improvement plan),
`aar`, `document`, `exports` (json, csv, ...). See docs/REPORTS.md.
"""

from debrief.aar import AfterActionReport, after_action_report
from debrief.document import SCHEMA_VERSION, report_document
from debrief.exercise import ExerciseMeta
from debrief.plan import ImprovementItem, PlanError, PlanProblem, check_plan
from debrief.review import TeamReview, review, seen_by
from debrief.team_run import Note, TeamRun, TeamRunError, Trainee

__all__ = [
    "SCHEMA_VERSION",
    "AfterActionReport",
    "ExerciseMeta",
    "ImprovementItem",
    "Note",
    "PlanError",
    "PlanProblem",
    "TeamReview",
    "TeamRun",
    "TeamRunError",
    "Trainee",
    "after_action_report",
    "check_plan",
    "report_document",
    "review",
    "seen_by",
]
