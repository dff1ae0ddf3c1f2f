"""PLACEHOLDER: the practice pages (being written)."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("practice", __name__, url_prefix="/practice")


@bp.route("/")
def index():
    return "practice"


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
