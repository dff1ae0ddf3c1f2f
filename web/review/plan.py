"""The improvement plan an instructor edits for an exercise's After-Action Report, kept in `ReportEdit`.

    plan = saved_plan(exercise)          # list[ImprovementItem], or None: no edit saved (the report generates one)
    report_document(meta, runs, plan=plan)
    save_plan(exercise, rows, instructor_id)     # checked by debrief.check_plan; PlanError leaves what was saved as it was
    forget_plan(exercise)                # back to the generated plan

`cell_problems` places each problem of a PlanError at its row and field.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import gettext
from sqlalchemy import select

from debrief import ImprovementItem, PlanError, check_plan
from debrief.plan import FIELDS
from web.exercises import scenario_of
from web.extensions import db
from web.i18n import language
from web.models import Exercise
from web.models.core import utcnow
from web.models.debrief import ReportEdit


def _edit(exercise: Exercise) -> ReportEdit | None:
    return db.session.scalar(select(ReportEdit).where(ReportEdit.exercise_id == exercise.id))


def saved_plan(exercise: Exercise) -> list[ImprovementItem] | None:
    """The plan the instructor saved for the exercise's report, or None if they never edited it."""
    edit = _edit(exercise)
    return None if edit is None else [ImprovementItem(**row) for row in edit.plan]


def save_plan(exercise: Exercise, rows: Sequence[Mapping[str, Any]], instructor_id: int) -> tuple[ImprovementItem, ...]:
    """Check the rows and store them as the exercise's plan; PlanError (nothing stored) naming each bad row and field."""
    items = check_plan(rows, scenario_of(exercise))
    edit = _edit(exercise) or ReportEdit(exercise_id=exercise.id)
    edit.plan = [item.as_dict() for item in items]
    edit.instructor_id = instructor_id
    edit.updated_at = utcnow()  # every save, even of the same rows
    db.session.add(edit)
    db.session.commit()
    return items


def forget_plan(exercise: Exercise) -> None:
    """Drop the saved plan: the report generates its plan from the rules failed again."""
    edit = _edit(exercise)
    if edit is not None:
        db.session.delete(edit)
        db.session.commit()


def rows_from_form(form) -> list[dict[str, str]]:
    """The plan's rows as a form posts them: one list of values per field (`issue`, `due`...), row by row."""
    columns = {name: form.getlist(name) for name in FIELDS}
    count = max((len(values) for values in columns.values()), default=0)
    return [{name: values[row] for name, values in columns.items() if row < len(values)} for row in range(count)]


def cell_problems(error: PlanError) -> tuple[dict[tuple[int, str], list[str]], list[str]]:
    """Each problem at its (row from 1, field), or, when it names no field, with the row's other problems at (row, "")."""
    cells: dict[tuple[int, str], list[str]] = defaultdict(list)
    general = []
    for problem in error.problems:
        shown = problem.render(gettext, language())
        if problem.row is None:
            general.append(shown)
        else:
            cells[(problem.row, problem.field or "")].append(shown)
    return dict(cells), general
