"""The instructor's live console in a real browser (Debian Chromium, driven by Playwright), against the real server.

The event log names facts, false claims, key messages and injects by their labels and titles, never by their
ids; the live score lists the rules not yet due ("Chưa đến hạn") apart from those failed, and counts only the
rules due. A screenshot of the team's card is left in /tmp.

Skipped only when /usr/bin/chromium is missing, and then failed instead on CI (CI=true).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import ROSTER, SPEED, create_exercise, join, log_in, submit_action
from scenarios.library import scenario_path
from scenarios.loader import load_scenario
from scoring.ruleset import load_rule_set

pytestmark = pytest.mark.browser
STATEMENT = (
    "Thông tin nước máy nhiễm độc là sai sự thật. Kết quả 12 mẫu nước đạt quy chuẩn. "
    "Người dân xả bỏ nước đục ban đầu rồi sử dụng bình thường."
)


def test_the_console_names_facts_claims_and_calls_and_lists_the_rules_not_yet_due(server, contexts):
    drill = load_scenario(scenario_path("nuoc-may-nhiem-doc"))
    label = {f.id: f.label.vi for f in drill.facts}
    claim = {c.id: c.text.vi.rstrip(".") for c in drill.false_claims}
    base = server.url
    console = contexts().new_page()
    errors: list[str] = []
    console.on("pageerror", lambda error: errors.append(str(error)))
    log_in(console, base)
    code, _ = create_exercise(console, base, ROSTER, SPEED)
    speaker = join(contexts(), base, code, "Nguyễn Văn An")
    team = console.locator(".team-card").first
    team.locator(".team-controls button[data-command=start]").click()
    submit_action(speaker, "verify", {"agency": "water_company"})
    expect(speaker.locator("#acks .ack-ok")).to_have_count(1)
    expect(speaker.locator("#feed-phone #item-call-paper")).to_be_visible(timeout=20_000)
    team.locator(".team-controls button[data-command=pause]").click()
    expect(team.locator(".status-badge").first).to_contain_text("Tạm dừng")

    # the verification's answer (minute 20+) and the press call, by their names
    fact = team.locator(".timeline li.k-fact")
    expect(fact).to_contain_text(label["pipe-flush"])
    expect(fact).not_to_contain_text("pipe-flush")
    # the newspaper's call is open and nothing was said: two rules are not yet due, apart from the failures
    not_due = team.locator("ul.failed li.not-due")
    expect(not_due.filter(has_text="Trả lời mọi yêu cầu của báo chí")).to_contain_text("Chưa đến hạn")
    expect(not_due.filter(has_text="Thông tin ban đầu cho báo chí trong 24 giờ")).to_contain_text("Chưa đến hạn")
    head = team.locator(".full h3").filter(has_text="Điểm theo quy tắc")
    expect(head).to_contain_text(re.compile(r"\d+/\d+ đạt, 2 chưa đến hạn"))
    due, of = map(int, re.search(r"(\d+)/(\d+) đạt", head.inner_text()).groups())
    legal = [entry for entry in load_rule_set(drill.rule_set).entries if not entry.bonus]
    assert of == len(legal) - 2 and due <= of  # the rules not yet due are left out of the count
    for item in not_due.all():
        expect(item.locator(".pts")).to_have_count(0)

    # a statement: the claim it denies, the fact it uses unverified and its key message, by their names
    submit_action(speaker, "issue_statement", {"channel": "portal", "form": "press_release"}, {"text": STATEMENT})
    expect(speaker.locator("#acks .ack-ok").first).to_contain_text("Phát ngôn")
    action = team.locator(".timeline li.k-action").filter(has_text="Chất lượng")  # an analysed statement
    expect(action).to_contain_text(f"bác bỏ tin đồn: “{claim['toxic-water']}”")
    expect(action).to_contain_text(f"chưa xác minh: “{label['water-test']}”")
    expect(action).to_contain_text("thông điệp: “Người dân xả bỏ nước đục")
    for internal in ("toxic-water", "water-test", "safe-use"):
        expect(action).not_to_contain_text(internal)
    expect(not_due.filter(has_text="Thông tin ban đầu cho báo chí trong 24 giờ")).to_have_count(0)  # now judged
    team.screenshot(path="/tmp/console-team-card.png")
    assert errors == []


def test_a_drill_that_ends_by_itself_disables_the_consoles_controls_without_a_reload(server, contexts):
    console = contexts().new_page()
    errors: list[str] = []
    console.on("pageerror", lambda error: errors.append(str(error)))
    log_in(console, server.url)
    create_exercise(console, server.url, ROSTER, 10_000)  # 12 scenario hours in about 4.3 s
    console.evaluate("window.notReloaded = true")
    team = console.locator(".team-card").first

    def button(command: str):
        return team.locator(f".team-controls button[data-command={command}]")

    button("start").click()
    expect(team.locator(".status-badge").first).to_have_class(re.compile(r"status-ended"), timeout=30_000)
    for command in ("start", "pause", "resume", "jump", "end"):  # the live messages alone said so
        expect(button(command)).to_be_disabled()
    assert console.evaluate("window.notReloaded === true")
    assert errors == []
