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

from scenarios.messages import N_, Message
from web.config import embedded_database, secret_key_file
from web.extensions import db
from web.models import Instructor
from web.schema import upgrade_database

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo2026"
DEMO_NAME = "Giảng viên demo"  # its display name, stored (data: one text)


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
    instructor = Instructor(username=DEMO_USERNAME, display_name=DEMO_NAME)
    instructor.set_password(password)
    db.session.add(instructor)
    try:
        db.session.commit()
    except IntegrityError:  # another server process starting at the same time made it first
        db.session.rollback()


def _set_password(instructor: Instructor, password: str) -> None:
    instructor.set_password(password)
    db.session.commit()


def _login(password: str) -> Message:
    return Message(N_("Giảng viên demo: %(username)s / %(password)s"), {"username": DEMO_USERNAME, "password": password})


def ensure_demo_instructor() -> Message:
    """Make or update the demo instructor as the module docstring says; the line the console prints about it."""
    chosen = current_app.config.get("DEMO_PASSWORD")
    instructor = _demo()
    if chosen:
        if instructor is None:
            _create_demo(chosen)
        elif not instructor.check_password(chosen):
            _set_password(instructor, chosen)
        return _login(chosen)
    if embedded_database(current_app):
        if instructor is None:
            _create_demo(DEMO_PASSWORD)
            return _login(DEMO_PASSWORD)
        if instructor.check_password(DEMO_PASSWORD):
            return _login(DEMO_PASSWORD)
    elif instructor is None:
        return Message(
            N_(
                "Không có giảng viên demo trên cơ sở dữ liệu CRISIS_DATABASE_URL; đặt CRISIS_DEMO_PASSWORD để tạo tài "
                "khoản '%(username)s' với mật khẩu đó"
            ),
            {"username": DEMO_USERNAME},
        )
    elif instructor.check_password(DEMO_PASSWORD):
        _set_password(instructor, secrets.token_urlsafe(32))
        return Message(
            N_(
                "Giảng viên demo: '%(username)s' đã bị khóa: mật khẩu công khai không dùng trên cơ sở dữ liệu "
                "CRISIS_DATABASE_URL; đặt CRISIS_DEMO_PASSWORD để mở lại"
            ),
            {"username": DEMO_USERNAME},
        )
    return Message(
        N_("Giảng viên demo: %(username)s, mật khẩu đặt bằng CRISIS_DEMO_PASSWORD ở lần chạy trước"),
        {"username": DEMO_USERNAME},
    )


def prepare(app: Flask) -> Message:
    """Keep the session key, upgrade the database to the latest schema, make the demo instructor, rebuild every
    exercise a stop interrupted; the console's line about the demo instructor (a `Message`, shown in the console's
    language by `web.console`)."""
    keep_secret_key(app)
    upgrade_database()
    demo = ensure_demo_instructor()
    app.extensions["live"].recover_all()
    return demo
