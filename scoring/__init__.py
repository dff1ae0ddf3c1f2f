"""Procedure scoring: rules in a registry, rule sets as data, a score card from an event log.

    from scoring import score, render_card
    card = score(scenario, events)            # the scenario's rule set (vn-2026 by default)
    card = score(scenario, events, "vn-2021")
    print(render_card(card))                  # Vietnamese, English beneath; lang="en" for English only
    card.as_dict()                            # {"total", "rule_set", "rules": [...]}

Modules: `card` (Verdict, RuleResult, ScoreCard), `context` (the indexed log),
`deadlines` (the horizon deadlines are judged to, an early end, lateness),
`rules` (the registry RULES and one small module per group of rules),
`ruleset` (loading and checking rule-set YAML), `engine` (score), `render`.
docs/SCORING.md explains points, deadlines not yet due, lateness and incomplete drills.
"""

from scoring.card import Evidence, RuleResult, ScoreCard, Verdict
from scoring.context import EventLogError, ScoringContext
from scoring.engine import score
from scoring.render import render_card
from scoring.rules import RULES, Rule
from scoring.ruleset import RuleSet, RuleSetError, load_rule_set, load_rule_set_file, parse_rule_set, rule_set_ids

__all__ = [
    "RULES",
    "EventLogError",
    "Evidence",
    "Rule",
    "RuleResult",
    "RuleSet",
    "RuleSetError",
    "ScoreCard",
    "ScoringContext",
    "Verdict",
    "load_rule_set",
    "load_rule_set_file",
    "parse_rule_set",
    "render_card",
    "rule_set_ids",
    "score",
]
