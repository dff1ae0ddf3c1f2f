"""The live platform's tables: instructors, exercises, teams, trainees, and the logs of a run.

The log of stamped inputs (`InputRecord`) is the source of truth: a team's
world is rebuilt from its exercise's scenario text, seed and inputs. Events
(`EventRecord`) are what the world emitted and clients were sent; they are kept
so a client that reconnects gets what it missed without replaying the world.
Refused attempts are audited (`AuditEntry`, with `AuditTally` counting a
flood's repeats), and each open login has a server-side `LoginSession`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from web.extensions import Model


def utcnow() -> datetime:
    return datetime.now(UTC)


class Instructor(UserMixin, Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(256))

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        return f"instructor:{self.id}"


class Exercise(Model):
    """A drill run for one or more teams, with the exact scenario text it ran."""

    id: Mapped[int] = mapped_column(primary_key=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructor.id"))
    scenario_id: Mapped[str] = mapped_column(String(64))
    scenario_text: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String(200))
    seed: Mapped[int]
    speed: Mapped[float]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    teams: Mapped[list[Team]] = relationship(back_populates="exercise", order_by="Team.id")
    instructor: Mapped[Instructor] = relationship()


class Team(Model):
    """One team's run of an exercise: its own world and room."""

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id"))
    name: Mapped[str] = mapped_column(String(120))
    join_code: Mapped[str] = mapped_column(String(12), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="ready")  # ready, running, paused, ended
    speed: Mapped[float]
    exercise: Mapped[Exercise] = relationship(back_populates="teams")
    members: Mapped[list[Member]] = relationship(back_populates="team", order_by="Member.id")


class Member(UserMixin, Model):
    """A trainee of a team, named by the instructor and given a role."""

    __table_args__ = (UniqueConstraint("team_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(64))
    team: Mapped[Team] = relationship(back_populates="members")

    def get_id(self) -> str:
        return f"member:{self.id}"


class InputRecord(Model):
    """A stamped input: a trainee action or an instructor control, committed before it is acknowledged.

    A trainee's action carries the key its client gave the submission (`act_key`): a resend
    of the same key by the same source is answered from this record, not acted again.
    """

    __table_args__ = (
        UniqueConstraint("team_id", "number"),
        Index("ux_input_record_act_key", "team_id", "source", "act_key", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    number: Mapped[int]
    at: Mapped[float]
    source: Mapped[str] = mapped_column(String(64))  # member:<id>, instructor:<id>, or bot:<role> (self-practice)
    kind: Mapped[str] = mapped_column(String(32))  # action, start, pause, resume, speed, fire, custom, end, jump, hint
    payload: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    act_key: Mapped[str | None] = mapped_column(String(64))  # the client's key of a trainee's action, else None


class EventRecord(Model):
    """An event the world emitted, as sent to the roles in its audience."""

    __table_args__ = (UniqueConstraint("team_id", "seq"), Index("ix_event_team_seq", "team_id", "seq"))
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    seq: Mapped[int]
    t: Mapped[float]
    body: Mapped[dict] = mapped_column(JSON)


class Observation(Model):
    """An evaluator's note attached to a moment of a team's run."""

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructor.id"))
    at: Mapped[float]
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Model):
    """A refused attempt: who tried what, and why it was refused."""

    id: Mapped[int] = mapped_column(primary_key=True)
    who: Mapped[str] = mapped_column(String(120))
    what: Mapped[str] = mapped_column(String(120))
    reason: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditTally(Model):
    """How many times the refusal of an `AuditEntry` happened within `within_seconds` of it (written when > 1).

    A flood of the same refusal (same who, what and reason) writes its entry once
    and this count when its window closes, not a row a request.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_entry_id: Mapped[int] = mapped_column(ForeignKey("audit_entry.id"), unique=True)
    times: Mapped[int]
    within_seconds: Mapped[int]


class LoginSession(Model):
    """An open login: the random token its session cookie carries; deleted at logout, so a copied cookie dies too."""

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(40))  # instructor:<id>, member:<id> or account:<id>
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
