"""The world: build it from the test scenario, feed it stamped actions, run it, assert on the log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scenarios.loader import load_scenario
from sim_helpers import act
from sim.statements import analyse_statement
from sim.world import World, play

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(FIXTURE)


def of_kind(world, kind, **match):
    return [e for e in world.events if e["kind"] == kind and all(e.get(k) == v for k, v in match.items())]


GOOD_TEXT = (
    "Chúng tôi chia sẻ lo lắng của người dân. Kết quả quan trắc không khí trong giới hạn cho phép, "
    "không có sự cố rò rỉ. Người dân yên tâm sinh hoạt bình thường; liên hệ đường dây nóng để được giải đáp."
)
RESPONSIVE = [
    act(10, "info_department", "report_up", to="propaganda_board", summary="Tin đồn trên Facebook"),
    act(15, "propaganda_board", "convene_meeting", agenda="Xử lý tin đồn"),
    act(16, "propaganda_board", "verify"),
    act(17, "propaganda_board", "propose_spokesperson", speaker="spokesperson"),
    act(20, "info_department", "request_takedown", post="post-1"),
    act(107, "spokesperson", "issue_statement", channel="portal", form="press_release", text=GOOD_TEXT),
    act(110, "spokesperson", "answer_press", call="call-1", text=GOOD_TEXT),
]


def test_timed_inject_reaches_only_its_roles(scenario):
    world = play(scenario, [], until=30)
    (post,) = of_kind(world, "inject", inject="post-1")
    assert post["t"] == 5.0 and post["origin"] == "timed"
    assert post["audience"] == ["info_department"]
    assert post["content"]["vi"].startswith("Nhà máy hóa chất")


def test_events_are_numbered_and_in_time_order(scenario):
    world = play(scenario, RESPONSIVE)
    assert [e["seq"] for e in world.events] == list(range(1, len(world.events) + 1))
    times = [e["t"] for e in world.events]
    assert times == sorted(times)
    assert world.events[-1]["kind"] == "end" and world.events[-1]["t"] == scenario.duration


def test_conditional_inject_fires_once_when_its_condition_holds(scenario):
    world = play(scenario, [])
    (hotline,) = of_kind(world, "inject", inject="hotline-1")
    assert hotline["origin"] == "condition"
    before = [e for e in of_kind(world, "opinion") if e["t"] <= hotline["t"]]
    assert before[-1]["seen"] > 5000 and all(e["seen"] <= 5000 for e in before[:-1])


def test_silence_escalates_and_releases_the_levels_injects(scenario):
    world = play(scenario, [])
    (escalation,) = of_kind(world, "escalation")
    assert (escalation["from"], escalation["to"]) == (1, 2)
    (article,) = of_kind(world, "inject", inject="article-1")
    assert article["origin"] == "level" and article["t"] == escalation["t"] + 10
    assert world.events[-1]["final_level"] == 2 == world.max_level


def test_unanswered_press_call_leads_to_a_critical_article(scenario):
    world = play(scenario, [])
    (missed,) = of_kind(world, "deadline_missed", inject="call-1")
    assert missed["t"] == 150.0 and missed["audience"] == ["spokesperson"]
    (article,) = of_kind(world, "inject", inject="call-1-followup")
    assert article["origin"] == "world" and article["t"] > missed["t"]
    assert article["claims"] == ["toxic-gas"] and "Có đúng nhà máy" in article["content"]["vi"]


def test_an_answer_within_the_window_is_published_instead_of_a_critical_article(scenario):
    world = play(scenario, RESPONSIVE)
    assert not of_kind(world, "deadline_missed")
    assert not of_kind(world, "inject", inject="call-1-followup")
    (report,) = of_kind(world, "inject", inject="call-1-report")
    assert report["origin"] == "world" and report["claims"] == [] and report["t"] > 110
    assert "Kết quả quan trắc không khí" in report["content"]["vi"]


def test_a_refusal_is_not_published_as_an_answer(scenario):
    world = play(scenario, [act(70, "spokesperson", "answer_press", call="call-1", refusal="under_investigation")])
    assert not of_kind(world, "inject", inject="call-1-report")


def test_an_answer_stamped_at_the_deadline_minute_is_in_time(scenario):
    world = play(scenario, [act(150, "spokesperson", "answer_press", call="call-1", refusal="under_investigation")])
    assert not of_kind(world, "deadline_missed")


@pytest.mark.parametrize(
    "action, code",
    [
        (act(30, "info_department", "convene_meeting", agenda="x"), "not_allowed"),
        (act(30, "standing_committee", "report_up", to="propaganda_board", summary="x"), "unknown_role"),
        (act(30, "agency_head", "issue_statement", channel="portal", form="press_release", text="x"), "unknown_role"),
        (act(30, "spokesperson", "dance"), "unknown_action"),
        (act(30, "propaganda_board", "choose_form", form="carrier_pigeon"), "bad_parameter"),
        (act(30, "spokesperson", "answer_press", call="call-1", text="x"), "unknown_item"),
        (act(70, "info_department", "request_takedown", post="call-1"), "wrong_item"),
        (act(30, "spokesperson", "issue_statement", channel="portal", form="press_release"), "missing_parameter"),
        (act(30, "info_department", "flag_issue", level=7), "bad_parameter"),
    ],
)
def test_bad_actions_are_refused_with_a_reason_and_the_world_goes_on(scenario, action, code):
    world = play(scenario, [action])
    (refused,) = of_kind(world, "refused")
    assert refused["reason"]["code"] == code and refused["role"] == action.role
    assert refused["reason"]["vi"] and refused["reason"]["en"]
    assert refused["audience"] == ([action.role] if action.role in scenario.trainee_roles else [])
    assert world.events[-1]["kind"] == "end"


def test_verification_returns_facts_after_their_delays(scenario):
    world = play(scenario, [act(20, "info_department", "verify", agency="police")])
    (fact,) = of_kind(world, "fact")
    assert fact["fact"] == "no-leak" and fact["t"] == 20 + 90
    assert set(fact["audience"]) == {"info_department", "spokesperson"}
    assert fact["in_reply_to"] == of_kind(world, "action", type="verify")[0]["seq"]


def test_a_statement_before_verification_uses_unverified_facts(scenario):
    early = play(
        scenario, [act(30, "spokesperson", "issue_statement", channel="portal", form="press_release", text=GOOD_TEXT)]
    )
    late = play(scenario, RESPONSIVE)
    (early_statement,) = of_kind(early, "action", type="issue_statement")
    assert set(early_statement["analysis"]["unverified_facts"]) == {"air-normal", "no-leak"}
    (late_statement,) = of_kind(late, "action", type="issue_statement")
    assert late_statement["analysis"]["unverified_facts"] == []
    assert set(late_statement["analysis"]["messages"]) == {"safe", "hotline"}
    assert late_statement["spokesperson"] == "spokesperson"


def test_repeating_the_false_claim_is_detected_even_without_diacritics(scenario):
    repeat, denial = "Nha may da xa khi doc, dan phai so tan.", "Khong co chuyen xa khi doc, dan khong phai so tan."
    world = play(
        scenario,
        [
            act(30, "spokesperson", "issue_statement", channel="portal", form="press_release", text=repeat),
            act(40, "spokesperson", "issue_statement", channel="portal", form="press_release", text=denial),
        ],
    )
    repeated, denied = of_kind(world, "action", type="issue_statement")
    assert repeated["analysis"]["claims"] == ["toxic-gas"] and repeated["analysis"]["refuted"] == []
    assert denied["analysis"]["claims"] == [] and denied["analysis"]["refuted"] == ["toxic-gas"]


def test_report_up_gets_the_standing_committees_directive(scenario):
    world = play(scenario, RESPONSIVE)
    (reply,) = of_kind(world, "reply", actor="standing_committee")
    assert reply["effect"] == "directive" and reply["t"] == 10 + scenario.actors.standing_committee
    assert set(reply["audience"]) == {"info_department", "propaganda_board"}


def test_the_assigned_spokesperson_is_told_of_the_assignment(scenario):
    world = play(scenario, [act(5, "propaganda_board", "propose_spokesperson", speaker="spokesperson")])
    (assignment,) = of_kind(world, "reply", effect="assigned")
    assert set(assignment["audience"]) == {"propaganda_board", "spokesperson"}


def test_takedown_is_answered_by_the_platform_and_slows_the_spread(scenario):
    takedown = play(scenario, [act(20, "info_department", "request_takedown", post="post-1")])
    silent = play(scenario, [])
    (reply,) = of_kind(takedown, "reply", actor="platform")
    assert reply["effect"] == "removed" and reply["t"] == 20 + scenario.actors.platform
    at = lambda w, t: next(e for e in of_kind(w, "opinion") if e["t"] == t)["seen"]  # noqa: E731
    assert at(takedown, 120) < at(silent, 120)


def test_the_response_changes_the_outcome(scenario):
    responsive, silent = play(scenario, RESPONSIVE), play(scenario, [])
    assert responsive.events[-1]["belief"] < silent.events[-1]["belief"] / 3
    assert responsive.events[-1]["trust"] > silent.events[-1]["trust"]
    assert responsive.max_level == 1 and silent.max_level == 2


def test_an_early_statement_works_better_than_a_late_one(scenario):
    def belief_after(minute):
        text = "Người dân yên tâm sinh hoạt bình thường; liên hệ đường dây nóng."
        world = play(
            scenario,
            [act(minute, "spokesperson", "issue_statement", channel="tv", form="press_release", text=text)],
            until=minute + 10,
        )
        return (
            of_kind(world, "opinion")[-1]["belief"] / of_kind(play(scenario, [], until=minute + 10), "opinion")[-1]["belief"]
        )

    assert belief_after(30) < belief_after(300)


def test_contradicting_voices_make_things_worse(scenario):
    text = "Người dân yên tâm sinh hoạt bình thường."
    one_voice = [
        act(30, "spokesperson", "issue_statement", channel="tv", form="press_release", text=text),
        act(40, "spokesperson", "issue_statement", channel="tv", form="press_release", text=text),
    ]
    two_voices = [one_voice[0], act(40, "info_department", "issue_statement", channel="tv", form="press_release", text=text)]
    single, double = play(scenario, one_voice, until=50), play(scenario, two_voices, until=50)
    assert of_kind(double, "opinion")[-1]["trust"] < of_kind(single, "opinion")[-1]["trust"]
    assert of_kind(double, "opinion")[-1]["believers"] > of_kind(single, "opinion")[-1]["believers"]


def canonical(world):
    return json.dumps(world.events, ensure_ascii=False, sort_keys=True)


def test_same_seed_and_actions_give_the_same_log_byte_for_byte(scenario):
    assert canonical(play(scenario, RESPONSIVE, seed=7)) == canonical(play(scenario, RESPONSIVE, seed=7))
    assert canonical(play(scenario, RESPONSIVE, seed=7)) != canonical(play(scenario, RESPONSIVE, seed=8))


def test_driving_the_world_in_small_steps_gives_the_replayed_log(scenario):
    """What a live runner does (advance a little, apply what arrived) equals a headless replay."""
    live = World(scenario, seed=3)
    pending = list(RESPONSIVE)
    minute = 0.0
    while minute < scenario.duration:
        minute = round(minute + 0.7, 6)
        while pending and pending[0].at <= minute:
            action = pending.pop(0)
            live.advance_to(action.at)
            live.act(action)
        live.advance_to(minute)
    live.finish()
    assert canonical(live) == canonical(play(scenario, RESPONSIVE, seed=3))


def test_the_instructor_can_fire_an_inject_now_or_write_one(scenario):
    world = World(scenario)
    world.advance_to(20)
    assert world.fire_inject("call-1") and not world.fire_inject("call-1")
    (call,) = of_kind(world, "inject", inject="call-1")
    assert call["origin"] == "instructor" and call["deadline"] == 20 + 90
    from scenarios.texts import Text

    custom = world.custom_inject("dispatch", Text(vi="Công văn hỏa tốc"), ["propaganda_board"], Text(vi="UBND tỉnh"))
    (event,) = of_kind(world, "inject", inject=custom)
    assert event["audience"] == ["propaganda_board"] and event["content"]["vi"] == "Công văn hỏa tốc"


def test_actions_after_the_end_change_nothing(scenario):
    world = play(scenario, [])
    world.act(act(700, "spokesperson", "message", text="xin chào"))
    assert world.events[-1]["kind"] == "end"


def test_one_stray_voice_does_not_spoil_the_spokespersons_later_statements(scenario):
    text = "Người dân yên tâm sinh hoạt bình thường."
    assign = act(20, "propaganda_board", "propose_spokesperson", speaker="spokesperson")
    stray = act(30, "info_department", "issue_statement", channel="tv", form="press_release", text=text)
    official = act(40, "spokesperson", "issue_statement", channel="tv", form="press_release", text=text)
    with_stray, without = play(scenario, [assign, stray, official], until=41), play(scenario, [assign, official], until=41)
    trust = lambda w: w.opinion.trust  # noqa: E731
    assert trust(with_stray) < trust(without)
    penalty_of_stray = (
        play(scenario, [assign], until=31).opinion.trust - play(scenario, [assign, stray], until=31).opinion.trust
    )
    assert trust(without) - trust(with_stray) <= penalty_of_stray + 1e-9


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Vụ việc đang được Công an tỉnh xác minh.", {"unknowns"}),
        ("Nguyên nhân chưa có kết luận chính thức.", {"unknowns"}),
        ("Chúng tôi sẽ tiếp tục thông báo kết quả.", {"next_update"}),
        ("UBND tỉnh se som cap nhat.", {"next_update"}),  # typed without diacritics
        ("Nhà máy đang hoạt động bình thường.", set()),
    ],
)
def test_cerc_items_are_recognised_however_they_are_worded(scenario, text, items):
    cerc = set(analyse_statement(scenario, text, set()).cerc)
    assert cerc & {"unknowns", "next_update"} == items
