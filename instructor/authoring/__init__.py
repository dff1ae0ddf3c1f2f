"""Drill authoring in the browser (`/instructor/drills/`): an instructor's drills, their versions, and the editor.

    access    who may use these pages (instructors; a drill only its author)
    editing   the editor's check: the form's data or YAML through `parse_scenario` (no Flask)
    messages  Vietnamese for the loader's messages and the conditions' variables
    store     drills, versions, drafts, dry runs and the exercises that ran a version, in the database
    pages     the HTML pages and forms
    api       the editor's JSON endpoints (check, save, draft, dry run, MSEL)

A new drill starts from `scenarios/skeleton.yaml` (`scenarios.library.SKELETON`). The route modules are
imported by `init_app`, so that `instructor.views` can use `store` without a cycle.
"""

from __future__ import annotations

from flask import Blueprint, Flask

# its templates (instructor/drills/*.html) are in the instructor blueprint's folder, instructor/templates
bp = Blueprint("authoring", __name__, url_prefix="/instructor/drills")


def init_app(app: Flask) -> None:
    from instructor.authoring import access, api, pages, store  # noqa: F401 - their routes and guard join the blueprint

    app.register_blueprint(bp)
    app.add_template_filter(store.version_title, "version_title")
