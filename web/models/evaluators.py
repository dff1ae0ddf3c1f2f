"""Evaluators (HSEEP evaluators and observers): accounts an instructor makes, each assigned teams to watch.

An evaluator logs in with a password, watches the live timelines of the teams
assigned to them and writes observations on them (an `Observation` whose
`instructor_id` is the exercise's instructor, its author kept by an
`EvaluatorObservation`); they control
nothing and see no other team. Their Flask-Login id is `evaluator:<id>`.
"""

from __future__ import annotations

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import generate_password_hash

from web.extensions import Model
from web.models.core import Instructor, Team


class Evaluator(UserMixin, Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructor.id"), index=True)  # who made the account
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(256))
    instructor: Mapped[Instructor] = relationship()
    teams: Mapped[list[Team]] = relationship(secondary="evaluator_team", order_by="Team.id")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def get_id(self) -> str:
        return f"evaluator:{self.id}"


class EvaluatorTeam(Model):
    """A team assigned to an evaluator."""

    __table_args__ = (UniqueConstraint("evaluator_id", "team_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    evaluator_id: Mapped[int] = mapped_column(ForeignKey("evaluator.id"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)


class EvaluatorObservation(Model):
    """The evaluator who wrote an observation (an observation without one is its instructor's)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    observation_id: Mapped[int] = mapped_column(ForeignKey("observation.id"), unique=True)
    evaluator_id: Mapped[int] = mapped_column(ForeignKey("evaluator.id"), index=True)
