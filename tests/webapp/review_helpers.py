"""Exercises whose teams have played, for the debrief pages' tests: reference plays stored as a live run stores them.

`play_teams` plays each team of an exercise (a reference play of the water drill, a list of actions, or None
to leave the team unstarted) through `tests.test_report_cli.play_live`: every action input numbered, stamped
and committed with its trainee as source, every event of the world stored, the team ended (at the drill's
duration, or early).
"""

from __future__ import annotations

from collections.abc import Sequence

from scenarios.library import play_paths
from sim.actions import Action, read_action_file
from tests.debrief_helpers import WATER
from tests.test_report_cli import play_live
from web.extensions import db
from web.models import Team

Play = str | Sequence[Action] | None


def actions_of(play: str | Sequence[Action]) -> list[Action]:
    """The actions of a reference play of the water drill (by name), or the actions given, in time order."""
    actions = read_action_file(str(play_paths(WATER)[play])) if isinstance(play, str) else list(play)
    return sorted(actions, key=lambda action: action.at)


def play_teams(team_ids: Sequence[int], plays: Sequence[Play], ends: Sequence[float | None] | None = None) -> None:
    """Inside an app context: each team plays its play to the end (None: the team never starts), or to the
    instructor's End at its minute in `ends` (None: the drill's duration), its actions after that never taken."""
    for team_id, play, end_at in zip(team_ids, plays, ends or [None] * len(plays), strict=True):
        if play is None:
            continue
        team = db.session.get(Team, team_id)
        actions = [a for a in actions_of(play) if end_at is None or a.at <= end_at]
        play_live(team_id, {member.role: member for member in team.members}, actions, end_at)
