"""What a team knows of its drill, read from the event log as it grows: the bots' (and hints') memory.

The view keeps the events some trainee role sees (an `opinion` sample goes to
the instructor only, so it is left out): the items delivered, the facts
verification returned, the actions accepted, who is spokesperson (the regular
spokesperson until a case assignment), when each role first heard of the case. It is updated
one event at a time, so a bot fed a long drill never rereads the log.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from scenarios.model import Scenario

Event = dict[str, Any]


class TeamView:
    """The team's knowledge of one drill, built from its events in order."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.seq = 0
        self.now = 0.0
        self.case: Event | None = None  # the first item that brought the case: `received_by` or a false claim
        self.items: dict[str, Event] = {}  # inject id -> its (first) delivery
        self.facts: dict[str, Event] = {}  # fact id -> the `fact` event that verified it
        self.acts: dict[str, list[Event]] = defaultdict(list)  # action type -> accepted actions, in order
        self.statements: list[Event] = []  # accepted press-facing acts with a text (they carry an `analysis`)
        self.spokesperson: str | None = scenario.regular_spokesperson
        self.head = scenario.head_of_agency  # may speak too (Decree 244/2026 Art. 3.2.a)
        self.assignments: list[Event] = []  # case assignments: a trainee head's actions, the simulated head's replies
        self.aware: dict[str, float] = {}  # role -> minute it first saw something once the case was known
        self.over = False

    def add(self, event: Event) -> bool:
        """Take in one event; False when no trainee sees it (nothing the team could know changed)."""
        if not event.get("audience"):
            return False
        self.seq, self.now = event["seq"], float(event["t"])
        kind = event["kind"]
        if kind == "inject":
            self._delivered(event)
        elif kind == "action":
            self.acts[event["type"]].append(event)
            self.spokesperson = event.get("spokesperson")
            if event["type"] == "assign_spokesperson":
                self.assignments.append(event)
            if "analysis" in event:
                self.statements.append(event)
        elif kind == "reply" and event.get("effect") == "assigned":  # the simulated head assigned the spokesperson
            self.assignments.append(event)
            self.spokesperson = event["spokesperson"]
        elif kind == "fact":
            self.facts.setdefault(event["fact"], event)
        elif kind == "end":
            self.over = True
        if self.case is not None:
            for role in event["audience"]:
                self.aware.setdefault(role, self.now)
        return True

    def _delivered(self, event: Event) -> None:
        self.items.setdefault(event["inject"], event)
        if self.case is None and (event["inject"] in self.scenario.incident.receipts or event.get("claims")):
            self.case = event

    # --- questions the policy asks -------------------------------------------------------------

    def first(self, action_type: str, role: str | None = None, **params: Any) -> Event | None:
        """The first accepted action of a type (by `role`, with these parameters), or None."""
        for event in self.acts.get(action_type, ()):
            if role is not None and event["role"] != role:
                continue
            if all(event["params"].get(key) == value for key, value in params.items()):
                return event
        return None

    @property
    def assignment(self) -> Event | None:
        """The event that made the current spokesperson (the last case assignment), or None."""
        return self.assignments[-1] if self.assignments else None

    @property
    def official_statements(self) -> list[Event]:
        """Statements by the role that was spokesperson when it spoke, or by the head: the agency's position."""
        return [s for s in self.statements if s["role"] in (s.get("spokesperson"), self.head)]

    def delivered(self, *channels: str) -> list[Event]:
        """Items delivered on these channels, in order of delivery."""
        return [e for e in self.items.values() if e["channel"] in channels]

    @property
    def verified(self) -> list[Event]:
        """The `fact` events so far, in the scenario's order of facts."""
        return [self.facts[f.id] for f in self.scenario.facts if f.id in self.facts]
