"""Practice attempts: starting one, finding whose it is, and closing it with its score.

An attempt is an exercise of the system instructor `practice` (no usable
password, so nobody logs in as it and no dashboard lists its exercises) with
one team whose only member is the trainee. The trainee acts as that member,
logged in as it like a trainee who joined; their account, if they have one, is
found through the attempt. Its score is computed once the drill is over, from
the stored events and the hints in the input log, and kept on the attempt. An
attempt ended before the drill's duration is incomplete (`ended_early`): its
score is kept and shown as such, never averaged (`web.practice.history`).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from scoring import score
from scoring.card import ENDED_EARLY
from scoring.deadlines import completion_of
from web.auth import is_member
from web.exercises import TeamPlan, create_exercise, scenario_of
from web.extensions import db
from web.models import EventRecord, InputRecord, Instructor, Member, utcnow
from web.models.practice import PracticeAttempt, TraineeAccount
from web.practice.card import HINT_COST, failed_rule, practice_card, practice_score
from web.practice.catalog import Drill

PRACTICE_USERNAME = "practice"
UNUSABLE_PASSWORD = "!"  # not a Werkzeug hash: no password checks against it
TEAM_NAME = "Tự luyện"
ANONYMOUS_NAME = "Học viên tự luyện"
PRACTICE_CONTROLS = ("start", "pause", "resume", "speed", "end")  # what a practising trainee may do to their clock


def practice_instructor() -> Instructor:
    """The system instructor that owns every practice exercise (created on first use)."""
    found = db.session.scalar(select(Instructor).where(Instructor.username == PRACTICE_USERNAME))
    if found is not None:
        return found
    db.session.add(
        Instructor(
            username=PRACTICE_USERNAME,
            display_name="Tự luyện (hệ thống) / Self-practice (system)",
            password_hash=UNUSABLE_PASSWORD,
        )
    )
    try:
        db.session.commit()
    except IntegrityError:  # created meanwhile by another request
        db.session.rollback()
    return db.session.scalars(select(Instructor).where(Instructor.username == PRACTICE_USERNAME)).one()


def start_attempt(
    account: TraineeAccount | None, drill: Drill, role: str, speed: float, hints_allowed: bool
) -> tuple[PracticeAttempt, Member]:
    """A new exercise of `drill` for one trainee in `role`, and its attempt; returns the attempt and the member."""
    name = account.display_name if account else ANONYMOUS_NAME
    exercise = create_exercise(
        practice_instructor(),
        drill.id,
        seed=secrets.randbelow(2**31),
        speed=speed,
        teams=[TeamPlan(TEAM_NAME, {name: role})],
    )
    team = exercise.teams[0]
    attempt = PracticeAttempt(
        account_id=account.id if account else None,
        team_id=team.id,
        drill_id=drill.id,
        role=role,
        hints_allowed=hints_allowed,
        hint_cost=HINT_COST,
    )
    db.session.add(attempt)
    db.session.commit()
    return attempt, team.members[0]


def attempt_of_team(team_id: int) -> PracticeAttempt | None:
    return db.session.scalar(select(PracticeAttempt).where(PracticeAttempt.team_id == team_id))


def account_of(user) -> TraineeAccount | None:
    """The trainee account behind `user`: the account itself, or the account of the attempt a member plays."""
    if isinstance(user, TraineeAccount):
        return user
    if is_member(user):
        attempt = attempt_of_team(user.team_id)
        return attempt.account if attempt else None
    return None


def practising(user) -> tuple[Member, PracticeAttempt] | None:
    """The member and attempt if `user` is the trainee of a practice, else None."""
    if not is_member(user):
        return None
    attempt = attempt_of_team(user.team_id)
    return (user, attempt) if attempt else None


def hints_used(team_id: int) -> int:
    """How many hints a practice team asked for (its `hint` inputs)."""
    return db.session.scalars(
        select(func.count()).select_from(InputRecord).where(InputRecord.team_id == team_id, InputRecord.kind == "hint")
    ).one()


def result(attempt: PracticeAttempt) -> dict[str, Any]:
    """The practice card of an attempt whose drill is over; the first time, its score is kept on the attempt."""
    events = db.session.scalars(
        select(EventRecord.body).where(EventRecord.team_id == attempt.team_id).order_by(EventRecord.seq)
    ).all()
    card = score(scenario_of(attempt.team.exercise), events)
    hints = hints_used(attempt.team_id)
    if attempt.ended_at is None:
        attempt.ended_at = utcnow()
        attempt.card_total = card.total
        attempt.hints_used = hints
        attempt.final_score = practice_score(card.total, hints, attempt.hint_cost)
        attempt.failed_rules = [
            {key: rule[key] for key in ("id", "title", "source")} for rule in map(failed_rule, card.failures)
        ]
        db.session.commit()
    return practice_card(card, hints, attempt.hint_cost)


def ended_early(attempt: PracticeAttempt) -> bool:
    """Whether the attempt's drill got its `end` before the scenario's duration (the trainee's End)."""
    last = db.session.scalar(
        select(EventRecord).where(EventRecord.team_id == attempt.team_id).order_by(EventRecord.seq.desc()).limit(1)
    )
    if last is None or not isinstance(last.body, dict) or last.body.get("kind") != "end":
        return False
    return completion_of(last.t, scenario_of(attempt.team.exercise).duration) == ENDED_EARLY


def close_ended(attempts: Sequence[PracticeAttempt]) -> None:
    """Score every attempt whose drill is over but not scored yet (the trainee left before the end card)."""
    for attempt in attempts:
        if attempt.ended_at is None and attempt.team.status == "ended":
            result(attempt)
