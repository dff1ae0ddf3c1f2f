"""What a socket fuzz case must get back: an acknowledgement `{ok: bool, …}`, no exception, no ERROR logged."""

from __future__ import annotations

from typing import Any

from .harness import Outcome
from .platform import Platform


def acknowledged(platform: Platform, socket, namespace: str, event: str, data: Any) -> Outcome:
    """Emit and judge the acknowledgement."""
    ack = socket.emit(event, data, namespace=namespace, callback=True)
    assert isinstance(ack, dict) and isinstance(ack.get("ok"), bool), f"{event}: the answer is not {{ok: …}}: {ack!r:.300}"
    assert socket.is_connected(namespace), f"{event}: the socket was disconnected"
    platform.assert_no_error_logged((event, data))
    return Outcome.CLEAN if ack["ok"] else Outcome.ERROR
