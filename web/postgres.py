"""What PostgreSQL needs of the platform that SQLite does not: text without NUL characters.

PostgreSQL's text types cannot hold U+0000 and psycopg refuses such a value even in a
query's WHERE, where SQLite takes it. A client can type one anywhere (a login name, a
roster, an observation), so every string a statement sends is given to PostgreSQL with
each NUL written as U+FFFD, the replacement character: the login finds no one, the text is
stored with a visible mark, nothing crashes. (JSON values are sent already serialised,
a NUL in them escaped as \\u0000, which PostgreSQL's `json` keeps.)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

NUL, REPLACEMENT = "\x00", "\ufffd"


def _clean(value: Any) -> Any:
    if isinstance(value, str) and NUL in value:
        return value.replace(NUL, REPLACEMENT)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_clean(item) for item in value)
    return value


def _without_nul(_connection, _cursor, statement, parameters, _context, _executemany):
    return statement, _clean(parameters)


def init_engine(engine: Engine) -> None:
    """Have `engine` (a PostgreSQL one) send every string parameter without NUL."""
    event.listen(engine, "before_cursor_execute", _without_nul, retval=True)
