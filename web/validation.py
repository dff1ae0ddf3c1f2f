"""Checks on the shape of what clients send, before anything is recorded.

Ids must fit a database integer; values must be plain JSON a browser can read
back (finite numbers, shallow nesting), since a trainee's parameters are echoed
to every console and room that sees the event. A message that fails them is
answered with `refusal` (logged once) and a JSON body is read with `json_object`.
"""

from __future__ import annotations

import math
from typing import Any

from flask import request
from flask_login import current_user

from scenarios.messages import N_, Message
from web.auth import refuse, who_is
from web.i18n import translated

MALFORMED = N_("Thông điệp không hợp lệ.")
MAX_NAME = 64  # characters of an action's or a control's name
MAX_ID = 2**63 - 1  # the largest id a database integer holds
MAX_NESTING = 4  # params and args are flat values or short lists of them


def as_id(value: Any) -> int | None:
    """A row id from a client: a whole number a database integer can hold, else None."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
        return None
    return value


def is_text(value: Any) -> bool:
    """Whether a client's value is a text UTF-8 can hold: JSON's "\ud800" (a lone surrogate) decodes to one it cannot,
    which no database column or page could then take."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_plain(value: Any, depth: int = 0) -> bool:
    """Whether a client's value is plain JSON that a browser can read back, nested at most MAX_NESTING deep.

    Python's JSON reader accepts NaN and Infinity, which browsers cannot parse: echoed
    in an event they would break every console and room that receives it; and texts
    must be `is_text`.
    """
    if isinstance(value, str):
        return is_text(value)
    if value is None or isinstance(value, (bool, int)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if depth >= MAX_NESTING:
        return False
    if isinstance(value, list):
        return all(is_plain(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(isinstance(key, str) and is_text(key) and is_plain(item, depth + 1) for key, item in value.items())
    return False


def refusal(what: str, reason: str, error: str | Message = MALFORMED) -> dict[str, Any]:
    """Log a refused message once (`web.auth.refuse`, as the current user); the answer a socket handler gives,
    `error` (a message id or a `Message`) in the user's language."""
    refuse(who_is(current_user), what, reason)
    return {"ok": False, "error": translated(error if isinstance(error, Message) else Message(error))}


def json_object() -> dict[str, Any] | None:
    """The request's body as a JSON object; None for a body that is not one (not JSON, not UTF-8,
    nested past what Python's JSON reader can follow, or a JSON value that is not an object)."""
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        return None
    return body if isinstance(body, dict) else None
