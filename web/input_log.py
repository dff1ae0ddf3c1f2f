"""Appending to a team's input log: the number its process expects, or a refusal if it is taken.

A team's inputs are written by one process only, its owner (`web.ownership`), which numbers them
from what it recorded itself (`LiveTeam.inputs`), at no cost of a query. The unique constraint on
`input_record(team_id, number)` is the fence behind the lease: a process that still writes a team
it no longer owns (stalled past its lease while another took the team over) finds its number
taken and is refused with `InputNumberTaken`, instead of writing a second history beside the
owner's. (Before the leases, the loser took the next free number, so two processes each played
the team and their worlds diverged.) Any other refusal is raised as it came; nothing is left in
the session either way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from web.extensions import db
from web.models import InputRecord


class InputNumberTaken(RuntimeError):
    """Another process wrote the team's input of that number: it plays the team now."""


def append_input(team_id: int, number: int, **fields: Any) -> int:
    """Commit the team's input numbered `number` (returned); `InputNumberTaken` if another process took it."""
    try:
        db.session.execute(insert(InputRecord), [{"team_id": team_id, "number": number, **fields}])  # no unit of work
        db.session.commit()
        return number
    except IntegrityError as exc:
        db.session.rollback()
        if _taken(team_id, number):
            raise InputNumberTaken(f"team {team_id}: input {number} is already written") from exc
        raise
    except Exception:  # not stored, so not acknowledged
        db.session.rollback()
        raise


def _taken(team_id: int, number: int) -> bool:
    last = db.session.scalar(select(func.max(InputRecord.number)).where(InputRecord.team_id == team_id))
    db.session.rollback()  # end the read's transaction
    return last is not None and last >= number
