"""An index of one event log, built once, that every rule reads.

The log (docs/EVENTS.md) is walked a single time: events are grouped by kind,
actions by type, press-facing statements are collected with the spokesperson
in office at that moment (the regular spokesperson until a case assignment,
Decree 244/2026 Art. 3.2.b) and whether they speak for the agency, injects are keyed by id (first delivery), answers by
press call and correction requests by article; case assignments are listed
whether a trainee head made them (`assign_spokesperson`) or the simulated head
did (a `reply` with effect `assigned`). Rules then read lists and dicts
and never scan the whole log themselves, so scoring stays linear in its length.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from scenarios.model import Scenario
from scenarios.placeholders import omit
from scenarios.texts import Text
from scenarios.actions import CATALOG

from scoring.card import Evidence
from scenarios.figures import format_t

Event = Mapping[str, Any]

PRESS_FACING = frozenset(name for name, kind in CATALOG.items() if kind.press_facing)


class EventLogError(ValueError):
    """An event log that does not follow docs/EVENTS.md; the message names the event."""


@dataclass(frozen=True)
class Statement:
    """A press-facing act with a text: issue_statement, hold_press_conference, answer_press with `text`."""

    event: Event
    seq: int
    t: float
    role: str | None
    type: str
    spokesperson: str | None  # role in office as spokesperson when the act was taken
    analysis: Mapping[str, Any]
    head: str | None = None  # the role of the head of the agency, who may always speak (Decree 244/2026 Art. 3.2.a)

    @property
    def by_spokesperson(self) -> bool:
        return self.spokesperson is not None and self.role == self.spokesperson

    @property
    def official(self) -> bool:
        """Made by someone who speaks for the agency: the spokesperson in office or the head (Art. 3.2, 3.7)."""
        return self.by_spokesperson or (self.head is not None and self.role == self.head)

    @property
    def withheld(self) -> str | None:
        """A partial answer's ground for the part held back (Press Law Art. 31.2, Decree 244 Art. 4.3), if any."""
        return (self.event.get("params") or {}).get("withheld")


def is_statement(event: Event) -> bool:
    """Whether an action event is a press-facing act with a text (a refusal is not)."""
    kind = event.get("type")
    if kind not in PRESS_FACING:
        return False
    return kind != "answer_press" or "text" in (event.get("params") or {})


def is_assignment(event: Event) -> bool:
    """Whether an event assigns the case's spokesperson: a trainee head's action or the simulated head's reply."""
    if event.get("kind") == "action":
        return event.get("type") == "assign_spokesperson"
    return event.get("kind") == "reply" and event.get("effect") == "assigned"


def assigned_role(event: Event) -> str | None:
    """The role an assignment names (an action's `speaker` parameter, else the event's new `spokesperson`)."""
    return (event.get("params") or {}).get("speaker") or event.get("spokesperson")


def summarise(event: Event) -> str:
    """A short, mostly language-neutral line for an event: ids, roles, types and key parameters."""
    kind = event.get("kind")
    if kind == "action":
        params = event.get("params") or {}
        detail = ", ".join(
            f"{key}={params[key]}"
            for key in ("to", "speaker", "call", "article", "refusal", "withheld", "form", "channel")
            if key in params
        )
        return f"{event.get('role')}: {event.get('type')}" + (f" ({detail})" if detail else "")
    if kind == "reply":
        return f"{event.get('actor')}: {event.get('effect')}" + (
            f" (speaker={event['spokesperson']})" if event.get("effect") == "assigned" else ""
        )
    if kind == "inject":
        text = f"{event.get('inject')} [{event.get('channel')}, {event.get('origin')}]"
        if event.get("claims"):
            text += " claims=" + ",".join(event["claims"])
        if event.get("deadline") is not None:
            text += f" deadline {format_t(event['deadline'])}"
        return text
    if kind == "deadline_missed":
        return f"{event.get('inject')} deadline {format_t(event.get('deadline'))} missed"
    if kind == "escalation":
        return f"level {event.get('from')} → {event.get('to')}"
    if kind == "end":
        return (
            f"end: final_level={event.get('final_level')}, max_level={event.get('max_level')}, belief={event.get('belief')}"
        )
    if kind == "opinion":
        return f"belief={event.get('belief')}, level={event.get('level')}"
    return str(kind)


def evidence_of(event: Event, note: str = "") -> Evidence:
    """The evidence line for an event, optionally with a note appended."""
    summary = summarise(event)
    return Evidence(event.get("seq"), event.get("t"), str(event.get("kind")), f"{summary} — {note}" if note else summary)


class ScoringContext:
    """The scenario and one indexed pass over its event log."""

    def __init__(self, scenario: Scenario, events: Iterable[Event]):
        self.scenario = scenario
        self.events: list[Event] = list(events)
        self.by_kind: dict[str, list[Event]] = defaultdict(list)
        # keyed by what the events say (None where one lacks the field: a log from outside is not trusted)
        self.actions: dict[str | None, list[Event]] = defaultdict(list)
        self.statements: list[Statement] = []  # press-facing acts with a text
        self.press_acts: list[Statement] = []  # every press-facing act, refusals to answer included
        self.deliveries: dict[str | None, Event] = {}
        self.answers: dict[str | None, list[Event]] = defaultdict(list)
        self.corrections: dict[str | None, list[Event]] = defaultdict(list)
        self.assignments: list[Event] = []  # case assignments of the spokesperson, in order
        self._seqs: dict[str, list[int]] = {}
        self._index()

    def _index(self) -> None:
        if any(self._key(a) > self._key(b) for a, b in itertools.pairwise(self.events)):
            self.events.sort(key=self._key)
        for position, event in enumerate(self.events):
            if not isinstance(event, Mapping) or "kind" not in event or "seq" not in event or "t" not in event:
                raise EventLogError(f"event #{position + 1}: every event needs 'seq', 't' and 'kind' (docs/EVENTS.md)")
            kind = event["kind"]
            self.by_kind[kind].append(event)
            if is_assignment(event):
                self.assignments.append(event)
            if kind == "inject":
                self.deliveries.setdefault(event.get("inject"), event)
            elif kind == "action":
                self._index_action(event)

    def _index_action(self, event: Event) -> None:
        kind, params = event.get("type"), event.get("params") or {}
        self.actions[kind].append(event)
        if kind == "answer_press" and "call" in params:
            self.answers[params["call"]].append(event)
        elif kind == "request_correction" and "article" in params:
            self.corrections[params["article"]].append(event)
        if kind in PRESS_FACING:
            act = Statement(
                event=event,
                seq=event["seq"],
                t=float(event["t"]),
                role=event.get("role"),
                type=kind,
                spokesperson=event.get("spokesperson"),
                analysis=event.get("analysis") or {},
                head=self.scenario.head_of_agency,
            )
            self.press_acts.append(act)
            if is_statement(event):
                self.statements.append(act)

    @staticmethod
    def _key(event: Any) -> float:
        return event.get("seq", 0) if isinstance(event, Mapping) else 0

    # --- reading the index -------------------------------------------------------------------------

    @property
    def official_statements(self) -> list[Statement]:
        """Statements by the spokesperson in office or the head: the agency's position (Decree 244, Art. 3.2, 3.7)."""
        return [s for s in self.statements if s.official]

    @property
    def end(self) -> Event | None:
        """The `end` event, if the drill reached its duration."""
        ends = self.by_kind.get("end")
        return ends[-1] if ends else None

    @property
    def last_t(self) -> float:
        """The scenario minute the log reaches (the end's, or the last event's)."""
        end = self.end
        if end is not None:
            return float(end["t"])
        return float(self.events[-1]["t"]) if self.events else 0.0

    def first_action_after(self, action_type: str, seq: int) -> Event | None:
        """The first accepted action of a type whose seq is greater than `seq`."""
        actions = self.actions.get(action_type, [])
        seqs = self._seqs.get(action_type)
        if seqs is None:
            seqs = self._seqs[action_type] = [a["seq"] for a in actions]
        position = bisect.bisect_right(seqs, seq)
        return actions[position] if position < len(actions) else None

    def delivered(self, channel: str) -> list[Event]:
        """Injects of a channel delivered, first delivery of each, in order."""
        return [e for e in self.deliveries.values() if e.get("channel") == channel]

    def trigger(self, start: str) -> tuple[float, Evidence] | None:
        """When a deadline's clock starts: `received` (first delivery of incident.received_by) or `occurred`.

        None when the case was never received (the inject was not delivered).
        """
        incident = self.scenario.incident
        if start == "occurred":
            return incident.occurred_at, Evidence(None, incident.occurred_at, "incident", "incident.occurred_at")
        delivery = min(
            (self.deliveries[i] for i in incident.receipts if i in self.deliveries), key=lambda e: e["seq"], default=None
        )  # the first delivered of them
        if delivery is None:
            return None
        return float(delivery["t"]), evidence_of(delivery, "incident.received_by")

    def inject_label(self, inject_id: str | None) -> Text:
        """What trainees saw an inject called: its title, else its sender, as delivered (placeholders filled), else
        as the drill writes it; its id only when nothing names it."""
        delivered = self.deliveries.get(inject_id) or {}
        name = delivered.get("title") or delivered.get("sender")
        if isinstance(name, Mapping) and name.get("vi"):
            return Text(omit(name["vi"]), omit(name.get("en") or name["vi"]))
        planned = self.scenario.inject(inject_id) if inject_id else None
        if planned is not None:
            text = planned.title or planned.sender
            return Text(omit(text.vi), omit(text.en or text.vi))
        return Text(str(inject_id), str(inject_id))

    def role_label(self, role_id: str | None) -> Text:
        """A role's label from the scenario, in both languages (its id if unknown)."""
        if role_id is None:
            return Text("chưa phân công", "nobody assigned")
        role = self.scenario.role(role_id)
        if role is None:
            return Text(role_id, role_id)
        return role.label.complete()
