"""Checks on the shape of what clients send, before anything is recorded.

Ids must fit a database integer; values must be plain JSON a browser can read
back (finite numbers, shallow nesting), since a trainee's parameters are echoed
to every console and room that sees the event.
"""

from __future__ import annotations

import math
from typing import Any

MAX_ID = 2**63 - 1  # the largest id a database integer holds
MAX_NESTING = 4  # params and args are flat values or short lists of them


def as_id(value: Any) -> int | None:
    """A row id from a client: a whole number a database integer can hold, else None."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
        return None
    return value


def is_plain(value: Any, depth: int = 0) -> bool:
    """Whether a client's value is plain JSON that a browser can read back, nested at most MAX_NESTING deep.

    Python's JSON reader accepts NaN and Infinity, which browsers cannot parse: echoed
    in an event they would break every console and room that receives it.
    """
    if value is None or isinstance(value, (str, bool, int)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if depth >= MAX_NESTING:
        return False
    if isinstance(value, list):
        return all(is_plain(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(isinstance(key, str) and is_plain(item, depth + 1) for key, item in value.items())
    return False
