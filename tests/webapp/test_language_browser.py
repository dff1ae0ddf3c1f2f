"""The language switch in a real browser (Debian Chromium, Playwright), against the real server.

The header's switch turns a page English and back; the choice survives a reload, and an instructor's choice is kept
for them: after logging out, a browser that never switched gets English once that instructor logs in.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import log_in, page_errors

pytestmark = pytest.mark.browser


def _switch(page, to: str) -> None:
    page.locator("#language-switch button").click()
    expect(page.locator("html")).to_have_attribute("lang", to)


def test_the_switch_turns_pages_english_and_keeps_the_choice_for_the_user(server, contexts, tmp_path):
    base = server.url
    page = contexts().new_page()
    errors = page_errors(page)
    page.goto(base + "/login")
    expect(page.locator("h1")).to_have_text("Đăng nhập giảng viên")
    expect(page.locator("#language-switch button")).to_have_text("English")

    log_in(page, base)
    expect(page.locator("h1")).to_have_text("Bài diễn tập")
    page.screenshot(path=str(tmp_path / "dashboard-vi.png"), full_page=True)
    _switch(page, "en")
    assert page.url == base + "/instructor/"  # back on the same page
    expect(page.locator("h1")).to_have_text("Exercises")
    expect(page.locator("#language-switch button")).to_have_text("Tiếng Việt")
    expect(page.locator("form.logout button")).to_have_text("Log out")
    page.screenshot(path=str(tmp_path / "dashboard-en.png"), full_page=True)
    page.reload()
    expect(page.locator("h1")).to_have_text("Exercises")

    page.click("form.logout button")
    page.goto(base + "/login")
    expect(page.locator("h1")).to_have_text("Instructor login")  # the cookie, logged out

    other = contexts().new_page()  # another browser: no cookie, Vietnamese until the instructor logs in
    other.goto(base + "/login")
    expect(other.locator("h1")).to_have_text("Đăng nhập giảng viên")
    log_in(other, base)
    expect(other.locator("html")).to_have_attribute("lang", "en")
    expect(other.locator("h1")).to_have_text("Exercises")

    _switch(other, "vi")  # back, stored for the user again
    expect(other.locator("h1")).to_have_text("Bài diễn tập")
    other.reload()
    expect(other.locator("h1")).to_have_text("Bài diễn tập")
    assert errors == []


def test_the_practice_room_and_its_script_speak_english_after_the_switch(server, contexts, tmp_path):
    base = server.url
    page = contexts().new_page()
    errors = page_errors(page)
    page.goto(base + "/practice/")
    _switch(page, "en")
    expect(page.locator("h1")).to_have_text("Practice")
    page.locator("article.drill").first.locator("button[type=submit]").click()
    page.wait_for_url("**/practice/room")
    expect(page.locator("#conn")).to_have_text("Connected")  # written by room.js, from /texts/en.js
    expect(page.locator("#banner")).to_contain_text("Read your brief and the situation")
    expect(page.locator("#panel-phone h2")).to_have_text("Phone and press inbox")
    page.click("#pc-start")
    page.click("#pc-hint")
    expect(page.locator("#pc-hints h3")).to_have_text("What the procedure expects of you")
    page.screenshot(path=str(tmp_path / "room-en.png"), full_page=True)
    _switch(page, "vi")
    expect(page.locator("#conn")).to_have_text("Đã kết nối")
    expect(page.locator("#panel-phone h2")).to_have_text("Điện thoại và hộp thư báo chí")
    page.screenshot(path=str(tmp_path / "room-vi.png"), full_page=True)
    assert errors == []
