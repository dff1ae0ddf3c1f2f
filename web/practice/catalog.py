"""What a trainee may practise: the built-in drills, their trainee roles, and the speeds on offer.

Authored drills are not offered (only the library's). Labels are Vietnamese
first, English second.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from scenarios.labels import CRISIS_TYPES, label
from scenarios.library import builtin_ids
from scenarios.loader import parse_scenario
from scenarios.model import Scenario
from scenarios.texts import Text
from scoring import load_rule_set
from scenarios.figures import format_duration
from web.exercises import builtin_text

SPEEDS = (30, 60, 120, 240)  # scenario minutes per real minute
DEFAULT_SPEED = 60  # a 12-hour drill in 12 real minutes


@dataclass(frozen=True)
class Drill:
    """A drill as the practice list shows it."""

    scenario: Scenario
    kind: Text
    rule_set: Text
    duration: Text

    @property
    def id(self) -> str:
        return self.scenario.id

    def roles(self) -> list[tuple[str, Text]]:
        """The drill's trainee roles: (id, label)."""
        return [(r.id, r.label.complete()) for r in self.scenario.roles if r.played_by == "trainee"]

    def real_minutes(self, speed: float) -> float:
        """How long the drill lasts in real minutes at `speed`."""
        return self.scenario.duration / speed


@cache
def _drill(drill_id: str) -> Drill:
    scenario = parse_scenario(builtin_text(drill_id), drill_id)
    return Drill(
        scenario=scenario,
        kind=label(CRISIS_TYPES, scenario.crisis_type.value),
        rule_set=load_rule_set(scenario.rule_set).title,
        duration=format_duration(scenario.duration),
    )


def drills() -> list[Drill]:
    """The built-in drills, by level then title."""
    return sorted((_drill(i) for i in builtin_ids()), key=lambda d: (d.scenario.level, d.scenario.title.vi))


def drill(drill_id: str) -> Drill | None:
    """The built-in drill with this id, or None."""
    return _drill(drill_id) if drill_id in builtin_ids() else None
