"""Fuzz the instructor namespace: any message gets `{ok: …}` back, never an exception or an ERROR in the log.

Lan sends `watch`, `control` (every command, any args: custom injects with
format-string texts, speeds past the edges) and `observe` for her own team,
Minh's, or hostile ids. When her team has ended, the session starts another.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from web.extensions import socketio
from web.outbox import INSTRUCTOR_NAMESPACE

from .harness import Check, Outcome, Target, fuzz_test
from .payloads import Ref, instructor_messages, resolve
from .platform import platform
from .sockets import acknowledged


@contextmanager
def instructor_session() -> Iterator[Check]:
    with platform() as web:
        ids: dict[Ref, int] = {}
        ids[Ref.FOREIGN_EXERCISE], ids[Ref.FOREIGN_TEAM], _ = web.new_exercise("minh")
        socket = socketio.test_client(web.app, namespace=INSTRUCTOR_NAMESPACE, flask_test_client=web.login("lan"))

        def check(message) -> Outcome:
            if Ref.OWN_TEAM not in ids or web.team_status(ids[Ref.OWN_TEAM]) == "ended":
                ids[Ref.OWN_EXERCISE], ids[Ref.OWN_TEAM], _ = web.new_exercise("lan")
            event, data = message
            return acknowledged(web, socket, INSTRUCTOR_NAMESPACE, event, resolve(data, ids))

        yield check


TARGET = Target("instructor_socket", instructor_messages, instructor_session, ci_examples=400)
test_any_instructor_message_is_answered_ok_or_refused = fuzz_test(TARGET)
