"""Evaluators (HSEEP evaluators and observers): an instructor makes one and assigns teams; the evaluator logs in,
watches the assigned teams live and writes observations on them, controls nothing (refused and logged) and sees no
team not assigned.
"""

from __future__ import annotations

import pytest
from flask_socketio import SocketIOTestClient

from evaluator_helpers import assign, evaluator_id, log_in, make_evaluator
from live_helpers import control, opened, received, run, watch
from security_helpers import audits, csrf_token
from web.extensions import db, socketio
from web.models import Observation, Team
from web.runs import team_run
from web.models.evaluators import Evaluator, EvaluatorObservation, EvaluatorTeam
from web.outbox import EVALUATOR_NAMESPACE, INSTRUCTOR_NAMESPACE


def evaluator_socket(app, client) -> SocketIOTestClient:
    return socketio.test_client(app, namespace=EVALUATOR_NAMESPACE, flask_test_client=client)


@pytest.fixture
def watched(app, platform, drill):
    """Lan made the evaluator Thu and gave her team A of the drill (not team B); Thu is logged in."""
    lan = drill.teacher_http = platform.instructor_client()
    assert make_evaluator(lan).status_code == 302
    assert assign(lan, evaluator_id(app), drill.team_a).status_code == 302
    client, response = log_in(app)
    assert response.status_code == 302 and response.location == "/evaluate/"
    drill.evaluator_http = client
    drill.evaluator = evaluator_socket(app, client)
    return drill


def test_an_instructor_makes_an_evaluator_and_assigns_teams(app, platform, drill):
    lan = platform.instructor_client()
    assert make_evaluator(lan).status_code == 302
    assert assign(lan, evaluator_id(app), drill.team_a, drill.team_b).status_code == 302
    assert assign(lan, evaluator_id(app), drill.team_b).status_code == 302  # a new choice replaces the old
    with app.app_context():
        assert [t.team_id for t in db.session.query(EvaluatorTeam)] == [drill.team_b]
    page = lan.get("/instructor/evaluators").get_data(as_text=True)
    assert "Phạm Thị Thu" in page and "Người đánh giá" in page


def test_a_username_is_one_across_instructors_and_evaluators_and_bad_input_is_explained(app, platform):
    lan = platform.instructor_client()
    page = make_evaluator(lan, username="minh").get_data(as_text=True)
    assert "Tên đăng nhập đã có người dùng." in page and "That username" not in page
    page = lan.post(
        "/instructor/evaluators",
        data={
            "csrf_token": csrf_token(lan.get("/instructor/evaluators").get_data(as_text=True)),
            "username": "thu",
            "display_name": "Thu",
            "password": "ngan",
        },
    ).get_data(as_text=True)
    assert "ít nhất 8 ký tự" in page
    with app.app_context():
        assert db.session.query(Evaluator).count() == 0


def test_an_instructor_cannot_assign_another_instructors_team_or_evaluator(app, platform, drill):
    lan = platform.instructor_client()
    make_evaluator(lan)
    (_, [(minh_team, _)]) = platform.exercise(username="minh", teams=1)
    assert assign(lan, evaluator_id(app), drill.team_a, minh_team).status_code == 404
    minh = platform.instructor_client("minh")
    assert assign(minh, evaluator_id(app), minh_team).status_code == 404
    reasons = [reason for _, _, reason in audits(app)]
    assert "a team not the instructor's" in reasons and "not the instructor's evaluator" in reasons
    with app.app_context():
        assert db.session.query(EvaluatorTeam).count() == 0


def test_the_evaluator_watches_an_assigned_team_live_and_in_order(app, platform, clock, watched):
    answer = watched.evaluator.emit("watch", {"team_id": watched.team_a}, namespace=EVALUATOR_NAMESPACE, callback=True)
    assert answer["ok"] and answer["team"]["status"] == "ready" and "join_code" not in answer["team"]
    watched.start_all()
    run(platform, clock, 12.3)
    control(watched.teacher, watched.team_a, "pause")
    messages = [(m["name"], m["args"][0]) for m in watched.evaluator.get_received(EVALUATOR_NAMESPACE)]
    assert {body["team_id"] for _, body in messages} == {watched.team_a}  # nothing of team B
    kinds = [e["kind"] for name, body in messages if name == "events" for e in body["events"]]
    assert "inject" in kinds
    assert messages[-1][0] == "status" and messages[-1][1]["status"] == "paused"
    page = watched.evaluator_http.get(f"/evaluate/teams/{watched.team_a}").get_data(as_text=True)
    assert "evaluator.js" in page and "Người đánh giá chỉ theo dõi" in page
    assert watched.team_a and "Đội 1" in watched.evaluator_http.get("/evaluate/").get_data(as_text=True)


def test_the_evaluators_observation_is_kept_with_its_author_and_reaches_the_console(app, platform, clock, watched):
    watch(watched.teacher, watched.exercise_id)
    opened(watched.teacher, watched.team_a)  # the console with that team open gets its observations
    received(watched.teacher, "observation", INSTRUCTOR_NAMESPACE)
    watched.evaluator.emit("watch", {"team_id": watched.team_a}, namespace=EVALUATOR_NAMESPACE, callback=True)
    watched.start_all()
    run(platform, clock, 5)
    answer = watched.evaluator.emit(
        "observe",
        {"team_id": watched.team_a, "text": "Phát ngôn viên chưa xác minh."},
        namespace=EVALUATOR_NAMESPACE,
        callback=True,
    )
    assert answer["ok"] and answer["observation"]["author"] == "Phạm Thị Thu"
    (told,) = received(watched.teacher, "observation", INSTRUCTOR_NAMESPACE)
    assert told["text"] == "Phát ngôn viên chưa xác minh." and told["author"] == "Phạm Thị Thu"
    with app.app_context():
        observation = db.session.query(Observation).one()
        author = db.session.query(EvaluatorObservation).one()
        assert author.observation_id == observation.id and author.evaluator_id == evaluator_id(app)
        (note,) = team_run(db.session.get(Team, watched.team_a)).observations  # the debrief names its author
        assert note.author == "Phạm Thị Thu"
    bad = watched.evaluator.emit(
        "observe", {"team_id": watched.team_a, "text": " "}, namespace=EVALUATOR_NAMESPACE, callback=True
    )
    assert not bad["ok"] and bad["error"] == "Ghi chú phải có 1–2000 ký tự."


@pytest.mark.parametrize(
    "command,args",
    [("start", {}), ("pause", {}), ("speed", {"speed": 120}), ("fire", {"inject": "call-paper"}), ("end", {})],
)
def test_the_evaluator_controls_nothing_and_each_try_is_logged(app, platform, clock, watched, command, args):
    answer = watched.evaluator.emit(
        "control",
        {"team_id": watched.team_a, "command": command, "args": args},
        namespace=EVALUATOR_NAMESPACE,
        callback=True,
    )
    assert answer == {"ok": False, "error": "Người đánh giá không điều khiển được đội."}
    assert (f"evaluator:{evaluator_id(app)}", f"control {command}", "an evaluator controls nothing") in audits(app)
    refused = socketio.test_client(app, namespace=INSTRUCTOR_NAMESPACE, flask_test_client=watched.evaluator_http)
    assert not refused.is_connected(INSTRUCTOR_NAMESPACE)  # nor through the instructor's socket
    assert watched.evaluator_http.get(f"/instructor/exercises/{watched.exercise_id}").status_code == 403
    assert watched.evaluator_http.post("/instructor/", data={}).status_code == 403
    with app.app_context():
        assert db.session.get(Team, watched.team_a).status == "ready"


def test_the_evaluator_sees_no_team_not_assigned(app, platform, watched):
    answer = watched.evaluator.emit("watch", {"team_id": watched.team_b}, namespace=EVALUATOR_NAMESPACE, callback=True)
    assert not answer["ok"]
    answer = watched.evaluator.emit(
        "observe", {"team_id": watched.team_b, "text": "x"}, namespace=EVALUATOR_NAMESPACE, callback=True
    )
    assert not answer["ok"]
    assert watched.evaluator_http.get(f"/evaluate/teams/{watched.team_b}").status_code == 404
    assert f"/evaluate/teams/{watched.team_b}" not in watched.evaluator_http.get("/evaluate/").get_data(as_text=True)
    assert [r for _, what, r in audits(app) if what == f"team {watched.team_b}"] == [
        "not a team assigned to this evaluator"
    ]  # the three tries in one entry, a flood's repeats tallied
    with app.app_context():
        assert db.session.query(Observation).count() == 0


def test_nobody_but_an_evaluator_opens_the_evaluators_pages_or_socket(app, platform, drill):
    lan = platform.instructor_client()
    assert lan.get("/evaluate/").status_code == 403
    assert not socketio.test_client(app, namespace=EVALUATOR_NAMESPACE, flask_test_client=lan).is_connected(
        EVALUATOR_NAMESPACE
    )
    assert ("instructor:1", "evaluator socket", "not an evaluator") in audits(app)
    _, response = log_in(app, password="sai-mat-khau")
    assert response.status_code == 200 and "Sai tên đăng nhập" in response.get_data(as_text=True)
