"""Each scoring rule passing and failing on hand-built logs (docs/EVENTS.md)."""

from __future__ import annotations

import pytest

from scenarios.model import Incident, Scenario
from scoring.card import Verdict
from scoring.context import ScoringContext
from scoring.rules import RULES
from scoring_helpers import (
    ALL_ROLES_TEXT,
    GOOD_TEXT,
    LEGAL_RULES,
    PROCEDURE_PARTS,
    RUMOUR_TEXT,
    LogBuilder,
    exemplary,
    minimal,
    silent,
)


def judge(rule: str, log: LogBuilder, **params) -> Verdict:
    return RULES[rule](params).judge(ScoringContext(log.scenario, log.events))


def opening(log: LogBuilder | None = None, assign: bool = True) -> LogBuilder:
    """The first minutes of a play: the post arrives, reported up, meeting, a spokesperson assigned."""
    log = log or LogBuilder(minimal())
    log.inject(5, "post-1")
    log.action(10, "info_department", "report_up", to="propaganda_board", summary="Tin đồn khí độc.")
    log.action(12, "propaganda_board", "convene_meeting", agenda="Họp xử lý.")
    if assign:
        log.propose_and_assign(13, after=2)  # the simulated head assigns at T+15
    return log


def with_roles(scenario: Scenario, **updates: dict) -> Scenario:
    """A copy of a drill with some roles changed, e.g. with_roles(s, agency_head={"played_by": "trainee"})."""
    roles = tuple(r.model_copy(update=updates[r.id]) if r.id in updates else r for r in scenario.roles)
    return scenario.model_copy(update={"roles": roles})


def test_every_rule_is_registered_under_its_name():
    assert set(RULES) == {*LEGAL_RULES, "cerc_first_message", *PROCEDURE_PARTS}
    assert all(cls.name == name for name, cls in RULES.items())


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_passes_the_exemplary_play(rule):
    verdict = judge(rule, exemplary())
    assert verdict.earned == 1.0, verdict.explanation


@pytest.mark.parametrize("rule", [*LEGAL_RULES, "cerc_first_message"])
def test_every_rule_gives_nothing_to_the_silent_play(rule):
    assert judge(rule, silent()).earned == 0.0


# --- procedure_order ----------------------------------------------------------------------------


def test_procedure_order_loses_a_quarter_per_missing_step():
    log = opening()
    log.verify_and_confirm(14, "air-normal")
    log.statement(61)
    verdict = judge("procedure_order", log)
    assert verdict.earned == 0.75
    assert "bước 4" in verdict.explanation.vi and "step 4" in verdict.explanation.en


def test_procedure_order_step_out_of_order_earns_nothing():
    log = LogBuilder(minimal())
    log.inject(5, "post-1")
    log.action(8, "propaganda_board", "convene_meeting", agenda="Họp trước khi có báo cáo.")
    log.action(10, "info_department", "report_up", to="propaganda_board", summary="Báo cáo muộn.")
    log.action(13, "propaganda_board", "assign_spokesperson", speaker="spokesperson")
    log.statement(61)
    log.action(90, "spokesperson", "report_results", summary="Đã phát ngôn.")
    verdict = judge("procedure_order", log)
    assert verdict.earned == 0.75
    assert "không đúng thứ tự" in verdict.explanation.vi and "out of order" in verdict.explanation.en


def test_procedure_order_step_three_needs_the_assigned_spokesperson():
    log = opening()
    log.statement(40, text=ALL_ROLES_TEXT, role="info_department")
    log.action(90, "spokesperson", "report_results", summary="Báo cáo.")
    verdict = judge("procedure_order", log)
    assert verdict.earned == 0.75
    assert "bước 3" in verdict.explanation.vi


# --- spokesperson_first -------------------------------------------------------------------------


def test_spokesperson_first_names_the_assigned_role_and_both_times():
    verdict = judge("spokesperson_first", exemplary())
    assert verdict.explanation.vi == (
        "Vai “Người phát ngôn” được phân công phát ngôn lúc T+00:18, phát ngôn đầu tiên lúc T+01:01."
    )
    assert verdict.evidence[0].kind == "reply" and "speaker=spokesperson" in verdict.evidence[0].summary


def test_spokesperson_first_a_regular_spokesperson_speaking_before_the_assignment_is_no_fault():
    """Decree 244/2026 Art. 3.2.b: the regular spokesperson speaks for the agency without a case assignment."""
    log = LogBuilder(minimal())
    log.inject(5, "post-1")
    log.statement(20, text=ALL_ROLES_TEXT)
    log.propose_and_assign(30)
    verdict = judge("spokesperson_first", log)
    assert verdict.earned == 1.0
    assert "T+00:35" in verdict.explanation.vi and "1 phát ngôn trước đó" in verdict.explanation.vi
    assert "1 earlier statement by the regular spokesperson" in verdict.explanation.en


def test_spokesperson_first_fails_when_someone_else_speaks_before_the_assignment():
    log = LogBuilder(minimal())
    log.inject(5, "post-1")
    log.statement(20, text=ALL_ROLES_TEXT, role="info_department")
    log.propose_and_assign(30)
    verdict = judge("spokesperson_first", log)
    assert verdict.earned == 0.0
    assert "T+00:20" in verdict.explanation.vi and "T+00:35" in verdict.explanation.vi
    assert "neither the regular spokesperson nor the head" in verdict.explanation.en
    assert [e.seq for e in verdict.evidence] == [2, 4]


def test_spokesperson_first_without_a_regular_spokesperson_speaking_first_is_a_fault():
    scenario = with_roles(minimal(), spokesperson={"regular_spokesperson": False})
    log = LogBuilder(scenario)
    log.inject(5, "post-1")
    log.statement(20, text=ALL_ROLES_TEXT)
    log.propose_and_assign(30)
    assert judge("spokesperson_first", log).earned == 0.0
    assert judge("one_focal_point", log).earned == 0.0


def test_spokesperson_first_fails_when_nobody_was_ever_assigned():
    log = LogBuilder(minimal())
    log.inject(5, "post-1")
    log.statement(20, text=ALL_ROLES_TEXT)
    verdict = judge("spokesperson_first", log)
    assert verdict.earned == 0.0
    assert "no spokesperson was ever assigned" in verdict.explanation.en


def test_spokesperson_first_a_proposal_is_not_an_assignment():
    log = LogBuilder(minimal())
    log.inject(5, "post-1")
    log.action(10, "propaganda_board", "propose_spokesperson", speaker="spokesperson")
    log.statement(20, text=ALL_ROLES_TEXT)
    verdict = judge("spokesperson_first", log)
    assert verdict.earned == 0.0
    assert "đề xuất lúc T+00:10 nhưng người đứng đầu không quyết định" in verdict.explanation.vi
    assert verdict.evidence[-1].seq == 2


def test_spokesperson_first_accepts_a_trainee_heads_assignment():
    scenario = with_roles(minimal(), agency_head={"played_by": "trainee"})
    log = opening(LogBuilder(scenario), assign=False)
    log.action(14, "agency_head", "assign_spokesperson", speaker="spokesperson")
    log.statement(20, text=ALL_ROLES_TEXT)
    verdict = judge("spokesperson_first", log)
    assert verdict.earned == 1.0 and "T+00:14" in verdict.explanation.en


def test_spokesperson_first_silence_is_not_compliance():
    log = opening()
    assert judge("spokesperson_first", log).earned == 0.0


# --- one_focal_point ----------------------------------------------------------------------------


def test_one_focal_point_statement_by_another_role_is_a_violation():
    log = exemplary()
    log.statement(200, text=ALL_ROLES_TEXT, role="info_department")
    verdict = judge("one_focal_point", log)
    assert verdict.earned == 0.0  # all or nothing (Decree 244/2026, Art. 3.7)
    assert "Sở Văn hóa" in verdict.explanation.vi and "T+03:20" in verdict.explanation.vi
    assert [e.seq for e in verdict.evidence] == [log.events[-1]["seq"]]


def test_one_focal_point_the_regular_spokesperson_speaking_before_any_assignment_keeps_it():
    log = opening(assign=False)
    log.statement(20, text=ALL_ROLES_TEXT)
    assert log.events[-1]["spokesperson"] == "spokesperson"
    assert judge("one_focal_point", log).earned == 1.0


def test_one_focal_point_speaking_before_anyone_is_assigned_is_a_violation_without_a_regular_spokesperson():
    log = opening(LogBuilder(with_roles(minimal(), spokesperson={"regular_spokesperson": False})), assign=False)
    log.statement(20, text=ALL_ROLES_TEXT)
    verdict = judge("one_focal_point", log)
    assert verdict.earned == 0.0
    assert "chưa phân công" in verdict.explanation.vi


def test_one_focal_point_the_head_of_the_agency_may_speak_beside_the_spokesperson():
    """Decree 244/2026 Art. 3.2.a: the head of the agency is a spokesperson too."""
    log = exemplary(with_roles(minimal(), agency_head={"played_by": "trainee"}))
    log.statement(200, text=ALL_ROLES_TEXT, role="agency_head")
    assert judge("one_focal_point", log).earned == 1.0
    assert judge("procedure_order", log).earned == 1.0
    not_head = with_roles(minimal(), agency_head={"played_by": "trainee", "head_of_agency": False})
    log = exemplary(not_head)
    log.statement(200, text=ALL_ROLES_TEXT, role="agency_head")
    assert judge("one_focal_point", log).earned == 0.0


def test_one_focal_point_an_operational_situation_report_is_not_a_second_voice():
    command = with_roles(minimal(), agency_head={"played_by": "trainee", "head_of_agency": False, "operational": True})
    log = exemplary(command)
    log.action(120, "agency_head", "situation_report", channel="tv", text="Mực nước hạ 0,5 m; đã sơ tán 120 hộ.")
    assert judge("one_focal_point", log).earned == 1.0
    log.statement(200, text=ALL_ROLES_TEXT, role="agency_head")  # speaking for the agency is another matter
    assert judge("one_focal_point", log).earned == 0.0


def test_one_focal_point_follows_a_reassignment():
    log = opening()
    log.statement(20, text=ALL_ROLES_TEXT)
    log.propose_and_assign(25, speaker="info_department")
    log.statement(40, text=ALL_ROLES_TEXT, role="info_department")
    log.statement(50, text=ALL_ROLES_TEXT)  # the former spokesperson speaks again
    verdict = judge("one_focal_point", log)
    assert verdict.earned == 0.0
    assert [e.t for e in verdict.evidence] == [50]  # the new spokesperson at 40 was in order


def test_a_refusal_by_another_role_also_breaks_the_focal_point():
    log = opening()
    log.inject(60, "call-1")
    log.answer(70, "call-1", refusal="under_investigation", role="info_department")
    verdict = judge("one_focal_point", log)
    assert verdict.earned == 0.0 and [e.t for e in verdict.evidence] == [70]


def test_a_partial_answer_with_a_lawful_reason_for_the_rest_is_a_lawful_answer():
    """Press Law Art. 31.2, Decree 244/2026 Art. 4.3: the facts, and the part held back with its ground."""
    log = opening()
    log.inject(60, "call-1")
    answer = log.action(
        70, "spokesperson", "answer_press", call="call-1", text=ALL_ROLES_TEXT, withheld="under_investigation"
    )
    assert judge("press_requests_answered", log).earned == 1.0
    assert judge("one_focal_point", log).earned == 1.0
    context = ScoringContext(log.scenario, log.events)
    (statement,) = context.statements
    assert statement.seq == answer["seq"] and statement.withheld == "under_investigation"
    assert "withheld=under_investigation" in judge("one_focal_point", log).evidence[0].summary


def test_a_partial_answer_holding_back_on_an_unlawful_ground_is_not_lawful():
    log = opening()
    log.inject(60, "call-1")
    log.action(70, "spokesperson", "answer_press", call="call-1", text=ALL_ROLES_TEXT, withheld="too_sensitive")
    verdict = judge("press_requests_answered", log)
    assert verdict.earned == 0.0
    assert "'too_sensitive'" in verdict.explanation.vi and "answered in part" in verdict.explanation.en


def test_a_refusal_by_the_spokesperson_keeps_the_focal_point():
    log = opening()
    log.inject(60, "call-1")
    log.answer(70, "call-1", refusal="under_investigation")
    assert judge("one_focal_point", log).earned == 1.0
    assert judge("press_requests_answered", log).earned == 1.0


# --- verified_facts_only ------------------------------------------------------------------------


def test_verified_facts_only_penalises_a_fact_used_before_verification():
    log = opening()
    log.statement(20, text=ALL_ROLES_TEXT)  # air-normal not yet verified
    log.verify_and_confirm(21, "air-normal")
    log.statement(80, text=ALL_ROLES_TEXT)
    verdict = judge("verified_facts_only", log)
    assert verdict.earned == 0.5
    assert "“Kết quả quan trắc không khí trong giới hạn cho phép”" in verdict.explanation.vi
    assert "chưa xác minh" in verdict.explanation.vi and "air-normal" not in str(verdict.explanation)
    assert [e.t for e in verdict.evidence] == [20]


def test_verified_facts_only_is_not_diluted_by_clean_statements():
    log = opening()
    log.statement(20, text=ALL_ROLES_TEXT)  # air-normal not yet verified
    log.verify_and_confirm(21, "air-normal")
    for minute in range(80, 180, 10):
        log.statement(minute, text=ALL_ROLES_TEXT)
    assert judge("verified_facts_only", log).earned == 0.5  # one unverified statement of eleven still costs half
    log.statement(200, text=RUMOUR_TEXT)
    assert judge("verified_facts_only", log).earned == 0.0


def test_verified_facts_only_penalises_repeating_the_rumour():
    log = opening()
    log.statement(20, text=RUMOUR_TEXT)
    verdict = judge("verified_facts_only", log)
    assert verdict.earned == 0.0
    assert "toxic-gas" not in str(verdict.explanation) and "false claim" in verdict.explanation.en
    assert "fails the rule" in verdict.explanation.en and "nhắc lại tin sai" in verdict.explanation.vi


def test_verified_facts_only_reads_answers_to_the_press_too():
    log = exemplary()
    assert judge("verified_facts_only", log).earned == 1.0
    log.answer(300, "call-1", text=RUMOUR_TEXT)
    assert judge("verified_facts_only", log).earned == 0.0


# --- initial_information ------------------------------------------------------------------------


def long_scenario(occurred_at: float = 0):
    scenario = minimal()
    return scenario.model_copy(
        update={"duration": 3000.0, "incident": Incident(occurred_at=occurred_at, received_by="post-1")}
    )


def test_initial_information_late_statement_fails_and_says_by_how_much():
    log = opening(LogBuilder(long_scenario()))
    log.statement(5 + 1440 + 30, text=ALL_ROLES_TEXT)
    verdict = judge("initial_information", log)
    assert verdict.earned == 0.0
    assert "T+24:05" in verdict.explanation.vi and "trễ 30 phút" in verdict.explanation.vi


def test_initial_information_at_the_deadline_itself_passes():
    log = opening(LogBuilder(long_scenario()))
    log.statement(5 + 1440, text=ALL_ROLES_TEXT)
    assert judge("initial_information", log).earned == 1.0


def test_initial_information_counts_only_the_spokespersons_statements():
    """What another role tells the press is not the agency's position (Decree 244/2026, Art. 3.7)."""
    log = opening(LogBuilder(long_scenario()))
    log.statement(30, text=ALL_ROLES_TEXT, role="info_department")
    assert judge("initial_information", log).earned == 0.0
    log.statement(1400, text=ALL_ROLES_TEXT)
    verdict = judge("initial_information", log)
    assert verdict.earned == 1.0 and [e.t for e in verdict.evidence][-1] == 1400


def test_initial_information_counts_from_the_trigger_the_rule_set_names():
    log = opening(LogBuilder(long_scenario(occurred_at=-1000)))
    log.statement(500, text=ALL_ROLES_TEXT)
    received = judge("initial_information", log, **{"from": "received"})
    occurred = judge("initial_information", log, **{"from": "occurred"})
    assert received.earned == 1.0 and occurred.earned == 0.0
    assert "T-16:40" in occurred.explanation.vi and "T+07:20" in occurred.explanation.vi
    assert occurred.evidence[0].kind == "incident" and occurred.evidence[0].seq is None


def test_initial_information_without_any_statement_fails():
    verdict = judge("initial_information", opening())
    assert verdict.earned == 0.0
    assert "T+24:05" in verdict.explanation.en


def test_initial_information_clock_never_starts_if_the_case_never_arrives():
    log = LogBuilder(minimal())
    log.end(600, 1, 1, 0.0)
    verdict = judge("initial_information", log)
    assert verdict.due and verdict.earned == 1.0  # no obligation arose
    assert "post-1" in verdict.explanation.en and "no obligation arose" in verdict.explanation.en


# --- press_requests_answered --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "earned"),
    [
        ({"text": ALL_ROLES_TEXT}, 1.0),
        ({"refusal": "under_investigation"}, 1.0),
        ({"refusal": "too_busy"}, 0.0),
    ],
)
def test_press_request_answer_or_lawful_refusal(answer, earned):
    log = opening()
    log.inject(60, "call-1")
    log.answer(100, "call-1", **({"text": None} | answer))
    verdict = judge("press_requests_answered", log)
    assert verdict.earned == earned
    if earned == 0.0:
        assert "too_busy" in verdict.explanation.vi and "không hợp pháp" in verdict.explanation.vi


def test_press_request_answered_after_the_deadline_fails():
    log = opening()
    log.inject(60, "call-1")  # deadline T+02:30
    log.deadline_missed(150, "call-1")
    log.answer(160, "call-1")
    verdict = judge("press_requests_answered", log)
    assert verdict.earned == 0.0
    assert "T+02:40" in verdict.explanation.vi and "T+02:30" in verdict.explanation.vi


def test_press_request_first_answer_decides():
    log = opening()
    log.inject(60, "call-1")
    log.answer(70, "call-1", refusal="no_comment")
    log.answer(80, "call-1")
    assert judge("press_requests_answered", log).earned == 0.0


def test_press_requests_share_and_lawful_list_from_params():
    log = opening()
    log.inject(60, "call-1")
    log.inject(
        65,
        "call-2",
        channel="press_call",
        origin="level",
        question={"vi": "Hỏi?", "en": "Q?"},
        response_window=60,
        deadline=125,
    )
    log.answer(70, "call-1", refusal="state_secret")
    log.answer(90, "call-2")
    log.end(600, 1, 1, 0.0)
    assert judge("press_requests_answered", log).earned == 1.0
    verdict = judge("press_requests_answered", log, lawful=["under_investigation"])
    assert verdict.earned == 0.5
    assert "refused on an unlawful ground 'state_secret' at T+01:10" in verdict.explanation.en
    assert "T+01:30" not in verdict.explanation.en and "call-" not in verdict.explanation.en  # call-2, answered: no id


def test_press_request_unanswered_with_deadline_missed_as_evidence():
    log = silent()
    verdict = judge("press_requests_answered", log)
    assert verdict.earned == 0.0
    assert "deadline_missed" in [e.kind for e in verdict.evidence]


def test_press_request_still_open_at_the_end_is_not_counted():
    log = opening()
    log.inject(560, "call-1")  # deadline T+10:50, after the end
    log.end(600, 1, 1, 0.0)
    verdict = judge("press_requests_answered", log)
    assert not verdict.due and verdict.earned == 0.0  # nothing fell due: neither met nor failed
    assert "not counted" in verdict.explanation.en and "Not yet due" in verdict.explanation.en


def test_no_press_request_passes():
    log = opening()
    log.end(600, 1, 1, 0.0)
    assert judge("press_requests_answered", log).earned == 1.0


# --- corrections_requested ----------------------------------------------------------------------


def test_corrections_requested_for_level_and_world_articles():
    log = silent()
    assert judge("corrections_requested", log).earned == 0.0
    log.action(300, "spokesperson", "request_correction", article="article-1", text="Đề nghị cải chính.")
    verdict = judge("corrections_requested", log)
    assert verdict.earned == 0.5
    assert "Báo Tin Nhanh (T+03:00)" in verdict.explanation.vi  # call-1-followup, named by its outlet
    assert "(T+01:" not in verdict.explanation.vi and "article-1" not in verdict.explanation.vi
    log.action(310, "spokesperson", "request_correction", article="call-1-followup", text="Đề nghị cải chính.")
    assert judge("corrections_requested", log).earned == 1.0


def test_corrections_ignore_articles_without_false_claims():
    log = opening()
    log.inject(100, "call-1-followup", origin="world", claims=[])
    assert judge("corrections_requested", log).earned == 1.0


def test_a_correction_request_must_follow_the_article():
    log = opening()
    log.action(20, "spokesperson", "request_correction", article="article-1", text="Cải chính trước.")
    log.inject(105, "article-1", origin="level")
    assert judge("corrections_requested", log).earned == 0.0


# --- cerc_first_message -------------------------------------------------------------------------


def test_cerc_points_in_proportion_to_items_covered():
    log = opening()
    log.verify_and_confirm(14, "air-normal")
    log.statement(61, text="Kết quả quan trắc trong giới hạn cho phép, xin gọi đường dây nóng.")
    verdict = judge("cerc_first_message", log)
    assert verdict.earned == pytest.approx(2 / 6)
    assert "sự đồng cảm" in verdict.explanation.vi and "empathy" in verdict.explanation.en


def test_cerc_late_first_message_earns_nothing():
    log = opening()
    log.statement(66, text=GOOD_TEXT)  # 61 minutes after the post arrived
    verdict = judge("cerc_first_message", log)
    assert verdict.earned == 0.0
    assert "T+01:05" in verdict.explanation.vi


def test_cerc_items_param_narrows_the_checklist():
    log = opening()
    log.statement(30, text="Chúng tôi thấu hiểu sự lo lắng, xin gọi đường dây nóng.")
    assert judge("cerc_first_message", log, items=["empathy", "more_info"]).earned == 1.0


# --- outcome ------------------------------------------------------------------------------------


def test_outcome_loses_the_level_share_when_the_crisis_climbs():
    log = LogBuilder(minimal())
    log.escalation(95, to=2)
    log.end(600, final_level=2, max_level=2, belief=0.01)
    verdict = judge("outcome", log)
    assert verdict.earned == 0.5
    assert "cấp 2" in verdict.explanation.vi


def test_outcome_belief_between_thresholds_is_linear():
    log = LogBuilder(minimal())
    log.end(600, final_level=1, max_level=1, belief=0.11)
    assert judge("outcome", log).earned == pytest.approx(0.5 + 0.5 * 0.5)


def test_outcome_without_end_reads_escalations_and_last_opinion():
    log = LogBuilder(minimal())
    log.opinion(50, belief=0.001)
    log.escalation(95, to=2)
    log.opinion(100, belief=0.3, level=2)
    assert judge("outcome", log).earned == 0.0
