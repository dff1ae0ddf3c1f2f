"""The built-in drills stay true to how things work (issue "Drill realism").

- no real provincial area code: every phone number is of the fictional 0200 pattern, and each
  drill's header says so;
- a 2026 drill names the merged provincial newspaper-and-broadcaster ("Báo và Phát thanh, Truyền
  hình <tỉnh>"), a 2021 drill its separate paper and radio-TV station;
- a platform removes a post within 24 hours of the request (Decree 147/2024), not within minutes;
- within hours a lab returns only rapid indicators of tap water, and the statements say so;
- the district drill reports to the district Party committee's standing board and notices its
  press conference 24 hours ahead; the complaint drill's key message is the chairman's decision and
  the board's mass mobilisation acts on the cause; fake news about a senior leader goes up to the
  ministries;
- the procedure parts are called for: harmless posts, large groups and general information sites
  appear in at least two drills, and each exemplary play (and none of the silent ones) takes the
  new actions.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from scenarios.library import builtin_ids, play_paths, scenario_path
from scenarios.loader import load_scenario
from scenarios.aggregators import is_aggregator

SCENARIOS = builtin_ids()
PHONE = re.compile(r"\b0\d{2,3} \d \d{3} \d{3}\b")
NEW_ACTIONS = {"resolve_cause", "contact_admin", "request_site_removal", "daily_report", "notify_press_conference"}


@cache
def text(scenario_id: str) -> str:
    return scenario_path(scenario_id).read_text(encoding="utf-8")


@cache
def drill(scenario_id: str):
    return load_scenario(scenario_path(scenario_id))


def play(scenario_id: str, name: str) -> list[dict]:
    lines = play_paths(scenario_id)[name].read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def statements(scenario_id: str) -> str:
    return " ".join(a.get("text", "") for a in play(scenario_id, "exemplary"))


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_phone_numbers_are_fictional_and_the_header_says_so(scenario_id):
    numbers = PHONE.findall(text(scenario_id)) + PHONE.findall(statements(scenario_id))
    assert numbers, "every drill gives a hotline"
    assert {n.split()[0] for n in numbers} == {"0200"}, numbers
    header = "".join(line for line in text(scenario_id).splitlines() if line.startswith("#"))
    assert "fictional" in header and "0200" in header


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_provincial_press_is_named_as_the_regime_has_it(scenario_id):
    body = text(scenario_id) + statements(scenario_id)
    if drill(scenario_id).rule_set == "vn-2026":
        assert "Báo và Phát thanh, Truyền hình" in body
        assert "Đài Phát thanh và Truyền hình" not in body and "Đài PT-TH" not in body
    else:
        assert "Báo và Phát thanh, Truyền hình" not in body


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_a_platform_takes_no_more_than_24_hours_and_more_than_minutes(scenario_id):
    assert 120 <= drill(scenario_id).actors.platform <= 1440  # hours, within the 24 h of Decree 147/2024


def test_tap_water_within_hours_is_rapid_indicators_only():
    water = drill("nuoc-may-nhiem-doc")
    test = water.fact("water-test")
    assert test.delay <= 240 and "xét nghiệm nhanh" in test.statement.vi and "vài ngày" in test.statement.vi
    assert "rapid" in test.statement.en and "several days" in test.statement.en
    said = statements("nuoc-may-nhiem-doc")
    assert "tất cả các chỉ tiêu" not in said and "phân tích đầy đủ" in said


def test_the_district_reports_to_its_party_committee_and_notices_its_conference():
    land = drill("boi-thuong-giai-toa")
    assert land.rule_set == "vn-2021" and "huyện" in land.setting.vi and "2022" in land.setting.vi
    assert "Ban Thường vụ Huyện ủy" in land.role("spokesperson").brief.vi
    first = min((i for i in land.injects if i.at is not None and "Huyện ủy" in i.sender.vi), key=lambda i: i.at)
    assert "spokesperson" in first.to and first.at < 60
    results = [a for a in play("boi-thuong-giai-toa", "exemplary") if a["type"] == "report_results"]
    assert results and results[0]["summary"].startswith("Báo cáo Ban Thường vụ Huyện ủy")
    exemplary = play("boi-thuong-giai-toa", "exemplary")
    notices = [a for a in exemplary if a["type"] == "notify_press_conference"]
    assert notices and notices[0]["in_hours"] >= 24 and "UBND tỉnh" in notices[0]["text"]
    assert not any(a["type"] == "hold_press_conference" for a in exemplary)  # not within the day it was noticed


def test_the_complaint_drill_rests_on_the_chairmans_decision_and_mass_mobilisation():
    complaint = drill("khieu-nai-di-doi-cho")
    assert any(
        "Chủ tịch UBND tỉnh" in m.text.vi and "quyết định giải quyết khiếu nại" in m.text.vi for m in complaint.key_messages
    )
    assert "dân vận" in complaint.role("propaganda_board").brief.vi
    measures = [a for a in play("khieu-nai-di-doi-cho", "exemplary") if a["type"] == "resolve_cause"]
    assert measures and measures[0]["role"] == "propaganda_board" and "dân vận" in measures[0]["text"].lower()


def test_fake_news_about_a_senior_leader_goes_up_to_the_ministries():
    fake = drill("tin-gia-lanh-dao")
    assert "Bộ Công an" in fake.role("propaganda_board").brief.vi
    assert any(i.channel.value == "dispatch" and "Bộ Công an" in i.sender.vi for i in fake.injects)
    measures = [a for a in play("tin-gia-lanh-dao", "exemplary") if a["type"] == "resolve_cause"]
    assert [m["route"] for m in measures] == ["escalate"] and "Bộ Công an" in measures[0]["text"]


def test_harmless_posts_large_groups_and_sites_are_in_at_least_two_drills():
    def drills_with(keep) -> list[str]:
        return [s for s in SCENARIOS if any(keep(i) for i in drill(s).injects)]

    assert len(drills_with(lambda i: i.channel.value == "social_post" and not i.claims)) >= 2
    assert len(drills_with(lambda i: i.channel.value == "social_post" and i.claims and (i.reach or 0) >= 3000)) >= 2
    assert len(drills_with(lambda i: i.channel.value == "press_article" and is_aggregator(i.sender.vi))) >= 2


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_exemplary_plays_take_the_new_parts_and_never_chase_a_harmless_post(scenario_id):
    taken = {a["type"] for a in play(scenario_id, "exemplary")}
    assert {"resolve_cause", "daily_report", "contact_admin"} <= taken
    harmless = {i.id for i in drill(scenario_id).injects if i.channel.value == "social_post" and not i.claims}
    for action in play(scenario_id, "exemplary"):
        assert not harmless & {action.get("post"), action.get("item")}, action
    assert not any(a["type"] in NEW_ACTIONS for a in play(scenario_id, "silent"))


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_no_correction_is_asked_of_a_general_information_site(scenario_id):
    sites = {i.id for i in drill(scenario_id).injects if is_aggregator(i.sender.vi)}
    asked = {a["article"] for a in play(scenario_id, "exemplary") if a["type"] == "request_correction"}
    removals = {a["article"] for a in play(scenario_id, "exemplary") if a["type"] == "request_site_removal"}
    assert not sites & asked
    assert removals <= sites
