"""PLACEHOLDER: the review pages (being written)."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("review", __name__, url_prefix="/review")


@bp.route("/")
def index():
    return "review"


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
