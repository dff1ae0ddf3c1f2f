"""Appending to a team's input log: the next number, safe when several processes write one database.

A process numbers a team's inputs from what it recorded itself (`LiveTeam.inputs`), which
costs no query. Another process on the same database may have taken that number since
(a second server process, or one whose team was rebuilt earlier): the unique constraint on
`input_record(team_id, number)` refuses the second insert. The input is then inserted with
the number computed by the database in the same statement (`INSERT … SELECT max(number) + 1`),
so no other insert can slip between reading the last number and taking the next; two such
statements at the same instant still collide, and the loser tries again. So the log stays
contiguous, no input is lost, none is numbered twice, and a process that keeps losing to a
faster one is not starved (a read-then-insert retry was, measured: 50 losses in a row).
Any refusal other than a taken number is raised as it came, and nothing is left in the session.
"""

from __future__ import annotations

import random
import time
from typing import Any

from sqlalchemy import func, insert, literal, select
from sqlalchemy.exc import IntegrityError

from web.extensions import db
from web.models import InputRecord
from web.models.core import utcnow

ATTEMPTS = 20  # of the database-numbered insert; each is lost only to one landing at the same instant
BACKOFF = 0.002  # seconds, at most, before the next attempt (random: two losers do not meet again)


class InputLogContended(RuntimeError):
    """The next number was taken `ATTEMPTS` times in a row."""


def append_input(team_id: int, expected: int, **fields: Any) -> int:
    """Commit the team's input numbered `expected`, or the next free number if that is taken; returns the number."""
    db.session.add(InputRecord(team_id=team_id, number=expected, **fields))
    try:
        db.session.commit()
        return expected
    except IntegrityError:
        db.session.rollback()
        if not _taken(team_id, expected):  # the number was free: refused for another reason
            raise
    except Exception:  # not stored, so not acknowledged
        db.session.rollback()
        raise
    return _append_numbered_by_the_database(team_id, fields)


def _taken(team_id: int, number: int) -> bool:
    last = db.session.scalar(select(func.max(InputRecord.number)).where(InputRecord.team_id == team_id))
    db.session.rollback()  # end the read's transaction: what follows sees what was committed since
    return last is not None and last >= number


def _append_numbered_by_the_database(team_id: int, fields: dict[str, Any]) -> int:
    values = {"created_at": utcnow(), **fields}
    next_number = (select(func.coalesce(func.max(InputRecord.number), 0) + 1)
                   .where(InputRecord.team_id == team_id).scalar_subquery())
    columns = ["team_id", "number", *values]
    statement = (insert(InputRecord)
                 .from_select(columns, select(literal(team_id), next_number,
                                              *(literal(value, InputRecord.__table__.c[name].type)
                                                for name, value in values.items())))
                 .returning(InputRecord.number))
    for _ in range(ATTEMPTS):
        try:
            number = db.session.execute(statement).scalar_one()
            db.session.commit()
            return number
        except IntegrityError as exc:
            db.session.rollback()
            lost = exc
            time.sleep(random.uniform(0, BACKOFF))
        except Exception:
            db.session.rollback()
            raise
    raise InputLogContended(f"team {team_id}: no free input number after {ATTEMPTS} attempts") from lost
