"""The after-action review of one team (`debrief.review`), the attribution of acts and what a role had seen."""

from __future__ import annotations

import itertools
import json

import pytest

from debrief import Note, TeamRun, TeamRunError, Trainee, review, seen_by
from debrief.attribution import ActionInput, attribute
from debrief.headless import HEADLESS_TEAM, headless_run
from scoring import score
from scenarios.actions import CATALOG
from tests.debrief_helpers import SCHOOL, TRAINEES, WATER, played, scenario, team_run


def test_the_card_is_the_score_card_of_the_log():
    for play in ("exemplary", "silent", "unverified"):
        events, card = played(WATER, play)
        result = review(team_run(WATER, play))
        assert result.card == card == score(scenario(WATER), events)
    assert review(team_run(WATER, "exemplary")).card.total > review(team_run(WATER, "silent")).card.total


def test_the_timeline_keeps_every_event_but_opinion_samples_in_order():
    events, _ = played(WATER, "exemplary")
    entries = review(team_run(WATER, "exemplary")).timeline
    assert [e.seq for e in entries] == [e["seq"] for e in events if e["kind"] != "opinion"]
    assert all(a.t <= b.t for a, b in itertools.pairwise(entries))
    first = entries[0]
    assert (first.category, first.time, first.audience) == ("inject", "T+00:10", ("info_department",))
    assert "KHẨN: Nước máy nhiễm độc" in first.summary.vi and "tap water poisoned" in first.summary.en


def test_actions_name_their_trainee_type_and_key_parameter():
    entries = review(team_run(WATER, "exemplary")).timeline
    propose = next(e for e in entries if e.category == "action" and "Đề xuất người phát ngôn" in e.summary.vi)
    assert propose.role == "propaganda_board" and propose.who == TRAINEES["propaganda_board"]
    assert "Người phát ngôn UBND tỉnh" in propose.summary.vi and "Propose the spokesperson" in propose.summary.en
    decision = next(e for e in entries if e.category == "reply" and e.seq > propose.seq)
    assert "Chủ tịch UBND tỉnh phân công" in decision.summary.vi and "assigns" in decision.summary.en
    answer = next(e for e in entries if e.category == "action" and e.summary.en.startswith("Answer the press"))
    assert "Đặng Quang Châu" in answer.summary.vi and answer.who == TRAINEES["spokesperson"]


def test_the_silent_play_shows_its_missed_deadlines_and_escalation():
    result = review(team_run(WATER, "silent"))
    missed = [e for e in result.timeline if e.category == "deadline_missed"]
    assert [(e.time, e.audience) for e in missed] == [
        ("T+02:20", ("spokesperson", "info_department")),
        ("T+05:30", ("spokesperson",)),
    ]
    assert [m.call for m in result.missed_deadlines] == ["call-paper", "call-tv"]
    assert result.missed_deadlines[0].delivered_at == 50 and result.missed_deadlines[0].deadline == 140
    calls = [e for e in result.timeline if e.press_call is not None]
    assert [(c.press_call.response, c.press_call.deadline) for c in calls] == [("missed", 140), ("missed", 330)]
    escalation = next(e for e in result.timeline if e.category == "escalation")
    assert escalation.time == "T+03:00" and "từ cấp 0 lên cấp 1" in escalation.summary.vi
    assert [(s.t, s.level, s.cause) for s in result.levels] == [(0, 0, "start"), (180, 1, "escalation"), (720, 1, "end")]
    assert (result.final_level, result.max_level) == (1, 1)
    assert result.final_belief > 0.2 and result.final_trust < 0.5


def test_the_exemplary_play_answers_every_call_in_time():
    result = review(team_run(WATER, "exemplary"))
    events = {e["seq"]: e for e in played(WATER, "exemplary")[0]}
    calls = [e.press_call for e in result.timeline if e.press_call is not None]
    assert calls and all(c.response == "answered" for c in calls)
    assert all(events[c.answer_seq]["type"] == "answer_press" and events[c.answer_seq]["t"] <= c.deadline for c in calls)
    assert result.missed_deadlines == () and not any(e.category == "deadline_missed" for e in result.timeline)
    assert [s.cause for s in result.levels] == ["start", "end"] and result.max_level == 0


def test_a_three_level_crisis_escalates_twice():
    result = review(team_run(SCHOOL, "silent"))
    steps = [(s.level, s.cause) for s in result.levels]
    assert steps == [(1, "start"), (2, "escalation"), (3, "escalation"), (3, "end")]
    assert len(result.missed_deadlines) == 4


def test_the_opinion_series_has_every_sample():
    events, _ = played(WATER, "silent")
    result = review(team_run(WATER, "silent"))
    samples = [e for e in events if e["kind"] == "opinion"]
    assert len(result.opinion) == len(samples) == 72
    last = result.opinion[-1]
    assert (last.t, last.belief, last.trust, last.seen_share, last.level) == (
        samples[-1]["t"],
        samples[-1]["belief"],
        samples[-1]["trust"],
        samples[-1]["seen_share"],
        1,
    )
    assert result.opinion[0].level == 0


def test_roles_and_trainees_count_their_accepted_refused_and_press_facing_acts():
    events, _ = played(WATER, "exemplary", refused=True)
    result = review(team_run(WATER, "exemplary", refused=True))
    for role in scenario(WATER).trainee_roles:
        acts = [e for e in events if e["kind"] == "action" and e["role"] == role]
        summary = result.role(role)
        assert summary.accepted == len(acts)
        assert summary.press_facing == sum(CATALOG[e["type"]].press_facing for e in acts)
        assert summary.trainees == (TRAINEES[role],)
    spokesperson = result.role("spokesperson")
    assert spokesperson.refused == 1 and spokesperson.press_facing == 4
    assert spokesperson.label.vi == "Người phát ngôn UBND tỉnh"
    refused = next(a for a in spokesperson.acts if not a.accepted)
    assert refused.t == 30 and "bị từ chối" in refused.summary.vi and "refused" in refused.summary.en
    trainee = next(t for t in result.by_trainee if t.name == TRAINEES["spokesperson"])
    assert (trainee.role, trainee.accepted, trainee.refused) == ("spokesperson", spokesperson.accepted, 1)
    assert any(e.category == "refused" and e.who == TRAINEES["spokesperson"] for e in result.timeline)


def test_a_trainee_who_never_acted_is_still_listed():
    result = review(team_run(WATER, "silent"))
    assert [(t.name, t.accepted, t.refused) for t in result.by_trainee] == [(n, 0, 0) for n in TRAINEES.values()]


def test_observations_sit_at_their_minute_after_the_events_of_that_minute():
    notes = (
        Note(at=50, text="Chưa ai nghe máy phóng viên", author="Phạm Thị Dung"),
        Note(at=12.5, text="Phát hiện nhanh", author="Phạm Thị Dung"),
    )
    result = review(team_run(WATER, "exemplary", observations=notes))
    positions = {e.summary.vi: i for i, e in enumerate(result.timeline) if e.category == "observation"}
    call = next(i for i, e in enumerate(result.timeline) if e.press_call is not None)
    assert positions["Chưa ai nghe máy phóng viên"] == call + 1  # the call came at minute 50 too
    early = positions["Phát hiện nhanh"]
    assert result.timeline[early - 1].t <= 12.5 < result.timeline[early + 1].t
    entry = result.timeline[early]
    assert (entry.seq, entry.who, entry.audience, entry.time) == (None, "Phạm Thị Dung", (), "T+00:12:30")
    assert result.observations == notes


def test_a_run_stopped_early_has_no_end_and_open_calls():
    result = review(team_run(WATER, "silent", until=100))
    assert result.status == "paused" and [s.cause for s in result.levels] == ["start"]
    assert result.final_level == 0 and result.final_belief == result.opinion[-1].belief
    call = next(e.press_call for e in result.timeline if e.press_call is not None)
    assert (call.response, call.answer_seq) == ("open", None)


def test_the_review_is_json_ready_with_rule_titles():
    data = review(team_run(WATER, "unverified")).as_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    rule = next(r for r in data["card"]["rules"] if r["id"] == "verified_facts_only")
    assert rule["title"]["vi"] == "Chỉ phát ngôn trên thông tin đã xác minh" and rule["passed"] is False
    assert data["timeline"][0]["summary"]["vi"].startswith("Mạng xã hội")


def test_seen_by_follows_the_audience_up_to_the_event():
    run = team_run(WATER, "exemplary")
    events = {e["seq"]: e for e in run.events}
    seen = seen_by(run, "spokesperson", 40)
    assert seen and all(e["seq"] <= 40 and "spokesperson" in e["audience"] for e in seen)
    assert 1 not in {e["seq"] for e in seen}  # the rumour's post went to the info department only
    assert [e["seq"] for e in seen] == [s for s, e in sorted(events.items()) if s <= 40 and "spokesperson" in e["audience"]]
    assert 1 in {e["seq"] for e in seen_by(run, "info_department", 1)}
    assert not any(e["kind"] == "opinion" for e in seen_by(run, "propaganda_board", len(events)))
    with pytest.raises(ValueError, match="'standing_committee' is not a trainee role"):
        seen_by(run, "standing_committee", 10)


def test_attribution_follows_the_input_log():
    events, _ = played(WATER, "exemplary", refused=True)
    acts = [e for e in events if e["kind"] in ("action", "refused")]
    inputs = [ActionInput("member:1" if e["role"] == "spokesperson" else f"bot:{e['role']}", e["role"]) for e in acts]
    actors = attribute(
        scenario(WATER),
        events,
        inputs + [ActionInput("member:1", "spokesperson")],  # one not yet applied
        {"member:1": "Nguyễn Văn An"},
    )
    assert set(actors) == {e["seq"] for e in acts}
    refused = next(e for e in acts if e["kind"] == "refused")
    assert actors[refused["seq"]] == "Nguyễn Văn An"
    board = next(e for e in acts if e["role"] == "propaganda_board")
    assert actors[board["seq"]] == "Bot (vai Ban Tuyên giáo và Dân vận Tỉnh ủy)"
    shifted = inputs[1:]
    with pytest.raises(TeamRunError, match="input log and the event log disagree"):
        attribute(scenario(WATER), events, shifted, {})


def test_a_headless_run_labels_acts_by_role():
    events, _ = played(WATER, "exemplary")
    run = headless_run(scenario(WATER), events, seed=0)
    assert run.team == HEADLESS_TEAM and run.members == () and run.status == "ended"
    first = next(e for e in events if e["kind"] == "action")
    assert run.actors[first["seq"]] == "Chạy thử (vai Sở Văn hóa, Thể thao và Du lịch)"
    assert review(run).by_trainee == ()


def test_a_team_run_that_does_not_fit_together_is_refused():
    events, _ = played(WATER, "silent")
    with pytest.raises(TeamRunError, match="seq 1, which are not action or refused events"):
        TeamRun(scenario=scenario(WATER), team="Đội 1", members=(), events=events, actors={1: "An"})
    with pytest.raises(TeamRunError, match="role 'police', not a trainee role"):
        TeamRun(scenario=scenario(WATER), team="Đội 1", members=(Trainee("An", "police"),), events=events)
