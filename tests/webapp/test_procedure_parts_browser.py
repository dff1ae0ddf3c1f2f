"""The procedure parts in the trainee room, in a real browser (Debian Chromium, driven by Playwright).

A trainee practises as the culture department: once the false post arrives they contact its page's
admin, send the daily report and see both acknowledged under their labels; the written notice of a
press conference asks its hours (24 by default); the measure on the cause, the board's act, is not
offered to them. A screenshot of the room is kept in the test's
temporary folder. Skipped only when /usr/bin/chromium is missing, and then failed instead on CI.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import new_context, page_errors, wait_until

pytestmark = pytest.mark.browser

DRILL = "nuoc-may-nhiem-doc"


def test_the_department_contacts_an_admin_and_reports_daily_from_the_room(server, chromium, tmp_path):
    context = new_context(chromium)
    page = context.new_page()
    errors = page_errors(page)
    page.goto(server.url + "/practice/")
    drill = page.locator(f"#drill-{DRILL}")
    drill.locator("input[name=role][value=info_department]").check()
    drill.locator("select[name=speed]").select_option("240")
    drill.locator("button[type=submit]").click()
    page.wait_for_url("**/practice/room")
    page.locator("#conn.conn-ok").wait_for()
    expect(page.locator("#action-contact_admin")).to_have_count(1)
    expect(page.locator("#action-resolve_cause")).to_have_count(0)  # the board's act, not the department's
    page.click("#pc-start")
    wait_until(page, "document.getElementById('clock').textContent > 'T+00:12'")

    page.locator("#action-contact_admin summary").click()
    form = page.locator("#action-contact_admin form")
    expect(form.locator("select[name=post] option[value=post-video]")).to_have_count(1, timeout=15_000)
    form.locator("select[name=post]").select_option("post-video")
    form.locator("textarea[name=note]").fill("Mời quản trị viên trang làm việc, đề nghị gỡ bài sai sự thật.")
    form.locator("button[type=submit]").click()
    expect(page.locator("#acks .ack-ok")).to_contain_text("Làm việc với quản trị viên nhóm, trang")

    page.locator("#action-daily_report summary").click()
    daily = page.locator("#action-daily_report form")
    daily.locator("textarea[name=text]").fill("Báo cáo tình hình thông tin trong ngày gửi thủ trưởng các cơ quan.")
    daily.locator("button[type=submit]").click()
    expect(page.locator("#acks .ack-ok").first).to_contain_text("Báo cáo tình hình thông tin hằng ngày")
    notice = page.locator("#action-notify_press_conference")
    notice.locator("summary").click()
    expect(notice.locator("input[name=in_hours]")).to_have_value("24")
    page.screenshot(path=str(tmp_path / "parts-room.png"), full_page=True)
    print("screenshot:", tmp_path / "parts-room.png")
    context.close()
    assert errors == []
