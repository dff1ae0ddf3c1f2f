"""Scoring a play: a pure function of scenario, rule set and event log to a score card.

Nothing here reads files (the packaged rule sets are read once by
`scoring.ruleset`), the clock or any random source: the same inputs give the
same card. The log is indexed once (`ScoringContext`); each rule judges it and
its verdict is weighed by the rule set.
"""

from __future__ import annotations

from collections.abc import Iterable

from scenarios.model import Scenario

from scoring.card import RuleResult, ScoreCard
from scoring.context import Event, ScoringContext
from scoring.ruleset import RuleEntry, RuleSet, load_rule_set


def _result(entry: RuleEntry, context: ScoringContext) -> RuleResult:
    verdict = entry.rule.judge(context)
    full = verdict.earned >= 1 - 1e-9
    points = entry.weight if full else round(entry.weight * verdict.earned, 2)
    if not full and points >= entry.weight:  # rounding must not make a partial result look full
        points = round(entry.weight - 0.01, 2)
    return RuleResult(
        id=entry.id,
        passed=True if entry.bonus else full,
        points=points,
        max_points=entry.weight,
        bonus=entry.bonus,
        evidence=verdict.evidence,
        explanation=verdict.explanation,
        source=entry.source,
        title=entry.rule.title,
    )


def score(scenario: Scenario, events: Iterable[Event], rule_set_id: str | RuleSet | None = None) -> ScoreCard:
    """Score an event log (docs/EVENTS.md) of a scenario under a rule set (default: the scenario's).

    `rule_set_id` is a packaged rule set's id (`vn-2026`, `vn-2021`) or a `RuleSet`
    already loaded (e.g. by `load_rule_set_file`). The total (0-100) is the sum of
    the legal rules' points; bonus points (good practice, CDC CERC) are reported
    beside it and never make up for a legal failure.
    """
    if isinstance(rule_set_id, RuleSet):
        rule_set = rule_set_id
    else:
        rule_set = load_rule_set(rule_set_id or scenario.rule_set)
    context = ScoringContext(scenario, events)
    results = tuple(_result(entry, context) for entry in rule_set.entries)
    total = round(sum(r.points for r in results if not r.bonus), 1)
    bonus = round(sum(r.points for r in results if r.bonus), 1)
    return ScoreCard(scenario=scenario.id, rule_set=rule_set.id, total=total, bonus=bonus, rules=results)
