"""How long a commit waits for the disk: every commit waits, but that of what the input log rebuilds (events).

Every input is committed before it is applied and acknowledged (`web.input_log`), and that
commit waits until the database has the input on disk. The events an input or a tick makes are
the world's answer to the stored inputs, made again from the log by a rebuild, which stores
those that are missing (`web.live`): their commit (`rebuildable`) need not wait for the disk, and
on the ack's path it is the second commit of every action. Both databases write commits in
order, so the next durable commit takes every earlier one to the disk with it:

- SQLite (WAL): `PRAGMA synchronous` per connection, which SQLite changes only outside a
  transaction: NORMAL (no fsync at commit) for the events' commit, FULL again right after it, so
  every other commit waits for the disk as before. A NORMAL commit survives the server process
  being killed; only a power cut or an operating system crash can lose it, and then only what
  the log rebuilds. A connection already inside a transaction keeps FULL.
- PostgreSQL: `SET LOCAL synchronous_commit TO OFF`, for the events' transaction only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from web.extensions import db


@contextmanager
def rebuildable() -> Iterator[None]:
    """Commit, inside, what the input log rebuilds, without waiting for the disk."""
    dialect = db.engine.dialect.name
    if dialect == "postgresql":
        db.session.execute(text("SET LOCAL synchronous_commit TO OFF"))
        yield
        return
    if dialect != "sqlite":
        yield
        return
    connection = db.session.connection()
    driver_connection = connection.connection.dbapi_connection  # None only once the connection is closed
    relaxed = driver_connection is not None and not driver_connection.in_transaction
    if relaxed:
        connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
    try:
        yield
    finally:
        if relaxed:  # after the commit (or the rollback): outside a transaction again
            db.session.connection().exec_driver_sql("PRAGMA synchronous=FULL")
