"""Small helpers for the web tests."""

from sqlalchemy import select

from web.extensions import db
from web.models import EventRecord, InputRecord
from web.outbox import TRAINEE_NAMESPACE


def received(socket, name: str, namespace: str = TRAINEE_NAMESPACE) -> list:
    """The payloads of the messages called `name` the socket received since last asked."""
    return [m["args"][0] for m in socket.get_received(namespace) if m["name"] == name]


def stored_events(app, team_id: int) -> list[dict]:
    """A team's events as stored, in order."""
    with app.app_context():
        return list(db.session.scalars(select(EventRecord.body).where(EventRecord.team_id == team_id)
                                       .order_by(EventRecord.seq)))


def stored_inputs(app, team_id: int) -> list[dict]:
    """A team's inputs as stored, in order."""
    with app.app_context():
        rows = db.session.scalars(select(InputRecord).where(InputRecord.team_id == team_id).order_by(InputRecord.number))
        return [{"number": r.number, "at": r.at, "source": r.source, "kind": r.kind, "payload": r.payload} for r in rows]
