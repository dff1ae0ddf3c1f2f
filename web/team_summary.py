"""What the instructor's console knows of a team it has not opened: a summary, cheap to make and to send.

A summary is the team's status, clock, speed, level, fault, how many events of each
kind it has had, and its score as last computed (`None` until then). Scoring a team
replays the rules over its whole log, so it is done only for a team someone has
opened (`web.outbox`), when its drill ends, or when the instructor asks; the summary
carries the last total. `state` is the summary with the opinion and the last score
card, for a team opened or just controlled.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from scoring import score

COUNTED = ("inject", "action", "refused", "reply", "fact", "deadline_missed", "escalation")


def rescore(live) -> dict[str, Any]:
    """Score the team's log now; the card is kept on the team for its summaries."""
    live.card = score(live.world.scenario, live.world.events).as_dict()
    return live.card


def summary(live) -> dict[str, Any]:
    """The team at a glance: status, clock, level, counts of events by kind, the last score total."""
    world = live.world
    kinds = Counter(event["kind"] for event in world.events)
    return {
        "team_id": live.team_id,
        "status": live.status,
        "minute": round(world.now, 2),
        "speed": live.driver.clock.speed,
        "level": world.level,
        "max_level": world.max_level,
        "fault": live.fault,
        "counts": {kind: kinds[kind] for kind in COUNTED},
        "total": live.card["total"] if live.card else None,
    }


def state(live) -> dict[str, Any]:
    """The summary with the opinion now and the last score card (None if the team was never scored)."""
    return {**summary(live), "opinion": live.world.opinion.variables(), "score": live.card}
