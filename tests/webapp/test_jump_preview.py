"""Before "jump to the next inject", the console is told what the jump will skip, and that is what it then does.

Issue 13.9: after firing an inject early, the jump went from T+01:03 to T+10:00 and passed an
open deadline and an escalation silently. The preview names the target, the deadlines that
pass, the escalations and the injects delivered on the way; the live world is not moved by it.
"""

from __future__ import annotations

from live_helpers import control, run, stored_events
from web.outbox import INSTRUCTOR_NAMESPACE


def preview(teacher, **address) -> dict:
    return teacher.emit("jump_preview", address, namespace=INSTRUCTOR_NAMESPACE, callback=True)


def test_the_preview_lists_what_the_jump_skips_and_the_jump_does_exactly_that(drill):
    drill.start_all()
    run(drill.platform, drill.clock, 71)  # speed 60: minute 71, after the harmless post of T+01:10
    control(drill.teacher, drill.team_a, "fire", inject="call-tv")  # the 180-minute call, fired early
    before = stored_events(drill.platform.app, drill.team_a)

    answer = preview(drill.teacher, team_id=drill.team_a)
    assert answer["ok"], answer
    seen = answer["teams"][0]["preview"]
    assert 71 <= seen["from"] < 72 and seen["to"] == 600
    assert [i["inject"] for i in seen["target"]] == ["monitoring-evening"]
    assert {d["inject"] for d in seen["deadlines"]} == {"call-paper", "call-tv"}  # both calls go unanswered
    assert all(seen["from"] <= d["t"] < 600 for d in seen["deadlines"])
    assert seen["escalations"] and all(e["to"] > e["from"] for e in seen["escalations"])
    assert stored_events(drill.platform.app, drill.team_a) == before  # the preview moved nothing

    control(drill.teacher, drill.team_a, "jump")
    drill.platform.tick()
    after = stored_events(drill.platform.app, drill.team_a)[len(before) :]
    assert [(e["t"], e["inject"]) for e in after if e["kind"] == "deadline_missed"] == [
        (d["t"], d["inject"]) for d in seen["deadlines"]
    ]
    assert [(e["t"], e["to"]) for e in after if e["kind"] == "escalation"] == [
        (e["t"], e["to"]) for e in seen["escalations"]
    ]
    assert [e["inject"] for e in after if e["kind"] == "inject" and e["t"] < 600] == [i["inject"] for i in seen["injects"]]


def test_a_preview_is_refused_as_the_jump_would_be_and_names_each_team(drill):
    answer = preview(drill.teacher, exercise_id=drill.exercise_id)  # nobody started
    assert not answer["ok"] and [t["team_id"] for t in answer["teams"]] == [drill.team_a, drill.team_b]
    assert all("không đang chạy" in t["error"] for t in answer["teams"])
    assert preview(drill.teacher, team_id=10_000) == {"ok": False, "error": "Không có đội này."}
    assert not drill.teacher.emit("jump_preview", ["x"], namespace=INSTRUCTOR_NAMESPACE, callback=True)["ok"]
