"""Small helpers for the web tests."""

from web.outbox import TRAINEE_NAMESPACE


def received(socket, name: str, namespace: str = TRAINEE_NAMESPACE) -> list:
    """The payloads of the messages called `name` the socket received since last asked."""
    return [m["args"][0] for m in socket.get_received(namespace) if m["name"] == name]
