"""Texts follow the drill's legal regime (scenarios/bodies.py): the standing members' directive, the hints'
reasons (sim/hint_texts.py) and the bots' releases name the bodies of the drill's rule set, items by their
titles and agencies by their names, never by an id, and speak of the authority in the third person.

Every built-in drill is covered through `builtin_ids()`.
"""

from __future__ import annotations

from functools import cache

import pytest

from scenarios.bodies import BODIES, bodies
from scenarios.library import builtin_ids, scenario_path
from scenarios.loader import load_scenario
from scenarios.model import Scenario
from sim import hint_texts as hints
from sim.bot_texts import WORDS
from sim.replies import directive

OTHER = {"vn-2021": "vn-2026", "vn-2026": "vn-2021"}


@cache
def drill(scenario_id: str) -> Scenario:
    return load_scenario(scenario_path(scenario_id))


def test_each_rule_set_names_its_own_bodies():
    old, new = bodies("vn-2021"), bodies("vn-2026")
    assert (old.board.vi, old.department_short.vi) == ("Ban Tuyên giáo Tỉnh ủy", "Sở TT&TT")
    assert (new.board.vi, new.department_short.vi) == ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "Sở VHTTDL")
    assert new.department.vi == "Sở Văn hóa, Thể thao và Du lịch"
    assert old.standing.vi == new.standing.vi == "Thường trực Tỉnh ủy"
    assert new.standing.en == "the standing members of the provincial Party committee"
    assert bodies("vn-1999") == bodies(None) == new  # the law in force when the rule set is unknown


@pytest.mark.parametrize("rule_set", sorted(BODIES))
def test_directive_names_the_board_of_the_rule_set(rule_set):
    text = directive(rule_set)
    assert f"{bodies(rule_set).board.vi} chủ trì" in text.vi
    assert bodies(OTHER[rule_set]).board.vi not in text.vi
    assert "standing members" in text.en and "standing committee" not in text.en
    assert "{" not in text.vi + text.en


@pytest.mark.parametrize("scenario_id", builtin_ids())
def test_hints_name_the_bodies_of_the_drills_rule_set(scenario_id):
    scenario = drill(scenario_id)
    names, other = bodies(scenario.rule_set), bodies(OTHER[scenario.rule_set])
    step1 = hints.report_to_board(scenario)
    # 887 step 1: report to the standing members of the Party committee, through the board
    assert f"{names.standing.vi} qua {names.board.vi}" in step1.vi
    assert f"to {names.standing.en} through {names.board.en}" in step1.en
    for reason in (step1, hints.report_to_standing(scenario), hints.report_results(scenario)):
        assert other.board.vi not in reason.vi
        assert "standing committee" not in reason.en
    initial = hints.initial_information(scenario)
    decree = "09/2017" if scenario.rule_set == "vn-2021" else "244/2026"
    assert decree in initial.vi and decree in initial.en


@pytest.mark.parametrize("scenario_id", builtin_ids())
def test_one_focal_point_is_one_speaker_not_one_channel_under_the_drills_decree(scenario_id):
    scenario = drill(scenario_id)
    decree = bodies(scenario.rule_set).decree.vi
    for reason in (hints.assign_spokesperson(scenario), hints.propose_spokesperson(scenario)):
        assert decree in reason.vi and bodies(OTHER[scenario.rule_set]).decree.vi not in reason.vi
    reason = hints.assign_spokesperson(scenario)
    assert "một người phát ngôn" in reason.vi and "kênh" in reason.vi
    assert "one speaker" in reason.en and "channel" in reason.en


@pytest.mark.parametrize("scenario_id", builtin_ids())
def test_hints_name_items_by_title_and_agencies_by_name(scenario_id):
    scenario = drill(scenario_id)
    for inject in scenario.injects:
        event = {"inject": inject.id, "title": inject.title and inject.title.as_dict(), "sender": inject.sender.as_dict()}
        for reason in (hints.answer_press(event), hints.takedown(event), hints.refer_police(event), hints.correction(event)):
            shown = (inject.title or inject.sender).vi
            assert f"“{shown}”" in reason.vi
            assert f"({inject.id})" not in reason.vi and f"({inject.id})" not in reason.en
    for fact in scenario.facts:
        for reason in (hints.assign_verification(scenario, fact.source), hints.verify(scenario, fact.source)):
            assert fact.source not in reason.vi, reason.vi  # e.g. 'water_company' shown as 'Công ty Cấp thoát nước'


def test_an_item_without_title_or_sender_is_still_named_in_words():
    assert hints.item_name({"inject": "post-video"}).vi == "tin vừa nhận"


def test_releases_speak_in_the_third_person():
    for _, sentences in WORDS.cerc_sentences:
        for sentence in sentences:
            assert not sentence.startswith("Chúng tôi"), sentence


# --- the debrief's timeline ---------------------------------------------------------------------


def test_an_escalation_in_the_timeline_says_its_condition_in_words():
    from debrief import review
    from tests.debrief_helpers import WATER, team_run

    escalations = [e for e in review(team_run(WATER, "silent")).timeline if e.category == "escalation"]
    assert escalations, "the silent play lets the water drill escalate"
    for entry in escalations:
        assert "(khi " in entry.summary.vi and "(when " in entry.summary.en
        assert not any(op in entry.summary.vi for op in (">", "<", "belief", "media_pressure"))


def test_an_item_never_delivered_is_named_by_the_drills_title_not_its_id():
    from debrief.summaries import Summariser

    scenario = drill("nuoc-may-nhiem-doc")
    call = next(i for i in scenario.injects if i.channel.value == "press_call")
    missed = {"kind": "deadline_missed", "inject": call.id, "deadline": 200}
    summary = Summariser(scenario, []).summary(missed)
    assert call.id not in summary.vi and (call.title or call.sender).vi in summary.vi
