"""The score card: what one rule found (`Verdict`), how it counts (`RuleResult`), the whole (`ScoreCard`).

A rule's `judge` returns a `Verdict`: the share of its points earned (0-1), the
evidence (events and actions with their scenario times), a one-sentence
explanation in Vietnamese and English, and whether the rule fell due at all (a
deadline after the drill's end is *not yet due*: neither met nor failed). The
scorer turns it into a `RuleResult` by adding what the rule set says: the rule's
weight, whether it is a bonus and the source it rests on. Points are given to one
decimal, as every page shows them, and a rule is met when its points are its
maximum: a rule shown 10/10 is never listed as not met. `ScoreCard.as_dict()` is
the JSON shape the web layer stores and sends; docs/SCORING.md explains the whole.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from scenarios.texts import Text


@dataclass(frozen=True)
class Evidence:
    """One event (or scenario fact) a verdict rests on. `seq` is None for what is not an event."""

    seq: int | None
    t: float | None
    kind: str
    summary: str

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "t": self.t, "kind": self.kind, "summary": self.summary}


@dataclass(frozen=True)
class Verdict:
    """What a rule found: the share of its points earned, its evidence and its explanation.

    `due` False means nothing the rule judges fell due before the drill ended
    (e.g. a 24-hour deadline after the end): the rule is *not yet due* and earns
    no share (`earned` is 0).
    """

    earned: float
    explanation: Text
    evidence: tuple[Evidence, ...] = ()
    due: bool = True

    def __post_init__(self) -> None:
        if not (0.0 <= self.earned <= 1.0) or math.isnan(self.earned):
            raise ValueError(f"a verdict earns a share between 0 and 1, got {self.earned!r}")
        if not self.due and self.earned:
            raise ValueError("a verdict not yet due earns nothing")


MET, NOT_MET, NOT_DUE, BONUS = "met", "not_met", "not_due", "bonus"  # a rule result's status
COMPLETE, ENDED_EARLY, RUNNING = "complete", "ended_early", "running"  # how far a drill's log goes


@dataclass(frozen=True)
class RuleResult:
    """One line of the score card.

    `status` is `met` (all its points), `not_met`, `not_due` (nothing it judges fell
    due before the end: no points, left out of the total, see `ScoreCard`) or
    `bonus`. `passed` is False only for `not_met`: a bonus rule and a rule not yet
    due are never legal failures (a bonus's points, 0..max, go to the card's bonus).
    """

    id: str
    passed: bool
    points: float
    max_points: float
    bonus: bool
    evidence: tuple[Evidence, ...]
    explanation: Text
    source: Text
    title: Text = field(default=Text("", ""), compare=False)
    status: str = MET
    override: Any = None  # the instructor's verdict and the automatic one it replaced (`scoring.overrides.Applied`)

    @property
    def due(self) -> bool:
        return self.status != NOT_DUE

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "passed": self.passed,
            "status": self.status,
            "points": self.points,
            "max_points": self.max_points,
            "bonus": self.bonus,
            "evidence": [e.as_dict() for e in self.evidence],
            "explanation": self.explanation.as_dict(),
            "source": self.source.as_dict(),
            "override": self.override.as_dict() if self.override is not None else None,
        }


@dataclass(frozen=True)
class ScoreCard:
    """The score of one play: a total from 0 to 100 (legal rules), bonus points beside it, one result per rule.

    The total is the points of the legal rules that fell due, out of their
    maximum, scaled to 100 (`due_points` is that maximum: 100 when every rule
    fell due). `completion` is `complete` (the drill ran its whole duration),
    `ended_early` (an `end` before the scenario's duration: the card is
    incomplete and kept out of averages) or `running` (no `end` yet);
    `ended_at` is the minute of the `end` (None while running) and `duration`
    the scenario's planned length.
    """

    scenario: str
    rule_set: str
    total: float
    rules: tuple[RuleResult, ...]
    bonus: float = 0.0
    due_points: float = 100.0
    completion: str = COMPLETE
    ended_at: float | None = None
    duration: float | None = None

    @property
    def overridden(self) -> bool:
        """Whether an instructor overrode any verdict on the card (`scoring.overrides`)."""
        return any(r.override is not None for r in self.rules)

    def result(self, rule_id: str) -> RuleResult:
        """The result of the rule with this id (KeyError if the rule set has none)."""
        for result in self.rules:
            if result.id == rule_id:
                return result
        raise KeyError(rule_id)

    @property
    def failures(self) -> list[RuleResult]:
        """The legal rules not fully met (bonus rules never are)."""
        return [r for r in self.rules if not r.passed and not r.bonus]

    @property
    def not_due(self) -> list[RuleResult]:
        """The legal rules not yet due when the log ends."""
        return [r for r in self.rules if r.status == NOT_DUE]

    @property
    def passed(self) -> bool:
        """Whether every non-bonus rule that fell due earned all its points."""
        return not self.failures

    @property
    def complete(self) -> bool:
        """Whether the drill ran its whole duration (an early end or a running drill is incomplete)."""
        return self.completion == COMPLETE

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "bonus": self.bonus,
            "rule_set": self.rule_set,
            "completion": self.completion,
            "ended_at": self.ended_at,
            "duration": self.duration,
            "due_points": self.due_points,
            "overridden": self.overridden,
            "rules": [r.as_dict() for r in self.rules],
        }
