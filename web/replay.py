"""Rebuilding a team's world from its exercise and input log, as it was played live.

The input log is the source of truth. `apply_input` is the one function that
applies a world-changing input, live and on replay alike; `replay` plays a log
back to where the stored events end, and stops at the first input or world event
that raises (the live team stopped there too), handing back the world as far as
it got with the error, and with the answer (the event) of every keyed action it
replayed, so that a resend after a restart gets its first answer; `first_difference` says whether the replay reproduced what
clients were sent.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import simpy

from scenarios.model import Scenario
from scenarios.texts import Text
from scenarios.actions import Action
from sim.driver import next_timed_inject
from sim.world import Event, World
from web.models import InputRecord

WORLD_INPUTS = ("action", "fire", "custom", "end")
INSTANT = 1e-9  # scenario minutes: "just after" an instant, far above float rounding, far below a stamp's 0.001


def apply_input(world: World, kind: str, payload: dict[str, Any], at: float) -> Event | None:
    """Apply a world-changing input (an action, an inject fired or written by the instructor, the end)."""
    if kind == "action":
        return world.act(Action(at=at, role=payload["role"], type=payload["type"], params=payload["params"]))
    if kind == "fire":
        world.fire_inject(payload["inject"])
    elif kind == "custom":
        world.custom_inject(payload["channel"], Text(vi=payload["content"]), payload["to"], Text(vi=payload["sender"]))
    elif kind == "end":
        world.end_now()
    return None


@dataclass
class Replayed:
    """A rebuilt world, and what stopped its replay short (None if it played through)."""

    world: World
    fault: Exception | None = None
    answers: dict[tuple[str, str], int] = field(default_factory=dict)  # (source, act key) -> its event's seq


def replay(scenario: Scenario, seed: int, records: Sequence[InputRecord], stored: int) -> Replayed:
    """The world after `records`, played on to the end of the instant of its `stored`-th event."""
    world = World(scenario, seed=seed)
    answers: dict[tuple[str, str], int] = {}
    try:
        _play_inputs(world, records, answers)
        _play_to_stored(world, stored)
    except Exception as exc:  # noqa: BLE001 - a fault in one team's world: the caller stops that team only
        return Replayed(world, exc, answers)
    return Replayed(world, answers=answers)


def _play_inputs(world: World, records: Sequence[InputRecord], answers: dict[tuple[str, str], int]) -> None:
    for record in records:
        world.advance_to(record.at)  # every input, controls too: the world was at least there
        if record.kind == "jump":  # the clock jumped, and the world with it, to the next timed inject
            target = next_timed_inject(world)
            if target is not None:
                world.advance_to(target)
        elif record.kind in WORLD_INPUTS:
            event = apply_input(world, record.kind, record.payload, record.at)
            if event is not None and record.act_key is not None:
                answers[(record.source, record.act_key)] = event["seq"]


def _play_to_stored(world: World, stored: int) -> None:
    """Play the world's own events stored after the last input: up to the last of them, then the rest
    of its instant (as the live world had), and stop just after it, so that an input stamped from
    now on is replayed after them too (an input stamped t comes before the world's events at t)."""
    if len(world.events) >= stored:
        return
    while len(world.events) < stored:
        try:
            world.env.step()
        except simpy.core.EmptySchedule:
            break
    if world.now >= world.scenario.duration:
        world.finish()
    else:
        world.advance_to(world.now + INSTANT)


def first_difference(stored: Sequence[dict], world: World) -> int | None:
    """The seq from which the world's events differ from the stored ones, or None if they agree."""
    replayed = json.loads(json.dumps(world.events[: len(stored)]))
    differing = next((i for i, (a, b) in enumerate(zip(stored, replayed, strict=False)) if a != b), None)
    if differing is not None:
        return stored[differing]["seq"]
    return len(replayed) + 1 if len(replayed) < len(stored) else None
