"""Drill authoring in a real browser (Debian Chromium, driven by Playwright), against the real server.

The instructor copies a built-in drill and opens the editor; a press call's response window set to a value
the loader refuses shows its error next to that field and the save button refuses; fixed, the error clears.
An edit in the YAML view moves the form; a YAML error is marked on its line. A version is saved; the dry run
shows the three bots. What is typed into the form reaches the page as text, never as HTML.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import log_in
from test_browser import chromium, contexts, server  # noqa: F401 - the same live server and browser

pytestmark = pytest.mark.browser
XSS = "<img src=x onerror=alert(1)>"


def open_copy(page, base: str, builtin: str = "nuoc-may-nhiem-doc") -> None:
    log_in(page, base)
    page.goto(base + "/instructor/drills/")
    page.click(f"#builtin-{builtin} form button")
    page.wait_for_url("**/instructor/drills/*/edit")
    expect(page.locator("#au-status")).to_contain_text("Hợp lệ")


def test_the_editor_checks_as_you_type_keeps_form_and_yaml_in_step_and_dry_runs(server, contexts):  # noqa: F811
    page = contexts().new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: (problems.append(dialog.message), dialog.dismiss()))
    open_copy(page, server.url)

    # an invalid response window: the error appears beside the field, the save button refuses
    page.click("#inject-3 > summary")
    window = page.locator('[data-field="injects[3].response_window"]')
    window.locator("input").fill("-5")
    expect(window.locator(".af-errors li")).to_contain_text("phải lớn hơn 0")
    expect(window.locator("input")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#au-save")).to_be_disabled()
    expect(page.locator("#au-status")).to_contain_text("1 lỗi")
    expect(page.locator('#au-nav a[data-section="injects"] .err-count')).to_have_text(" 1")
    window.locator("input").fill("45")
    expect(window.locator(".af-errors li")).to_have_count(0)
    expect(page.locator("#au-save")).to_be_enabled()
    expect(page.locator("#au-status")).to_contain_text("Hợp lệ")

    # a channel brings its own fields: a hotline made a press call asks for a question and a window
    page.click("#inject-2 > summary")
    page.select_option('[data-path="injects[2].channel"]', "press_call")
    expect(page.locator('[data-field="injects[2].response_window"] input')).to_have_value("60")
    expect(page.locator('[data-field="injects[2].question.vi"] .af-errors')).to_contain_text("không được để trống")
    page.select_option('[data-path="injects[2].channel"]', "hotline")
    expect(page.locator('[data-field="injects[2].response_window"]')).to_have_count(0)
    expect(page.locator("#au-status")).to_contain_text("Hợp lệ")

    # the YAML view follows the form, and the form follows the YAML
    page.click("#tab-yaml")
    yaml_box = page.locator("#au-yaml")
    expect(yaml_box).to_have_value(re.compile(r"response_window: 45\n"))
    yaml_box.fill(yaml_box.input_value().replace("reach: 5000", "reach: 7000", 1))
    page.click("#tab-form")
    page.click("#inject-0 > summary")
    expect(page.locator('[data-field="injects[0].reach"] input')).to_have_value("7000")

    # an error typed in the YAML is marked on its line
    page.click("#tab-yaml")
    good = yaml_box.input_value()
    yaml_box.fill(good.replace("channel: press_call", "channel: fax", 1))
    line = good.split("channel: press_call")[0].count("\n") + 1
    expect(page.locator("#au-gutter span.err")).to_have_text(str(line))
    expect(page.locator("#au-yaml-errors")).to_contain_text(f"Dòng {line}")
    yaml_box.fill(good.replace("levels:\n", "levels:\n- ~\n", 1))  # an odd shape: the form still draws
    page.click("#tab-form")
    expect(page.locator('[data-field="levels[0]"]')).to_contain_text("không phải một nhóm trường")
    page.click("#tab-yaml")
    yaml_box.fill(good)
    expect(page.locator("#au-gutter span.err")).to_have_count(0)

    # text typed in the form is shown as text
    page.click("#tab-form")
    page.fill('[data-path="title.vi"]', XSS)
    expect(page.locator("#au-title")).to_have_text(XSS)

    # a version, then the dry run
    page.fill("#au-note", "Thời hạn 45 phút")
    page.click("#au-save")
    expect(page.locator("#au-save-result")).to_contain_text("Đã lưu phiên bản 2")
    page.click("#au-dryrun")
    panel = page.locator("#au-dryrun-panel")
    expect(panel.locator(".dr-bot")).to_have_count(3)
    expect(panel.locator('[data-bot="exemplary"] .dr-score')).to_contain_text("100")
    expect(panel.locator('[data-bot="silent"] .dr-score')).to_contain_text("0")
    expect(panel.locator(".dr-ok")).to_be_visible()
    expect(panel.locator("canvas")).to_be_visible()
    assert problems == []
