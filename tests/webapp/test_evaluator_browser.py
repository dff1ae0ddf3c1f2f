"""An evaluator in a real browser (Debian Chromium, driven by Playwright), against the real server: the instructor
makes the evaluator and assigns a team on the page; the evaluator logs in, watches the team's timeline move as the
instructor runs it, and writes an observation that the console shows. A screenshot is left in /tmp.

Skipped only when /usr/bin/chromium is missing, and then failed instead on CI (CI=true).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import ROSTER, SPEED, create_exercise, log_in

pytestmark = pytest.mark.browser


def test_an_evaluator_watches_an_assigned_team_and_notes_what_the_console_then_shows(server, contexts):
    base = server.url
    console = contexts().new_page()
    log_in(console, base)
    create_exercise(console, base, ROSTER, SPEED)
    exercise_url = console.url
    admin = contexts().new_page()
    log_in(admin, base)
    admin.goto(base + "/instructor/evaluators")
    admin.fill("#username", "quansat")
    admin.fill("#display_name", "Phạm Thị Thu")
    admin.fill("#password", "quan-sat-2026")
    admin.click("form[action$='/instructor/evaluators'] button[type=submit]")
    card = admin.locator("form.evaluator").last
    expect(card).to_contain_text("Phạm Thị Thu")
    card.locator("label.check", has_text="Đội Hòa Thạnh").last.locator("input").check()
    card.locator("button[type=submit]").click()
    expect(admin.locator(".flash.ok")).to_contain_text("Đã giao 1 đội")

    evaluator = contexts().new_page()
    errors: list[str] = []
    evaluator.on("pageerror", lambda error: errors.append(str(error)))
    evaluator.goto(base + "/login")
    evaluator.fill("#username", "quansat")
    evaluator.fill("#password", "quan-sat-2026")
    evaluator.click("form.card button[type=submit]")
    evaluator.wait_for_url("**/evaluate/")
    expect(evaluator.locator(".evaluator-teams li")).to_have_count(1)
    evaluator.locator(".evaluator-teams a").click()
    evaluator.locator("#conn.conn-ok").wait_for(timeout=10_000)
    expect(evaluator.locator("#status")).to_have_class("status-badge status-ready")

    console.goto(exercise_url)
    console.locator(".team-card").first.locator(".team-controls button[data-command=start]").click()
    expect(evaluator.locator("#status")).to_have_class("status-badge status-running")
    expect(evaluator.locator("#timeline li.k-inject").first).to_be_visible(timeout=20_000)
    evaluator.fill("#note", "Người phát ngôn chưa xác minh với công ty cấp nước.")
    evaluator.click("#note-form button[type=submit]")
    expect(evaluator.locator("#note-ack .ack-ok")).to_be_visible()
    expect(evaluator.locator("#timeline li.k-observation")).to_contain_text("chưa xác minh")
    expect(console.locator(".team-card").first.locator(".timeline li.k-observation")).to_contain_text("chưa xác minh")
    evaluator.screenshot(path="/tmp/evaluator-page.png", full_page=True)
    assert errors == []
