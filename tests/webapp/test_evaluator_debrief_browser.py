"""An evaluator reads their teams' debrief in a real browser (Debian Chromium, driven by Playwright): from the home
page to a team's review (its chart drawn) and to the After-Action Report of their teams only. Screenshots are left in
the test's temporary folder.

Skipped only when /usr/bin/chromium is missing, and then failed instead on CI (CI=true).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import LiveServer, new_context, page_errors, require_chromium
from evaluator_helpers import PASSWORD
from review_helpers import prepare
from web import create_app
from web.extensions import db
from web.models import Exercise
from web.models.evaluators import Evaluator

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The debrief pages' database (`review_helpers.prepare`), and the evaluator thu given two of exercise A's three
    teams."""
    require_chromium()
    workdir = tmp_path_factory.mktemp("evaluator-debrief-browser")
    ids = prepare(workdir)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'browser.db'}", "SECRET_KEY": "prepare"})
    with app.app_context():
        exercise = db.session.get(Exercise, ids["exercise"])
        thu = Evaluator(instructor_id=exercise.instructor_id, username="thu", display_name="Phạm Thị Thu")
        thu.set_password(PASSWORD)
        thu.teams = exercise.teams[:2]
        db.session.add(thu)
        db.session.commit()
        db.engine.dispose()
    live = LiveServer(workdir)
    live.ids, live.shots = ids, workdir
    yield live
    live.stop()


def test_the_evaluator_opens_a_teams_review_and_the_report_of_their_teams(server, chromium):
    page = new_context(chromium).new_page()
    errors = page_errors(page)
    page.goto(server.url + "/login")
    page.fill("#username", "thu")
    page.fill("#password", PASSWORD)
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/evaluate/")
    expect(page.locator(".evaluator-teams a.review-link")).to_have_count(2)
    page.screenshot(path=str(server.shots / "evaluator-home.png"), full_page=True)

    page.locator(".evaluator-teams a.review-link").first.click()
    expect(page.locator("h1")).to_contain_text("Đội Hòa Thạnh")
    page.wait_for_function("() => window.Chart && Chart.getChart(document.getElementById('opinion-chart'))")
    expect(page.locator("form[action*='/override']")).to_have_count(0)

    page.go_back()
    page.locator(".evaluator-teams a.report-link").first.click()
    expect(page.locator("#read-only")).to_be_visible()
    expect(page.locator("#objectives thead th")).to_have_text(["Mục tiêu", "Đội Hòa Thạnh", "Đội Phú Xuân"])
    expect(page.locator("#report")).not_to_contain_text("Đội Tân An")
    expect(page.locator("#plan-table tbody tr").first).to_be_visible()
    expect(page.locator("a.export")).to_have_count(0)
    page.screenshot(path=str(server.shots / "evaluator-report.png"), full_page=True)
    assert not errors, errors
