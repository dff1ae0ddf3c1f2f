"""A headless play (`run.py simulate`) as a one-team exercise, so it gets the same report as a live one.

The team is "Chạy thử tự động" (an automatic trial run); it has no trainees, and each action is
labelled by the role that took it ("Chạy thử (vai …)").
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from debrief.attribution import by_role
from debrief.exercise import ExerciseMeta
from debrief.team_run import Event, TeamRun
from scenarios.model import Scenario

HEADLESS_TEAM = "Chạy thử tự động"  # Vietnamese only: it is printed in the Vietnamese report
HEADLESS_SOURCE = "headless"


def headless_run(scenario: Scenario, events: Sequence[Event], seed: int) -> TeamRun:
    """The run of a headless play: ended if its log reached the `end` event, else paused where it stopped."""
    ended = any(e.get("kind") == "end" for e in events)
    return TeamRun(
        scenario=scenario,
        team=HEADLESS_TEAM,
        members=(),
        events=tuple(events),
        actors=by_role(scenario, events, HEADLESS_SOURCE),
        status="ended" if ended else "paused",
        seed=seed,
    )


def headless_meta(scenario: Scenario, day: datetime.date) -> ExerciseMeta:
    """The exercise a headless play stands for: the scenario's title, played on `day`, without an instructor."""
    return ExerciseMeta(id=None, title=scenario.title.vi, date=day.isoformat(), instructor=None, scenario=scenario)
