"""Deadlines in scoring: not yet due, an early end, lateness, several received_by, Art. 7.4, feedback on TV items.

Every play here is hand-built (tests/scoring_helpers.py) on the minimal fixture, lengthened where a
24-hour deadline has to fall inside the drill.
"""

from __future__ import annotations

import pytest

from scenarios.model import Incident, Scenario
from scoring import load_rule_set, parse_rule_set, render_card, score
from scoring.card import NOT_DUE
from scoring.context import ScoringContext
from scoring.deadlines import completion, horizon, lateness
from scoring.rules import RULES
from scoring_helpers import ALL_ROLES_TEXT, GOOD_TEXT, PROCEDURE_PARTS, LogBuilder, minimal

PROCEDURE = ("procedure_order", "spokesperson_first", "one_focal_point", "verified_facts_only")
WEIGHTS = {e.rule.name: e.weight for e in load_rule_set("vn-2026").entries}
PROCEDURE_POINTS = sum(WEIGHTS[rule] for rule in PROCEDURE)  # 55 before the procedure parts took their share
TIMELY = ("procedure_order", "spokesperson_first", "verified_facts_only")  # the rule sets' `lateness.rules`


def lengthened(duration: float, **incident) -> Scenario:
    """The minimal scenario lasting `duration` minutes, its incident changed by `incident`."""
    scenario = minimal()
    fields = {"occurred_at": 0, "received_by": "post-1", **incident}
    return scenario.model_copy(update={"duration": float(duration), "incident": Incident(**fields)})


def steps(log: LogBuilder, at: float, text: str = GOOD_TEXT) -> LogBuilder:
    """The four steps from minute `at`: report up, meeting, assignment, verification, one statement, report back."""
    log.action(at, "info_department", "report_up", to="propaganda_board", summary="Tin đồn khí độc.")
    log.action(at + 1, "propaganda_board", "convene_meeting", agenda="Họp xử lý.")
    log.action(at + 2, "propaganda_board", "assign_spokesperson", speaker="spokesperson")
    log.verify_and_confirm(at + 3, "air-normal")  # returns 45 minutes later
    log.statement(at + 50, text=text)
    log.action(at + 60, "spokesperson", "report_results", summary="Đã phát ngôn.")
    return log


def procedure_points(card) -> float:
    return sum(card.result(rule).points for rule in PROCEDURE)


# --- lateness costs the procedure ---------------------------------------------------------------


def test_a_team_silent_for_24_hours_then_one_clean_statement_loses_the_procedure_points():
    scenario = lengthened(3000)
    log = LogBuilder(scenario)
    log.inject(5, "post-1")
    log.inject(60, "call-1")  # deadline T+02:30
    log.deadline_missed(150, "call-1")
    steps(log, 1440)  # the clean statement at T+24:50, inside 24 h of... nothing: the call fell due at T+02:30
    log.end(3000, final_level=1, max_level=1, belief=0.01)
    card = score(scenario, log.events)
    assert all(card.result(rule).status != NOT_DUE for rule in PROCEDURE)
    timely = sum(WEIGHTS[rule] for rule in TIMELY)
    assert sum(card.result(rule).points for rule in TIMELY) < timely * 0.2, [(r.id, r.points) for r in card.rules]
    assert procedure_points(card) < PROCEDURE_POINTS / 2  # one_focal_point judges who speaks, not when: its points stay
    order = card.result("procedure_order")
    assert "T+02:30" in order.explanation.vi and "Do chậm" in order.explanation.vi
    assert "Late, so the rule keeps only" in order.explanation.en

    prompt = LogBuilder(scenario)
    prompt.inject(5, "post-1")
    steps(prompt, 10)
    prompt.inject(60, "call-1")
    prompt.answer(70, "call-1")
    prompt.end(3000, final_level=1, max_level=1, belief=0.01)
    assert procedure_points(score(scenario, prompt.events)) == PROCEDURE_POINTS


def test_a_first_statement_at_10_hours_with_every_call_missed_scores_below_a_focal_point_fault():
    scenario = lengthened(900)
    late = LogBuilder(scenario)
    late.inject(5, "post-1")
    late.inject(60, "call-1")
    late.deadline_missed(150, "call-1")
    late.followup(180, "call-1", claims=["toxic-gas"])
    steps(late, 550)  # first statement at T+10:00
    late.action(620, "spokesperson", "request_correction", article="call-1-followup", text="Đề nghị cải chính.")
    late.end(900, final_level=1, max_level=1, belief=0.01)

    stray = LogBuilder(scenario)
    stray.inject(5, "post-1")
    steps(stray, 10)
    stray.inject(60, "call-1")
    stray.answer(70, "call-1")
    stray.statement(200, text=ALL_ROLES_TEXT, role="info_department")  # the only fault: another voice
    stray.end(900, final_level=1, max_level=1, belief=0.01)

    late_card, stray_card = score(scenario, late.events), score(scenario, stray.events)
    faults = [r.id for r in stray_card.failures if r.id not in PROCEDURE_PARTS]  # the plays take no part
    assert faults == ["one_focal_point"]  # the only procedure fault
    assert late_card.total < stray_card.total, [(r.id, r.points) for r in late_card.rules]
    assert late_card.result("press_requests_answered").points == 0


def test_lateness_factor_runs_from_the_first_deadline_to_the_spokespersons_first_word():
    log = LogBuilder(lengthened(3000))
    log.inject(5, "post-1")
    log.inject(60, "call-1")  # deadline 150, before the 24 h from the receipt (1445)
    log.action(13, "propaganda_board", "assign_spokesperson", speaker="spokesperson")
    log.statement(150 + 360, text=ALL_ROLES_TEXT)  # six hours late
    found = lateness(ScoringContext(log.scenario, log.events), span=1440, within=1440)
    assert (found.due, found.spoke, found.late) == (150, 510, 360)
    assert found.factor == pytest.approx(0.75)


def test_without_a_press_call_the_24_hours_are_the_first_deadline():
    log = LogBuilder(lengthened(3000))
    log.inject(5, "post-1")
    log.action(13, "propaganda_board", "assign_spokesperson", speaker="spokesperson")
    log.statement(1400, text=ALL_ROLES_TEXT)  # within the 24 h: not late
    assert lateness(ScoringContext(log.scenario, log.events), 1440, 1440).factor == 1.0


def test_lateness_names_rules_of_its_set_and_positive_minutes():
    body = "id: t\nlateness: {span: %s, within: 1440, rules: [%s]}\nrules:\n  - {rule: outcome, weight: 100, source: s}\n"
    assert parse_rule_set(body % (1440, "outcome")).lateness.rules == ("outcome",)
    with pytest.raises(ValueError, match=r"t.yaml:2: lateness.rules: names 'procedure_order', not in this set"):
        parse_rule_set(body % (1440, "procedure_order"), "t.yaml")
    with pytest.raises(ValueError, match=r"t.yaml:2: lateness.span: phải lớn hơn 0"):
        parse_rule_set(body % (0, "outcome"), "t.yaml")


# --- not yet due -------------------------------------------------------------------------------


def test_a_24_hour_deadline_after_the_drill_is_not_yet_due_never_missed():
    scenario = minimal()  # ten hours
    log = LogBuilder(scenario)
    log.inject(5, "post-1")
    log.action(13, "propaganda_board", "assign_spokesperson", speaker="spokesperson")
    log.statement(30, text=ALL_ROLES_TEXT, role="info_department")  # not the agency's word
    log.end(600, final_level=1, max_level=1, belief=0.01)
    card = score(scenario, log.events)
    initial = card.result("initial_information")
    assert initial.status == NOT_DUE and initial.passed and initial.points == 0
    assert initial not in card.failures and card.not_due == [initial]
    assert "Chưa đến hạn" in initial.explanation.vi and "T+24:05" in initial.explanation.vi
    legal_due = [r for r in card.rules if not r.bonus and r.due]
    assert card.due_points == 100 - WEIGHTS["initial_information"] == sum(r.max_points for r in legal_due)
    assert card.total == round(100 * sum(r.points for r in legal_due) / card.due_points, 1)
    text = render_card(card)
    weight = int(WEIGHTS["initial_information"])
    assert f"○ Thông tin ban đầu cho báo chí trong 24 giờ (chưa đến hạn) [initial_information] — 0/{weight}" in text
    assert f"tính trên {100 - weight} điểm của các quy tắc đã đến hạn" in text
    assert text.rstrip().endswith("Chưa đến hạn: initial_information")


def test_the_same_deadline_inside_a_longer_drill_is_missed():
    scenario = lengthened(3000)
    log = LogBuilder(scenario)
    log.inject(5, "post-1")
    log.end(3000, final_level=1, max_level=1, belief=0.01)
    initial = score(scenario, log.events).result("initial_information")
    assert initial.status == "not_met" and not initial.passed


# --- an early end ---------------------------------------------------------------------------------


def early_end() -> LogBuilder:
    """One good statement, then End at T+01:20 with the call still open and most of the drill unplayed."""
    log = LogBuilder(minimal())
    log.inject(5, "post-1")
    steps(log, 8)
    log.inject(60, "call-1")  # deadline T+02:30, after the end
    log.end(80, final_level=1, max_level=1, belief=0.004)
    return log


def test_an_early_end_is_incomplete_and_judges_open_deadlines_within_the_drill_as_not_met():
    log = early_end()
    context = ScoringContext(log.scenario, log.events)
    assert completion(context) == "ended_early" and horizon(context) == 600
    card = score(log.scenario, log.events)
    assert not card.complete and card.completion == "ended_early" and card.ended_at == 80
    press = card.result("press_requests_answered")
    assert press.status == "not_met" and press.points == 0 and "báo Tin Nhanh got no answer" in press.explanation.en
    text = render_card(card)
    assert "CHƯA HOÀN THÀNH: buổi diễn tập kết thúc sớm lúc T+01:20, trước thời lượng T+10:00" in text
    assert "INCOMPLETE: the drill ended early at T+01:20" in render_card(card, lang="en")

    full = LogBuilder(minimal())
    full.events = [dict(e) for e in log.events[:-1]]
    full.answer(100, "call-1")
    full.end(600, final_level=1, max_level=1, belief=0.004)
    assert score(full.scenario, full.events).complete


def test_a_running_drill_is_incomplete_and_an_open_call_is_not_yet_due():
    log = early_end()
    log.events.pop()  # no end yet
    card = score(log.scenario, log.events)
    assert card.completion == "running" and not card.complete
    assert card.result("press_requests_answered").status == NOT_DUE


# --- a rule shown with full marks is met ------------------------------------------------------------


def test_a_rule_with_full_marks_as_shown_is_never_listed_as_failed():
    scenario = minimal()
    log = LogBuilder(scenario)
    log.end(600, final_level=1, max_level=1, belief=0.02001)  # the belief share earns 0.99994
    verdict = RULES["outcome"]().judge(ScoringContext(scenario, log.events))
    assert 0.999 < verdict.earned < 1
    outcome = score(scenario, log.events).result("outcome")
    assert outcome.points == outcome.max_points == WEIGHTS["outcome"] and outcome.passed and outcome.status == "met"
    assert outcome not in score(scenario, log.events).failures


def test_a_rule_short_of_its_maximum_at_one_decimal_is_not_met():
    log = LogBuilder(minimal())
    log.end(600, final_level=1, max_level=1, belief=0.03)  # belief share 17/18
    outcome = score(log.scenario, log.events).result("outcome")
    assert outcome.points == round(WEIGHTS["outcome"] * (0.5 + 0.5 * 17 / 18), 1) < WEIGHTS["outcome"]
    assert not outcome.passed


# --- several received_by, and Art. 7.4 -----------------------------------------------------------


def test_the_first_delivered_of_several_received_by_starts_the_clock():
    scenario = lengthened(3000, received_by=("call-1", "post-1"))
    assert scenario.incident.receipts == ("call-1", "post-1")
    log = LogBuilder(scenario)
    log.inject(5, "post-1")
    log.inject(60, "call-1")
    verdict = RULES["initial_information"]().judge(ScoringContext(scenario, log.events))
    assert "T+24:05" in verdict.explanation.vi  # from post-1 at T+00:05, not call-1 at T+01:00

    only_call = LogBuilder(scenario)
    only_call.inject(60, "call-1")
    verdict = RULES["initial_information"]().judge(ScoringContext(scenario, only_call.events))
    assert "T+25:00" in verdict.explanation.vi


def test_a_scenario_lists_several_received_by_and_each_must_be_an_inject(tmp_path):
    from scenarios.loader import ScenarioInvalid, load_scenario
    from scoring_helpers import FIXTURE

    text = FIXTURE.read_text(encoding="utf-8")
    good = tmp_path / "several.yaml"
    good.write_text(text.replace("received_by: post-1", "received_by: [post-1, call-1]"), encoding="utf-8")
    assert load_scenario(good).incident.receipts == ("post-1", "call-1")
    bad = tmp_path / "unknown.yaml"
    bad.write_text(text.replace("received_by: post-1", "received_by: [post-1, post-9]"), encoding="utf-8")
    with pytest.raises(ScenarioInvalid, match=r"incident\.received_by\[1\].*tin 'post-9' không có trong kịch bản"):
        load_scenario(bad)


def test_the_world_starts_the_silence_at_the_first_delivered_of_them():
    from sim.world import World

    world = World(lengthened(3000, received_by=("call-1", "post-1")), seed=0)
    world.advance_to(30)
    assert world.received_at == 5


def test_divided_opinion_counts_from_when_the_agency_determined_the_impact():
    scenario = lengthened(3000, opinion_divided=True)
    log = LogBuilder(scenario)
    log.inject(5, "post-1")
    log.action(300, "info_department", "flag_issue", item="post-1", level=1)
    card = score(scenario, log.events)  # vn-2026: Art. 7.4 for divided opinion
    initial = card.result("initial_information")
    assert "T+29:00" in initial.explanation.vi and "xác định vụ việc tác động đến dư luận" in initial.explanation.vi
    assert "7.4" in initial.source.vi
    plain = score(lengthened(3000), log.events).result("initial_information")
    assert "T+24:05" in plain.explanation.vi  # Art. 7.3: from the receipt


# --- written feedback on false press and broadcast items ---------------------------------------------


def test_a_false_tv_item_needs_written_feedback_too():
    log = LogBuilder(minimal())
    log.inject(5, "post-1")
    log.inject(100, "tv-1", channel="tv", claims=["toxic-gas"], reach=50000)
    verdict = RULES["corrections_requested"]().judge(ScoringContext(log.scenario, log.events))
    assert verdict.earned == 0.0 and "Tin Nhanh (T+01:40)" in verdict.explanation.en and "tv-1" not in verdict.explanation.en
    request = log.action(120, "spokesperson", "request_correction", article="tv-1", text="Đề nghị cải chính.")
    log._emit(
        240,
        "reply",
        ["spokesperson"],
        actor="outlet",
        effect="corrected",
        in_reply_to=request["seq"],
        content={"vi": "Đã đăng phản hồi.", "en": "Feedback published."},
    )
    verdict = RULES["corrections_requested"]().judge(ScoringContext(log.scenario, log.events))
    assert verdict.earned == 1.0
    assert "phản hồi" in verdict.explanation.vi and "the outlet must publish it" in verdict.explanation.en
    assert [e.kind for e in verdict.evidence] == ["inject", "action", "reply"]
    assert "the outlet's reply: corrected" in verdict.evidence[-1].summary


def test_the_feedback_rule_cites_feedback_apart_from_correction():
    from scoring import load_rule_set

    entry = next(e for e in load_rule_set("vn-2026").entries if e.id == "corrections_requested")
    assert "Điều 7.6" in entry.source.vi and "Điều 21" in entry.source.vi and "Điều 19" in entry.source.vi
    assert "phát thanh, truyền hình" in entry.source.vi
    assert RULES["corrections_requested"].title.en == "Written feedback on every false press item"


# --- the built-in drills -------------------------------------------------------------------------


@pytest.mark.parametrize("scenario_id", __import__("scenarios.library", fromlist=["builtin_ids"]).builtin_ids())
def test_the_exemplary_play_ten_hours_late_scores_below_the_off_focal_point_play(scenario_id):
    from dataclasses import replace

    from commands.simulate import simulate
    from scenarios.library import play_paths, scenario_path
    from scenarios.loader import load_scenario
    from scenarios.actions import read_action_file

    drill = load_scenario(scenario_path(scenario_id))
    plays = play_paths(scenario_id)
    late = [replace(a, at=a.at + 600) for a in read_action_file(str(plays["exemplary"]))]
    _, late_card = simulate(drill, late, seed=0)
    _, stray_card = simulate(drill, read_action_file(str(plays["off_focal_point"])), seed=0)
    assert late_card.total < stray_card.total
    assert late_card.result("press_requests_answered").points == 0
    for rule in TIMELY:  # the same steps, ten hours late: each keeps only part of its points
        result = late_card.result(rule)
        assert 0 < result.points < result.max_points and "Do chậm" in result.explanation.vi


def test_the_exported_report_words_a_rule_not_yet_due_as_such():
    from debrief.exports.wording import result

    log = LogBuilder(minimal())
    log.inject(5, "post-1")
    log.end(600, final_level=1, max_level=1, belief=0.01)
    rules = {r["id"]: r for r in score(minimal(), log.events).as_dict()["rules"]}
    assert result(rules["initial_information"]).vi == "Chưa đến hạn"
    assert result(rules["press_requests_answered"]).en == "Met"  # no call came in: nothing asked
