"""Text a client sends, on either database: PostgreSQL refuses some that SQLite keeps, and none may crash.

A string longer than its column: a name too long is refused with a reason before it is
stored, and a drill's long title is cut to the exercise's column, on both. A NUL character
(PostgreSQL's text cannot hold one, not even in a query): a login with one finds no one,
and text with one is stored with U+FFFD in its place on PostgreSQL (`web.postgres`).
"""

from __future__ import annotations

from sqlalchemy import func, select

from app_factory import dispose, platform_app
from conftest import FakeClock
from web.auth import WRONG_LOGIN
from web.exercises import NAME_MAX, TITLE_MAX, TeamPlan, builtin_text, create_exercise
from web.extensions import db
from web.models import Exercise, Instructor, Team

WATER = "nuoc-may-nhiem-doc"


def exercises(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Exercise))


def test_a_team_or_trainee_name_longer_than_its_column_is_refused_with_a_reason(database_url):
    app = platform_app(database_url, "test", FakeClock())
    client = app.test_client()
    client.post("/login", data={"username": "lan", "password": "secret"})
    long_name = "Đ" * (NAME_MAX + 1)
    for roster, reason in (
        (f"{long_name}\nspokesperson: Nguyễn Văn An\n", f"Đội 1: tên dài quá {NAME_MAX} ký tự"),
        (f"Đội 1\nspokesperson: {long_name}\n", f"dài quá {NAME_MAX} ký tự"),
    ):
        response = client.post("/instructor/", data={"scenario": WATER, "seed": "1", "speed": "60", "roster": roster})
        assert response.status_code == 200 and reason in response.get_data(as_text=True)
    assert exercises(app) == 0
    fits = f"{'Đ' * NAME_MAX}\nspokesperson: {'A' * NAME_MAX}\n"
    response = client.post("/instructor/", data={"scenario": WATER, "seed": "1", "speed": "60", "roster": fits})
    assert response.status_code == 302 and exercises(app) == 1
    dispose(app)


def test_a_drill_title_longer_than_the_exercise_column_is_cut_to_it(database_url):
    app = platform_app(database_url, "test", FakeClock())
    title = "Tin đồn " * 40  # 320 characters: a drill may have up to 5000
    text = builtin_text(WATER).replace(
        'vi: "Tin đồn nước máy nhiễm độc ở hai phường trung tâm tỉnh Hòa Giang"', f'vi: "{title}"', 1
    )
    with app.app_context():
        lan = db.session.scalar(select(Instructor).where(Instructor.username == "lan"))
        exercise = create_exercise(
            lan, WATER, seed=1, speed=60, text=text, teams=[TeamPlan("Đội 1", {"An": "spokesperson"})]
        )
        assert db.session.get(Exercise, exercise.id).title == title[:TITLE_MAX]
    dispose(app)


def test_a_nul_in_a_login_or_a_roster_crashes_nothing(database_url):
    app = platform_app(database_url, "test", FakeClock())
    client = app.test_client()
    refused = client.post("/login", data={"username": "la\x00n", "password": "secret"})
    assert refused.status_code == 200 and WRONG_LOGIN in refused.get_data(as_text=True)
    assert client.post("/join", data={"code": "AB\x00CD", "name": "An"}).status_code == 200
    client.post("/login", data={"username": "lan", "password": "secret"})
    roster = "Đội\x001\nspokesperson: An\n"
    response = client.post("/instructor/", data={"scenario": WATER, "seed": "1", "speed": "60", "roster": roster})
    assert response.status_code == 302
    with app.app_context():
        stored = db.session.scalar(select(Team.name))
    assert stored == ("Đội\ufffd1" if database_url.startswith("postgresql") else "Đội\x001")
    dispose(app)
