"""First start and restart: the schema upgraded, the demo instructor, and interrupted exercises rebuilt (paused)."""

from __future__ import annotations

import os

from flask import Flask
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from web.extensions import db
from web.models import Instructor
from web.schema import upgrade_database

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo2026"


def ensure_demo_instructor() -> tuple[str, str]:
    """The demo instructor's login (password from CRISIS_DEMO_PASSWORD, default in the README)."""
    password = os.environ.get("CRISIS_DEMO_PASSWORD", DEMO_PASSWORD)
    instructor = db.session.scalar(select(Instructor).where(Instructor.username == DEMO_USERNAME))
    if instructor is None:
        instructor = Instructor(username=DEMO_USERNAME, display_name="Giảng viên demo")
        instructor.set_password(password)
        db.session.add(instructor)
        try:
            db.session.commit()
        except IntegrityError:  # another server process starting at the same time made it first
            db.session.rollback()
    return DEMO_USERNAME, password


def prepare(app: Flask) -> tuple[str, str]:
    """Upgrade the database to the latest schema, create the demo instructor, rebuild every exercise a stop interrupted."""
    upgrade_database()
    login = ensure_demo_instructor()
    app.extensions["live"].recover_all()
    return login
