"""The authoring pages: the list of drills, a drill's versions, the editor, and the forms that create, copy or delete.

The editor page carries everything its scripts need as one JSON block: the text
being edited and its check, the latest version, the endpoints and the CSRF
token. A built-in drill opens in the same editor, read-only, to be viewed,
dry-run, exported or copied.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from instructor.authoring import bp
from instructor.authoring.access import builtin_text, owned_drill
from instructor.authoring.editing import check_text, skeleton_text, valid_scenario
from instructor.authoring.messages import crisis_types, variables
from instructor.authoring.store import (
    VERSION_CHOICE,
    create_drill,
    delete_drill,
    discard_draft,
    dry_run_version,
    exercises_by_version,
    owned_drills,
    saved_at,
    version_title,
)
from scenarios.library import builtin_ids
from scoring.rules import RULES
from web.models.drills import Drill


def _agencies() -> list[str]:
    """The agencies that confirm facts in the built-in drills: suggestions for a fact's source."""
    return sorted({fact.source for name in builtin_ids() for fact in valid_scenario(builtin_text(name)).facts})


@bp.context_processor
def _crisis_types() -> dict[str, Any]:
    return {"crisis_types": {kind["id"]: kind for kind in crisis_types()}}


def _drill_row(drill: Drill) -> dict[str, Any]:
    """What the list and the drill's page show of a drill: its latest version's facts, runs and last dry run."""
    runs = exercises_by_version(drill)
    return {
        "drill": drill,
        "scenario": valid_scenario(drill.latest.text),
        "runs": runs,
        "run_count": sum(map(len, runs.values())),
        "dry_run": drill.dry_run,
        "dry_run_version": dry_run_version(drill),
    }


@bp.route("/")
def index():
    builtins = [(name, valid_scenario(builtin_text(name))) for name in builtin_ids()]
    drills = [_drill_row(drill) for drill in owned_drills(current_user.id)]
    return render_template("instructor/drills/index.html", builtins=builtins, drills=drills)


@bp.post("/new")
def new():
    drill = create_drill(current_user.id, skeleton_text(), None, gettext("Khung mẫu"))  # the note, in the author's language
    flash(gettext("Đã tạo kịch bản mới từ khung mẫu."), "info")
    return redirect(url_for("authoring.edit", drill_id=drill.id))


def _source() -> tuple[str, str, str]:
    """The copy form's source as (text, copied_from, note): 'builtin:<id>', or 'drill:<id>' with an optional version;
    the version's note in the author's language."""
    kind, _, name = request.form.get("source", "").partition(":")
    if kind == "builtin":
        return builtin_text(name), f"builtin:{name}", gettext("Sao chép từ kịch bản có sẵn %(name)s", name=name)
    if kind == "drill" and name.isdigit():
        drill = owned_drill(int(name))
        number = request.form.get("version", "")
        version = next((v for v in drill.versions if str(v.number) == number), drill.latest)
        return (
            version.text,
            f"drill:{drill.id}@{version.number}",
            gettext("Sao chép từ %(drill)s phiên bản %(version)s", drill=drill.slug, version=version.number),
        )
    abort(400)


@bp.post("/copy")
def copy():
    text, copied_from, note = _source()
    drill = create_drill(current_user.id, text, copied_from, note)
    flash(gettext("Đã tạo bản sao '%(slug)s'.", slug=drill.slug), "info")
    return redirect(url_for("authoring.edit", drill_id=drill.id))


@bp.route("/<int:drill_id>")
def drill_page(drill_id: int):
    drill = owned_drill(drill_id)
    return render_template("instructor/drills/drill.html", row=_drill_row(drill), version_choice=VERSION_CHOICE)


@bp.route("/<int:drill_id>/versions/<int:number>")
def version_page(drill_id: int, number: int):
    drill = owned_drill(drill_id)
    version = next((v for v in drill.versions if v.number == number), None)
    if version is None:
        abort(404)
    return render_template(
        "instructor/drills/version.html",
        drill=drill,
        version=version,
        title=version_title(version),
        runs=exercises_by_version(drill).get(number, []),
        version_choice=VERSION_CHOICE,
    )


@bp.post("/<int:drill_id>/delete")
def delete(drill_id: int):
    drill = owned_drill(drill_id)
    slug = drill.slug
    if delete_drill(drill):
        flash(gettext("Đã xóa kịch bản “%(slug)s”.", slug=slug), "info")
    else:
        flash(gettext("Không xóa được “%(slug)s”: đã có bài diễn tập chạy kịch bản này.", slug=slug), "error")
    return redirect(url_for("authoring.index"))


@bp.post("/<int:drill_id>/draft/discard")
def discard(drill_id: int):
    discard_draft(owned_drill(drill_id))
    flash(gettext("Đã bỏ bản nháp; trình soạn mở phiên bản mới nhất."), "info")
    return redirect(url_for("authoring.edit", drill_id=drill_id))


def _editor(text: str, drill: Drill | None = None, builtin: str | None = None):
    checked = check_text(text)
    latest = drill.latest if drill else None
    config = {
        "readonly": drill is None,
        "drill": drill
        and {
            "id": drill.id,
            "slug": drill.slug,
            "has_draft": drill.draft is not None,
            "latest": {"number": drill.latest.number, "created_at": saved_at(drill.latest)},
        },
        "builtin": builtin,
        "latest_text": latest.text if latest else text,
        "checked": checked.as_dict(),
        "csrf": generate_csrf(),
        "variables": variables(),
        "crisis_types": crisis_types(),
        "agencies": _agencies(),
        "rules": {name: rule.title.as_dict() for name, rule in RULES.items()},
        "urls": {
            "validate": url_for("authoring.validate"),
            "dry_run": url_for("authoring.dry_run", drill_id=drill.id) if drill else url_for("authoring.dry_run"),
            "msel_export": url_for("authoring.msel_export"),
            "save": drill and url_for("authoring.save", drill_id=drill.id),
            "draft": drill and url_for("authoring.draft", drill_id=drill.id),
            "msel_import": drill and url_for("authoring.msel_import", drill_id=drill.id),
        },
    }
    return render_template(
        "instructor/drills/editor.html",
        config=config,
        drill=drill,
        builtin=builtin,
        title=(checked.scenario.title.vi if checked.scenario else (drill.title if drill else builtin)),
    )


@bp.route("/<int:drill_id>/edit")
def edit(drill_id: int):
    drill = owned_drill(drill_id)
    return _editor(drill.draft.text if drill.draft else drill.latest.text, drill=drill)


@bp.route("/builtin/<scenario_id>")
def builtin(scenario_id: str):
    return _editor(builtin_text(scenario_id), builtin=scenario_id)
