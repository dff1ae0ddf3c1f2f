"""First start and restart: the session key kept, the schema upgraded, the demo instructor, and interrupted
exercises rebuilt (paused).

The demo instructor `demo` and its published password (`DEMO_PASSWORD`, in the README) exist only on the
embedded default database. On a configured database (CRISIS_DATABASE_URL) it is made only with a password of
its own, CRISIS_DEMO_PASSWORD; a `demo` there that still has the published password is locked. Wherever it
exists, CRISIS_DEMO_PASSWORD sets its password at every start, so the password the console prints is the one
that logs in.
"""

from __future__ import annotations

import os
import secrets

from flask import Flask, current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from web.config import embedded_database, secret_key_file
from web.extensions import db
from web.models import Instructor
from web.schema import upgrade_database

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo2026"
DEMO = "Giảng viên demo / Demo instructor"


def keep_secret_key(app: Flask) -> None:
    """Keep the session key this process made (none configured, none kept) in the instance folder, so that
    sessions outlive a restart; a key another process kept first wins."""
    if not app.config.pop("SECRET_KEY_UNKEPT", False):
        return
    path = secret_key_file(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        app.config["SECRET_KEY"] = path.read_text(encoding="utf-8").strip()
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(app.config["SECRET_KEY"])


def _demo() -> Instructor | None:
    return db.session.scalar(select(Instructor).where(Instructor.username == DEMO_USERNAME))


def _create_demo(password: str) -> None:
    instructor = Instructor(username=DEMO_USERNAME, display_name="Giảng viên demo")
    instructor.set_password(password)
    db.session.add(instructor)
    try:
        db.session.commit()
    except IntegrityError:  # another server process starting at the same time made it first
        db.session.rollback()


def _set_password(instructor: Instructor, password: str) -> None:
    instructor.set_password(password)
    db.session.commit()


def ensure_demo_instructor() -> str:
    """Make or update the demo instructor as the module docstring says; the line the console prints about it."""
    chosen = current_app.config.get("DEMO_PASSWORD")
    instructor = _demo()
    if chosen:
        if instructor is None:
            _create_demo(chosen)
        elif not instructor.check_password(chosen):
            _set_password(instructor, chosen)
        return f"{DEMO}: {DEMO_USERNAME} / {chosen}"
    if embedded_database(current_app):
        if instructor is None:
            _create_demo(DEMO_PASSWORD)
            return f"{DEMO}: {DEMO_USERNAME} / {DEMO_PASSWORD}"
        if instructor.check_password(DEMO_PASSWORD):
            return f"{DEMO}: {DEMO_USERNAME} / {DEMO_PASSWORD}"
    elif instructor is None:
        return (
            f"Không có giảng viên demo trên cơ sở dữ liệu CRISIS_DATABASE_URL; đặt CRISIS_DEMO_PASSWORD để tạo tài "
            f"khoản '{DEMO_USERNAME}' với mật khẩu đó / No demo instructor on a CRISIS_DATABASE_URL database; set "
            f"CRISIS_DEMO_PASSWORD to make the account '{DEMO_USERNAME}' with that password"
        )
    elif instructor.check_password(DEMO_PASSWORD):
        _set_password(instructor, secrets.token_urlsafe(32))
        return (
            f"{DEMO}: '{DEMO_USERNAME}' đã bị khóa: mật khẩu công khai không dùng trên cơ sở dữ liệu "
            f"CRISIS_DATABASE_URL; đặt CRISIS_DEMO_PASSWORD để mở lại / '{DEMO_USERNAME}' locked: the published "
            f"password is not for a CRISIS_DATABASE_URL database; set CRISIS_DEMO_PASSWORD to open it again"
        )
    return (
        f"{DEMO}: {DEMO_USERNAME}, mật khẩu đặt bằng CRISIS_DEMO_PASSWORD ở lần chạy trước / "
        f"{DEMO_USERNAME}, the password CRISIS_DEMO_PASSWORD set at an earlier start"
    )


def prepare(app: Flask) -> str:
    """Keep the session key, upgrade the database to the latest schema, make the demo instructor, rebuild every
    exercise a stop interrupted; the console's line about the demo instructor."""
    keep_secret_key(app)
    upgrade_database()
    demo = ensure_demo_instructor()
    app.extensions["live"].recover_all()
    return demo
