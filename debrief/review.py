"""The after-action review of one team: everything the debrief shows, as plain data.

    from debrief import review
    team_review = review(run)          # a TeamRun
    team_review.card.total             # the ScoreCard (scoring.score, with the instructor's overrides)
    team_review.as_dict()              # JSON-ready

`review` is a pure function of the run: the timeline, the opinion series and
level steps, the score card, what each role and each trainee did, the
observations, the press calls left unanswered, and the final state.
`seen_by` is what one role had seen at a given point (for the replay view).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scenarios.labels import ACTION_TYPES, label, role_label
from debrief.opinion import LevelStep, OpinionPoint, level_steps, opinion_series
from debrief.summaries import Summariser, inject_name
from debrief.team_run import ACT_KINDS, Event, Note, TeamRun, Trainee
from debrief.timeline import TimelineEntry, timeline
from scenarios.texts import Text
from scoring import ScoreCard, score
from scenarios.figures import format_t
from scoring.overrides import overridden
from scenarios.actions import CATALOG


@dataclass(frozen=True)
class Act:
    """One action a role took, accepted or refused, and who took it."""

    seq: int
    t: float
    type: str
    label: Text
    summary: Text
    who: str | None
    accepted: bool

    @property
    def press_facing(self) -> bool:
        """An accepted act that speaks to the press (a statement, a press conference, an answer)."""
        kind = CATALOG.get(self.type)
        return self.accepted and kind is not None and kind.press_facing

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "t": self.t,
            "time": format_t(self.t),
            "type": self.type,
            "label": self.label.as_dict(),
            "summary": self.summary.as_dict(),
            "who": self.who,
            "accepted": self.accepted,
            "press_facing": self.press_facing,
        }


def _counts(acts: tuple[Act, ...]) -> dict[str, int]:
    accepted = sum(a.accepted for a in acts)
    return {"accepted": accepted, "refused": len(acts) - accepted, "press_facing": sum(a.press_facing for a in acts)}


class _Counted:
    """How many of `acts` were accepted, refused, and spoke to the press."""

    acts: tuple[Act, ...]

    @property
    def accepted(self) -> int:
        return _counts(self.acts)["accepted"]

    @property
    def refused(self) -> int:
        return _counts(self.acts)["refused"]

    @property
    def press_facing(self) -> int:
        return _counts(self.acts)["press_facing"]


@dataclass(frozen=True)
class RoleReview(_Counted):
    """What one role did: its label, its trainees, its acts in order."""

    role: str
    label: Text
    trainees: tuple[str, ...]
    acts: tuple[Act, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "label": self.label.as_dict(),
            "trainees": list(self.trainees),
            **_counts(self.acts),
            "acts": [a.as_dict() for a in self.acts],
        }


@dataclass(frozen=True)
class TraineeReview(_Counted):
    """What one trainee did: their role and their acts in order (none, for a trainee who never acted)."""

    name: str
    role: str
    role_label: Text
    acts: tuple[Act, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "role_label": self.role_label.as_dict(),
            **_counts(self.acts),
            "acts": [a.as_dict() for a in self.acts],
        }


@dataclass(frozen=True)
class MissedDeadline:
    """A press call whose window passed without an answer."""

    call: str
    name: Text
    delivered_at: float | None
    deadline: float
    roles: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "call": self.call,
            "name": self.name.as_dict(),
            "delivered_at": self.delivered_at,
            "deadline": self.deadline,
            "deadline_time": format_t(self.deadline),
            "roles": list(self.roles),
        }


@dataclass(frozen=True)
class TeamReview:
    """The after-action review of one team's run."""

    team: str
    status: str
    seed: int
    scenario: str
    members: tuple[Trainee, ...]
    timeline: tuple[TimelineEntry, ...]
    opinion: tuple[OpinionPoint, ...]
    levels: tuple[LevelStep, ...]
    card: ScoreCard
    by_role: tuple[RoleReview, ...]
    by_trainee: tuple[TraineeReview, ...]
    observations: tuple[Note, ...]
    missed_deadlines: tuple[MissedDeadline, ...]
    final_level: int
    max_level: int
    final_belief: float | None
    final_trust: float | None

    def role(self, role_id: str) -> RoleReview:
        """The review of one role (KeyError if the run has none)."""
        found = next((r for r in self.by_role if r.role == role_id), None)
        if found is None:
            raise KeyError(role_id)
        return found

    def as_dict(self) -> dict[str, Any]:
        card = self.card.as_dict()
        card["rules"] = [{**r.as_dict(), "title": r.title.as_dict()} for r in self.card.rules]
        return {
            "team": self.team,
            "status": self.status,
            "seed": self.seed,
            "scenario": self.scenario,
            "members": [m.as_dict() for m in self.members],
            "timeline": [e.as_dict() for e in self.timeline],
            "opinion": [p.as_dict() for p in self.opinion],
            "levels": [s.as_dict() for s in self.levels],
            "card": card,
            "by_role": [r.as_dict() for r in self.by_role],
            "by_trainee": [t.as_dict() for t in self.by_trainee],
            "observations": [n.as_dict() for n in self.observations],
            "missed_deadlines": [m.as_dict() for m in self.missed_deadlines],
            "final_level": self.final_level,
            "max_level": self.max_level,
            "final_belief": self.final_belief,
            "final_trust": self.final_trust,
        }


def _acts(run: TeamRun, summariser: Summariser) -> list[tuple[str, Act]]:
    """Every action and refusal of the run with the role that took it, in order."""
    return [
        (
            event["role"],
            Act(
                seq=event["seq"],
                t=float(event["t"]),
                type=event["type"],
                label=label(ACTION_TYPES, event["type"]),
                summary=summariser.summary(event),
                who=run.actors.get(event["seq"]),
                accepted=event["kind"] == "action",
            ),
        )
        for event in run.events
        if event.get("kind") in ACT_KINDS
    ]


def _by_role(run: TeamRun, acts: list[tuple[str, Act]]) -> tuple[RoleReview, ...]:
    roles = list(run.scenario.trainee_roles)
    roles += [role for role, _ in acts if role not in roles]
    return tuple(
        RoleReview(
            role=role,
            label=role_label(run.scenario, role),
            trainees=tuple(m.name for m in run.members if m.role == role),
            acts=tuple(act for acted, act in acts if acted == role),
        )
        for role in dict.fromkeys(roles)
    )


def _by_trainee(run: TeamRun, acts: list[tuple[str, Act]]) -> tuple[TraineeReview, ...]:
    return tuple(
        TraineeReview(
            name=m.name,
            role=m.role,
            role_label=role_label(run.scenario, m.role),
            acts=tuple(act for _, act in acts if act.who == m.name),
        )
        for m in run.members
    )


def _missed(run: TeamRun, summariser: Summariser) -> tuple[MissedDeadline, ...]:
    missed = []
    for event in run.events:
        if event.get("kind") == "deadline_missed":
            call = summariser.injects.get(event["inject"])
            missed.append(
                MissedDeadline(
                    call=event["inject"],
                    name=inject_name(call, str(event["inject"]), run.scenario),
                    delivered_at=float(call["t"]) if call else None,
                    deadline=float(event["deadline"]),
                    roles=tuple(event.get("audience") or ()),
                )
            )
    return tuple(missed)


def _final_state(
    events: Sequence[Event], levels: tuple[LevelStep, ...], opinion: tuple[OpinionPoint, ...]
) -> tuple[int, int, float | None, float | None]:
    """Final level, highest level, final belief and trust: the end's, else the last known."""
    end = next((e for e in reversed(events) if e.get("kind") == "end"), None)
    if end is not None:
        return int(end["final_level"]), int(end["max_level"]), float(end["belief"]), float(end["trust"])
    last = opinion[-1] if opinion else None
    return (levels[-1].level, max(s.level for s in levels), last.belief if last else None, last.trust if last else None)


def review(run: TeamRun) -> TeamReview:
    """Everything the after-action review shows of one team's run."""
    summariser = Summariser(run.scenario, run.events)
    acts = _acts(run, summariser)
    opinion, levels = opinion_series(run.events), level_steps(run.scenario, run.events)
    final_level, max_level, belief, trust = _final_state(run.events, levels, opinion)
    return TeamReview(
        team=run.team,
        status=run.status,
        seed=run.seed,
        scenario=run.scenario.id,
        members=run.members,
        timeline=timeline(run),
        opinion=opinion,
        levels=levels,
        card=overridden(score(run.scenario, run.events), run.overrides),
        by_role=_by_role(run, acts),
        by_trainee=_by_trainee(run, acts),
        observations=run.observations,
        missed_deadlines=_missed(run, summariser),
        final_level=final_level,
        max_level=max_level,
        final_belief=belief,
        final_trust=trust,
    )


def seen_by(run: TeamRun, role: str, seq: int) -> list[Event]:
    """The events a trainee role had seen up to and including event `seq` (by each event's audience).

    Events for the instructor only (audience []) are no role's. ValueError for a
    role that is not a trainee role of the scenario.
    """
    roles = run.scenario.trainee_roles
    if role not in roles:
        raise ValueError(f"'{role}' is not a trainee role of scenario {run.scenario.id!r} (roles: {', '.join(roles)})")
    return [e for e in run.events if e["seq"] <= seq and role in (e.get("audience") or ())]
