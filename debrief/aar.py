"""The After-Action Report of an exercise, in the structure of HSEEP (Homeland Security Exercise and Evaluation Program).

    report = after_action_report(meta, reviews)              # the default improvement plan
    report = after_action_report(meta, reviews, plan=rows)   # the instructor's edited plan (checked)

Sections: the exercise overview (scenario, crisis type and level, rule set,
date, instructor, teams and participants); the objectives, each rated per team
P / S / M / U (`debrief.objectives`); strengths (rules a team met in full, with
the evidence); areas for improvement (legal rules a team failed: rule id,
title, legal source, teams, the analysis, a recommendation and the role
responsible); the improvement plan (`debrief.plan`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from debrief.exercise import ExerciseMeta
from scenarios.labels import CRISIS_TYPES, label, role_label
from debrief.objectives import Objective, objectives_for, TeamRating, guidance, rate
from debrief.plan import ImprovementItem, check_plan, default_item
from debrief.review import TeamReview
from scenarios.texts import Text
from scoring import Evidence, RuleResult, load_rule_set


@dataclass(frozen=True)
class Participant:
    """A trainee as the overview lists them."""

    name: str
    role: str
    role_label: Text

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "role_label": self.role_label.as_dict()}


@dataclass(frozen=True)
class TeamOverview:
    """A team as the overview lists it."""

    name: str
    status: str
    seed: int
    participants: tuple[Participant, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "seed": self.seed,
            "participants": [p.as_dict() for p in self.participants],
        }


@dataclass(frozen=True)
class Overview:
    """Section 1 of the AAR: the exercise."""

    exercise_id: int | None
    title: str
    date: str
    instructor: str | None
    scenario: str
    scenario_title: Text
    crisis_type: str
    crisis_type_label: Text
    level: int
    duration: float
    rule_set: str
    rule_set_title: Text
    roles: tuple[tuple[str, Text, str], ...]  # (id, label, played_by)
    teams: tuple[TeamOverview, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "exercise_id": self.exercise_id,
            "title": self.title,
            "date": self.date,
            "instructor": self.instructor,
            "scenario": self.scenario,
            "scenario_title": self.scenario_title.as_dict(),
            "crisis_type": self.crisis_type,
            "crisis_type_label": self.crisis_type_label.as_dict(),
            "level": self.level,
            "duration": self.duration,
            "rule_set": self.rule_set,
            "rule_set_title": self.rule_set_title.as_dict(),
            "roles": [{"id": i, "label": t.as_dict(), "played_by": p} for i, t, p in self.roles],
            "teams": [t.as_dict() for t in self.teams],
        }


@dataclass(frozen=True)
class TeamFinding:
    """What one rule found for one team: its points, the analysis and the evidence."""

    team: str
    points: float
    max_points: float
    explanation: Text
    evidence: tuple[Evidence, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "team": self.team,
            "points": self.points,
            "max_points": self.max_points,
            "explanation": self.explanation.as_dict(),
            "evidence": [e.as_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Finding:
    """A strength or an area for improvement: one rule, the teams it concerns, and (for an area) what to do."""

    rule_id: str
    title: Text
    source: Text
    objective: str
    bonus: bool
    teams: tuple[TeamFinding, ...]
    recommendation: Text | None = None
    role: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "title": self.title.as_dict(),
            "source": self.source.as_dict(),
            "objective": self.objective,
            "bonus": self.bonus,
            "teams": [t.as_dict() for t in self.teams],
            "recommendation": self.recommendation.as_dict() if self.recommendation else None,
            "role": self.role,
        }


@dataclass(frozen=True)
class ObjectiveAssessment:
    """An objective and each team's rating of it (in the order of the teams)."""

    objective: Objective
    ratings: tuple[TeamRating, ...]

    def as_dict(self) -> dict[str, Any]:
        return {**self.objective.as_dict(), "ratings": [r.as_dict() for r in self.ratings]}


@dataclass(frozen=True)
class AfterActionReport:
    """The whole AAR; `plan_edited` says whether the plan is the instructor's or the generated one."""

    overview: Overview
    objectives: tuple[ObjectiveAssessment, ...]
    strengths: tuple[Finding, ...]
    areas_for_improvement: tuple[Finding, ...]
    plan: tuple[ImprovementItem, ...]
    plan_edited: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "overview": self.overview.as_dict(),
            "objectives": [o.as_dict() for o in self.objectives],
            "strengths": [f.as_dict() for f in self.strengths],
            "areas_for_improvement": [f.as_dict() for f in self.areas_for_improvement],
            "improvement_plan": {"edited": self.plan_edited, "items": [i.as_dict() for i in self.plan]},
        }


def overview(meta: ExerciseMeta, reviews: Sequence[TeamReview]) -> Overview:
    """The exercise overview of the AAR."""
    scenario = meta.scenario
    rule_set = load_rule_set(scenario.rule_set)
    return Overview(
        exercise_id=meta.id,
        title=meta.title,
        date=meta.date,
        instructor=meta.instructor,
        scenario=scenario.id,
        scenario_title=scenario.title.complete(),
        crisis_type=scenario.crisis_type.value,
        crisis_type_label=label(CRISIS_TYPES, scenario.crisis_type.value),
        level=scenario.level,
        duration=scenario.duration,
        rule_set=rule_set.id,
        rule_set_title=rule_set.title,
        roles=tuple((r.id, role_label(scenario, r.id), r.played_by) for r in scenario.roles),
        teams=tuple(
            TeamOverview(
                r.team, r.status, r.seed, tuple(Participant(m.name, m.role, role_label(scenario, m.role)) for m in r.members)
            )
            for r in reviews
        ),
    )


def _team_finding(team: str, result: RuleResult) -> TeamFinding:
    return TeamFinding(team, result.points, result.max_points, result.explanation, result.evidence)


def _findings(reviews: Sequence[TeamReview], rule_set: str) -> tuple[list[Finding], list[Finding]]:
    """Strengths (rules met in full, bonus ones included) and areas for improvement (legal rules failed), by rule."""
    strengths, areas = [], []
    rule_ids = [r.id for r in reviews[0].card.rules] if reviews else []
    for rule_id in rule_ids:
        results = [(review.team, review.card.result(rule_id)) for review in reviews]
        first, how = results[0][1], guidance(rule_id, rule_set)
        met = tuple(_team_finding(team, r) for team, r in results if r.points >= r.max_points)
        failed = tuple(_team_finding(team, r) for team, r in results if not r.passed)
        common: dict[str, Any] = {
            "rule_id": rule_id,
            "title": first.title,
            "source": first.source,
            "objective": how.objective,
            "bonus": first.bonus,
        }
        if met:
            strengths.append(Finding(**common, teams=met))
        if failed:
            areas.append(Finding(**common, teams=failed, recommendation=how.recommendation, role=how.role))
    return strengths, areas


def default_plan(meta: ExerciseMeta, areas: Sequence[Finding]) -> tuple[ImprovementItem, ...]:
    """One row per area for improvement: the rule failed and by whom, its corrective action, role, due date."""
    rows = []
    for area in areas:
        teams = ", ".join(t.team for t in area.teams)
        issue = Text(f"{area.title.vi}: chưa đạt ({teams})", f"{area.title.en}: not met ({teams})")
        assert area.recommendation is not None and area.role is not None  # an area has both (_findings)
        rows.append(default_item(issue, area.recommendation, area.objective, area.role, meta.day))
    return tuple(rows)


def after_action_report(
    meta: ExerciseMeta, reviews: Sequence[TeamReview], plan: Sequence[ImprovementItem | Mapping[str, Any]] | None = None
) -> AfterActionReport:
    """The AAR of an exercise from its teams' reviews; `plan` (edited rows) replaces the generated plan.

    ValueError if a review is of another scenario or rule set than the exercise's;
    `debrief.plan.PlanError` naming each bad row and field of an edited plan.
    """
    scenario = meta.scenario
    for team_review in reviews:
        if team_review.scenario != scenario.id or team_review.card.rule_set != scenario.rule_set:
            raise ValueError(
                f"team {team_review.team!r} played {team_review.scenario!r} under rule set "
                f"{team_review.card.rule_set!r}, not the exercise's {scenario.id!r} under {scenario.rule_set!r}"
            )
    strengths, areas = _findings(reviews, scenario.rule_set)
    objectives = tuple(
        ObjectiveAssessment(o, tuple(rate(o.id, r.team, r.card) for r in reviews)) for o in objectives_for(scenario.rule_set)
    )
    items = default_plan(meta, areas) if plan is None else check_plan(plan, scenario)
    return AfterActionReport(
        overview=overview(meta, reviews),
        objectives=objectives,
        strengths=tuple(strengths),
        areas_for_improvement=tuple(areas),
        plan=items,
        plan_edited=plan is not None,
    )
