"""Self-practice tables: trainee accounts, and each practice attempt (one trainee, bots in the other roles).

A practice attempt is an ordinary exercise with one team whose only member is
the trainee; `PracticeAttempt` says which team, drill and role it was, whether
hints were allowed and what each cost, and, once the drill is over, the score.
An attempt without an account (`account_id` None) is tied to the browser
session that started it and listed in no history.
"""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import Model
from web.models import core
from web.models.core import Team, utcnow


class TraineeAccount(UserMixin, Model):
    """A trainee who signed up to keep a history of their practice; passwords hashed as instructors' are."""

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(256))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def set_password(self, password: str) -> None:
        self.password_hash = core.generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return core.check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        return f"account:{self.id}"


class PracticeAttempt(Model):
    """One self-practice run: the team that plays it, the drill and role, hints, and the score at the end."""

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("trainee_account.id"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), unique=True)
    drill_id: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(64))
    hints_allowed: Mapped[bool]
    hint_cost: Mapped[float]
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
    card_total: Mapped[float | None]  # the score card's total, before the hint penalty
    final_score: Mapped[float | None]  # card_total minus the hint penalty, never below 0
    hints_used: Mapped[int] = mapped_column(default=0)
    failed_rules: Mapped[list | None] = mapped_column(JSON)  # [{id, title, source}] of the card's legal failures
    account: Mapped[TraineeAccount | None] = relationship()
    team: Mapped[Team] = relationship()
