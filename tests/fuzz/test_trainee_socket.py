"""Fuzz the trainee namespace: any message gets `{ok: …}` back, never an exception or an ERROR in the log.

A logged-in spokesperson of a running team sends `act` with any type and
parameters (format-string texts, numbers past the edges, deep lists), `sync`
with any `after`, or events the namespace does not have. When the drill has
come to its end, the session starts a new exercise and joins it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from web.extensions import socketio
from web.outbox import TRAINEE_NAMESPACE

from .harness import Check, Outcome, Target, fuzz_test
from .payloads import trainee_messages
from .platform import platform
from .sockets import acknowledged


@contextmanager
def trainee_session() -> Iterator[Check]:
    with platform() as web:
        team = {}

        def join() -> None:
            _, team["id"], code = web.new_exercise()
            team["socket"] = socketio.test_client(web.app, namespace=TRAINEE_NAMESPACE, flask_test_client=web.join(code))

        def check(message) -> Outcome:
            if web.team_status(team["id"]) == "ended":
                join()
            event, data = message
            return acknowledged(web, team["socket"], TRAINEE_NAMESPACE, event, data)

        join()
        yield check


TARGET = Target("trainee_socket", trainee_messages, trainee_session, ci_examples=400)
test_any_trainee_message_is_answered_ok_or_refused = fuzz_test(TARGET)
