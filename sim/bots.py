"""Bots that play a drill's trainee roles: for the dry run, and live beside a trainee in self-practice.

A `Bot` plays some trainee roles by a plan of `sim.bot_policy`: `exemplary`
(the procedure on time), `silent` (nothing) or `off_focal_point` (exemplary,
plus a second voice to the press). It is reactive and deterministic: fed the
world's events as they are emitted (`feed`), it recomputes its plan and says
which actions it will take and at which future minute (`next_at`); `due(now)`
hands over those whose minute has come, written from what the team knows then
(a fact that came back meanwhile is used, a call someone else answered is
dropped). Every bot reads the whole team's log, as a team that talks.

`BotTeam` steps bots, and a trainee's stamped actions, with one world:

- headless, `play_with_bots(scenario, bots, seed)` plays a whole drill;
- live, the ticker calls `team.advance(world, minute, apply)` instead of
  `world.advance_to(minute)`: each action is applied at its own minute through
  `apply` (which records it as an input with source `bot:<role>`, then applies
  it), so replaying the recorded inputs gives the same log. A ticker that
  advances the world itself can instead `catch_up(world.events)` and apply
  `due(minute)`, stamped with the minute it applies them.

A bot never acts within a minute of what it reacts to, so the world's own
events of an instant always come before a bot's input, as they do on replay.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from scenarios.model import Scenario
from scenarios.actions import Action
from sim.bot_policy import Intent, Playbook, exemplary_plan, expected_of, off_focal_plan, silent_plan
from sim.bot_view import Event, TeamView
from sim.world import World

Plan = Callable[[TeamView, Playbook], list[Intent]]
BOTS: dict[str, Plan] = {"exemplary": exemplary_plan, "silent": silent_plan, "off_focal_point": off_focal_plan}


class Bot:
    """A plan (`BOTS`) played for some of a drill's trainee roles (all of them by default)."""

    def __init__(self, name: str, scenario: Scenario, roles: Iterable[str] | None = None):
        if name not in BOTS:
            raise ValueError(f"no bot {name!r} (bots: {', '.join(BOTS)})")
        trainees = scenario.trainee_roles
        self.name = name
        self.scenario = scenario
        self.roles = frozenset(trainees if roles is None else roles)
        unknown = sorted(self.roles - set(trainees))
        if unknown:
            raise ValueError(f"not trainee roles of {scenario.id}: {', '.join(unknown)}")
        self.view = TeamView(scenario)
        self._plan = BOTS[name]
        self._book = Playbook(scenario)
        self._pending: list[Intent] = []
        self._issued: set[tuple[str, ...]] = set()

    def feed(self, event: Event) -> list[Action]:
        """Take in one event; returns the actions now planned, stamped at their minutes, as written now."""
        if self.view.add(event):
            self._pending = [
                i for i in self._plan(self.view, self._book) if i.role in self.roles and i.key not in self._issued
            ]
        return [i.action(i.at) for i in self._pending]

    def next_at(self) -> float | None:
        """The minute of the next planned action, or None."""
        return min((i.at for i in self._pending), default=None)

    def due(self, now: float) -> list[Action]:
        """The planned actions whose minute has come, stamped `now`, soonest first; each is handed over once."""
        ready = sorted((i for i in self._pending if i.at <= now), key=lambda i: i.at)
        self._issued.update(i.key for i in ready)
        self._pending = [i for i in self._pending if i.at > now]
        return [i.action(now) for i in ready]

    def next_expected(self, role: str, now: float | None = None) -> list[Intent]:
        """What the exemplary plan expects of `role` next (any role, played by this bot or not): hints."""
        return expected_of(self.view, self._book, role, now)


class BotTeam:
    """Bots, and a trainee's stamped actions, fed one world's events and stepped with it."""

    def __init__(self, bots: Sequence[Bot], actions: Iterable[Action] = ()):
        claimed: dict[str, str] = {}
        for bot in bots:
            if bot.view.seq:
                raise ValueError(f"bot {bot.name!r} has already played: a bot remembers what it was fed")
            for role in sorted(bot.roles):
                if role in claimed:
                    raise ValueError(f"role {role!r} is played by two bots ({claimed[role]}, {bot.name})")
                claimed[role] = bot.name
        self.bots = list(bots)
        self._script = sorted(actions, key=lambda a: a.at)  # stable: equal stamps keep their order
        self._fed = 0

    def feed(self, event: Event) -> None:
        """Feed one event to every bot (an event already fed is skipped)."""
        if event["seq"] <= self._fed:
            return
        self._fed = event["seq"]
        for bot in self.bots:
            bot.feed(event)

    def catch_up(self, events: Sequence[Event]) -> None:
        """Feed the events of a world's log (`world.events`) not fed yet."""
        for event in events[self._fed :]:
            self.feed(event)

    def next_at(self) -> float | None:
        """The minute of the next action, scripted or planned, or None."""
        times = [t for t in (bot.next_at() for bot in self.bots) if t is not None]
        if self._script:
            times.append(self._script[0].at)
        return min(times, default=None)

    def due(self, now: float) -> list[Action]:
        """The actions whose minute has come, stamped `now`: the scripted ones first, then each bot's."""
        scripted = [a for a in self._script if a.at <= now]
        self._script = self._script[len(scripted) :]
        return [dataclasses.replace(a, at=now) for a in scripted] + [a for bot in self.bots for a in bot.due(now)]

    def advance(self, world: World, minute: float, apply: Callable[[Action], Any] | None = None) -> list[Action]:
        """Play `world` to `minute` (to its end, end included, from its duration on), each action applied at its
        own minute and every event fed as it is emitted. `apply` defaults to `world.act`. Returns what was applied."""
        apply = apply or world.act
        end = min(minute, world.scenario.duration)
        applied: list[Action] = []
        while not world.over:
            self.catch_up(world.events)
            at = self.next_at()
            if world.env.peek() < (end if at is None else min(at, end)):
                world.env.step()  # one world event: what it emits may bring a bot's action forward
                continue
            if at is None or at > end:
                break
            now = max(at, world.now)
            world.advance_to(now)
            for action in self.due(now):
                apply(action)
                applied.append(action)
                self.catch_up(world.events)
        if minute >= world.scenario.duration:
            world.finish()
        else:
            world.advance_to(end)
        self.catch_up(world.events)
        return applied


def play_with_bots(
    scenario: Scenario,
    bots: Sequence[Bot],
    seed: int = 0,
    trainee_actions: Iterable[Action] = (),
    until: float | None = None,
) -> World:
    """Play a drill headless with fresh bots and a trainee's stamped actions; same inputs, same event log."""
    strangers = [bot.name for bot in bots if bot.scenario.id != scenario.id]
    if strangers:
        raise ValueError(f"bots made for another drill: {', '.join(strangers)}")
    world = World(scenario, seed=seed)
    BotTeam(bots, trainee_actions).advance(world, scenario.duration if until is None else until)
    return world
