"""The test platform: an app on a given SQLite file, its live clock replaced, two instructors (lan, minh)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Flask

from web import create_app
from web.extensions import db
from web.models import Instructor


def platform_app(database: Path, secret: str, clock: Callable[[], float]) -> Flask:
    """An app for tests (CSRF off) with its tables, instructors `lan` and `minh` (password `secret`) and `clock`."""
    app = create_app({"TESTING": True, "SECRET_KEY": secret, "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"})
    app.extensions["live"].clock = clock
    with app.app_context():
        db.create_all()
        for username in ("lan", "minh"):
            instructor = Instructor(username=username, display_name=username.title())
            instructor.set_password("secret")
            db.session.add(instructor)
        db.session.commit()
    return app
