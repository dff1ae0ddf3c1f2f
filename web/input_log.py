"""Appending to a team's input log: the next number, safe when several processes write one database.

A process numbers a team's inputs from what it recorded itself (`LiveTeam.inputs`), which
costs no query. Another process on the same database may have taken that number since
(a second server process, or one whose team was rebuilt earlier): the unique constraint on
`input_record(team_id, number)` refuses the second insert. Then the log's last number is
read from the database and the insert is tried again with the next one, so the log stays
contiguous, no input is lost and none is numbered twice. Any other refusal is raised as it
came, and nothing is left in the session.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from web.extensions import db
from web.models import InputRecord

ATTEMPTS = 50  # each retry loses only to an insert that landed in between: 50 in a row is no longer contention


class InputLogContended(RuntimeError):
    """The next number was taken `ATTEMPTS` times in a row."""


def append_input(team_id: int, expected: int, **fields: Any) -> int:
    """Commit the team's input numbered `expected`, or the next free number if that is taken; returns the number."""
    number = expected
    for _ in range(ATTEMPTS):
        db.session.add(InputRecord(team_id=team_id, number=number, **fields))
        try:
            db.session.commit()
            return number
        except IntegrityError:
            db.session.rollback()
            last = db.session.scalar(select(func.max(InputRecord.number)).where(InputRecord.team_id == team_id))
            db.session.rollback()  # end the read's transaction: the next attempt sees what was committed since
            if last is None or last < number:  # the number was free: refused for another reason
                raise
            number = last + 1
        except Exception:  # not stored, so not acknowledged
            db.session.rollback()
            raise
    raise InputLogContended(f"team {team_id}: no free input number after {ATTEMPTS} attempts (from {expected})")
