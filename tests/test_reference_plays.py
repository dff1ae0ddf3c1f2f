"""The built-in drills and their reference plays (scenarios/library/<id>/plays/*.jsonl).

Every built-in scenario keeps four plays beside it, and each must show what it is for:

- `exemplary`: the procedure followed on time; scores at least 90 and the crisis never rises
  above its starting level;
- `silent`: no action at all; scores at most 20 and the crisis ends at the drill's top level;
- `off_focal_point`: someone other than the assigned spokesperson speaks to the press, so the
  one-focal-point rule fails;
- `unverified`: the spokesperson speaks before any fact is verified and repeats a false claim,
  so the verified-facts-only rule fails.

The plays run in process through the same function `run.py simulate` uses. The library as a
whole must cover crisis levels 1, 2 and 3 under each rule set, and the kinds of crisis the seeds
name (pollution, land clearance, public health, complaints, fake news about officials, natural
disasters), each drill a different kind, in Vietnamese with its diacritics.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from commands.simulate import simulate
from scenarios.library import builtin_ids, play_paths, scenario_path
from scenarios.loader import load_scenario
from scenarios.model import Scenario
from scoring import ScoreCard
from scenarios.actions import Action, read_action_file
from sim.world import World

PLAYS = ("exemplary", "silent", "off_focal_point", "unverified")
SCENARIOS = builtin_ids()
SEED = 0

# Letters only Vietnamese uses among Latin scripts (a text "without diacritics" has none of them).
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)

LABELS = {
    "vn-2021": {"propaganda_board": "Ban Tuyên giáo Tỉnh ủy", "info_department": "Sở Thông tin và Truyền thông"},
    "vn-2026": {
        "propaganda_board": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "info_department": "Sở Văn hóa, Thể thao và Du lịch",
    },
}


@cache
def scenario(scenario_id: str) -> Scenario:
    return load_scenario(scenario_path(scenario_id))


@cache
def played(scenario_id: str, play: str) -> tuple[World, ScoreCard]:
    actions = read_action_file(str(play_paths(scenario_id)[play]))
    return simulate(scenario(scenario_id), actions, seed=SEED)


def statements(world: World) -> list[dict]:
    """Accepted press-facing acts with a text, in order."""
    return [e for e in world.events if e["kind"] == "action" and "analysis" in e]


def test_there_are_at_least_three_builtin_drills():
    assert len(SCENARIOS) >= 3, SCENARIOS


# --- each drill ---------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_drill_loads_and_keeps_all_four_plays(scenario_id):
    drill = scenario(scenario_id)
    assert drill.id == scenario_id
    assert set(PLAYS) <= set(play_paths(scenario_id)), play_paths(scenario_id)
    assert play_paths(scenario_id)["silent"].read_text(encoding="utf-8").strip() == ""


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_drill_is_written_in_vietnamese_with_diacritics_and_in_english(scenario_id):
    drill = scenario(scenario_id)
    texts = [
        drill.title,
        drill.brief,
        *(r.label for r in drill.roles),
        *(r.brief for r in drill.roles),
        *(lv.name for lv in drill.levels),
    ]
    for text in texts:
        assert VIETNAMESE.search(text.vi), f"no Vietnamese diacritics in {text.vi!r}"
        assert text.en, f"no English beside {text.vi!r}"
    for inject in drill.injects:
        assert VIETNAMESE.search(inject.content.vi), inject.id
    for fact in drill.facts:
        assert VIETNAMESE.search(fact.statement.vi), fact.id


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_drill_has_the_three_trainee_roles_labelled_for_its_rule_set(scenario_id):
    drill = scenario(scenario_id)
    assert {"spokesperson", "propaganda_board", "info_department"} <= set(drill.trainee_roles)
    for role_id, label in LABELS[drill.rule_set].items():
        assert drill.role(role_id).label.vi == label


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_drill_is_grounded_and_uses_fictional_people_from_the_cast(scenario_id):
    drill = scenario(scenario_id)
    assert any(source.startswith("seed ") for source in drill.sources), drill.sources
    assert drill.cast, "people are named through the cast (Faker vi_VN), never written in"
    assert drill.false_claims and drill.key_messages
    assert len({fact.source for fact in drill.facts}) >= 3, "facts come from several agencies"
    assert any(i.channel.value == "press_call" for i in drill.injects)
    assert any(i.channel.value == "press_article" and i.claims for i in drill.injects)


# --- each reference play ------------------------------------------------------------------------


@pytest.mark.parametrize("scenario_id", SCENARIOS)
@pytest.mark.parametrize("play", PLAYS)
def test_reference_plays_run_to_the_end_with_no_refused_action(scenario_id, play):
    world, card = played(scenario_id, play)
    assert world.events[-1]["kind"] == "end"
    refused = [(e["t"], e["role"], e["type"], e["reason"]["en"]) for e in world.events if e["kind"] == "refused"]
    assert not refused
    assert 0 <= card.total <= 100


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_exemplary_play_scores_at_least_90_and_keeps_the_crisis_at_its_start(scenario_id):
    drill = scenario(scenario_id)
    world, card = played(scenario_id, "exemplary")
    assert card.total >= 90, [(r.id, r.points, r.max_points) for r in card.rules]
    assert world.max_level == drill.start_level
    assert card.result("one_focal_point").passed and card.result("verified_facts_only").passed
    assert card.result("initial_information").passed
    first = statements(world)[0]
    assert first["role"] == "spokesperson" and first["analysis"]["facts"] and not first["analysis"]["claims"]


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_silent_play_scores_at_most_20_and_ends_at_the_top_level(scenario_id):
    drill = scenario(scenario_id)
    world, card = played(scenario_id, "silent")
    assert not any(e["kind"] == "action" for e in world.events)
    assert card.total <= 20
    end = world.events[-1]
    assert end["final_level"] == drill.top_level == world.level


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_off_focal_point_play_loses_the_one_focal_point_rule(scenario_id):
    world, card = played(scenario_id, "off_focal_point")
    assert not card.result("one_focal_point").passed
    assert [r.id for r in card.failures] == ["one_focal_point"], "the stray voice is the play's only fault"
    speakers = {e["role"] for e in statements(world)}
    assert "spokesperson" in speakers and speakers - {"spokesperson"}


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_unverified_play_speaks_before_verifying_and_repeats_a_false_claim(scenario_id):
    world, card = played(scenario_id, "unverified")
    assert not card.result("verified_facts_only").passed
    first = statements(world)[0]
    first_fact = next((e for e in world.events if e["kind"] == "fact"), None)
    assert first["role"] == "spokesperson"
    assert first_fact is None or first["seq"] < first_fact["seq"]
    assert first["analysis"]["claims"], "the first statement repeats a false claim"
    assert first["analysis"]["unverified_facts"], "the first statement uses facts nobody has verified yet"


@pytest.mark.parametrize("scenario_id", SCENARIOS)
@pytest.mark.parametrize("play", ["exemplary", "off_focal_point", "unverified"])
def test_every_play_has_the_board_propose_and_the_head_of_the_agency_assign(scenario_id, play):
    """Decree 244/2026 Art. 3.5, 4.1: the board proposes, the head of the state agency assigns in writing."""
    drill = scenario(scenario_id)
    world, card = played(scenario_id, play)
    (proposal,) = [e for e in world.events if e["kind"] == "action" and e["type"] == "propose_spokesperson"]
    assert proposal["role"] == "propaganda_board" and proposal["params"]["speaker"] == drill.regular_spokesperson
    (decision,) = [e for e in world.events if e.get("effect") == "assigned"]
    assert decision["actor"] == drill.head_of_agency and decision["in_reply_to"] == proposal["seq"]
    assert card.result("spokesperson_first").passed, card.result("spokesperson_first").explanation.en


def test_a_partial_answer_in_an_exemplary_play_is_lawful():
    world, card = played("tin-gia-lanh-dao", "exemplary")
    (partial,) = [e for e in world.events if e["kind"] == "action" and "withheld" in e["params"]]
    assert partial["params"]["withheld"] == "under_investigation" and partial["params"]["text"]
    assert card.result("press_requests_answered").passed


def flood_with_the_command_as_trainee() -> Scenario:
    drill = scenario("lu-quet-thuy-dien")
    roles = tuple(r.model_copy(update={"played_by": "trainee"}) if r.id == "agency_head" else r for r in drill.roles)
    return drill.model_copy(update={"roles": roles})


@pytest.mark.parametrize(("kind", "focal_point_kept"), [("situation_report", True), ("issue_statement", False)])
def test_in_the_flash_flood_the_commands_situation_reports_are_not_a_second_voice(kind, focal_point_kept):
    """The disaster prevention command reports on the operation; speaking for the province is the spokesperson's."""
    drill = flood_with_the_command_as_trainee()
    text = "Ban Chỉ huy thông báo: mực nước hạ lưu đã xuống dưới báo động 2; đã sơ tán toàn bộ các hộ ven suối."
    params = (
        {"channel": "tv", "text": text}
        if kind == "situation_report"
        else {"channel": "tv", "form": "press_release", "text": text}
    )
    actions = [
        *read_action_file(str(play_paths("lu-quet-thuy-dien")["exemplary"])),
        Action(at=150, role="agency_head", type=kind, params=params),
    ]
    world, card = simulate(drill, actions, seed=SEED)
    assert not [e for e in world.events if e["kind"] == "refused"]
    assert card.result("one_focal_point").passed is focal_point_kept


# --- the library as a whole ---------------------------------------------------------------------


def test_the_library_covers_levels_1_2_and_3():
    assert {1, 2, 3} <= {scenario(s).top_level for s in SCENARIOS}


def test_the_library_uses_both_rule_sets():
    assert {"vn-2021", "vn-2026"} <= {scenario(s).rule_set for s in SCENARIOS}


def test_the_library_trains_levels_1_2_and_3_under_each_rule_set():
    pairs = {(scenario(s).top_level, scenario(s).rule_set) for s in SCENARIOS}
    assert {(level, rules) for level in (1, 2, 3) for rules in ("vn-2021", "vn-2026")} <= pairs, pairs


def test_the_library_covers_the_kinds_of_crisis_the_seeds_name():
    kinds = {scenario(s).crisis_type.value for s in SCENARIOS}
    assert {"pollution", "land_clearance", "complaint", "fake_news_official", "natural_disaster"} <= kinds, kinds
    assert kinds & {"public_health", "food_safety"}, kinds


def test_the_drills_are_different_kinds_of_crisis():
    kinds = [scenario(s).crisis_type for s in SCENARIOS]
    assert len(set(kinds)) == len(kinds), kinds


def test_the_drills_use_every_channel_and_both_kinds_of_timing():
    injects = [i for s in SCENARIOS for i in scenario(s).injects]
    channels = {i.channel.value for i in injects}
    assert channels == {"social_post", "press_call", "press_article", "dispatch", "hotline", "monitoring_report", "tv"}
    assert any(i.at is not None for i in injects) and any(i.when for i in injects)
    assert all(lv.releases for s in SCENARIOS for lv in scenario(s).levels if lv.escalate_when)


def test_a_vn_2021_drill_starts_after_its_incident_so_the_24_hour_clock_bites():
    old = [scenario(s) for s in SCENARIOS if scenario(s).rule_set == "vn-2021"]
    assert any(d.incident.occurred_at <= -720 for d in old)
