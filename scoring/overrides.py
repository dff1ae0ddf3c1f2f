"""An instructor's override of a rule's automatic verdict on one team's card, with the written reason.

    card = overridden(score(scenario, events), {"press-24h": Override("met", "Đã gửi qua email", "Lan")})

Each overridden rule keeps its automatic verdict beside the instructor's (`RuleResult.override`,
an `Applied`): `met` gives the rule all its points, `not_met` none. The total and the bonus are
computed again by `scoring.engine.totals` (the legal rules that fall due, scaled to 100), a rule
not yet due that is overridden now counting as due. `ScoreCard.overridden` says whether any
verdict on the card is the instructor's. Pure: no database, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from scenarios.messages import N_, MessageError
from scoring.card import BONUS, MET, NOT_MET, RuleResult, ScoreCard
from scoring.engine import totals

VERDICTS = (MET, NOT_MET)
MAX_REASON = 2000


class OverrideError(MessageError):
    """An override that cannot be kept; its `message` says why (`scenarios.messages`)."""


@dataclass(frozen=True)
class Override:
    """The instructor's verdict on a rule (`met` or `not_met`), why, and who gave it."""

    verdict: str
    reason: str
    by: str

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise OverrideError(N_("Kết luận phải là 'met' (đạt) hoặc 'not_met' (chưa đạt)."))
        if not self.reason.strip():
            raise OverrideError(N_("Cần ghi rõ lý do điều chỉnh."))
        if len(self.reason) > MAX_REASON:
            raise OverrideError(N_("Lý do tối đa %(most)d ký tự."), most=MAX_REASON)


@dataclass(frozen=True)
class Applied:
    """An override as the card shows it: the instructor's verdict and the automatic one it replaced."""

    verdict: str
    reason: str
    by: str
    automatic_status: str
    automatic_points: float
    automatic_passed: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "reason": self.reason,
            "by": self.by,
            "automatic_status": self.automatic_status,
            "automatic_points": self.automatic_points,
            "automatic_passed": self.automatic_passed,
        }


def _apply(result: RuleResult, override: Override) -> RuleResult:
    met = override.verdict == MET
    applied = Applied(override.verdict, override.reason, override.by, result.status, result.points, result.passed)
    status = BONUS if result.bonus else (MET if met else NOT_MET)
    return replace(
        result, points=result.max_points if met else 0.0, passed=met or result.bonus, status=status, override=applied
    )


def overridden(card: ScoreCard, overrides: Mapping[str, Override]) -> ScoreCard:
    """The card with each rule of `overrides` given the instructor's verdict, and its total computed again.

    An override of a rule the card does not have (a rule set changed since) is left out.
    """
    if not overrides:
        return card
    rules = tuple(_apply(r, overrides[r.id]) if r.id in overrides else r for r in card.rules)
    total, bonus, due_points = totals(rules)
    return replace(card, rules=rules, total=total, bonus=bonus, due_points=due_points)
