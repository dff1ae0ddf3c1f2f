"""Teams' scores side by side: each team's review, the rule × team matrix, averages and the rules failed most often.

    scores = team_scores(exercise)          # [TeamScore], in team order (a handful of queries per exercise)
    average(scores)                         # mean total of the teams counted, None if there is none
    rule_rows(scores)                       # one row per rule: each team's result
    most_failed(scores_of_every_exercise)   # legal rules by how many teams counted failed them

A team that never started (status `ready`) is listed but has no score: it
counts in no average and fails no rule. A team whose drill was ended early
(its card `ended_early`, docs/SCORING.md) is listed with its score, marked
incomplete, and likewise counts in no average and fails no rule in the
counts, as an attempt ended early in the practice history (`web.practice.history`):
the obligations of its unplayed hours never came.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from debrief import TeamReview, review
from scenarios.texts import Text
from scoring import RuleResult
from scoring.card import ENDED_EARLY
from web.models import Exercise, Team
from web.runs import exercise_runs


@dataclass(frozen=True)
class TeamScore:
    """A team of an exercise and the after-action review of its run."""

    team: Team
    review: TeamReview

    @property
    def played(self) -> bool:
        return self.team.status != "ready"

    @property
    def incomplete(self) -> bool:
        """The drill was ended before its duration: shown, kept out of averages and rule counts."""
        return self.played and self.review.card.completion == ENDED_EARLY

    @property
    def counted(self) -> bool:
        """Whether the team's score counts in averages and in the rules failed most often."""
        return self.played and not self.incomplete


@dataclass(frozen=True)
class RuleRow:
    """One rule of the matrix: what it is, and each team's result (None for a team that never played)."""

    id: str
    title: Text
    source: Text
    bonus: bool
    max_points: float
    results: tuple[RuleResult | None, ...]


@dataclass(frozen=True)
class FailedRule:
    """A legal rule and the teams that failed it, over one or more exercises."""

    id: str
    title: Text
    sources: tuple[Text, ...]  # one per rule set that gave it another source
    teams: tuple[str, ...]  # "team (exercise title)"

    @property
    def count(self) -> int:
        return len(self.teams)


def team_scores(exercise: Exercise) -> list[TeamScore]:
    """Every team of the exercise with its review, in team order."""
    return [TeamScore(team, review(run)) for team, run in zip(exercise.teams, exercise_runs(exercise), strict=True)]


def average(scores: Iterable[TeamScore]) -> float | None:
    """The mean total of the teams counted (played, not ended early); None if there is none."""
    totals = [s.review.card.total for s in scores if s.counted]
    return sum(totals) / len(totals) if totals else None


def rule_rows(scores: Sequence[TeamScore]) -> list[RuleRow]:
    """The rules of the exercise's rule set, in the card's order, with each team's result."""
    if not scores:
        return []
    rows = []
    for rule in scores[0].review.card.rules:
        results = tuple(s.review.card.result(rule.id) if s.played else None for s in scores)
        rows.append(RuleRow(rule.id, rule.title, rule.source, rule.bonus, rule.max_points, results))
    return rows


def most_failed(scores: Iterable[TeamScore]) -> list[FailedRule]:
    """The legal rules failed by at least one team counted, most failed first (then in the order first met)."""
    found: dict[str, tuple[Text, list[Text], list[str]]] = {}
    for score in scores:
        if not score.counted:
            continue
        for result in score.review.card.failures:
            _, sources, teams = found.setdefault(result.id, (result.title, [], []))
            if result.source not in sources:
                sources.append(result.source)
            teams.append(f"{score.team.name} ({score.team.exercise.title} #{score.team.exercise_id})")
    rules = [FailedRule(rule_id, title, tuple(sources), tuple(teams)) for rule_id, (title, sources, teams) in found.items()]
    return sorted(rules, key=lambda rule: -rule.count)
