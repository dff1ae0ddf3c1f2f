"""A roster's roles as people write them: the role id, the drill's label, or the usual name of the body.

An instructor writes "Người phát ngôn: Nguyễn Văn An" or "Sở VHTTDL: Lê Văn Cường"
as readily as "spokesperson: …". `role_of` reads a role written as its id, as the
drill's label of it (Vietnamese or English), or, for the three roles every drill
has, as the usual names of their bodies (`scenarios.bodies`, both rule sets,
full or short: "Ban Tuyên giáo", "Sở TT&TT", "Sở Văn hóa, Thể thao và Du lịch"),
in any case and spacing. `resolve_roles` turns every team's roles into ids; a
role it cannot read is left as written, for `create_exercise` to report.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence
from typing import Any

from scenarios.bodies import BODIES
from scenarios.model import Scenario

GENERIC: dict[str, tuple[str, ...]] = {
    "spokesperson": ("Người phát ngôn", "Spokesperson"),
    "propaganda_board": tuple(
        name for b in BODIES.values() for t in (b.board, b.board_short) for name in (t.vi, t.en) if name is not None
    ),
    "info_department": tuple(
        name
        for b in BODIES.values()
        for t in (b.department, b.department_short)
        for name in (t.vi, t.en)
        if name is not None
    ),
}


def _key(name: str) -> str:
    text = unicodedata.normalize("NFC", " ".join(name.split())).casefold()
    return text.removeprefix("the ")


def role_names(scenario: Scenario) -> dict[str, str]:
    """Every way of writing a trainee role of the drill -> its id (an id or the drill's label wins over a usual name)."""
    names: dict[str, str] = {}
    for role_id in scenario.trainee_roles:
        for name in GENERIC.get(role_id, ()):
            names[_key(name)] = role_id
    for role_id in scenario.trainee_roles:
        role = scenario.role(role_id)
        assert role is not None  # a trainee role is one of the drill's roles
        for name in (role.label.vi, role.label.en or "", role_id):
            if name:
                names[_key(name)] = role_id
    return names


def resolve_roles(scenario: Scenario, teams: Sequence[Any]) -> list[Any]:
    """The teams (`web.exercises.TeamPlan`) with each role written as a name turned into its id; a role it cannot
    read stays as written."""
    names = role_names(scenario)
    return [
        dataclasses.replace(team, members={person: names.get(_key(role), role) for person, role in team.members.items()})
        for team in teams
    ]
