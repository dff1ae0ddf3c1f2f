"""Helpers for the security tests: what was audited, what was stored, a hostile string, a CSRF token, a client address."""

from __future__ import annotations

import json
import re

from sqlalchemy import func, select

from web.extensions import db
from web.models import AuditEntry, InputRecord

XSS = "<script>alert(1)</script>"
XSS_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def audits(app) -> list[tuple[str, str, str]]:
    """Every audit entry so far, as (who, what, reason)."""
    with app.app_context():
        return [(a.who, a.what, a.reason) for a in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def inputs(app, team_id: int) -> list[InputRecord]:
    """The team's input log, in order (detached rows: read their columns only)."""
    with app.app_context():
        rows = db.session.scalars(
            select(InputRecord).where(InputRecord.team_id == team_id).order_by(InputRecord.number)
        ).all()
        db.session.expunge_all()
        return rows


def csrf_token(html: str) -> str:
    """The CSRF token of a page's form."""
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


class PollingSocket:
    """A Socket.IO client that speaks the long-polling transport through the app's whole WSGI stack.

    Unlike `socketio.test_client`, its messages pass through Engine.IO, where the
    server's message size limit is enforced. Reads block until the server has
    something to send (the acknowledgement asked for), never on a timer.
    """

    def __init__(self, http, namespace: str):
        self.http, self.namespace = http, namespace
        response = http.get("/socket.io/?EIO=4&transport=polling")
        assert response.status_code == 200, response.data
        self.sid = json.loads(response.get_data(as_text=True)[1:])["sid"]
        self.url = f"/socket.io/?EIO=4&transport=polling&sid={self.sid}"
        self.next_ack = 0

    def post(self, body: str):
        return self.http.post(self.url, data=body.encode(), content_type="text/plain;charset=UTF-8")

    def packets(self) -> list[str]:
        response = self.http.get(self.url)
        assert response.status_code == 200, response.data
        return response.get_data(as_text=True).split("\x1e")

    def wait_for(self, *prefixes: str) -> str:
        """Read until a packet starting with one of `prefixes` arrives; answers pings on the way."""
        while True:
            for packet in self.packets():
                if packet == "2":
                    self.post("3")
                if packet.startswith(prefixes):
                    return packet

    def connect(self) -> str:
        """Open the namespace; the server's answer: `40/ns,{sid}` (accepted) or `44/ns,{message}` (refused)."""
        assert self.post(f"40{self.namespace},").status_code == 200
        return self.wait_for(f"40{self.namespace},", f"44{self.namespace},")

    def emit_body(self, event: str, data) -> str:
        """The encoded event packet, with an acknowledgement id."""
        self.next_ack += 1
        return f"42{self.namespace},{self.next_ack}{json.dumps([event, data])}"

    def ack(self) -> list:
        packet = self.wait_for(f"43{self.namespace},{self.next_ack}")
        return json.loads(packet[len(f"43{self.namespace},{self.next_ack}") :])

    def close(self) -> None:
        self.post("1")


def client_at(app, address: str):
    """A test client whose requests come from `address`."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client
