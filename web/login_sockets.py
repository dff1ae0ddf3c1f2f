"""The sockets of a login: each joins its login's room when it connects, and the login's end disconnects them.

A logout (or a new login in the same browser, which ends the previous one) deletes the
`LoginSession` (web/auth.py); without this, a socket opened before it would go on receiving
its team's or exercise's events, since a socket's messages to it are sent by room, not checked
against the login each time. `follow` is called by every namespace's connect handler once it
has accepted the connection; `close` by the login's end.

The room's members are this process's sockets: with several server processes, a socket of
the same login held by another process is refused at its next message (its login is gone,
`web.auth.load_user`) but is not disconnected from here.
"""

from __future__ import annotations

from flask import request
from flask_socketio import join_room

from web.extensions import socketio


def _room(token: str) -> str:
    return f"login:{token}"


def follow(token: object) -> None:
    """Put the connecting socket in its login's room (a session without a login token has none)."""
    if isinstance(token, str):
        join_room(_room(token), sid=request.sid, namespace=request.namespace)  # type: ignore[attr-defined]  # set by Flask-SocketIO


def close(token: str) -> int:
    """Disconnect every socket of the login with this token, on every namespace; returns how many."""
    server = socketio.server
    if server is None:  # no socket server (an app used without one): nothing to close
        return 0
    closed = 0
    for namespace in list(server.manager.get_namespaces()):
        for sid, _ in list(server.manager.get_participants(namespace, _room(token))):
            server.disconnect(sid, namespace=namespace)
            closed += 1
    return closed
