"""Scoring a whole play: the card's total and shape, rule sets, purity, size, and the text renderer."""

from __future__ import annotations

import copy
import json
import random

import pytest

from scenarios.model import Incident
from scoring import EventLogError, parse_rule_set, render_card, score
from scoring.ruleset import load_rule_set
from scoring_helpers import ALL_ROLES_TEXT, LEGAL_RULES, PROCEDURE_PARTS, LogBuilder, exemplary, minimal, silent

LEGAL = [*LEGAL_RULES, *PROCEDURE_PARTS]
NOT_APPLICABLE_TO_SILENCE = {"aggregator_removal"}  # the minimal drill has no general information site
WEIGHTS = {e.rule.name: e.weight for e in load_rule_set("vn-2026").entries}


def test_exemplary_play_scores_full_marks_capped_at_100():
    card = score(minimal(), exemplary().events)
    assert card.rule_set == "vn-2026" and card.scenario == "test-minimal"
    assert sum(r.points for r in card.rules) == 105  # 100 + the full CERC bonus
    assert card.total == 100.0
    assert card.passed and card.failures == []
    assert all(r.passed for r in card.rules)


def test_silent_play_scores_at_most_20():
    card = score(minimal(), silent().events)
    assert card.total <= 20
    assert {r.id for r in card.failures} == set(LEGAL) - NOT_APPLICABLE_TO_SILENCE - {
        "initial_information"
    }  # 24 h: after a 10 h drill
    assert [r.id for r in card.not_due] == ["initial_information"]
    assert card.due_points == 100 - WEIGHTS["initial_information"]
    assert not card.passed


def test_a_play_with_faults_lands_in_between_with_exact_points():
    log = exemplary()
    log.statement(200, text=ALL_ROLES_TEXT, role="info_department")  # one focal point broken: all or nothing
    card = score(minimal(), log.events)
    assert card.result("one_focal_point").points == 0.0
    assert card.result("one_focal_point").passed is False
    assert (card.total, card.bonus) == (
        100 - WEIGHTS["one_focal_point"],
        5.0,
    )  # the bonus is beside the total, never making up for the failure
    assert [r.id for r in card.failures] == ["one_focal_point"]


def test_bonus_is_never_a_legal_failure():
    card = score(minimal(), exemplary(text=ALL_ROLES_TEXT).events)  # a first message with facts only
    cerc = card.result("cerc_first_message")
    assert cerc.bonus and cerc.passed and cerc.points == round(5 / 6, 1)
    assert card.passed and cerc not in card.failures
    assert card.total == 100.0

    late = score(minimal(), silent().events).result("cerc_first_message")
    assert late.points == 0 and late.passed and late.bonus


def test_a_big_bonus_never_enters_the_total():
    rule_set = parse_rule_set(
        """
id: generous
rules:
  - {rule: outcome, weight: 60, source: s}
  - {rule: initial_information, weight: 40, source: s}
  - {rule: cerc_first_message, weight: 50, bonus: true, source: CERC}
""",
        "generous.yaml",
    )
    log = exemplary()
    log.events[-1]["belief"] = 0.11  # outcome: half the belief share lost
    card = score(minimal(), log.events, rule_set)
    assert card.result("outcome").points == 45.0
    assert (card.total, card.bonus) == (85.0, 50.0)  # 45 + 40; the bonus is reported apart
    assert [r.id for r in card.failures] == ["outcome"]


def test_same_log_different_verdict_under_vn_2021_and_vn_2026():
    scenario = minimal().model_copy(update={"incident": Incident(occurred_at=-1000, received_by="post-1")})
    log = LogBuilder(scenario)
    log.inject(5, "post-1")
    log.propose_and_assign(13)
    log.verify_and_confirm(14, "air-normal")
    log.statement(500, text=ALL_ROLES_TEXT)
    log.end(600, final_level=1, max_level=1, belief=0.01)
    new, old = score(scenario, log.events, "vn-2026"), score(scenario, log.events, "vn-2021")
    assert new.result("initial_information").passed is True
    assert old.result("initial_information").passed is False
    assert "T-16:40" in old.result("initial_information").explanation.vi  # 24 h from the incident: until T+07:20
    assert "T+07:20" in old.result("initial_information").explanation.en
    assert (new.rule_set, old.rule_set) == ("vn-2026", "vn-2021")
    assert new.total - old.total == WEIGHTS["initial_information"]


def test_rule_set_defaults_to_the_scenarios():
    scenario = minimal().model_copy(update={"rule_set": "vn-2021"})
    assert score(scenario, exemplary().events).rule_set == "vn-2021"


def test_as_dict_shape():
    card = score(minimal(), silent().events)
    data = card.as_dict()
    assert list(data) == [
        "total",
        "bonus",
        "rule_set",
        "completion",
        "ended_at",
        "duration",
        "due_points",
        "overridden",
        "rules",
    ]
    assert (data["completion"], data["ended_at"], data["duration"], data["due_points"]) == (
        "complete",
        600,
        600,
        100 - WEIGHTS["initial_information"],
    )
    assert data["rule_set"] == "vn-2026" and isinstance(data["total"], float)
    assert [r["id"] for r in data["rules"]] == [*LEGAL, "cerc_first_message"]
    for rule in data["rules"]:
        assert list(rule) == [
            "id",
            "passed",
            "status",
            "points",
            "max_points",
            "bonus",
            "evidence",
            "explanation",
            "source",
            "override",
        ]
        assert set(rule["explanation"]) == {"vi", "en"} and set(rule["source"]) == {"vi", "en"}
        assert 0 <= rule["points"] <= rule["max_points"]
        for item in rule["evidence"]:
            assert list(item) == ["seq", "t", "kind", "summary"]
    missed = next(r for r in data["rules"] if r["id"] == "press_requests_answered")
    assert {"seq": 6, "t": 150.0, "kind": "deadline_missed"}.items() <= missed["evidence"][1].items()
    json.dumps(data, ensure_ascii=False)


def test_explanations_are_one_specific_sentence_in_each_language():
    for log in (exemplary(), silent()):
        for result in score(minimal(), log.events).rules:
            vi, en = result.explanation.vi, result.explanation.en
            assert vi.endswith(".") and en.endswith(".") and "\n" not in vi + en
            assert vi != en
            assert any(ch in vi for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý")


def test_scoring_is_pure_and_deterministic():
    events = silent().events
    before = copy.deepcopy(events)
    first = score(minimal(), events).as_dict()
    assert events == before
    assert score(minimal(), events).as_dict() == first
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    assert score(minimal(), shuffled).as_dict() == first


def test_an_event_without_kind_is_reported():
    with pytest.raises(EventLogError, match="event #2"):
        score(minimal(), [{"seq": 1, "t": 0, "kind": "opinion"}, {"seq": 2, "t": 1}])


def test_ten_thousand_events_are_scored_correctly():
    scenario = minimal()
    log = exemplary(scenario)
    end = log.events.pop()  # re-appended after the filler
    calls = 0
    t = 100.0
    while len(log.events) < 10_000:
        t += 0.049
        slot = len(log.events) % 200
        if slot == 0 and calls < 51:
            calls += 1
            call_id = f"extra-{calls}"
            log.inject(
                t,
                call_id,
                channel="press_call",
                question={"vi": "Hỏi?", "en": "Q?"},
                response_window=5,
                deadline=round(t + 5, 3),
            )
            if calls % 10:  # every tenth call goes unanswered
                log.answer(t, call_id)
        elif slot % 2:
            log.opinion(t, belief=0.004)
        else:
            log.action(t, "info_department", "message", text="Theo dõi dư luận.")
    log.statement(t + 1, text=ALL_ROLES_TEXT, role="info_department")
    log.events.append({**end, "seq": len(log.events) + 1})
    assert len(log.events) > 10_000

    card = score(scenario, log.events)
    answered = 1 + calls - calls // 10  # call-1 and nine in ten extra calls
    assert card.result("press_requests_answered").points == round(
        WEIGHTS["press_requests_answered"] * answered / (calls + 1), 1
    )
    assert card.result("one_focal_point").points == 0  # the one statement by another role breaks it
    assert card.result("verified_facts_only").passed and card.result("procedure_order").passed
    assert len(card.result("one_focal_point").evidence) == 1
    assert len(card.result("press_requests_answered").evidence) == 12  # capped, with a 'more' line
    assert card.result("press_requests_answered").evidence[-1].kind == "more"


def test_render_card_in_vietnamese_only():
    log = exemplary()
    log.statement(200, text=ALL_ROLES_TEXT, role="info_department")
    text = render_card(score(minimal(), log.events))
    assert text.startswith("BẢNG ĐIỂM — test-minimal — bộ quy tắc vn-2026\nTổng điểm: 87/100 (+5 điểm thưởng)")
    assert "✓ Bốn bước ứng xử theo thứ tự (887-QĐ/TU) [procedure_order] — 13/13" in text
    assert "✗ Một đầu mối phát ngôn [one_focal_point] — 0/13" in text
    assert (
        "+ Thông điệp đầu tiên theo khuyến nghị truyền thông rủi ro (CERC) (điểm thưởng) [cerc_first_message] — 5/5" in text
    )
    assert "EN: " not in text and "Nguồn: Nghị định 244/2026/NĐ-CP, Điều 7.3" in text
    assert "T+03:20" in text and "T+01:01" in text
    assert text.rstrip().endswith("Chưa đạt: one_focal_point")


def test_render_card_in_english_only():
    card = score(minimal(), silent().events)
    text = render_card(card, lang="en")
    assert text.startswith(f"SCORE CARD — test-minimal — rule set vn-2026\nTotal: {card.total:g}/100")
    assert card.total == round(100 * WEIGHTS["aggregator_removal"] / card.due_points, 1)  # nothing to remove
    assert "Nguồn" not in text and "EN:" not in text
    assert "✗ Every press request answered [press_requests_answered] — 0/9" in text
    assert "T+02:30" in text
    with pytest.raises(ValueError):
        render_card(card, lang="fr")
