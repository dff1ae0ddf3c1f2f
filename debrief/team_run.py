"""The input of a debrief for one team: its scenario, trainees, event log, observations and who did what.

A `TeamRun` is plain data, built by `web.runs` from the database or by
`debrief.headless` from a headless play; everything in `debrief` reads it and
nothing in it touches a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scenarios.model import Scenario
from scoring.overrides import Override

Event = Mapping[str, Any]
ACT_KINDS = ("action", "refused")  # the events an action input produces, exactly one each


class TeamRunError(ValueError):
    """A team run whose parts do not fit together; the message says which part."""


@dataclass(frozen=True)
class Trainee:
    """A trainee of the team, named by the instructor, in one role."""

    name: str
    role: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class Note:
    """An instructor's observation at a scenario minute."""

    at: float
    text: str
    author: str

    def as_dict(self) -> dict[str, Any]:
        return {"at": self.at, "text": self.text, "author": self.author}


@dataclass(frozen=True)
class TeamRun:
    """One team's run of a scenario, as a debrief reads it.

    `events` are the event dicts as stored (docs/EVENTS.md), in seq order.
    `actors` maps the seq of each `action`/`refused` event to who took it: a
    trainee's name, or a label such as "Bot (vai …)" (see `debrief.attribution`).
    `status` is the team's (ready, running, paused, ended). `overrides` are the
    instructor's verdicts on rules of its card (`scoring.overrides`), the score uses them.
    """

    scenario: Scenario
    team: str
    members: tuple[Trainee, ...]
    events: tuple[Event, ...]
    observations: tuple[Note, ...] = ()
    actors: Mapping[int, str] = field(default_factory=dict)
    status: str = "ended"
    seed: int = 0
    overrides: Mapping[str, Override] = field(default_factory=dict)  # rule id -> the instructor's verdict

    def __post_init__(self) -> None:
        roles = set(self.scenario.trainee_roles)
        for member in self.members:
            if member.role not in roles:
                raise TeamRunError(
                    f"team {self.team!r}: trainee {member.name!r} has role {member.role!r}, "
                    f"not a trainee role of scenario {self.scenario.id!r} ({', '.join(sorted(roles))})"
                )
        acts = {e["seq"] for e in self.events if e.get("kind") in ACT_KINDS}
        strays = sorted(seq for seq in self.actors if seq not in acts)
        if strays:
            raise TeamRunError(
                f"team {self.team!r}: actors name seq {', '.join(map(str, strays))}, "
                "which are not action or refused events of the log"
            )
