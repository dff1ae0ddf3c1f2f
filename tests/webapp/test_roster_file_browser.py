"""The instructor uploads a roster file in the browser (issue 10): a file with bad rows lists each of them on the
page and creates nothing; the corrected file of 200 teams creates the exercise, whose console shows 200 teams with
one open at a time."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect, sync_playwright

from browser_helpers import LiveServer, launch, log_in, new_context, page_errors, require_chromium
from roster_helpers import HEADER_VI, as_xlsx, roster_rows


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    live = LiveServer(tmp_path_factory.mktemp("roster-browser"))
    yield live
    live.stop()


@pytest.mark.browser
def test_a_roster_file_with_bad_rows_then_two_hundred_teams(server, tmp_path):
    rows = roster_rows(200)
    bad = list(rows)
    bad[0] = (1, "", "Người phát ngôn", "Đội 1")
    bad[7] = (8, "Nguyễn Văn Học 1-2", "thư ký", "Đội 2")
    (tmp_path / "sai.xlsx").write_bytes(as_xlsx(HEADER_VI, bad))
    (tmp_path / "danh-sach.xlsx").write_bytes(as_xlsx(HEADER_VI, rows))
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = new_context(browser).new_page()
        errors = page_errors(page)
        log_in(page, server.url)
        page.goto(f"{server.url}/instructor/")
        page.set_input_files("#roster_file", str(tmp_path / "sai.xlsx"))
        page.get_by_role("button", name="Tạo", exact=True).click()
        listed = page.locator(".roster-errors li")
        expect(listed).to_have_count(2)
        expect(listed.nth(0)).to_contain_text("Dòng 2: thiếu họ tên")
        expect(listed.nth(1)).to_contain_text("Dòng 9: Đội Đội 2, Nguyễn Văn Học 1-2: không có vai 'thư ký'")
        page.locator(".roster-errors").screenshot(path="/tmp/roster-file-errors.png")
        page.screenshot(path="/tmp/roster-file-form.png", full_page=False)
        page.set_input_files("#roster_file", str(tmp_path / "danh-sach.xlsx"))
        page.get_by_role("button", name="Tạo", exact=True).click()
        expect(page).to_have_url(f"{server.url}/instructor/exercises/1")
        expect(page.locator(".console-head .meta")).to_contain_text("200 đội")
        expect(page.locator("#scope option")).to_have_count(201)
        # the console: 200 teams at a glance, the first one open; opening the last closes the first
        cards = page.locator(".team-card")
        expect(cards).to_have_count(200)
        expect(page.locator(".team-card.open")).to_have_count(1)
        expect(cards.first.locator(".timeline")).to_be_visible()
        expect(cards.nth(1).locator(".team-body")).to_be_hidden()
        expect(cards.nth(1).locator(".counts")).to_contain_text("0 tin đến")
        last = cards.nth(199)
        last.locator("button.open-team").click()
        expect(last).to_have_class(re.compile(r"\bopen\b"))
        expect(last.locator(".timeline")).to_be_visible()
        expect(cards.first.locator(".team-body")).to_be_hidden()
        last.scroll_into_view_if_needed()
        page.screenshot(path="/tmp/roster-console-200.png")
        browser.close()
    assert not errors, errors
