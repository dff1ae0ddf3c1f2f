"""A socket message leaves no reference cycle behind: its request context is freed when the message is handled.

Flask-SocketIO handles each message in a request context made from the connection's environ (path /socket.io).
Unmatched, that path raised NotFound inside the context and the context kept it with its traceback, so every message's
context, request, globals and all its handler's locals waited for the garbage collector (`web.collector`).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

from flask.ctx import RequestContext
from werkzeug.exceptions import HTTPException
from live_helpers import act, run, sync


@contextmanager
def cyclic_garbage():
    """What becomes unreachable meanwhile only through a reference cycle: the list the collector found."""
    found: list = []
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield found
        gc.collect()
        found.extend(gc.garbage)
    finally:
        gc.garbage.clear()
        gc.set_debug(0)
        gc.enable()


def test_acts_and_syncs_leave_no_request_context_to_the_garbage_collector(drill, platform, clock):
    drill.start_all()
    run(platform, clock, 12.3)
    sock = drill.sockets["info_department"]
    act(sock, "monitor")  # the first act's one-off work (statements compiled, caches filled) outside the window
    with cyclic_garbage() as garbage:
        for _ in range(20):
            assert act(sock, "monitor")["ok"]
            assert sync(sock, 0)
    kept = [o for o in garbage if isinstance(o, (RequestContext, HTTPException))]  # not a count: other tests' leftovers
    assert kept == []


def test_the_socket_io_path_is_still_answered_by_engine_io(app):
    """The rule only names the path for the contexts: Engine.IO answers a request there (400: no protocol version)."""
    response = app.test_client().get("/socket.io/")
    assert response.status_code == 400
    assert b"<html" not in response.data  # not a page of Flask's
