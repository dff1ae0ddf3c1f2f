"""What the instructor's "jump to the next inject" would skip, said before it is done.

A jump moves a team's clock to the next timed inject still to come; the world plays
everything in between at once: deadlines of unanswered calls pass, the crisis may
escalate, injects on a condition or a level come out. The preview rebuilds the team's
world from its input log (`web.replay`, as a restart would), plays that copy to the
jump's target and lists what it emitted on the way, so the console can ask
"this will skip …, go on?". The live world is not touched.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from scenarios.texts import Text
from scenarios.messages import N_
from sim.driver import next_timed_inject
from web.controls import ControlError
from web.exercises import scenario_of
from web.extensions import db
from web.models import InputRecord, Team
from web.replay import INSTANT, replay


def jump_preview(team_id: int, stored: int, now: float) -> dict[str, Any]:
    """From `now` (the live world's minute, `stored` events sent): the jump's target and what lies before it.

    {from, to (None: no timed inject left), target: [inject], injects: [...], deadlines: [...], escalations: [...]},
    each inject {t, inject, title}, each deadline {t, inject, title}, each escalation {t, from, to, name}.
    """
    team = db.session.get_one(Team, team_id)
    records = db.session.scalars(
        select(InputRecord).where(InputRecord.team_id == team_id).order_by(InputRecord.number)
    ).all()
    replayed = replay(scenario_of(team.exercise), team.exercise.seed, records, stored)
    if replayed.fault is not None:
        raise ControlError(N_("Không xem trước được bước nhảy."))
    world = replayed.world
    world.advance_to(now)
    target = next_timed_inject(world)
    preview: dict[str, Any] = {
        "from": round(now, 2),
        "to": target,
        "target": [],
        "injects": [],
        "deadlines": [],
        "escalations": [],
    }
    if target is None:
        return preview
    world.advance_to(target + INSTANT)  # the target's own inject too
    titles = {e["inject"]: _title(e) for e in world.events if e["kind"] == "inject"}
    for event in world.events[stored:]:
        if event["kind"] == "inject":
            key = "target" if event["t"] >= target else "injects"
            preview[key].append({"t": event["t"], "inject": event["inject"], "title": titles[event["inject"]]})
        elif event["kind"] == "deadline_missed":
            preview["deadlines"].append(
                {"t": event["t"], "inject": event["inject"], "title": titles.get(event["inject"], {"vi": event["inject"]})}
            )
        elif event["kind"] == "escalation":
            preview["escalations"].append(
                {"t": event["t"], "from": event["from"], "to": event["to"], "name": event.get("name")}
            )
    return preview


def _title(event: dict[str, Any]) -> dict[str, str | None]:
    """What an inject is called: its title, else the start of its question or content."""
    for key in ("title", "question", "content"):
        text = event.get(key)
        if isinstance(text, dict) and text.get("vi"):
            return Text(_short(text["vi"]), _short(text.get("en") or "")).as_dict()
    return Text(event["inject"], "").as_dict()


def _short(text: str, size: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
