"""Scoring a play: a pure function of scenario, rule set and event log to a score card.

Nothing here reads files (the packaged rule sets are read once by
`scoring.ruleset`), the clock or any random source: the same inputs give the
same card. The log is indexed once (`ScoringContext`); each rule judges it and
its verdict is weighed by the rule set:

- points are the weight times the share earned, to one decimal (as every page
  shows them); a rule is met when its points are its maximum;
- the rules the rule set lists under `lateness` keep only the lateness factor of
  their share (`scoring.deadlines.lateness`): a team silent past the first
  deadline to answer the press loses the procedure's points with the time;
- a rule not yet due (`Verdict.due` False) earns nothing and is left out: the
  total is the points of the legal rules that fell due, out of their maximum,
  scaled to 100. docs/SCORING.md explains why.
"""

from __future__ import annotations

from collections.abc import Iterable

from scenarios.model import Scenario
from scenarios.texts import Text

from dataclasses import replace

from scoring.card import BONUS, MET, NOT_DUE, NOT_MET, RuleResult, ScoreCard, Verdict
from scoring.context import Event, ScoringContext
from scoring.deadlines import Lateness, completion, lateness
from scoring.rules.base import capped
from scoring.ruleset import RuleEntry, RuleSet, load_rule_set


def _late(verdict: Verdict, late: Lateness) -> Verdict:
    """The verdict of a timely rule with its share cut by the lateness factor (unchanged when on time)."""
    if late.factor >= 1 or not verdict.due or not verdict.earned:
        return verdict
    note = late.note()
    return replace(
        verdict,
        earned=round(verdict.earned * late.factor, 6),
        explanation=Text(verdict.explanation.vi + note.vi, (verdict.explanation.en or "") + (note.en or "")),
        evidence=capped([*verdict.evidence, *late.evidence]),
    )


def _result(entry: RuleEntry, context: ScoringContext, late: Lateness | None) -> RuleResult:
    verdict = entry.rule.judge(context)
    if late is not None:
        verdict = _late(verdict, late)
    points = round(entry.weight * verdict.earned, 1)
    if not verdict.due:
        status = NOT_DUE
    elif entry.bonus:
        status = BONUS
    else:
        status = MET if points >= entry.weight else NOT_MET
    return RuleResult(
        id=entry.id,
        passed=status != NOT_MET,
        points=points,
        max_points=entry.weight,
        bonus=entry.bonus,
        evidence=verdict.evidence,
        explanation=verdict.explanation,
        source=entry.source,
        title=entry.rule.title,
        status=status,
    )


def totals(results: Iterable[RuleResult]) -> tuple[float, float, float]:
    """A card's total (the legal rules that fell due, scaled to 100), its bonus, and those rules' maximum."""
    results = list(results)
    legal = [r for r in results if not r.bonus and r.due]
    due_points = sum(r.max_points for r in legal)
    total = round(100 * sum(r.points for r in legal) / due_points, 1) if due_points else 0.0
    return total, round(sum(r.points for r in results if r.bonus), 1), due_points


def score(scenario: Scenario, events: Iterable[Event], rule_set_id: str | RuleSet | None = None) -> ScoreCard:
    """Score an event log (docs/EVENTS.md) of a scenario under a rule set (default: the scenario's).

    `rule_set_id` is a packaged rule set's id (`vn-2026`, `vn-2021`) or a `RuleSet`
    already loaded (e.g. by `load_rule_set_file`). The total (0-100) is the sum of
    the legal rules' points; bonus points (good practice, CDC CERC) are reported
    beside it and never make up for a legal failure.
    """
    rule_set = rule_set_id if isinstance(rule_set_id, RuleSet) else load_rule_set(rule_set_id or scenario.rule_set)
    context = ScoringContext(scenario, events)
    policy = rule_set.lateness
    late = lateness(context, policy.span, policy.within) if policy else None
    timely = set(policy.rules) if policy else set()
    results = tuple(_result(entry, context, late if entry.id in timely else None) for entry in rule_set.entries)
    total, bonus, due_points = totals(results)
    return ScoreCard(
        scenario=scenario.id,
        rule_set=rule_set.id,
        total=total,
        bonus=bonus,
        rules=results,
        due_points=due_points,
        completion=completion(context),
        ended_at=float(context.end["t"]) if context.end is not None else None,
        duration=float(scenario.duration),
    )
