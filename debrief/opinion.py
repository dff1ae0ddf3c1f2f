"""Opinion and crisis level over a run: the series of `opinion` samples and the steps of the level.

Enough for one chart: belief, trust, the share who saw the rumour and media
pressure as lines, the crisis level as a step line from the start level
through each escalation to the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from debrief.team_run import Event
from scenarios.model import Scenario
from scenarios.texts import Text
from scenarios.figures import format_t

STEP_CAUSES = ("start", "escalation", "end")


@dataclass(frozen=True)
class OpinionPoint:
    """One opinion sample (shares from 0 to 1; `level` the crisis level then)."""

    t: float
    belief: float
    trust: float
    seen_share: float
    media_pressure: float
    level: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "t": self.t,
            "time": format_t(self.t),
            "belief": self.belief,
            "trust": self.trust,
            "seen_share": self.seen_share,
            "media_pressure": self.media_pressure,
            "level": self.level,
        }


@dataclass(frozen=True)
class LevelStep:
    """The crisis level from minute `t` on; `cause` is one of STEP_CAUSES."""

    t: float
    level: int
    name: Text
    cause: str

    def as_dict(self) -> dict[str, Any]:
        return {"t": self.t, "time": format_t(self.t), "level": self.level, "name": self.name.as_dict(), "cause": self.cause}


def opinion_series(events: Sequence[Event]) -> tuple[OpinionPoint, ...]:
    """The `opinion` samples of a log, in order."""
    return tuple(
        OpinionPoint(
            t=float(e["t"]),
            belief=float(e["belief"]),
            trust=float(e["trust"]),
            seen_share=float(e["seen_share"]),
            media_pressure=float(e["media_pressure"]),
            level=int(e["level"]),
        )
        for e in events
        if e.get("kind") == "opinion"
    )


def level_name(scenario: Scenario, level: int) -> Text:
    """A level's name as the scenario gives it (e.g. 'Cấp 1 – khủng hoảng cục bộ')."""
    found = next((lv for lv in scenario.levels if lv.level == level), None)
    if found is None:
        return Text(f"Cấp {level}", f"Level {level}")
    return found.name.complete()


def level_steps(scenario: Scenario, events: Sequence[Event]) -> tuple[LevelStep, ...]:
    """The level at the start, after each escalation, and at the end (when the log reaches it)."""
    steps = [LevelStep(0.0, scenario.start_level, level_name(scenario, scenario.start_level), "start")]
    for event in events:
        if event.get("kind") == "escalation":
            steps.append(LevelStep(float(event["t"]), int(event["to"]), Text.from_dict(event.get("name")), "escalation"))
        elif event.get("kind") == "end":
            level = int(event["final_level"])
            steps.append(LevelStep(float(event["t"]), level, level_name(scenario, level), "end"))
    return tuple(steps)
