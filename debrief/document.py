"""The report of an exercise as one JSON-ready document; every export format renders from it.

    document = report_document(meta, runs)              # ExerciseMeta, TeamRuns
    document = report_document(meta, runs, plan=rows)   # with the instructor's edited improvement plan
    json.dumps(document, ensure_ascii=False)           # Vietnamese stays Vietnamese

The document holds only JSON types (dicts, lists, strings, numbers, booleans,
null). Its schema is versioned (`schema_version`) and documented field by
field in docs/REPORTS.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from debrief.aar import after_action_report
from debrief.exercise import ExerciseMeta
from debrief.issuance import place_name
from scenarios.labels import ACTION_TYPES, CATEGORIES, PRESS_CALL_RESPONSES, TEAM_STATUSES
from debrief.objectives import RATING_THRESHOLDS, RATINGS
from debrief.plan import PLAN_STATUSES, ImprovementItem
from debrief.review import review
from debrief.team_run import TeamRun
from scenarios.texts import Text

SCHEMA_VERSION = 1
_CAST = re.compile(r"\{\w+\},?\s*")  # a cast member's placeholder: the name is drawn per run


def _sender(text: str) -> str:
    """An inject's sender without its cast placeholders: '{reporter_paper}, phóng viên Báo X' -> 'phóng viên Báo X'."""
    return _CAST.sub("", text).strip(" ,") or text


def _table(table: Mapping[str, Text]) -> dict[str, dict[str, str | None]]:
    return {key: text.as_dict() for key, text in table.items()}


def labels() -> dict[str, Any]:
    """The labels a renderer needs for the ids the document uses, in Vietnamese and English."""
    thresholds = dict(RATING_THRESHOLDS)
    return {
        "categories": _table(CATEGORIES),
        "action_types": _table(ACTION_TYPES),
        "press_call_responses": _table(PRESS_CALL_RESPONSES),
        "team_statuses": _table(TEAM_STATUSES),
        "plan_statuses": _table(PLAN_STATUSES),
        "ratings": {code: {**text.as_dict(), "min_share": round(thresholds[code], 4)} for code, text in RATINGS.items()},
    }


def report_document(
    meta: ExerciseMeta, runs: Sequence[TeamRun], plan: Sequence[ImprovementItem | Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """The canonical document of an exercise's report: overview, each team's review, the AAR, the plan.

    ValueError if a run is of another scenario than the exercise's;
    `debrief.plan.PlanError` naming each bad row and field of an edited plan.
    """
    for run in runs:
        if run.scenario.id != meta.scenario.id:
            raise ValueError(f"team {run.team!r} ran scenario {run.scenario.id!r}, not the exercise's {meta.scenario.id!r}")
    reviews = [review(run) for run in runs]
    aar = after_action_report(meta, reviews, plan).as_dict()
    exercise, improvement_plan = aar.pop("overview"), aar.pop("improvement_plan")
    exercise["place"] = place_name(meta.scenario.setting)  # the date line's place name, e.g. "Hòa Giang"
    exercise["issuance"] = meta.issuance.as_dict()  # who issues and signs the printed report (None: the layout's default)
    exercise["inject_senders"] = {i.id: _sender(i.sender.vi) for i in meta.scenario.injects}  # to name an inject in print
    return {
        "schema_version": SCHEMA_VERSION,
        "exercise": exercise,
        "teams": [r.as_dict() for r in reviews],
        "aar": aar,  # objectives, strengths, areas_for_improvement
        "improvement_plan": improvement_plan,
        "labels": labels(),
    }
