"""What users read, in a real browser (Debian Chromium, Playwright) against the real server: the instructor's
console lists injects by title with the cast's names filled and conditions in words, never an inject id or a
'{placeholder}'; an escalation shows its condition in words; a trainee's hints name the bodies of the drill's
rule set (a vn-2021 drill: Ban Tuyên giáo Tỉnh ủy; vn-2026: Ban Tuyên giáo và Dân vận Tỉnh ủy); the roster is
written with Vietnamese role names. Screenshots go to /tmp for a person to look at.

Skipped only when /usr/bin/chromium is missing, and then failed instead on CI (CI=true).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import LiveServer, create_exercise, join, log_in, new_context, page_errors, require_chromium
from scenarios.labels import ACTION_TYPES, ACTORS, AGENCIES, EVENT_KINDS, FORMS, MODES, REFUSALS, ROUTES, TEAM_STATUSES
from review_helpers import prepare
from scenarios.library import scenario_path
from scenarios.loader import load_scenario

pytestmark = pytest.mark.browser

ROSTER = """Đội Một
Người phát ngôn: Nguyễn Văn An
Ban Tuyên giáo: Trần Văn Cường
Sở TT&TT: Lê Thị Bình
"""
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


@pytest.mark.parametrize(
    "drill, board, other",
    [
        ("tin-gia-lanh-dao", "Ban Tuyên giáo Tỉnh ủy", "Dân vận"),
        ("nuoc-may-nhiem-doc", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Sở Thông tin và Truyền thông"),
    ],
)
def test_console_and_room_speak_in_titles_words_and_the_regimes_bodies(server, chromium, drill, board, other):
    base, scenario = server.url, load_scenario(scenario_path(drill))
    instructor = new_context(chromium)
    console = instructor.new_page()
    errors = page_errors(console)
    log_in(console, base)
    roster = ROSTER if scenario.rule_set == "vn-2021" else ROSTER.replace("Sở TT&TT", "Sở VHTTDL")
    (code,) = create_exercise(console, base, roster, 600, scenario=drill)
    expect(console.locator(".team-card .members")).to_contain_text("Lê Thị Bình")

    options = console.locator("#fire-inject option").all_inner_texts()
    assert len(options) == len(scenario.injects)
    for option in options:
        assert not PLACEHOLDER.search(option), option
        for inject in scenario.injects:
            assert f" {inject.id} " not in f" {option} ", option
    conditional = [o for o in options if " khi " in f" {o}"]
    assert len(conditional) == sum(1 for i in scenario.injects if i.when and i.at is None)
    for option in conditional:
        assert not re.search(r"[<>]=?|==|\bstatements\b|\bminute\b|\bseen\b", option), option

    board_page = join(new_context(chromium), base, code, "Trần Văn Cường")
    expect(board_page.locator("h1")).to_contain_text(board)
    hint = board_page.locator("#action-report_up .hint")
    expect(hint).to_contain_text(f"Thường trực Tỉnh ủy qua {board}")
    expect(hint).not_to_contain_text(other)
    expect(hint).not_to_contain_text("standing members")  # one language: the Vietnamese page shows no English beside
    board_page.screenshot(path=f"/tmp/texts-room-{drill}.png", full_page=False)

    expect(console.locator("p.meta").first).not_to_contain_text(drill)  # the drill by title, not id
    expect(console.locator("p.meta").first).to_contain_text("Nghị định")
    console.locator("#controls button[data-command=start]").click()
    expect(console.locator(".timeline li").first).to_be_visible(timeout=15_000)
    console.locator("#fire-inject").scroll_into_view_if_needed()
    console.screenshot(path=f"/tmp/texts-console-{drill}.png", full_page=True)
    assert not errors, errors
    instructor.close()


@pytest.fixture(scope="module")
def played_server(tmp_path_factory):
    """The real server on a database whose exercises were played (review_helpers.prepare)."""
    require_chromium()
    workdir = tmp_path_factory.mktemp("texts-played")
    ids = prepare(workdir)
    live = LiveServer(workdir)
    live.ids = ids
    yield live
    live.stop()


ID_LIKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|\b(?:post|call|article|tv|hotline|monitoring)-[a-z0-9-]+\b")
# The one id still written by a file of another issue's: the refusal reason of scenarios/actions.py names the role and
# the action type by id (issue 12 moves the labels below sim), listed so that every other id fails the test.
ELSEWHERE = {"convene_meeting"}


def test_review_report_and_console_show_no_ids(played_server, chromium):
    base, ids = played_server.url, played_server.ids
    context = new_context(chromium)
    page = context.new_page()
    errors = page_errors(page)
    log_in(page, base)
    for name, url in (
        ("review", f"/review/teams/{ids['team']}"),
        ("report", f"/review/exercises/{ids['exercise']}/report"),
        ("console", f"/instructor/exercises/{ids['exercise']}"),
    ):
        page.goto(base + url)
        if name == "console":
            page.locator(".team-card .timeline li").first.wait_for()
            expect(page.locator(".team-card .timeline").first).to_contain_text("khi ")
        else:
            page.wait_for_load_state("networkidle")
        shown = page.locator("main").inner_text() if page.locator("main").count() else page.locator("body").inner_text()
        found = sorted(set(ID_LIKE.findall(shown)) - ELSEWHERE)
        assert not found, (name, found)
        assert not PLACEHOLDER.search(shown), name
        page.screenshot(path=f"/tmp/texts-{name}.png", full_page=True)
    assert not errors, errors
    context.close()


def test_the_pages_label_tables_are_debrief_labels(server, chromium):
    """labels.js keeps no table of its own: what a page's script holds is scenarios/labels.py's, key for key."""
    tables = {
        "KINDS": EVENT_KINDS,
        "ACTIONS": ACTION_TYPES,
        "ACTORS": ACTORS,
        "AGENCIES": AGENCIES,
        "FORMS": FORMS,
        "REFUSALS": REFUSALS,
        "MODES": MODES,
        "ROUTES": ROUTES,
        "STATUS": TEAM_STATUSES,
    }
    context = new_context(chromium)
    page = context.new_page()
    errors = page_errors(page)
    log_in(page, server.url)
    page.goto(server.url + "/instructor/drills/builtin/nuoc-may-nhiem-doc")  # the editor loads labels.js
    shown = page.evaluate("names => Object.fromEntries(names.map(name => [name, window.Drill[name]]))", list(tables))
    assert shown == {name: {key: text.as_dict() for key, text in table.items()} for name, table in tables.items()}
    assert shown["KINDS"]["opinion"] == {"vi": "Dư luận", "en": "Opinion"}  # a kind the timeline leaves out, still named
    assert not errors, errors
    context.close()
