"""The procedure parts (docs/PROCEDURE_PARTS.md): their actions, how the world answers them, and their rules.

- actions: who may take each, and the parameters they need;
- the world: an admin removes a false post (and resents a harmless one being chased), a general
  information site removes its false item within 24 hours and a press agency is sent back to
  Decree 244 Art. 7.6, a measure on the cause and the daily report are answered;
- the rules, on hand-built logs of the minimal drill: each passes when its part is done, fails
  (or loses points) when it is not, and says so in Vietnamese and English;
- the exemplary bot takes the parts and its hints name them.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from scenarios.library import scenario_path
from scenarios.loader import load_scenario
from scoring.context import ScoringContext
from scoring.rules import RULES, RuleParamError
from scoring_helpers import PROCEDURE_PARTS, LogBuilder, exemplary, minimal, silent
from scenarios.actions import Action, check_action
from scenarios.aggregators import delivered_from_aggregator, is_aggregator
from sim.bots import Bot, play_with_bots
from sim.world import SITE_DELAY, World


def judge(rule: str, log: LogBuilder, **params):
    return RULES[rule](params).judge(ScoringContext(log.scenario, log.events))


def with_aggregator():
    """The minimal drill with its article coming from a general information site instead of a paper."""
    scenario = minimal()
    injects = tuple(
        i.model_copy(update={"sender": replace(i.sender, vi="Trang thông tin điện tử tổng hợp 'Phố Hội'")})
        if i.id == "article-1"
        else i
        for i in scenario.injects
    )
    return scenario.model_copy(update={"injects": injects})


def water() -> World:
    return World(load_scenario(scenario_path("nuoc-may-nhiem-doc")), seed=0)


def replies_to(world: World, event: dict) -> list[dict]:
    return [e for e in world.events if e["kind"] == "reply" and e["in_reply_to"] == event["seq"]]


# --- actions --------------------------------------------------------------------------------------


def test_the_department_alone_contacts_admins_asks_sites_and_reports_daily():
    trainees, roles, delivered = {"spokesperson", "propaganda_board", "info_department"}, {"spokesperson"}, {"p"}
    for kind, params in (
        ("contact_admin", {"post": "p"}),
        ("request_site_removal", {"article": "p"}),
        ("daily_report", {"text": "Báo cáo"}),
    ):
        assert check_action(Action(1, "info_department", kind, params), trainees, roles, delivered) is None
        refusal = check_action(Action(1, "spokesperson", kind, params), trainees, roles, delivered)
        assert refusal is not None and refusal.code == "not_allowed"


def test_a_measure_needs_a_route_and_a_notice_its_hours():
    trainees, roles = {"propaganda_board", "spokesperson"}, {"spokesperson"}
    bad = check_action(
        Action(1, "propaganda_board", "resolve_cause", {"route": "ignore", "text": "x"}), trainees, roles, set()
    )
    assert bad is not None and "own_authority" in bad.text.en
    hours = check_action(
        Action(1, "spokesperson", "notify_press_conference", {"in_hours": "24", "text": "x"}), trainees, roles, set()
    )
    assert hours is not None and "whole number" in hours.text.en


# --- the world ------------------------------------------------------------------------------------


def test_an_admin_removes_a_false_post_and_resents_a_harmless_one_being_chased():
    world = water()
    world.advance_to(75)  # post-video at 10, post-harmless at 70
    trust = world.opinion.trust
    false = world.act(Action(75, "info_department", "contact_admin", {"post": "post-video"}))
    harmless = world.act(Action(75, "info_department", "contact_admin", {"post": "post-harmless"}))
    world.advance_to(75 + 121)
    assert [r["effect"] for r in replies_to(world, false)] == ["removed"]
    answer = replies_to(world, harmless)
    assert [r["effect"] for r in answer] == ["no_action"] and "vô căn cứ" in answer[0]["content"]["vi"]
    assert 30 <= answer[0]["t"] - 75 <= 120
    assert world.opinion.trust < trust + 0.01  # the harmless chase cost more than the removal won


def test_a_general_information_site_removes_within_24_hours_and_a_paper_is_sent_to_article_7_6():
    world = World(load_scenario(scenario_path("ngo-doc-truong-hoc")), seed=0)  # 48 h: the 24 h fit in the drill
    world.advance_to(60)
    assert world.fire_inject("article-aggregator") and world.fire_inject("tv-provincial")
    site = world.act(Action(60, "info_department", "request_site_removal", {"article": "article-aggregator"}))
    paper = world.act(Action(60, "info_department", "request_site_removal", {"article": "tv-provincial"}))
    world.finish()
    removed = replies_to(world, site)
    assert [r["effect"] for r in removed] == ["removed"] and "147/2024" in removed[0]["content"]["vi"]
    assert SITE_DELAY[0] <= removed[0]["t"] - 60 <= 1440
    sent_back = replies_to(world, paper)
    assert [r["effect"] for r in sent_back] == ["not_a_site"] and "7.6" in sent_back[0]["content"]["en"]


def test_a_measure_and_a_daily_report_are_answered_by_those_they_go_to():
    world = water()
    world.advance_to(20)
    up = world.act(Action(20, "propaganda_board", "resolve_cause", {"route": "escalate", "text": "Đề xuất cấp trên"}))
    own = world.act(Action(20, "propaganda_board", "resolve_cause", {"route": "own_authority", "text": "Trong thẩm quyền"}))
    daily = world.act(Action(20, "info_department", "daily_report", {"text": "Báo cáo ngày"}))
    world.advance_to(60)
    assert [r["actor"] for r in replies_to(world, up)] == ["standing_committee"]
    assert [r["actor"] for r in replies_to(world, own)] == ["agency_head"]
    assert [r["actor"] for r in replies_to(world, daily)] == ["agency_head"]


def test_a_site_is_told_from_its_sender_whatever_the_case_and_spacing():
    assert is_aggregator("TRANG TIN ĐIỆN TỬ TỔNG HỢP 'Nhịp sống'") and is_aggregator("Trang tin tổng hợp X")
    assert not is_aggregator("Báo điện tử Tin Nhanh") and not is_aggregator(None) and not is_aggregator(42)
    scenario = with_aggregator()
    assert delivered_from_aggregator(scenario, {"inject": "article-1"})
    assert not delivered_from_aggregator(minimal(), {"inject": "article-1"})
    assert delivered_from_aggregator(scenario, {"inject": "made-by-world", "sender": {"vi": "Trang tin tổng hợp Y"}})
    assert not delivered_from_aggregator(scenario, {"inject": "made-by-world", "sender": "not a dict"})


# --- the rules ------------------------------------------------------------------------------------


def test_the_exemplary_log_passes_every_part_and_silence_fails_those_that_apply():
    for rule in PROCEDURE_PARTS:
        assert judge(rule, exemplary()).earned == 1.0, rule
    silence = {rule: judge(rule, silent()).earned for rule in PROCEDURE_PARTS}
    assert silence == {**dict.fromkeys(PROCEDURE_PARTS, 0.0), "aggregator_removal": 1.0}  # the minimal drill has no site


def test_a_measure_before_any_fact_earns_half_and_says_so():
    log = LogBuilder(minimal())
    log.inject(5, "post-1")
    log.action(6, "propaganda_board", "resolve_cause", route="escalate", text="Báo cáo cấp trên.")
    verdict = judge("cause_addressed", log)
    assert verdict.earned == 0.5 and "trước khi" in verdict.explanation.vi and "proposed upward" in verdict.explanation.en


def test_a_daily_report_is_due_each_day_of_the_case():
    log = LogBuilder(minimal())
    log.inject(5, "post-1")
    log.action(100, "info_department", "daily_report", text="Ngày 1")
    log.end(3000, final_level=1, max_level=1, belief=0.0)  # the case runs into a third day
    verdict = judge("daily_report", log)
    assert verdict.earned == pytest.approx(1 / 3) and "2 và 3" in verdict.explanation.vi
    assert judge("daily_report", log, every=720).earned == pytest.approx(1 / 5)
    with pytest.raises(RuleParamError):
        RULES["daily_report"]({"every": 10})


def _conference(role_label: str, notice_at: float | None, in_hours: int = 24) -> LogBuilder:
    scenario = minimal()
    roles = tuple(
        r.model_copy(update={"label": replace(r.label, vi=role_label)}) if r.id == "spokesperson" else r
        for r in scenario.roles
    )
    log = LogBuilder(scenario.model_copy(update={"roles": roles}))
    log.inject(5, "post-1")
    if notice_at is not None:
        log.action(notice_at, "spokesperson", "notify_press_conference", in_hours=in_hours, text="Thông báo họp báo")
    log.action(1500, "spokesperson", "hold_press_conference", mode="in_person", text="Họp báo")
    return log


def test_a_district_conference_needs_its_notice_24_hours_ahead_and_a_provincial_one_does_not():
    assert judge("press_conference_notice", _conference("Người phát ngôn UBND huyện", 10)).earned == 1.0
    late = judge("press_conference_notice", _conference("Người phát ngôn UBND huyện", 600))
    assert late.earned == 0.0 and "24 giờ" in late.explanation.vi and "24 h ahead" in late.explanation.en
    short = judge("press_conference_notice", _conference("Người phát ngôn UBND huyện", 10, in_hours=2))
    assert short.earned == 0.0 and "under 24 h away" in short.explanation.en
    assert judge("press_conference_notice", _conference("Người phát ngôn UBND huyện", None)).earned == 0.0
    assert judge("press_conference_notice", _conference("Người phát ngôn UBND tỉnh", None)).earned == 1.0
    assert judge("press_conference_notice", _conference("Người phát ngôn UBND huyện", 600), notice=60).earned == 1.0


def test_a_large_false_post_needs_its_admin_and_a_small_one_does_not():
    log = LogBuilder(minimal())
    log.inject(5, "post-1")  # 3 000 readers, false
    verdict = judge("group_admins_engaged", log)
    assert verdict.earned == 0.0 and "Tin nóng Hòa Giang' (T+00:05)" in verdict.explanation.en
    assert "post-1" not in verdict.explanation.en
    assert judge("group_admins_engaged", log, min_reach=5000).earned == 1.0
    log.action(9, "info_department", "contact_admin", post="post-1")
    assert judge("group_admins_engaged", log).earned == 1.0


def test_a_site_item_needs_a_removal_request_not_a_correction():
    log = LogBuilder(with_aggregator())
    log.inject(5, "article-1")
    log.action(9, "spokesperson", "request_correction", article="article-1", text="Đề nghị cải chính")
    assert judge("aggregator_removal", log).earned == 0.0
    assert judge("corrections_requested", log).earned == 1.0  # not press: no correction is owed, none is counted
    log.action(10, "info_department", "request_site_removal", article="article-1")
    verdict = judge("aggregator_removal", log)
    assert verdict.earned == 1.0 and "147/2024" in verdict.explanation.vi


def test_chasing_a_harmless_item_costs_and_watching_is_needed_to_triage():
    scenario = minimal()
    harmless = next(i for i in scenario.injects if i.id == "post-1").model_copy(update={"id": "post-2", "claims": ()})
    log = LogBuilder(scenario.model_copy(update={"injects": (*scenario.injects, harmless)}))
    log.inject(5, "post-2")
    assert judge("noise_not_chased", log).earned == 0.0  # nobody watched
    log.action(6, "info_department", "monitor", note="Theo dõi")
    assert judge("noise_not_chased", log).earned == 1.0
    log.action(7, "info_department", "request_takedown", post="post-2")
    log.action(8, "info_department", "refer_police", item="post-2")
    verdict = judge("noise_not_chased", log)
    assert verdict.earned == 0.0 and "2 lần" in verdict.explanation.vi and "post-2" not in verdict.explanation.vi
    assert "Tin nóng Hòa Giang" in verdict.explanation.vi  # the item by the name trainees saw
    assert judge("noise_not_chased", log, cost=0.25).earned == 0.5
    with pytest.raises(RuleParamError):
        RULES["noise_not_chased"]({"cost": 0})


# --- the bot ---------------------------------------------------------------------------------------


def test_the_exemplary_bot_takes_the_parts_and_leaves_harmless_posts_alone():
    scenario = load_scenario(scenario_path("khieu-nai-di-doi-cho"))
    world = play_with_bots(scenario, [Bot("exemplary", scenario)], seed=0)
    taken = [e for e in world.events if e["kind"] == "action"]
    kinds = {e["type"] for e in taken}
    assert {"contact_admin", "request_site_removal", "resolve_cause", "daily_report"} <= kinds
    removed = {e["params"]["article"] for e in taken if e["type"] == "request_site_removal"}
    assert removed == {"article-aggregator"}
    corrected = {e["params"]["article"] for e in taken if e["type"] == "request_correction"}
    assert "article-aggregator" not in corrected  # a site is not press: no Art. 7.6 feedback

    water_drill = load_scenario(scenario_path("nuoc-may-nhiem-doc"))
    chased = [
        e
        for e in play_with_bots(water_drill, [Bot("exemplary", water_drill)], seed=0).events
        if e["kind"] == "action" and "post-harmless" in (e["params"].get("post"), e["params"].get("item"))
    ]
    assert chased == []
