"""The engine.io internals that web/__init__.py patches are still there (pyproject.toml bounds the versions).

`_bound_socket_messages` replaces `eio._async["websocket"]` by a wrapper that sets
`server_args["max_message_size"]` on the driver's simple_websocket connection. A release of
python-engineio or simple-websocket that renames any of these would silently lift the 64 KiB bound
on WebSocket messages; these tests say which piece is gone instead.
"""

from __future__ import annotations

import inspect

import pytest
import simple_websocket

from web import create_app
from web.config import MAX_PAYLOAD
from web.extensions import socketio

UPGRADE_HINT = (
    "web/__init__.py `_bound_socket_messages` patches it: check the patch against the installed "
    "python-engineio / simple-websocket, then move the upper bounds in pyproject.toml"
)


@pytest.mark.parametrize("mode", ["threading", "gevent"])
def test_the_websocket_driver_is_wrapped_with_the_message_bound(tmp_path, mode):
    create_app({"ASYNC_MODE": mode, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}", "SECRET_KEY": "x"})
    eio = socketio.server.eio
    drivers = getattr(eio, "_async", None)
    assert isinstance(drivers, dict), f"engine.io's server has no `_async` driver table any more; {UPGRADE_HINT}"
    websocket = drivers.get("websocket")
    assert websocket is not None, f"engine.io's {mode} driver has no `websocket` entry; {UPGRADE_HINT}"
    assert websocket.__name__ == "bounded_websocket", f"the {mode} websocket driver is not wrapped; {UPGRADE_HINT}"
    connection = websocket(lambda ws: None, eio)
    server_args = getattr(connection, "server_args", None)
    assert isinstance(server_args, dict), (
        f"{type(connection).__name__} keeps no `server_args` for simple_websocket.Server; {UPGRADE_HINT}"
    )
    assert server_args["max_message_size"] == MAX_PAYLOAD


def test_simple_websocket_still_takes_a_message_size_limit():
    parameters = inspect.signature(simple_websocket.Server.__init__).parameters
    assert "max_message_size" in parameters, f"simple_websocket.Server takes no `max_message_size`; {UPGRADE_HINT}"
