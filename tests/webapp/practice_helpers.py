"""What the self-practice tests do again and again: start a practice, find its team."""

from __future__ import annotations

from sqlalchemy import select

from web.extensions import db
from web.models.practice import PracticeAttempt

DRILL = "nuoc-may-nhiem-doc"  # 12 hours; the case comes at minute 10, the first press call soon after


def start(client, role: str = "spokesperson", drill: str = DRILL, speed: int = 60, hints: bool = True) -> int:
    """Start a practice; returns its team id."""
    data = {"drill": drill, "role": role, "speed": str(speed), **({"hints": "y"} if hints else {})}
    response = client.post("/practice/start", data=data)
    assert response.status_code == 302 and response.location == "/practice/room", response.data
    return latest_team(client.application)


def latest_team(app) -> int:
    with app.app_context():
        return db.session.scalars(select(PracticeAttempt.team_id).order_by(PracticeAttempt.id.desc())).first()
