"""Drills authored in the browser: each drill's versions, its working draft, its last dry run, and who ran what.

    Drill                 an instructor's drill (slug and title follow its latest version)
    DrillVersion          the exact YAML of one saved version; only valid texts become versions
    DrillDraft            the text being edited, valid or not, kept so that nothing typed is lost
    DrillDryRun           the drill's last dry run: the digest of the text it played and its summary
    ExerciseDrillVersion  which version an exercise was created from (the exercise keeps its own copy
                          of the text in `Exercise.scenario_text`, so a later version never changes it)

New tables only: the core tables (`web.models.core`) are left as they are.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import Model
from web.models.core import Exercise, utcnow

TITLE_MAX = 200
NOTE_MAX = 300


class Drill(Model):
    """A drill an instructor writes; `copied_from` is 'builtin:<id>' or 'drill:<id>@<version>' (None: from scratch)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructor.id"), index=True)
    slug: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    copied_from: Mapped[str | None] = mapped_column(String(120))
    versions: Mapped[list[DrillVersion]] = relationship(
        back_populates="drill", order_by="DrillVersion.number", cascade="all, delete-orphan"
    )
    draft: Mapped[DrillDraft | None] = relationship(cascade="all, delete-orphan")
    dry_run: Mapped[DrillDryRun | None] = relationship(cascade="all, delete-orphan")

    @property
    def latest(self) -> DrillVersion:
        return self.versions[-1]


class DrillVersion(Model):
    """One saved, valid version of a drill: its exact YAML text, numbered from 1."""

    __table_args__ = (UniqueConstraint("drill_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    drill_id: Mapped[int] = mapped_column(ForeignKey("drill.id"), index=True)
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[str] = mapped_column(String(NOTE_MAX), default="")
    drill: Mapped[Drill] = relationship(back_populates="versions")


class DrillDraft(Model):
    """The drill's working text as last typed: it may not validate, so it cannot be run until saved as a version."""

    drill_id: Mapped[int] = mapped_column(ForeignKey("drill.id"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class DrillDryRun(Model):
    """The drill's last dry run: the SHA-256 of the text it played and `DryRunReport.as_dict()` without the curves."""

    drill_id: Mapped[int] = mapped_column(ForeignKey("drill.id"), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    summary: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExerciseDrillVersion(Model):
    """The drill version an exercise was created from."""

    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id"), primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("drill_version.id"), index=True)
    exercise: Mapped[Exercise] = relationship()
    version: Mapped[DrillVersion] = relationship()
