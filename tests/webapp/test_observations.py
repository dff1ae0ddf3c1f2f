"""Instructors' observations: bounded to the drill when made, editable and deletable by their exercise's instructor,
and a bad one stored before the bound (at = 1e308) breaks no page, export or `run.py report`.
"""

from __future__ import annotations

import math

import pytest

import run
from debrief.exports import FORMATS
from review_helpers import one_team_played
from security_helpers import audits, count
from web.extensions import db
from web.models import Instructor, Observation, Team
from web.outbox import INSTRUCTOR_NAMESPACE

LENGTH = 720  # the water drill's minutes


@pytest.fixture
def lesson(app, platform) -> tuple[int, int]:
    """Lan's exercise of one team that played the water drill to its end: (exercise id, team id)."""
    return one_team_played(app, platform, "exemplary")


def observe(platform, data, username: str = "lan"):
    teacher = platform.instructor_socket(platform.instructor_client(username))
    return teacher.emit("observe", data, namespace=INSTRUCTOR_NAMESPACE, callback=True)


def stored(app, at: float, text: str = "Ghi chú cũ", team_id: int = 1) -> int:
    """An observation written straight to the database, as an older version could have; its id."""
    with app.app_context():
        lan = db.session.query(Instructor).filter_by(username="lan").one()
        observation = Observation(team_id=team_id, instructor_id=lan.id, at=at, text=text)
        db.session.add(observation)
        db.session.commit()
        return observation.id


def observations(app) -> list[tuple[float, str]]:
    with app.app_context():
        return [(o.at, o.text) for o in db.session.query(Observation).order_by(Observation.id)]


# ---- made live ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "at",
    [LENGTH + 0.5, 1e308, 2**80, -0.1, math.nan, math.inf, "45", [45], {"m": 45}, True],
    ids=["past-the-end", "1e308", "huge-int", "negative", "nan", "infinity", "text", "list", "object", "bool"],
)
def test_observe_refuses_a_minute_outside_the_drill_and_logs_it(app, platform, lesson, at):
    _, team_id = lesson
    ack = observe(platform, {"team_id": team_id, "text": "Chậm", "at": at})
    assert ack["ok"] is False and ack["error"].startswith("Thời điểm phải là phút kịch bản từ 0 đến 720")
    assert "The time" not in ack["error"]  # Vietnamese only, by default
    assert observations(app) == []
    assert audits(app)[-1][1] == f"observe team {team_id}"


@pytest.mark.parametrize("at", [0, 45.5, LENGTH])
def test_observe_keeps_any_minute_of_the_drill_and_answers_its_id(app, platform, lesson, at):
    _, team_id = lesson
    ack = observe(platform, {"team_id": team_id, "text": "  Đúng hạn  ", "at": at})
    assert observations(app) == [(at, "Đúng hạn")]
    with app.app_context():
        observation_id = db.session.query(Observation.id).scalar()
    assert ack == {
        "ok": True,
        "observation": {"team_id": team_id, "id": observation_id, "at": at, "text": "Đúng hạn", "author": "Lan"},
    }


# ---- stored before the bound -------------------------------------------------------------------------


def test_every_page_and_export_reads_an_observation_stored_past_the_drill(app, platform, lesson):
    exercise_id, team_id = lesson
    stored(app, 1e308, team_id=team_id)
    client = platform.instructor_client()
    page = client.get(f"/review/teams/{team_id}")
    assert page.status_code == 200
    assert "Ghi chú cũ (Thời điểm ghi nằm ngoài kịch bản, hiển thị ở T+12:00." in page.data.decode()
    assert client.get(f"/review/teams/{team_id}/replay").status_code == 200
    assert client.get(f"/review/exercises/{exercise_id}").status_code == 200
    assert client.get(f"/review/exercises/{exercise_id}/report").status_code == 200
    for name in (name for name, export in FORMATS.items() if export is not None):
        assert client.get(f"/review/exercises/{exercise_id}/report/{name}").status_code == 200, name


def test_run_py_report_reads_an_observation_stored_past_the_drill(app, platform, lesson, monkeypatch, tmp_path, capsys):
    exercise_id, team_id = lesson
    stored(app, 1e308, team_id=team_id)
    monkeypatch.setenv("CRISIS_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    assert run.main(["report", str(exercise_id), "--format", "json", "--out", str(tmp_path / "report.json")]) == 0
    assert "T+12:00" in (tmp_path / "report.json").read_text(encoding="utf-8")


def test_the_console_shows_an_observation_stored_past_the_drill_at_the_end(app, platform, lesson):
    _exercise_id, team_id = lesson
    observation_id = stored(app, 1e308, team_id=team_id)
    teacher = platform.instructor_socket(platform.instructor_client())
    ack = teacher.emit("open", {"team_id": team_id}, namespace=INSTRUCTOR_NAMESPACE, callback=True)
    assert ack["team"]["observations"] == [{"id": observation_id, "at": LENGTH, "text": "Ghi chú cũ"}]


# ---- edited and deleted ------------------------------------------------------------------------------


def test_the_instructor_edits_an_observation_from_the_team_review(app, platform, lesson):
    _, team_id = lesson
    observation_id = stored(app, 1e308, team_id=team_id)
    client = platform.instructor_client()
    page = client.get(f"/review/teams/{team_id}").data.decode()
    assert f'action="/review/observations/{observation_id}"' in page
    response = client.post(f"/review/observations/{observation_id}", data={"text": " Trả lời chậm ", "minute": "95,5"})
    assert response.status_code == 302 and response.location.endswith(f"/review/teams/{team_id}#observations")
    assert observations(app) == [(95.5, "Trả lời chậm")]
    assert "T+01:35:30" in client.get(f"/review/teams/{team_id}").data.decode()


@pytest.mark.parametrize(
    "form, error",
    [
        ({"text": "Mới", "minute": "1e308"}, "Thời điểm phải là phút kịch bản"),
        ({"text": "Mới", "minute": "721"}, "Thời điểm phải là phút kịch bản"),
        ({"text": "Mới", "minute": "-1"}, "Thời điểm phải là phút kịch bản"),
        ({"text": "Mới", "minute": "nan"}, "Thời điểm phải là phút kịch bản"),
        ({"text": "Mới", "minute": "mười"}, "Thời điểm phải là phút kịch bản"),
        ({"text": "Mới"}, "Thời điểm phải là phút kịch bản"),
        ({"text": "   ", "minute": "10"}, "Ghi chú phải có 1–2000 ký tự"),
        ({"text": "x" * 2001, "minute": "10"}, "Ghi chú phải có 1–2000 ký tự"),
    ],
    ids=["1e308", "past-the-end", "negative", "nan", "words", "no-minute", "blank", "too-long"],
)
def test_a_bad_edit_is_explained_and_changes_nothing(app, platform, lesson, form, error):
    _, team_id = lesson
    observation_id = stored(app, 45, team_id=team_id)
    client = platform.instructor_client()
    response = client.post(f"/review/observations/{observation_id}", data=form, follow_redirects=True)
    assert response.status_code == 200 and error in response.data.decode()
    assert observations(app) == [(45, "Ghi chú cũ")]


def test_the_instructor_deletes_an_observation(app, platform, lesson):
    _, team_id = lesson
    kept, gone = stored(app, 10, "Giữ lại", team_id), stored(app, 20, "Xóa đi", team_id)
    client = platform.instructor_client()
    response = client.post(f"/review/observations/{gone}/delete")
    assert response.status_code == 302 and response.location.endswith(f"/review/teams/{team_id}#observations")
    assert observations(app) == [(10, "Giữ lại")]
    assert kept and "Xóa đi" not in client.get(f"/review/teams/{team_id}").data.decode()


@pytest.mark.parametrize("path", ["/review/observations/{id}", "/review/observations/{id}/delete"], ids=["edit", "delete"])
@pytest.mark.parametrize("who", ["minh", "trainee", "anonymous"])
def test_nobody_but_the_exercises_instructor_may_edit_or_delete(app, platform, lesson, path, who):
    _, team_id = lesson
    observation_id = stored(app, 45, team_id=team_id)
    client = {
        "minh": lambda: platform.instructor_client("minh"),
        "trainee": lambda: platform.trainee_client(_code_of(app, team_id), "Nguyễn Văn An 1"),
        "anonymous": app.test_client,
    }[who]()
    response = client.post(path.format(id=observation_id), data={"text": "Sửa trộm", "minute": "1"})
    assert response.status_code in {"minh": (404,), "trainee": (403,), "anonymous": (302, 401)}[who]
    assert observations(app) == [(45, "Ghi chú cũ")]
    assert audits(app) and count(app, Observation) == 1
    assert f"/review/observations/{observation_id}" in audits(app)[-1][1]


def _code_of(app, team_id: int) -> str:
    with app.app_context():
        return db.session.get(Team, team_id).join_code
