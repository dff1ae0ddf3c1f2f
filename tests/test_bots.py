"""The bots (sim/bots.py and its plan, sim/bot_policy.py): they play every built-in drill as they should,
act only for their roles, give the same log for the same inputs, headless, stepped or live, and hint.

Every built-in drill is covered through `builtin_ids()`, so a drill added to the library is too.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from scenarios.library import builtin_ids, scenario_path
from scenarios.loader import load_scenario
from scenarios.model import Scenario
from scoring import ScoreCard, score
from scenarios.actions import Action
from sim.bot_policy import Duties, next_expected
from sim.bot_texts import WORDS, Writer
from sim.bots import Bot, BotTeam, play_with_bots
from sim.driver import Driver
from sim.statements import analyse_statement
from sim.world import World, play

SCENARIOS = builtin_ids()
MINIMAL = load_scenario(Path(__file__).parent / "fixtures" / "minimal.yaml")
CERC_ALL = {"empathy", "facts", "unknowns", "next_update", "commitment", "more_info"}


@cache
def drill(scenario_id: str) -> Scenario:
    return load_scenario(scenario_path(scenario_id))


@cache
def played(scenario_id: str, bot: str, seed: int = 0) -> tuple[World, ScoreCard]:
    scenario = drill(scenario_id)
    world = play_with_bots(scenario, [Bot(bot, scenario)], seed=seed)
    return world, score(scenario, world.events)


def as_json(events: list[dict]) -> str:
    return json.dumps(events, ensure_ascii=False, sort_keys=True)


def inputs_of(world: World) -> list[Action]:
    """The inputs a log shows (accepted and refused actions), as stamped actions to replay."""
    return [
        Action(at=e["t"], role=e["role"], type=e["type"], params=e["params"])
        for e in world.events
        if e["kind"] in ("action", "refused")
    ]


def without_role(scenario: Scenario, role_id: str) -> Scenario:
    """A copy of a drill where the simulation plays `role_id`."""
    roles = tuple(r.model_copy(update={"played_by": "simulation"}) if r.id == role_id else r for r in scenario.roles)
    return scenario.model_copy(update={"roles": roles})


# --- each built-in drill ------------------------------------------------------------------------


@pytest.mark.parametrize("scenario_id", SCENARIOS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_exemplary_bot_scores_100_keeps_the_crisis_at_its_start_and_is_never_refused(scenario_id, seed):
    world, card = played(scenario_id, "exemplary", seed)
    assert card.total == 100, [(r.id, r.points, r.explanation.en) for r in card.failures]
    assert world.max_level == drill(scenario_id).start_level
    assert world.events[-1]["kind"] == "end"
    assert not [e for e in world.events if e["kind"] == "refused"]


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_exemplary_statements_carry_the_messages_and_never_the_rumour(scenario_id):
    world, _ = played(scenario_id, "exemplary")
    scenario = drill(scenario_id)
    statements = [e for e in world.events if e["kind"] == "action" and "analysis" in e]
    assert statements and all(s["role"] == s["spokesperson"] for s in statements)
    for statement in statements:
        analysis = statement["analysis"]
        assert not analysis["claims"] and not analysis["unverified_facts"], statement["params"]["text"]
        assert set(analysis["messages"]) == {m.id for m in scenario.key_messages}
    first = statements[0]["analysis"]
    assert CERC_ALL - {"facts"} <= set(first["cerc"])
    answered = {e["params"]["call"] for e in world.events if e["kind"] == "action" and e["type"] == "answer_press"}
    assert answered == {e["inject"] for e in world.events if e["kind"] == "inject" and e["channel"] == "press_call"}


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_silent_bot_does_nothing_scores_low_and_lets_the_crisis_reach_the_top(scenario_id):
    world, card = played(scenario_id, "silent")
    assert not [e for e in world.events if e["kind"] in ("action", "refused")]
    assert card.total <= 20
    assert world.max_level == drill(scenario_id).top_level


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_off_focal_bot_fails_one_focal_point_and_no_other_legal_rule(scenario_id):
    world, card = played(scenario_id, "off_focal_point")
    assert [r.id for r in card.failures] == ["one_focal_point"]
    speakers = {e["role"] for e in world.events if e["kind"] == "action" and "analysis" in e}
    assert "spokesperson" in speakers and speakers - {"spokesperson"}


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_inputs_of_a_bot_play_replay_to_the_same_log(scenario_id):
    world, _ = played(scenario_id, "off_focal_point")
    replayed = play(drill(scenario_id), inputs_of(world), seed=world.seed)
    assert as_json(replayed.events) == as_json(world.events)


# --- determinism, roles, trainees ---------------------------------------------------------------


def test_same_seed_same_log_and_another_seed_another():
    scenario = drill(SCENARIOS[0])
    runs = [play_with_bots(scenario, [Bot("exemplary", scenario)], seed=seed) for seed in (3, 3, 4)]
    assert as_json(runs[0].events) == as_json(runs[1].events)
    assert as_json(runs[0].events) != as_json(runs[2].events)


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_bots_restricted_to_some_roles_never_act_for_the_others(scenario_id):
    scenario = drill(scenario_id)
    roles = {"spokesperson", "propaganda_board"}
    world = play_with_bots(scenario, [Bot("off_focal_point", scenario, roles=roles)])
    acted = {e["role"] for e in world.events if e["kind"] in ("action", "refused")}
    assert acted and acted <= roles
    assert "info_department" not in acted


def test_a_team_split_over_bots_plays_the_procedure_as_one_bot_does():
    scenario = drill(SCENARIOS[0])
    others = set(scenario.trainee_roles) - {"spokesperson"}
    world = play_with_bots(
        scenario, [Bot("exemplary", scenario, roles=others), Bot("exemplary", scenario, roles={"spokesperson"})]
    )
    assert score(scenario, world.events).total == 100


def test_a_trainee_action_is_applied_at_its_minute_and_the_bots_build_on_it():
    trainee = Action(at=30.0, role="info_department", type="flag_issue", params={"item": "post-1", "level": 2})
    bots = Bot("exemplary", MINIMAL, roles={"spokesperson", "propaganda_board"})
    world = play_with_bots(MINIMAL, [bots], trainee_actions=[trainee])
    flags = [e for e in world.events if e["kind"] == "action" and e["type"] == "flag_issue"]
    assert [(f["t"], f["role"]) for f in flags] == [(30.0, "info_department")]
    board_report = next(e for e in world.events if e["kind"] == "action" and e["type"] == "report_up")
    assert board_report["role"] == "propaganda_board" and board_report["t"] > 30.0


def test_until_stops_the_play_at_that_minute():
    world = play_with_bots(MINIMAL, [Bot("exemplary", MINIMAL)], until=50)
    assert not world.over and world.now == 50
    assert all(e["t"] <= 50 for e in world.events)


def test_bad_bots_and_teams_are_refused():
    with pytest.raises(ValueError, match="no bot"):
        Bot("reckless", MINIMAL)
    with pytest.raises(ValueError, match="agency_head"):
        Bot("exemplary", MINIMAL, roles={"agency_head"})
    with pytest.raises(ValueError, match="two bots"):
        BotTeam([Bot("exemplary", MINIMAL), Bot("silent", MINIMAL, roles={"spokesperson"})])
    used = Bot("exemplary", MINIMAL)
    play_with_bots(MINIMAL, [used])
    with pytest.raises(ValueError, match="already played"):
        play_with_bots(MINIMAL, [used])
    with pytest.raises(ValueError, match="another drill"):
        play_with_bots(MINIMAL, [Bot("exemplary", drill(SCENARIOS[0]))])


# --- the incremental API: the same log stepped or live ------------------------------------------


def test_advancing_in_uneven_steps_gives_the_headless_log_and_replays():
    headless = play_with_bots(MINIMAL, [Bot("exemplary", MINIMAL)], seed=2)
    world, recorded = World(MINIMAL, seed=2), []
    team = BotTeam([Bot("exemplary", MINIMAL)])

    def record_then_apply(action: Action) -> None:
        recorded.append(action)
        world.act(action)

    minute = 0.0
    while not world.over:
        minute += 7.3
        applied = team.advance(world, minute, apply=record_then_apply)
        assert all(a.at <= minute for a in applied)
    assert as_json(world.events) == as_json(headless.events)
    assert as_json(play(MINIMAL, recorded, seed=2).events) == as_json(world.events)


def test_a_live_ticker_asking_what_is_due_replays_from_its_inputs():
    driver = Driver(World(MINIMAL, seed=1), speed=60)  # a scenario hour per real minute
    team = BotTeam([Bot("exemplary", MINIMAL, roles={"propaganda_board", "info_department"})])
    driver.start(0.0)
    driver.submit("spokesperson", "message", {"text": "Tôi sẵn sàng."}, now=4.0)
    for now in range(1, 700, 3):  # real minutes, ticked coarsely
        driver.tick(float(now))
        team.catch_up(driver.world.events)
        for action in team.due(driver.world.now):
            assert action.at == driver.world.now
            driver.submit(action.role, action.type, action.params, now=float(now))
    driver.tick(10_000.0)
    live = driver.world.events
    assert live[-1]["kind"] == "end"
    assert {e["role"] for e in live if e["kind"] == "action"} == {"spokesperson", "propaganda_board", "info_department"}
    assert as_json(play(MINIMAL, driver.inputs, seed=1).events) == as_json(live)


# --- hints ---------------------------------------------------------------------------------------


def test_hints_tell_a_trainee_spokesperson_what_the_procedure_expects_next():
    others = set(MINIMAL.trainee_roles) - {"spokesperson"}
    world = play_with_bots(MINIMAL, [Bot("exemplary", MINIMAL, roles=others)], until=70)
    hints = next_expected(MINIMAL, world.events, "spokesperson", now=70)
    assert [h.type for h in hints] == ["issue_statement", "answer_press"]  # soonest first
    statement, answer = hints
    assert answer.params["call"] == "call-1" and answer.deadline == 150.0
    assert answer.reason.vi.startswith("Trả lời") and answer.reason.en.startswith("Answer")
    assert statement.deadline == world.events[0]["t"] + 1440  # post-1, incident.received_by, plus 24 hours
    analysis = analyse_statement(MINIMAL, statement.params["text"], world.verified)
    assert analysis.facts and not analysis.claims and not analysis.unverified_facts
    assert next_expected(MINIMAL, world.events, "spokesperson", now=151) == [statement]  # the call's window is over


def test_a_bot_hints_for_a_role_it_does_not_play_as_the_log_does():
    bot = Bot("exemplary", MINIMAL, roles={"propaganda_board", "info_department"})
    world = play_with_bots(MINIMAL, [bot], until=20)
    expected = bot.next_expected("spokesperson")
    assert expected == next_expected(MINIMAL, world.events, "spokesperson")
    assert [h.as_dict()["type"] for h in expected] == ["issue_statement"]


def test_hints_follow_the_two_act_assignment():
    """The board is hinted to propose, never to assign; a trainee head is hinted to assign once proposed."""
    scenario = with_head_as_trainee(MINIMAL)
    others = set(scenario.trainee_roles) - {"propaganda_board", "agency_head"}
    board_steps = [
        Action(12, "propaganda_board", "report_up", {"to": "standing_committee", "summary": "Tin đồn."}),
        Action(13, "propaganda_board", "convene_meeting", {"agenda": "Họp xử lý."}),
    ]
    world = play_with_bots(scenario, [Bot("exemplary", scenario, roles=others)], trainee_actions=board_steps, until=30)
    board = [h.type for h in next_expected(scenario, world.events, "propaganda_board")]
    assert "propose_spokesperson" in board and "assign_spokesperson" not in board
    assert not next_expected(scenario, world.events, "agency_head")  # nothing to decide before a proposal
    proposed = play_with_bots(scenario, [Bot("exemplary", scenario, roles=others | {"propaganda_board"})], until=30)
    (hint,) = next_expected(scenario, proposed.events, "agency_head")
    assert hint.type == "assign_spokesperson" and hint.params["speaker"] == "spokesperson"
    assert "Art. 3.5, 4.1" in hint.reason.en


# --- who does what, and what is written ----------------------------------------------------------


def with_head_as_trainee(scenario: Scenario) -> Scenario:
    """A copy of a drill whose head of the agency is a trainee role."""
    head = scenario.head_of_agency
    roles = tuple(r.model_copy(update={"played_by": "trainee"}) if r.id == head else r for r in scenario.roles)
    return scenario.model_copy(update={"roles": roles})


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_exemplary_bot_proposes_and_the_simulated_head_assigns(scenario_id):
    world, _ = played(scenario_id, "exemplary")
    scenario = drill(scenario_id)
    (proposal,) = [e for e in world.events if e["kind"] == "action" and e["type"] == "propose_spokesperson"]
    assert proposal["role"] == "propaganda_board" and proposal["params"]["speaker"] == scenario.regular_spokesperson
    (decision,) = [e for e in world.events if e["kind"] == "reply" and e.get("effect") == "assigned"]
    assert decision["actor"] == scenario.head_of_agency and decision["in_reply_to"] == proposal["seq"]
    assert not [e for e in world.events if e["kind"] == "action" and e["type"] == "assign_spokesperson"]


@pytest.mark.parametrize("scenario_id", ["khieu-nai-di-doi-cho", "nuoc-may-nhiem-doc"])
def test_a_bot_playing_a_trainee_head_assigns_after_the_boards_proposal(scenario_id):
    scenario = with_head_as_trainee(drill(scenario_id))
    world = play_with_bots(scenario, [Bot("exemplary", scenario)])
    card = score(scenario, world.events)
    assert card.total == 100, [(r.id, r.explanation.en) for r in card.failures]
    acts = [e for e in world.events if e["kind"] == "action"]
    proposal = next(e for e in acts if e["type"] == "propose_spokesperson")
    (assignment,) = [e for e in acts if e["type"] == "assign_spokesperson"]
    assert assignment["role"] == scenario.head_of_agency and assignment["seq"] > proposal["seq"]
    assert not [e for e in world.events if e["kind"] in ("refused",) or e.get("effect") == "assigned"]


def test_the_regular_spokesperson_speaks_by_the_holding_time_when_nobody_assigns():
    alone = without_role(without_role(MINIMAL, "info_department"), "propaganda_board")
    world = play_with_bots(alone, [Bot("exemplary", alone)])
    statements = [e for e in world.events if e["kind"] == "action" and "analysis" in e]
    assert statements and statements[0]["spokesperson"] == "spokesperson"
    assert not [e for e in world.events if e["kind"] == "refused"]


def test_without_an_info_department_the_board_watches_and_nobody_asks_a_takedown():
    duties = Duties.of(without_role(MINIMAL, "info_department"))
    assert duties.watcher == duties.coordinator == "propaganda_board"
    assert duties.takedowns is None and duties.speaker == "spokesperson" and duties.stray == "propaganda_board"
    only_speaker = Duties.of(without_role(without_role(MINIMAL, "info_department"), "propaganda_board"))
    assert only_speaker.assigner is None and only_speaker.stray is None


def test_every_cerc_sentence_shows_its_item():
    for item, sentences in WORDS.cerc_sentences:
        for sentence in sentences:
            assert item in analyse_statement(MINIMAL, sentence, set()).cerc, sentence


def test_a_fact_worded_with_the_rumour_falls_back_to_a_keyword_of_its_own():
    writer = Writer(MINIMAL)
    fact = {"fact": "air-normal", "statement": {"vi": "Sau tin khí độc, không khí vẫn bình thường."}}
    sentence = writer.fact_sentence(fact, frozenset({"air-normal"}))
    assert sentence == "Cơ quan chức năng xác nhận: quan trắc."
    assert writer.fact_sentence(fact, frozenset()) is None  # not verified yet: no sentence at all
    text = writer.press_text("Người phát ngôn thông tin về vụ việc.", [fact], frozenset({"air-normal"}))
    analysis = analyse_statement(MINIMAL, text, {"air-normal"})
    assert analysis.facts == ("air-normal",) and not analysis.claims
