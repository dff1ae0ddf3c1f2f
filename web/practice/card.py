"""The score card of a practice: the drill's card, less what the hints cost.

Practice score = the card's total minus `hints × cost`, never below 0; the
bonus (good practice) is shown beside it and makes up for nothing. Each legal
failure comes with its title, explanation and legal source, and so does each
rule not yet due (a deadline after the drill's end: neither met nor failed). A
drill the trainee ended early gives an incomplete card (`complete` False): it is
shown as such and kept out of the history's chart and counts.
"""

from __future__ import annotations

from typing import Any

from scoring import RuleResult, ScoreCard

HINT_COST = 5.0  # points a hint takes off the practice score


def penalty(hints: int, cost: float) -> float:
    return round(hints * cost, 1)


def practice_score(total: float, hints: int, cost: float) -> float:
    """The card's total less the hint penalty, never below 0."""
    return max(0.0, round(total - penalty(hints, cost), 1))


def failed_rule(result: RuleResult) -> dict[str, Any]:
    """A legal failure (or a rule not yet due) as the card and the history show it."""
    return {
        "id": result.id,
        "title": result.title.as_dict(),
        "explanation": result.explanation.as_dict(),
        "source": result.source.as_dict(),
        "points": result.points,
        "max_points": result.max_points,
    }


def practice_card(card: ScoreCard, hints: int, cost: float) -> dict[str, Any]:
    """What the room shows at the end: total, bonus, hint penalty, practice score, legal failures."""
    return {
        "total": card.total,
        "bonus": card.bonus,
        "rule_set": card.rule_set,
        "hints": hints,
        "hint_cost": cost,
        "penalty": penalty(hints, cost),
        "score": practice_score(card.total, hints, cost),
        "complete": card.complete,
        "completion": card.completion,
        "ended_at": card.ended_at,
        "duration": card.duration,
        "failed": [failed_rule(r) for r in card.failures],
        "not_due": [failed_rule(r) for r in card.not_due],
    }
