"""The replay of one team's run, computed once on the server as a compact structure the page steps through.

    data = replay_data(run, team_review)

`events`: every event of the log in order, each with what the replay shows of
it (its one-line summary, who acted, the inject as delivered, a press call's
fate) and the state just after it: the crisis level and the score so far (the
score card of the log up to that event; opinion samples keep the last one).
The score so far carries the instructor's verdict overrides (`scoring.overrides`)
from the event at which the automatic scoring first judges the overridden rule
(the rule falls due); at the log's last event every override counts, a rule
never due included, as on the review's card: the replay ends on the review's total.
`visible`: for each trainee role, the seqs of the events it had seen by the
end of the log, from `debrief.seen_by`: the page shows a role, at a position
`seq`, the visible events up to `seq`. The instructor sees every event,
opinion samples included.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from debrief import TeamReview, TeamRun, seen_by
from scenarios.labels import role_label
from debrief.opinion import level_name
from scoring import ScoreCard, score
from scoring.overrides import Override, overridden
from scenarios.figures import format_t

INJECT_FIELDS = ("inject", "channel", "sender", "title", "content", "question")
OPINION_FIELDS = ("belief", "trust", "seen_share", "media_pressure")


def _level(event: Mapping[str, Any], level: int) -> int:
    """The crisis level after an event."""
    if event["kind"] == "escalation":
        return int(event["to"])
    if event["kind"] == "end":
        return int(event["final_level"])
    return level


def _with_overrides(card: ScoreCard, overrides: Mapping[str, Override], whole_log: bool) -> ScoreCard:
    """The card so far with the instructor's verdicts on the rules it has judged (on every rule, for the whole log)."""
    return overridden(
        card,
        overrides
        if whole_log
        else {rule.id: overrides[rule.id] for rule in card.rules if rule.due and rule.id in overrides},
    )


def replay_events(run: TeamRun, team_review: TeamReview) -> list[dict[str, Any]]:
    """Every event of the run as the replay shows it, with the level and the score so far after it."""
    entries = {entry.seq: entry for entry in team_review.timeline if entry.seq is not None}
    level, total, shown = run.scenario.start_level, None, []
    for number, event in enumerate(run.events, start=1):
        level, whole_log = _level(event, level), number == len(run.events)
        if event["kind"] != "opinion" or whole_log:
            total = _with_overrides(score(run.scenario, run.events[:number]), run.overrides, whole_log).total
        item: dict[str, Any] = {
            "seq": event["seq"],
            "t": event["t"],
            "time": format_t(event["t"]),
            "kind": event["kind"],
            "level": level,
        }
        if event["kind"] == "opinion":
            item.update({name: event.get(name) for name in OPINION_FIELDS})
        else:
            entry = entries[event["seq"]]
            item.update(summary=entry.summary.as_dict(), role=entry.role, who=entry.who, audience=list(entry.audience))
            if event["kind"] == "inject":
                item.update({name: event.get(name) for name in INJECT_FIELDS})
                item["call"] = entry.press_call.as_dict() if entry.press_call else None
        item["score"] = total
        shown.append(item)
    return shown


def replay_data(run: TeamRun, team_review: TeamReview) -> dict[str, Any]:
    """What the replay page needs: the events, what each role saw, the roles with their trainees, the levels."""
    scenario = run.scenario
    last = run.events[-1]["seq"] if run.events else 0
    roles = [
        {
            "id": role,
            "label": role_label(scenario, role).as_dict(),
            "trainees": [m.name for m in run.members if m.role == role],
        }
        for role in scenario.trainee_roles
    ]
    return {
        "roles": roles,
        "levels": {str(lv.level): level_name(scenario, lv.level).as_dict() for lv in scenario.levels},
        "start_level": scenario.start_level,
        "events": replay_events(run, team_review),
        "visible": {role: [event["seq"] for event in seen_by(run, role, last)] for role in scenario.trainee_roles},
    }
