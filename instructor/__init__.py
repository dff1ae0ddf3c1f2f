"""The instructor's side, plugged into the platform: exercises and the live console (`views`, `evaluators`),
the console's socket namespace (`namespace`) and drill authoring (`authoring`).

It stands on `web` (models, auth, live teams), never the other way round: `web.create_app` finds this
package by name in the PLUGINS setting and calls `init_app(app)` (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the instructor's blueprints and socket namespace on the app."""
    from instructor import authoring, namespace, views

    views.init_app(app)
    namespace.init_app(app)
    authoring.init_app(app)
