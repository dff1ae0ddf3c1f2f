"""Pages show stored moments (UTC) in Vietnam time."""

from __future__ import annotations

import datetime

from web.extensions import db
from web.local_time import local
from web.models import Exercise


def test_a_naive_stored_moment_is_utc_and_shown_seven_hours_later():
    assert local(datetime.datetime(2026, 11, 23, 20, 30)) == "24/11/2026 03:30"


def test_a_moment_with_its_zone_is_converted_and_none_is_blank():
    moment = datetime.datetime(2026, 11, 23, 1, 5, tzinfo=datetime.UTC)
    assert local(moment, "%H:%M") == "08:05" and local(None) == ""


def test_the_dashboard_shows_an_exercise_in_vietnam_time(app, platform):
    exercise_id, _ = platform.exercise()
    with app.app_context():
        created = db.session.get(Exercise, exercise_id).created_at
    page = platform.instructor_client().get("/instructor/").get_data(as_text=True)
    assert f"tạo lúc {local(created)}" in page
