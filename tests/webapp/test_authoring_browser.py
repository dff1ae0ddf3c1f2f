"""Drill authoring in a real browser (Debian Chromium, driven by Playwright), against the real server.

The instructor copies a built-in drill and opens the editor; a press call's response window set to a value
the loader refuses shows its error next to that field and the save button refuses; fixed, the error clears.
An edit in the YAML view moves the form; a YAML error is marked on its line. A version is saved; the dry run
shows the three bots. What is typed into the form reaches the page as text, never as HTML. The drill fields
of issue 9 (facts' labels and marks, claims' refuting facts, the speakers' marks, several receipts, a divided
opinion) are shown, edited and kept by a draft across a reload.
"""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from browser_helpers import open_copy
from scenarios.library import scenario_path as library_path

pytestmark = pytest.mark.browser
XSS = "<img src=x onerror=alert(1)>"


def test_the_editor_checks_as_you_type_keeps_form_and_yaml_in_step_and_dry_runs(server, contexts):
    page = contexts().new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: (problems.append(dialog.message), dialog.dismiss()))
    open_copy(page, server.url)
    expect(page.locator("#au-timeline")).to_contain_text("khi đã có ít nhất 1 phát ngôn")  # a condition in words
    expect(page.locator("#au-timeline")).not_to_contain_text("statements >=")

    # an invalid response window: the error appears beside the field, the save button refuses
    page.click("#inject-4 > summary")
    window = page.locator('[data-field="injects[4].response_window"]')
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
    page.click("#inject-3 > summary")
    page.select_option('[data-path="injects[3].channel"]', "press_call")
    expect(page.locator('[data-field="injects[3].response_window"] input')).to_have_value("60")
    expect(page.locator('[data-field="injects[3].question.vi"] .af-errors')).to_contain_text("không được để trống")
    page.select_option('[data-path="injects[3].channel"]', "hotline")
    expect(page.locator('[data-field="injects[3].response_window"]')).to_have_count(0)
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


def _flag(page, path: str):
    return page.locator(f'input[type=checkbox][data-path="{path}"]')


def _check(page, path: str, value: str):
    return page.locator(f'[data-field="{path}"] input[type=checkbox][value="{value}"]')


def _open(page, path: str) -> None:
    card = page.locator(f'details[data-field="{path}"]')
    if not card.evaluate("node => node.open"):
        card.locator("> summary").click()


def test_the_new_drill_fields_show_in_the_editor_and_round_trip_through_a_draft(server, contexts):
    """Issue 9: labels, briefed and assuring facts, claims' refuting facts, the speakers' and command marks,
    several receipts and a divided opinion are edited in the form and kept by a draft across a reload."""
    source = yaml.safe_load(library_path("nuoc-may-nhiem-doc").read_text(encoding="utf-8"))
    page = contexts().new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    open_copy(page, server.url)

    # what the built-in drill says is shown
    facts = {fact["id"]: i for i, fact in enumerate(source["facts"])}
    roles = {role["id"]: i for i, role in enumerate(source["roles"])}
    expect(_flag(page, "incident.opinion_divided")).to_be_checked()
    expect(_check(page, "incident.received_by", source["incident"]["received_by"])).to_be_checked()
    expect(_check(page, "incident.received_by", "call-paper")).not_to_be_checked()
    for fact in source["facts"]:
        i = facts[fact["id"]]
        _open(page, f"facts[{i}]")
        for mark in ("briefed", "assures"):
            (
                expect(_flag(page, f"facts[{i}].{mark}")).to_be_checked
                if fact.get(mark)
                else expect(_flag(page, f"facts[{i}].{mark}")).not_to_be_checked
            )()
        if fact.get("label"):
            expect(page.locator(f'[data-path="facts[{i}].label.vi"]')).to_have_value(fact["label"]["vi"])
    for i, claim in enumerate(source["false_claims"]):
        for fact in source["facts"]:
            box = _check(page, f"false_claims[{i}].refuted_by", fact["id"])
            (expect(box).to_be_checked if fact["id"] in claim.get("refuted_by", ()) else expect(box).not_to_be_checked)()
    for role in source["roles"]:
        i = roles[role["id"]]
        _open(page, f"roles[{i}]")
        for mark in ("regular_spokesperson", "head_of_agency"):
            expected = {True: "true", False: "false", None: ""}[role.get(mark)]
            expect(page.locator(f'select[data-path="roles[{i}].{mark}"]')).to_have_value(expected)
    page.locator(f'[data-field="roles[{roles["agency_head"]}]"]').screenshot(path="/tmp/editor-role-marks.png")
    page.locator(f'[data-field="facts[{facts["water-test"]}]"]').screenshot(path="/tmp/editor-fact-marks.png")

    # edited in the form
    _check(page, "incident.received_by", "call-paper").check()
    _flag(page, "incident.opinion_divided").uncheck()
    no_cases, pipe = facts["no-cases"], facts["pipe-flush"]
    _flag(page, f"facts[{no_cases}].briefed").check()
    _flag(page, f"facts[{pipe}].assures").check()
    page.fill(f'[data-path="facts[{no_cases}].label.vi"]', "Chưa ghi nhận ca ngộ độc nào")
    _check(page, "false_claims[1].refuted_by", "pipe-flush").check()
    _check(page, "false_claims[0].refuted_by", "water-test").uncheck()
    chair, head = roles["province_chair"], roles["agency_head"]
    page.select_option(f'select[data-path="roles[{chair}].head_of_agency"]', "")
    page.select_option(f'select[data-path="roles[{head}].regular_spokesperson"]', "false")
    _flag(page, f"roles[{head}].operational").check()
    page.locator('[data-field="incident.received_by"]').screenshot(path="/tmp/editor-received-by.png")
    expect(page.locator("#au-draft-state")).to_contain_text("Bản nháp đã được giữ", timeout=10_000)
    expect(page.locator("#au-status")).to_contain_text("Hợp lệ")
    page.click("#tab-yaml")
    before = page.locator("#au-yaml").input_value()

    page.reload()
    expect(page.locator("#au-status")).to_contain_text("Hợp lệ")
    page.click("#tab-yaml")
    assert page.locator("#au-yaml").input_value() == before
    page.click("#tab-form")
    kept = yaml.safe_load(before)
    assert kept["incident"]["received_by"] == [source["incident"]["received_by"], "call-paper"]
    assert "opinion_divided" not in kept["incident"]
    assert kept["facts"][no_cases]["briefed"] is True and kept["facts"][pipe]["assures"] is True
    assert kept["facts"][no_cases]["label"]["vi"] == "Chưa ghi nhận ca ngộ độc nào"
    assert kept["facts"][no_cases]["label"]["en"] == source["facts"][no_cases]["label"]["en"]
    assert kept["false_claims"][0].get("refuted_by", []) == []
    assert kept["false_claims"][1]["refuted_by"] == source["false_claims"][1]["refuted_by"] + ["pipe-flush"]
    assert "head_of_agency" not in kept["roles"][chair]
    assert kept["roles"][head]["regular_spokesperson"] is False and kept["roles"][head]["operational"] is True
    assert kept["roles"][head]["head_of_agency"] is False  # unchanged
    for key in ("injects", "levels", "key_messages", "opinion"):
        assert kept[key] == source[key]
    # and the form reads them back
    expect(_check(page, "incident.received_by", "call-paper")).to_be_checked()
    expect(_flag(page, "incident.opinion_divided")).not_to_be_checked()
    _open(page, f"facts[{no_cases}]")
    expect(_flag(page, f"facts[{no_cases}].briefed")).to_be_checked()
    _open(page, f"roles[{head}]")
    expect(page.locator(f'select[data-path="roles[{head}].regular_spokesperson"]')).to_have_value("false")
    expect(_flag(page, f"roles[{head}].operational")).to_be_checked()

    # a fact renamed: the claims it refutes follow
    _open(page, f"facts[{pipe}]")
    page.fill(f'[data-path="facts[{pipe}].id"]', "pipe-flush-dn300")
    expect(_check(page, "false_claims[1].refuted_by", "pipe-flush-dn300")).to_be_checked()
    expect(_check(page, "false_claims[1].refuted_by", "pipe-flush")).to_have_count(0)
    expect(page.locator("#au-status")).to_contain_text("Hợp lệ")
    assert problems == []
