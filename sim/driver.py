"""A world driven by a scenario clock: what a live runner calls, with wall time passed in.

`tick(now)` plays the world up to the scenario minute the clock gives for `now`;
`submit` stamps an input with the world's current minute, applies it and keeps
it in `inputs`, the log from which the same run can be replayed headless
(`sim.world.play(scenario, driver.inputs, seed)` gives the same events).
"""

from __future__ import annotations

from typing import Any

from scenarios.actions import Action
from sim.clock import ScenarioClock
from sim.world import Event, World


class Driver:
    """One live world and its clock."""

    def __init__(self, world: World, speed: float = 1.0):
        self.world = world
        self.clock = ScenarioClock(speed=speed)
        self.inputs: list[Action] = []

    def tick(self, now: float) -> float:
        """Play the world up to the clock's minute for wall time `now`; returns that minute."""
        minute = min(self.clock.minute(now), self.world.scenario.duration)
        if minute >= self.world.scenario.duration:
            self.world.finish()
        else:
            self.world.advance_to(minute)
        return self.world.now

    def submit(self, role: str, kind: str, params: dict[str, Any], now: float) -> Event | None:
        """Stamp an action at the current scenario minute and apply it; returns its event."""
        self.tick(now)
        action = Action(at=self.world.now, role=role, type=kind, params=params)
        self.inputs.append(action)
        return self.world.act(action)

    def start(self, now: float) -> None:
        self.clock.start(now)

    def pause(self, now: float) -> None:
        self.tick(now)
        self.clock.pause(now)

    def resume(self, now: float) -> None:
        self.clock.resume(now)

    def set_speed(self, speed: float, now: float) -> None:
        self.tick(now)
        self.clock.set_speed(speed, now)

    def jump_to_next_inject(self, now: float) -> float | None:
        """Move the clock to the next timed inject still to come; returns its minute, or None."""
        self.tick(now)
        target = next_timed_inject(self.world)
        if target is None:
            return None
        self.clock.jump_to(target, now)
        self.tick(now)
        return target


def next_timed_inject(world: World) -> float | None:
    """The minute of the next timed inject still to come (what `jump` moves to), or None."""
    upcoming = [
        i.at for i in world.scenario.injects if i.at is not None and i.at > world.now and i.id not in world.delivered
    ]
    return min(upcoming) if upcoming else None
