"""An MSEL a planner made, uploaded in a real browser (Debian Chromium, Playwright): the mapping report.

A provincial workbook heads its recipients "Đối tượng nhận", which the import does not know: the panel says
the "To" column is missing and shows how each column was read; the instructor picks "Người nhận / To" for
that column and reads the sheet again; the injects are loaded, the values filled in by default are listed,
and the undo brings the drill back.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from msel_layouts import UNKNOWN_TO, vn_xlsx
from browser_helpers import open_copy

pytestmark = pytest.mark.browser


def test_a_planners_workbook_is_read_after_the_user_corrects_a_column(server, contexts, tmp_path):
    page = contexts().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_copy(page, server.url)
    before = page.locator("#au-yaml").input_value()
    sheet = tmp_path / "ke-hoach-dien-tap.xlsx"
    sheet.write_bytes(vn_xlsx().getvalue())
    page.set_input_files("#au-msel-file", str(sheet))

    panel = page.locator("#au-msel-panel")
    expect(panel.locator(".msel-problems li")).to_contain_text("thiếu cột “Người nhận / To”")
    unknown = panel.locator(f'select[data-header="{UNKNOWN_TO}"]')
    expect(unknown).to_have_value("")
    expect(panel.locator('select[data-header="Thời gian (T+)"]')).to_have_value("at")
    expect(panel.locator('select[data-header="Hình thức"]')).to_have_value("channel")
    panel.screenshot(path="/tmp/msel-mapping-before.png")
    unknown.select_option("to")
    panel.locator("[data-msel-reread]").click()

    expect(panel.locator(".ack-ok")).to_contain_text("Đã nạp các tin từ bảng sự kiện")
    expect(panel.locator(".msel-problems")).to_have_count(0)
    expect(panel.locator(".msel-warnings li").first).to_contain_text("chưa ghi lượt tiếp cận")
    expect(panel.locator(f'select[data-header="{UNKNOWN_TO}"]')).to_have_value("to")
    expect(page.locator("#au-status")).to_contain_text("Hợp lệ")
    text = page.locator("#au-yaml").input_value()
    assert "Phóng viên hỏi có đúng thủy điện xả lũ khẩn cấp không." in text
    assert text.startswith(before.split("\nid:")[0])  # the drill's header comment is kept
    panel.screenshot(path="/tmp/msel-mapping.png")

    panel.get_by_role("button", name="Hoàn tác nhập bảng sự kiện").click()
    expect(page.locator("#au-yaml")).to_have_value(before)
    assert errors == []
