"""What the debrief adds to the database: courses that group exercises, and the instructor's edits of a report.

    Course          a course of training (e.g. "Lớp bồi dưỡng Q2/2026 – Người phát ngôn"), one instructor's
    CourseExercise  an exercise of a course (an exercise may be in several courses)
    ReportEdit      the improvement plan an instructor edited for an exercise's After-Action Report,
                    as rows of `debrief.ImprovementItem` (checked by `debrief.check_plan` before it is stored)
    ReportIssuance  who issues and signs an exercise's printed report (`debrief.Issuance`); an exercise
                    without one (every exercise made before it existed) gets the layout's defaults
    VerdictOverride the instructor's verdict on one rule of one team's card, with the written reason
                    (`scoring.overrides`): one a rule and team, a new one replacing the old

New tables only: the core tables (`web.models.core`) are left as they are.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import Model
from web.models.core import Exercise, utcnow

COURSE_NAME_MAX = 200
ISSUANCE_MAX = 200  # debrief.issuance.MAX_LENGTH


class Course(Model):
    """A course: one instructor's exercises, reviewed together."""

    id: Mapped[int] = mapped_column(primary_key=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructor.id"), index=True)
    name: Mapped[str] = mapped_column(String(COURSE_NAME_MAX))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    exercises: Mapped[list[Exercise]] = relationship(secondary="course_exercise", order_by=Exercise.id, viewonly=True)


class CourseExercise(Model):
    """An exercise of a course."""

    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"), primary_key=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id"), primary_key=True)


class ReportEdit(Model):
    """The improvement plan an instructor saved for an exercise's report: a list of ImprovementItem dicts."""

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id"), unique=True)
    plan: Mapped[list] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructor.id"))


class ReportIssuance(Model):
    """The printed report's parent agency, issuing body and its symbol, and signer, as the instructor gave them.

    A None (or missing row) is the layout's default (`debrief.exports.layouts`)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id"), unique=True)
    parent_agency: Mapped[str | None] = mapped_column(String(ISSUANCE_MAX))
    issuer: Mapped[str | None] = mapped_column(String(ISSUANCE_MAX))
    issuer_short: Mapped[str | None] = mapped_column(String(ISSUANCE_MAX))
    on_behalf: Mapped[str | None] = mapped_column(String(ISSUANCE_MAX))
    signer_title: Mapped[str | None] = mapped_column(String(ISSUANCE_MAX))
    signer_name: Mapped[str | None] = mapped_column(String(ISSUANCE_MAX))


class VerdictOverride(Model):
    """An instructor's verdict (`met` or `not_met`) on a rule of a team's card, why, who and when."""

    __table_args__ = (UniqueConstraint("team_id", "rule_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    rule_id: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructor.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
