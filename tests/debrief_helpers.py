"""Team runs for the debrief tests, played headless from the built-in drills and their reference plays.

`played` plays a reference play (with, if asked, one refused action) through `commands.simulate.simulate`, as
`run.py simulate` does; `team_run` turns it into a `debrief.TeamRun` with a trainee per role,
each action attributed to the trainee of its role.
"""

from __future__ import annotations

import datetime
import functools

from commands.simulate import simulate
from debrief import ExerciseMeta, Note, TeamRun, Trainee
from scenarios.library import play_paths, scenario_path
from scenarios.loader import load_scenario
from scenarios.model import Scenario
from scoring import ScoreCard
from scenarios.actions import Action, read_action_file
from sim.world import World
from web.extensions import db
from web.models import EventRecord, InputRecord, Member, Team
from web.replay import apply_input

WATER = "nuoc-may-nhiem-doc"  # level 1, vn-2026, 12 h
SCHOOL = "ngo-doc-truong-hoc"  # level 3, vn-2026, 48 h
TRAINEES = {"spokesperson": "Nguyễn Văn An", "propaganda_board": "Trần Thị Bình", "info_department": "Lê Văn Cường"}
DAY = datetime.date(2026, 9, 15)
REFUSED = Action(at=30, role="spokesperson", type="convene_meeting", params={"agenda": "Họp"})  # the board's to take


@functools.cache
def scenario(scenario_id: str = WATER) -> Scenario:
    return load_scenario(scenario_path(scenario_id))


@functools.cache
def played(
    scenario_id: str = WATER, play: str = "exemplary", refused: bool = False, until: float | None = None
) -> tuple[tuple, ScoreCard]:
    """The events and score card of a reference play, plus the REFUSED action if asked (cached)."""
    actions = read_action_file(str(play_paths(scenario_id)[play])) + ([REFUSED] if refused else [])
    world, card = simulate(scenario(scenario_id), actions, until=until)
    return tuple(world.events), card


def team_run(
    scenario_id: str = WATER,
    play: str = "exemplary",
    team: str | None = None,
    refused: bool = False,
    observations: tuple[Note, ...] = (),
    until: float | None = None,
) -> TeamRun:
    """A team of three trainees (TRAINEES) who played `play`; each act is its role's trainee's."""
    events, _ = played(scenario_id, play, refused, until)
    actors = {e["seq"]: TRAINEES[e["role"]] for e in events if e["kind"] in ("action", "refused")}
    return TeamRun(
        scenario=scenario(scenario_id),
        team=team or f"Đội {play}",
        members=tuple(Trainee(name, role) for role, name in TRAINEES.items()),
        events=events,
        observations=observations,
        actors=actors,
        status="ended" if until is None else "paused",
        seed=0,
    )


def meta(scenario_id: str = WATER) -> ExerciseMeta:
    """An exercise of the scenario, held on DAY by a named instructor."""
    return ExerciseMeta(
        id=7, title="Diễn tập quý II", date=DAY.isoformat(), instructor="Phạm Thị Dung", scenario=scenario(scenario_id)
    )


def play_live(team_id: int, members: dict[str, Member], actions, end_at: float | None = None) -> None:
    """What a live run stores: each action input numbered, stamped and committed, then applied; every event; the end
    (at the drill's duration, or the instructor's End at minute `end_at`)."""
    world = World(scenario(WATER), seed=1)
    for number, action in enumerate(actions, start=1):
        payload = {"role": action.role, "type": action.type, "params": action.params}
        db.session.add(
            InputRecord(
                team_id=team_id,
                number=number,
                at=action.at,
                source=members[action.role].get_id(),
                kind="action",
                payload=payload,
            )
        )
        world.advance_to(action.at)
        apply_input(world, "action", payload, action.at)
    if end_at is None:
        world.finish()
    else:
        world.advance_to(end_at)
        world.end_now()
    db.session.add_all(EventRecord(team_id=team_id, seq=e["seq"], t=e["t"], body=e) for e in world.events)
    db.session.get(Team, team_id).status = "ended"
    db.session.commit()
