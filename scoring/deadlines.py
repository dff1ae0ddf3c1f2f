"""When a play's obligations fall due: how far its log goes, the horizon deadlines are judged to, and lateness.

- `completion`: `complete` (an `end` at the scenario's duration), `ended_early`
  (an `end` before it: the trainee's or the instructor's End) or `running` (no
  `end` yet: a live drill).
- `horizon`: the scenario minute up to which deadlines are judged. A complete
  drill: its end. A drill ended early: the scenario's duration, so what fell due
  within the planned drill and was not met when the team stopped is not met (the
  card is also marked incomplete and kept out of averages). A running drill: its
  last event. A deadline after the horizon is *not yet due* (`due`).
- `call_deadline`: when a press call must be answered.
- `lateness`: how long the agency left the press waiting past the first thing it
  had to answer, and the factor (1 on time, down to 0 after `span` minutes of
  silence) by which the rule set's `lateness.rules` keep their points.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.texts import Text
from scoring.card import COMPLETE, ENDED_EARLY, RUNNING, Evidence
from scenarios.figures import format_duration, format_t
from scoring.context import Event, ScoringContext, evidence_of


def completion_of(ended_at: float | None, duration: float) -> str:
    """`complete`, `ended_early` or `running` for a drill whose `end` came at `ended_at` (None: no end yet)."""
    if ended_at is None:
        return RUNNING
    return ENDED_EARLY if float(ended_at) < duration else COMPLETE


def completion(context: ScoringContext) -> str:
    """`complete`, `ended_early` or `running` (see the module's docstring)."""
    end = context.end
    return completion_of(float(end["t"]) if end is not None else None, context.scenario.duration)


def horizon(context: ScoringContext) -> float:
    """The scenario minute up to which deadlines are judged (see the module's docstring)."""
    state = completion(context)
    if state == ENDED_EARLY:
        return float(context.scenario.duration)
    return context.last_t


def due(deadline: float, context: ScoringContext) -> bool:
    """Whether a deadline fell due within the horizon (a deadline at the horizon itself is due)."""
    return deadline <= horizon(context)


def call_deadline(context: ScoringContext, call: Event) -> float:
    """A delivered press call's deadline: its `deadline`, else its delivery plus the response window (inf if none)."""
    if call.get("deadline") is not None:
        return float(call["deadline"])
    window = call.get("response_window")
    if window is None:
        inject = context.scenario.inject(call.get("inject"))
        window = inject.response_window if inject is not None else None
    return float(call["t"]) + float(window) if window is not None else float("inf")


@dataclass(frozen=True)
class Lateness:
    """How late the spokesperson's first word to the press came, and what it costs (`factor`)."""

    factor: float
    late: float  # minutes past `due`, 0 when on time
    due: float | None  # the first deadline to answer the press, None if none fell due
    spoke: float | None  # the spokesperson's first press-facing act, None if never
    evidence: tuple[Evidence, ...] = ()

    def note(self) -> Text:
        """The sentence a timely rule's explanation gains when its points are cut (empty when on time)."""
        if self.factor >= 1:
            return Text("", "")
        late, kept = format_duration(round(self.late, 3)), round(self.factor * 100)
        spoke_vi = f"lên tiếng lần đầu lúc {format_t(self.spoke)}" if self.spoke is not None else "không lên tiếng"
        spoke_en = f"first spoke at {format_t(self.spoke)}" if self.spoke is not None else "never spoke"
        return Text(
            f" Do chậm, quy tắc chỉ giữ {kept}% số điểm: người phát ngôn {spoke_vi}, trễ {late.vi} so với "
            f"hạn trả lời báo chí đầu tiên {format_t(self.due)}.",
            f" Late, so the rule keeps only {kept}% of its points: the spokesperson {spoke_en}, {late.en} after "
            f"the first deadline to answer the press, {format_t(self.due)}.",
        )


def lateness(context: ScoringContext, span: float, within: float) -> Lateness:
    """How long the agency left the press waiting, and the factor that leaves a timely rule.

    The agency first has to answer the press at the earliest of: a delivered
    press call's deadline, and `within` minutes after it received the case (the
    24 hours of initial information). Its silence runs from then to the assigned
    spokesperson's first press-facing act (a statement, an answer or a refusal
    on a lawful ground), or to the horizon if none came. Each minute of silence
    takes 1/`span` of the points: on time keeps them all, `span` minutes late
    keeps none.
    """
    deadlines: list[tuple[float, Evidence]] = []
    for call in context.delivered("press_call"):
        deadlines.append((call_deadline(context, call), evidence_of(call, "first deadline to answer the press")))
    received = context.trigger("received")
    if received is not None:
        start, evidence = received
        deadlines.append(
            (
                start + within,
                Evidence(
                    evidence.seq, start + within, "deadline", f"{format_duration(within).en} after the case was received"
                ),
            )
        )
    first = next((act for act in context.press_acts if act.by_spokesperson), None)
    spoke = first.t if first is not None else None
    if not deadlines:
        return Lateness(1.0, 0.0, None, spoke)
    when, evidence = min(deadlines, key=lambda item: item[0])
    if not due(when, context):
        return Lateness(1.0, 0.0, None, spoke)
    silence_ends = spoke if spoke is not None else horizon(context)
    late = max(0.0, silence_ends - when)
    shown = (evidence, evidence_of(first.event, "the spokesperson's first word")) if first is not None else (evidence,)
    return Lateness(max(0.0, 1 - late / span), late, when, spoke, shown if late else ())
