"""PLACEHOLDER: the authoring pages (being written)."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("authoring", __name__, url_prefix="/instructor/drills")


@bp.route("/")
def index():
    return "authoring"


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
