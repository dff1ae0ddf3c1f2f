"""An evaluator reads the debrief of the teams assigned to them: each team's review and replay, and the After-Action
Report of those teams, from links on their home page; read-only (no override, no plan, no download) and nothing of a
team not assigned (refused and logged).
"""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from evaluator_helpers import assign, evaluator_id, log_in, make_evaluator
from review_helpers import play_teams
from debrief import report_document
from security_helpers import audits
from web.extensions import db
from web.models import Exercise, Team
from web.models.debrief import VerdictOverride
from web.models.evaluators import Evaluator
from web.review.access import can_review
from web.review.plan import save_plan
from web.runs import exercise_meta, exercise_runs

PLAYS = ["exemplary", "silent", "unverified"]


def forms(page: str) -> list[str]:
    """Where the page's forms post, but the language switch (every page has one) and the logout (every logged-in page)."""
    return [action for action in re.findall(r'<form[^>]*action="([^"]*)"', page) if action not in ("/language", "/logout")]


@pytest.fixture
def assigned(app, platform):
    """Lan's exercise of three played teams, and another of hers; her evaluator Thu has teams 1 and 2 of the first,
    logged in. Returns (Thu's client, exercise id, [team ids], the other exercise's id)."""
    exercise_id, teams = platform.exercise(teams=3)
    other_id, _ = platform.exercise(teams=1)
    team_ids = [team_id for team_id, _ in teams]
    with app.app_context():
        play_teams(team_ids, PLAYS)
    lan = platform.instructor_client()
    assert make_evaluator(lan).status_code == 302
    assert assign(lan, evaluator_id(app), *team_ids[:2]).status_code == 302
    thu, response = log_in(app)
    assert response.status_code == 302
    app.config["REFUSAL_TALLY_SECONDS"] = 0  # a row for each refusal
    return thu, exercise_id, team_ids, other_id


def test_the_home_page_links_each_assigned_teams_review_and_the_report(assigned):
    thu, exercise_id, (one, two, three), _ = assigned
    page = thu.get("/evaluate/").get_data(as_text=True)
    for team_id in (one, two):
        assert f'href="/review/teams/{team_id}"' in page
    assert f'href="/review/teams/{three}"' not in page
    assert page.count(f'href="/evaluate/exercises/{exercise_id}/report"') == 2  # one beside each of the two teams


def test_the_evaluator_reads_an_assigned_teams_review_and_replay_without_any_form(assigned):
    thu, _, (one, _, _), _ = assigned
    review = thu.get(f"/review/teams/{one}")
    assert review.status_code == 200
    page = review.get_data(as_text=True)
    assert "Đội 1" in page and "Nguyễn Văn An 1" in page and 'id="card-title"' in page and 'id="timeline"' in page
    assert forms(page) == [] and "/override" not in page  # no verdict override, no observation edit
    assert "/review/exercises/" not in page  # no link to the instructor's exercise pages
    replay = thu.get(f"/review/teams/{one}/replay")
    assert replay.status_code == 200 and 'id="scrub"' in replay.get_data(as_text=True)
    assert forms(replay.get_data(as_text=True)) == []


def test_the_report_is_of_the_evaluators_teams_only_and_read_only(assigned):
    thu, exercise_id, _, _ = assigned
    response = thu.get(f"/evaluate/exercises/{exercise_id}/report")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Đội 1" in page and "Đội 2" in page and "Nguyễn Văn An 2" in page
    assert "Đội 3" not in page and "Nguyễn Văn An 3" not in page  # the team not assigned
    assert 'id="plan-table"' in page and 'id="objectives"' in page
    assert forms(page) == [] and "<textarea" not in page and "<select" not in page
    assert "/report/" not in page and "download" not in page  # no export: the issued report is the instructor's
    assert 'id="read-only"' in page and "/evaluate/" in page


def test_the_instructors_edited_plan_stays_the_instructors(app, platform, assigned):
    """It may speak of teams the evaluator does not see: the evaluator reads the plan generated from their teams."""
    thu, exercise_id, _, _ = assigned
    with app.app_context():
        exercise = db.session.get(Exercise, exercise_id)
        generated = report_document(exercise_meta(exercise), exercise_runs(exercise, exercise.teams[:2]))
        items = generated["improvement_plan"]["items"]
        save_plan(exercise, [{**items[0], "issue": "Đội 3 đưa tin chưa xác minh"}], instructor_id=exercise.instructor_id)
    page = thu.get(f"/evaluate/exercises/{exercise_id}/report").get_data(as_text=True)
    assert "Đội 3 đưa tin chưa xác minh" not in page
    assert all(str(escape(item["issue"])) in page for item in items) and len(items) > 1
    assert "Đội 3 đưa tin chưa xác minh" in platform.instructor_client().get(
        f"/review/exercises/{exercise_id}/report"
    ).get_data(as_text=True)


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/review/teams/{three}", 404),
        ("get", "/review/teams/{three}/replay", 404),
        ("get", "/evaluate/exercises/{other}/report", 404),
        ("get", "/review/exercises/{exercise}/report", 403),
        ("get", "/review/exercises/{exercise}/report/json", 403),
        ("get", "/review/exercises/{exercise}", 403),
        ("post", "/review/teams/{one}/rules/outcome/override", 403),
        ("post", "/review/teams/{one}/rules/outcome/override/delete", 403),
        ("post", "/review/exercises/{exercise}/report", 403),
    ],
)
def test_nothing_else_of_the_debrief_opens_to_the_evaluator_and_each_refusal_is_logged(app, assigned, method, url, status):
    thu, exercise_id, (one, _, three), other_id = assigned
    before = len(audits(app))
    target = url.format(one=one, three=three, exercise=exercise_id, other=other_id)
    response = getattr(thu, method)(target, data={"verdict": "met", "reason": "x", "issue": "x"})
    assert response.status_code == status
    assert "Đội 3" not in response.get_data(as_text=True)
    (entry,) = audits(app)[before:]
    assert entry[0] == f"evaluator:{evaluator_id(app)}"
    with app.app_context():
        assert db.session.query(VerdictOverride).count() == 0


def test_an_evaluator_posting_to_their_report_changes_nothing(assigned):
    thu, exercise_id, _, _ = assigned
    assert thu.post(f"/evaluate/exercises/{exercise_id}/report", data={"issue": "x"}).status_code == 405


def test_can_review_lets_an_evaluator_see_their_teams_only(app, assigned):
    _, _, (one, two, three), _ = assigned
    with app.app_context():
        thu = db.session.query(Evaluator).filter_by(username="thu").one()
        assert [can_review(thu, db.session.get(Team, t)) for t in (one, two, three)] == [True, True, False]
