"""Who may speak and who assigns (Decree 244/2026 Art. 3.2, 3.5, 4.1), and the partial answer (Art. 4.3).

The scenario marks the regular spokesperson, the head of the agency and operational commands
(`scenarios.model.Role`); `scenarios.actions.check_standing` refuses what those posts forbid; the world
keeps the regular spokesperson in office from the start, lets the propaganda board propose and
the head assign (the simulation deciding when it plays the head), and takes a partial answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from scenarios.library import scenario_path
from scenarios.loader import load_scenario
from scenarios.model import Scenario
from scenarios.actions import Action, actions_for, check_standing
from sim.world import World, play

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"
MINIMAL = load_scenario(FIXTURE)
TEXT = "Kết quả quan trắc không khí trong giới hạn cho phép, không có sự cố rò rỉ."


def act(at, who, kind, **params):
    return Action(at=at, role=who, type=kind, params=params)


def with_roles(scenario: Scenario, **updates: dict) -> Scenario:
    """A copy of a drill with some roles changed (validated again, as a loaded drill is)."""
    roles = [r.model_dump() | updates.get(r.id, {}) for r in scenario.roles]
    return Scenario.model_validate(scenario.model_dump() | {"roles": roles})


def of_kind(world, kind, **match):
    return [e for e in world.events if e["kind"] == kind and all(e.get(k) == v for k, v in match.items())]


# --- the scenario's posts -----------------------------------------------------------------------


def test_by_default_the_spokesperson_role_is_regular_and_agency_head_is_the_head():
    assert MINIMAL.regular_spokesperson == "spokesperson" and MINIMAL.head_of_agency == "agency_head"
    assert MINIMAL.operational_roles == frozenset()


def test_a_drill_can_say_it_has_no_regular_spokesperson_or_name_another_head():
    drill = with_roles(
        MINIMAL,
        spokesperson={"regular_spokesperson": False},
        agency_head={"head_of_agency": False},
        info_department={"head_of_agency": True},
    )
    assert drill.regular_spokesperson is None and drill.head_of_agency == "info_department"


@pytest.mark.parametrize(
    ("updates", "message"),
    [
        (
            {"spokesperson": {"regular_spokesperson": True}, "info_department": {"regular_spokesperson": True}},
            "chỉ một vai được là 'regular_spokesperson', không phải spokesperson, info_department",
        ),
        ({"propaganda_board": {"head_of_agency": True}}, "'propaganda_board' là cơ quan của Đảng"),
        ({"propaganda_board": {"regular_spokesperson": True}}, r"Nghị định 244/2026, Điều 3\.2"),
    ],
)
def test_a_drill_with_two_regular_spokespersons_or_a_party_speaker_is_an_error(updates, message):
    with pytest.raises(ValidationError, match=message):
        with_roles(MINIMAL, **updates)


def test_the_built_in_drills_name_the_chair_who_assigns_the_provincial_spokesperson():
    heads = {}
    for drill_id in ("khieu-nai-di-doi-cho", "nuoc-may-nhiem-doc", "ngo-doc-truong-hoc", "lu-quet-thuy-dien"):
        drill = load_scenario(scenario_path(drill_id))
        assert drill.regular_spokesperson == "spokesperson"
        heads[drill_id] = drill.role(drill.head_of_agency).label.vi
    assert set(heads.values()) == {"Chủ tịch UBND tỉnh"}, heads  # not the director of a department
    flood = load_scenario(scenario_path("lu-quet-thuy-dien"))
    assert flood.operational_roles == {"agency_head"}  # the disaster prevention command


# --- what the posts refuse ----------------------------------------------------------------------


@pytest.mark.parametrize("party", ["propaganda_board", "standing_committee"])
@pytest.mark.parametrize("kind", ["propose_spokesperson", "assign_spokesperson"])
def test_a_party_organ_is_never_the_speaker(kind, party):
    refusal = check_standing(act(10, "agency_head", kind, speaker=party), "agency_head", frozenset())
    assert refusal.code == "party_speaker"
    assert "cơ quan của Đảng" in refusal.text.vi and "Party organ" in refusal.text.en and "Art. 3.2" in refusal.text.en


def test_only_the_head_assigns_and_the_board_is_told_to_propose():
    refusal = check_standing(act(10, "propaganda_board", "assign_spokesperson", speaker="spokesperson"), None, frozenset())
    assert (
        refusal.code == "not_head"
        and "propose_spokesperson" in refusal.text.vi
        and "propose_spokesperson" in refusal.text.en
    )
    assert (
        check_standing(act(10, "agency_head", "assign_spokesperson", speaker="spokesperson"), "agency_head", frozenset())
        is None
    )


def test_only_an_operational_command_sends_situation_reports():
    report = act(10, "agency_head", "situation_report", channel="tv", text="Mực nước đang hạ.")
    assert check_standing(report, None, frozenset({"agency_head"})) is None
    refusal = check_standing(report, None, frozenset())
    assert refusal.code == "not_operational" and "issue_statement" in refusal.text.en


# --- the world ----------------------------------------------------------------------------------


def test_the_regular_spokesperson_is_in_office_from_the_first_minute():
    world = play(
        MINIMAL, [act(6, "spokesperson", "issue_statement", channel="portal", form="press_release", text=TEXT)], until=7
    )
    (statement,) = of_kind(world, "action", type="issue_statement")
    assert statement["spokesperson"] == "spokesperson"
    without = play(
        with_roles(MINIMAL, spokesperson={"regular_spokesperson": False}),
        [act(6, "spokesperson", "issue_statement", channel="portal", form="press_release", text=TEXT)],
        until=7,
    )
    assert of_kind(without, "action", type="issue_statement")[0]["spokesperson"] is None


def test_the_simulated_head_assigns_the_proposed_spokesperson_after_its_delay():
    world = play(
        MINIMAL,
        [act(12, "propaganda_board", "propose_spokesperson", speaker="info_department", name="Phó Giám đốc Sở")],
        until=60,
    )
    (proposal,) = of_kind(world, "action", type="propose_spokesperson")
    assert set(proposal["audience"]) == {"propaganda_board", "info_department"}
    (decision,) = of_kind(world, "reply", effect="assigned")
    assert decision["t"] == 12 + MINIMAL.actors.head_decision and decision["actor"] == "agency_head"
    assert decision["spokesperson"] == "info_department" and decision["in_reply_to"] == proposal["seq"]
    assert "Phó Giám đốc Sở" in decision["content"]["vi"] and "Art. 3.5" in decision["content"]["en"]
    assert world.spokesperson == "info_department"
    assert not of_kind(world, "action", type="assign_spokesperson")  # every action event answers one input


def test_the_board_assigning_itself_is_refused_in_both_languages():
    world = play(
        MINIMAL,
        [
            act(12, "propaganda_board", "assign_spokesperson", speaker="spokesperson"),
            act(13, "propaganda_board", "propose_spokesperson", speaker="propaganda_board"),
        ],
        until=30,
    )
    codes = [e["reason"]["code"] for e in of_kind(world, "refused")]
    assert codes == ["not_head", "party_speaker"]
    assert not of_kind(world, "reply", effect="assigned") and world.spokesperson == "spokesperson"


def test_a_trainee_head_decides_on_the_proposal_and_may_speak_too():
    drill = with_roles(MINIMAL, agency_head={"played_by": "trainee"})
    world = play(
        drill,
        [
            act(12, "propaganda_board", "propose_spokesperson", speaker="spokesperson"),
            act(14, "agency_head", "assign_spokesperson", speaker="spokesperson"),
        ],
        until=60,
    )
    (proposal,) = of_kind(world, "action", type="propose_spokesperson")
    assert "agency_head" in proposal["audience"]
    assert not of_kind(world, "reply", effect="assigned")  # no simulated decision beside the trainee's
    (assignment,) = of_kind(world, "action", type="assign_spokesperson")
    assert assignment["role"] == "agency_head" and assignment["spokesperson"] == "spokesperson"
    statement = act(61, "spokesperson", "issue_statement", channel="tv", form="press_release", text=TEXT)
    head = act(71, "agency_head", "issue_statement", channel="tv", form="press_release", text=TEXT)
    other = act(71, "info_department", "issue_statement", channel="tv", form="press_release", text=TEXT)
    trust = {
        name: play(drill, [statement, extra], until=72).opinion.trust for name, extra in (("head", head), ("other", other))
    }
    assert trust["head"] > trust["other"]  # the head is no contradicting voice (Art. 3.2.a)


def test_a_commands_situation_report_reaches_the_team_and_is_no_statement():
    drill = with_roles(MINIMAL, agency_head={"played_by": "trainee", "head_of_agency": False, "operational": True})
    world = play(
        drill,
        [
            act(20, "agency_head", "situation_report", channel="tv", text="Đã sơ tán 120 hộ."),
            act(21, "info_department", "situation_report", channel="tv", text="Tin nhanh."),
        ],
        until=30,
    )
    (report,) = of_kind(world, "action", type="situation_report")
    assert set(report["audience"]) == set(drill.trainee_roles) and "analysis" not in report
    assert [e["reason"]["code"] for e in of_kind(world, "refused")] == ["not_operational"]
    assert world.opinion.statements == 0


def test_a_partial_answer_is_published_and_a_lawful_ground_is_not_evasive():
    def answered(**params):
        world = World(MINIMAL)
        world.advance_to(61)
        event = world.act(act(61, "spokesperson", "answer_press", call="call-1", **params))
        return world, event

    lawful, event = answered(text=TEXT, withheld="under_investigation")
    assert event["kind"] == "action" and event["params"]["withheld"] == "under_investigation" and event["analysis"]
    unlawful, _ = answered(text=TEXT, withheld="too_sensitive")
    assert lawful.opinion.trust > unlawful.opinion.trust
    lawful.finish()
    assert of_kind(lawful, "inject", inject="call-1-report")  # the journalist publishes the part answered
    _, event = answered(withheld="under_investigation")
    assert event["kind"] == "refused" and event["reason"]["code"] == "bad_parameter"
    assert "'refusal'" in event["reason"]["en"]


def test_the_room_offers_each_role_only_the_acts_its_post_allows():
    board, speaker = actions_for(MINIMAL, "propaganda_board"), actions_for(MINIMAL, "spokesperson")
    assert "propose_spokesperson" in board and "assign_spokesperson" not in board
    assert "propose_spokesperson" not in speaker and "situation_report" not in speaker
    command = with_roles(MINIMAL, agency_head={"played_by": "trainee", "operational": True})
    assert {"assign_spokesperson", "situation_report"} <= set(actions_for(command, "agency_head"))


def test_a_drill_without_a_head_role_still_gets_its_proposal_decided():
    """The head of the agency exists even when a drill does not cast it: the simulation decides as `agency_head`."""
    data = MINIMAL.model_dump()
    headless = Scenario.model_validate(data | {"roles": [r for r in data["roles"] if r["id"] != "agency_head"]})
    assert headless.head_of_agency is None
    world = play(headless, [act(12, "propaganda_board", "propose_spokesperson", speaker="spokesperson")], until=30)
    (decision,) = of_kind(world, "reply", effect="assigned")
    assert decision["actor"] == "agency_head" and decision["spokesperson"] == "spokesperson"
