"""Who took each action: the seq of every `action`/`refused` event matched to the input that produced it.

The world turns each input of kind `action` into exactly one event, `action`
or `refused` (`sim.world.World.act`; the live platform records an input only
while the drill is not over, and `web.replay.apply_input` applies it the same
way live and on replay). So the n-th action input, in input-number order, is
the n-th `action`/`refused` event of the log. An input's `source` says who sent
it: `member:<id>` is a trainee, anything else (`bot:<role>`, `instructor:<id>`)
gets a label naming the role it acted in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from scenarios.labels import role_label
from debrief.team_run import ACT_KINDS, Event, TeamRunError
from scenarios.model import Scenario

SOURCE_PREFIXES = {"bot": "Bot", "instructor": "Giảng viên", "headless": "Chạy thử"}


@dataclass(frozen=True)
class ActionInput:
    """One recorded input of kind `action`: who sent it (`source`) and the role it acted in."""

    source: str
    role: str


def source_label(scenario: Scenario, source: str, role: str) -> str:
    """A label for an actor who is not a named trainee: "Bot (vai Người phát ngôn UBND tỉnh)"."""
    prefix = SOURCE_PREFIXES.get(source.split(":", 1)[0], source)
    return f"{prefix} (vai {role_label(scenario, role).vi})"


def attribute(
    scenario: Scenario, events: Iterable[Event], inputs: Sequence[ActionInput], names: Mapping[str, str]
) -> dict[int, str]:
    """Map the seq of each action/refused event to who took it.

    `inputs` are the action inputs in number order; `names` maps a source such as
    `member:7` to the trainee's name. Inputs not yet answered by an event (a run
    cut off between storing an input and its event) are left out. An input whose
    role differs from its event's means the two logs disagree: `TeamRunError`.
    """
    acts = [e for e in events if e.get("kind") in ACT_KINDS]
    actors: dict[int, str] = {}
    for number, (event, given) in enumerate(zip(acts, inputs, strict=False), start=1):
        if event.get("role") != given.role:
            raise TeamRunError(
                f"action input no. {number} (counting action inputs only; from {given.source}) is in role "
                f"{given.role!r} but action/refused event no. {number} (seq {event['seq']}) is in role "
                f"{event.get('role')!r}: the input log and the event log disagree"
            )
        actors[event["seq"]] = names.get(given.source) or source_label(scenario, given.source, given.role)
    return actors


def by_role(scenario: Scenario, events: Iterable[Event], source: str) -> dict[int, str]:
    """Label every action/refused event by its role alone, for a run without trainees (e.g. `headless`)."""
    return {e["seq"]: source_label(scenario, source, e["role"]) for e in events if e.get("kind") in ACT_KINDS}
