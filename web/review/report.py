"""The After-Action Report of an exercise: `/review/exercises/<id>/report` (the exercise's instructor only;
an evaluator reads the same page, read-only, of their own teams: `web.evaluation.report`).

GET shows the HSEEP report (objectives rated per team, strengths, areas for
improvement with their rule and legal source) and the improvement plan as an
editable table; POST saves the plan through `debrief.check_plan` (a bad
submit keeps the plan saved before and shows each problem at its row and
field); `report/reset` goes back to the generated plan; `report/<format>`
downloads the report in any format `debrief.exports` can write
(`?layout=party`: a PDF or DOCX in the Party layout, for a political school;
`?lang=en` or `vi`: the report in that language, else in the page's).
"""

from __future__ import annotations

import io
from typing import Any

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext
from flask_login import current_user

from debrief import PlanError, report_document
from debrief.exports import BILINGUAL, EXTENSIONS, LANGUAGES, ExportError, available, check_language, check_layout, write
from debrief.objectives import objectives_for
from debrief.plan import PLAN_STATUSES
from web.models import Exercise
from web.review import bp
from web.access import owned_exercise
from web.i18n import language, translated
from web.review.plan import cell_problems, forget_plan, rows_from_form, save_plan, saved_plan
from web.runs import exercise_meta, exercise_runs

MIME_TYPES = {
    "json": "application/json",
    "csv": "application/zip",  # the CSV tables, zipped
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SUFFIXES = {name: suffix for suffix, name in EXTENSIONS.items()}


def document(exercise: Exercise) -> dict[str, Any]:
    """The exercise's report, with the plan the instructor saved (or the generated one)."""
    return report_document(exercise_meta(exercise), exercise_runs(exercise), plan=saved_plan(exercise))


def report_page_context(
    exercise: Exercise, report: dict[str, Any], rows: list[dict[str, str]] | None = None, error: PlanError | None = None
) -> dict[str, Any]:
    """What the report page shows of `report`.

    `rows` and `error`: a plan that was not saved, as submitted with its problems.
    """
    cells, general = cell_problems(error) if error else ({}, [])
    return {
        "exercise": exercise,
        "report": report,
        "rows": report["improvement_plan"]["items"] if rows is None else rows,
        "cells": cells,
        "general": general,
        "bad_rows": {row for row, _ in cells},
        "roles": {role["id"]: role["label"] for role in report["exercise"]["roles"]},
        "objectives": objectives_for(report["exercise"]["rule_set"]),
        "statuses": {key: text.as_dict() for key, text in PLAN_STATUSES.items()},
        "formats": available(),
    }


def _page(exercise: Exercise, rows: list[dict[str, str]] | None = None, error: PlanError | None = None, status: int = 200):
    """The instructor's report page, with the plan form."""
    return render_template(
        "review/report.html", **report_page_context(exercise, document(exercise), rows, error), editable=True
    ), status


@bp.route("/exercises/<int:exercise_id>/report", methods=["GET", "POST"])
def report(exercise_id: int):
    found = owned_exercise(exercise_id)
    if request.method == "GET":
        return _page(found)
    rows = rows_from_form(request.form)
    try:
        save_plan(found, rows, current_user.id)
    except PlanError as exc:
        return _page(found, rows, exc, 422)
    flash(gettext("Đã lưu kế hoạch khắc phục."), "ok")
    return redirect(url_for("review.report", exercise_id=found.id) + "#plan")


@bp.route("/exercises/<int:exercise_id>/report/reset", methods=["POST"])
def reset_plan(exercise_id: int):
    found = owned_exercise(exercise_id)
    forget_plan(found)
    flash(gettext("Đã dùng lại kế hoạch tạo tự động."), "ok")
    return redirect(url_for("review.report", exercise_id=found.id) + "#plan")


def download_name(exercise: Exercise, name: str, layout: str | None, lang: str) -> str:
    """bao-cao-dien-tap-<id>[-mau-dang][-en].<suffix>: the Party layout and the English copy are told apart."""
    party = "-mau-dang" if layout == "party" else ""
    english = f"-{lang}" if lang != LANGUAGES[0] and name not in BILINGUAL else ""
    return f"bao-cao-dien-tap-{exercise.id}{party}{english}{SUFFIXES[name]}"


@bp.route("/exercises/<int:exercise_id>/report/<name>")
def export(exercise_id: int, name: str):
    """The report in a format; `?layout=party` (pdf, docx); `?lang=vi|en`, else the page's language."""
    found = owned_exercise(exercise_id)
    if name not in available():
        abort(404)
    layout, lang = request.args.get("layout"), request.args.get("lang") or language()
    try:
        check_layout(name, layout)
        check_language(lang)
    except ExportError as exc:  # the error page, in the page's language, says which layout or language to ask for
        return render_template("error.html", code=400, message=translated(exc.message)), 400
    stream = io.BytesIO()
    write(document(found), name, stream, layout=layout, language=lang)
    stream.seek(0)
    return send_file(
        stream,
        mimetype=MIME_TYPES.get(name, "application/octet-stream"),
        as_attachment=True,
        download_name=download_name(found, name, layout, lang),
    )
