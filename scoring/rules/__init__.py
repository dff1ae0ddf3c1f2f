"""The registry of scoring rules: rule name → rule class (the way CTFd registers challenge types).

A rule set (scoring/rulesets/*.yaml) names rules from this registry. To add a
rule, write a `Rule` subclass in a small module here and register it below.
"""

from __future__ import annotations

from scoring.rules.base import Rule, RuleParamError
from scoring.rules.content import VerifiedFactsOnly
from scoring.rules.handling import CauseAddressed, DailyReport, PressConferenceNotice
from scoring.rules.networks import AggregatorRemoval, GroupAdminsEngaged, NoiseNotChased
from scoring.rules.outcome import Outcome
from scoring.rules.press import CorrectionsRequested, PressRequestsAnswered
from scoring.rules.procedure import OneFocalPoint, ProcedureOrder, SpokespersonFirst
from scoring.rules.timeliness import CercFirstMessage, InitialInformation

RULES: dict[str, type[Rule]] = {
    rule.name: rule
    for rule in (
        ProcedureOrder,
        SpokespersonFirst,
        OneFocalPoint,
        VerifiedFactsOnly,
        InitialInformation,
        PressRequestsAnswered,
        CorrectionsRequested,
        CercFirstMessage,
        Outcome,
        CauseAddressed,
        DailyReport,
        PressConferenceNotice,
        GroupAdminsEngaged,
        AggregatorRemoval,
        NoiseNotChased,
    )
}

__all__ = ["RULES", "Rule", "RuleParamError"]
