"""The timeline of a team's run: every event but the opinion samples, with the instructor's observations.

Entries come in the order of the log; an observation is placed after the
events of its minute. A press call carries its deadline and what became of
it: `answered` (first answer in time, a refusal included), `late`, `missed`
(the deadline passed without an answer) or `open` (the log ends before it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scenarios.labels import CATEGORIES
from debrief.summaries import Summariser
from debrief.team_run import ACT_KINDS, Event, TeamRun
from scenarios.texts import Text
from scenarios.figures import format_t


@dataclass(frozen=True)
class PressCall:
    """What became of a press call: its deadline, a response of labels.PRESS_CALL_RESPONSES, the seq of its first answer."""

    deadline: float | None
    response: str
    answer_seq: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "deadline": self.deadline,
            "deadline_time": format_t(self.deadline) if self.deadline is not None else None,
            "response": self.response,
            "answer_seq": self.answer_seq,
        }


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline. `seq` is None for an observation; `audience` () means the instructor only."""

    seq: int | None
    t: float
    category: str
    role: str | None
    who: str | None
    summary: Text
    audience: tuple[str, ...]
    press_call: PressCall | None = None

    @property
    def time(self) -> str:
        """Scenario time, T+HH:MM."""
        return format_t(self.t)

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "t": self.t,
            "time": self.time,
            "category": self.category,
            "role": self.role,
            "who": self.who,
            "summary": self.summary.as_dict(),
            "audience": list(self.audience),
            "press_call": self.press_call.as_dict() if self.press_call else None,
        }


def press_calls(events: Sequence[Event]) -> dict[str, PressCall]:
    """What became of each press call delivered, by inject id."""
    answers: dict[str | None, Event] = {}  # by the call each answers, as its params name it
    missed: set[str] = set()
    for event in events:
        if event.get("kind") == "action" and event.get("type") == "answer_press":
            answers.setdefault((event.get("params") or {}).get("call"), event)
        elif event.get("kind") == "deadline_missed":
            missed.add(event["inject"])
    calls: dict[str, PressCall] = {}
    for event in events:
        if event.get("kind") != "inject" or event.get("channel") != "press_call" or event.get("inject") in calls:
            continue
        call_id, deadline = event["inject"], event.get("deadline")
        answer = answers.get(call_id)
        if answer is not None:
            in_time = deadline is None or float(answer["t"]) <= float(deadline)
            response = "answered" if in_time else "late"
        else:
            response = "missed" if call_id in missed else "open"
        calls[call_id] = PressCall(deadline, response, answer["seq"] if answer is not None else None)
    return calls


def _entry(event: Event, summariser: Summariser, actors: Mapping[int, str], calls: Mapping[str, PressCall]) -> TimelineEntry:
    kind = event["kind"]
    acted = kind in ACT_KINDS
    is_call = kind == "inject" and event.get("channel") == "press_call"
    return TimelineEntry(
        seq=event["seq"],
        t=float(event["t"]),
        category=kind,
        role=event.get("role") if acted else None,
        who=actors.get(event["seq"]) if acted else None,
        summary=summariser.summary(event),
        audience=tuple(event.get("audience") or ()),
        press_call=calls.get(event["inject"]) if is_call else None,
    )


def timeline(run: TeamRun) -> tuple[TimelineEntry, ...]:
    """Every event of the run but opinion samples, and its observations at their minute, in order."""
    summariser, calls = Summariser(run.scenario, run.events), press_calls(run.events)
    shown = [e for e in run.events if e.get("kind") in CATEGORIES]  # every kind of the log but `opinion`
    entries = [_entry(e, summariser, run.actors, calls) for e in shown]
    notes = [
        TimelineEntry(
            seq=None,
            t=float(n.at),
            category="observation",
            role=None,
            who=n.author,
            summary=Text(n.text, n.text),
            audience=(),
        )
        for n in run.observations
    ]
    # events before notes of the same minute; both keep their own order (sorted() is stable)
    return tuple(sorted(entries + notes, key=lambda entry: (entry.t, entry.seq is None)))
