"""What the debrief's charts (Chart.js, `static/review_chart.js`) draw, as JSON-ready data.

team_chart(team_review, scenario)      one team: opinion samples, the level's steps, escalations
overlay_chart(scores)                  every team of an exercise: one opinion curve each
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from debrief import TeamReview
from scenarios.model import Scenario
from web.review.scores import TeamScore


def opinion_curve(team_review: TeamReview) -> list[dict[str, float]]:
    """The opinion samples of a run: belief, trust and the share who saw the rumour (0-1) over scenario minutes."""
    return [{"t": p.t, "belief": p.belief, "trust": p.trust, "seen_share": p.seen_share} for p in team_review.opinion]


def team_chart(team_review: TeamReview, scenario: Scenario) -> dict[str, Any]:
    """One team's chart: its opinion curve and the crisis level as steps, up to the drill's top level."""
    return {
        "top_level": scenario.top_level,
        "opinion": opinion_curve(team_review),
        "levels": [{"t": s.t, "level": s.level, "cause": s.cause} for s in team_review.levels],
    }


def overlay_chart(scores: Sequence[TeamScore]) -> dict[str, Any]:
    """The opinion curves of the teams that played, for one chart."""
    return {"teams": [{"team": s.team.name, "opinion": opinion_curve(s.review)} for s in scores if s.played]}
