"""What the self-practice tests do again and again: sign up, start a practice, control it, find its team."""

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


def sign_up(app, username: str = "hoa", name: str = "Trần Thị Hoa", password: str = "mat-khau-2026"):
    client = app.test_client()
    response = client.post(
        "/practice/signup", data={"username": username, "display_name": name, "password": password, "confirm": password}
    )
    assert response.status_code == 302 and response.location == "/practice/", response.data
    return client


def control(client, command: str, **args):
    return client.post("/practice/room/control", json={"command": command, "args": args})
