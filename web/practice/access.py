"""Who may review a practice attempt: its trainee, once the drill is over.

`reviews_own_attempt(user, team)` is what self-practice adds to
`web.review.access.can_review`: a trainee account may review the teams of its
own attempts; whoever plays an attempt (an anonymous trainee: the browser
session that started it) may review that attempt's team. Not before the drill
is over: the review shows every role's events, which the trainee must not see
while playing.
"""

from __future__ import annotations

from web.auth import is_member
from web.models import Team
from web.practice.attempts import account_of, attempt_of_team


def reviews_own_attempt(user, team: Team) -> bool:
    """Whether `user` is the trainee of the practice attempt `team` played, and that drill is over."""
    if team.status != "ended" or not getattr(user, "is_authenticated", False):
        return False
    attempt = attempt_of_team(team.id)
    if attempt is None:
        return False
    if is_member(user) and user.team_id == team.id:
        return True
    account = account_of(user)
    return account is not None and attempt.account_id == account.id
