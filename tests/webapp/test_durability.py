"""An input's commit waits for the disk; the events' commit (the log rebuilds them) does not (web/durability.py).

Seen in the statements the platform sends for one action: on SQLite `PRAGMA synchronous=NORMAL`
just before the events' insert and `=FULL` again right after, none around the input's; on
PostgreSQL `SET LOCAL synchronous_commit TO OFF` in the events' transaction only.
"""

from __future__ import annotations

from sqlalchemy import event

from live_helpers import act, run
from web.extensions import db


def statements_of_one_action(app, platform, clock, drill) -> list[str]:
    drill.start_all()
    run(platform, clock, 3)
    sent: list[str] = []

    def record(conn, cursor, statement, *args):
        sent.append(" ".join(statement.split()))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert act(drill.sockets["info_department"], "message", text="Đã nhận")["ok"]
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sent


def index_of(statements: list[str], start: str) -> int:
    return next(i for i, s in enumerate(statements) if s.upper().startswith(start.upper()))


def test_the_input_waits_for_the_disk_and_its_events_do_not(app, platform, clock, drill):
    statements = statements_of_one_action(app, platform, clock, drill)
    with app.app_context():
        dialect = db.engine.dialect.name
    inputs, events = index_of(statements, "INSERT INTO input_record"), index_of(statements, "INSERT INTO event_record")
    assert inputs < events
    if dialect == "sqlite":
        pragmas = [(i, s) for i, s in enumerate(statements) if s.startswith("PRAGMA synchronous")]
        assert pragmas[-2:] == [(events - 1, "PRAGMA synchronous=NORMAL"), (events + 1, "PRAGMA synchronous=FULL")]
        assert [s for i, s in pragmas if i < inputs][-1:] in ([], ["PRAGMA synchronous=FULL"])
    else:
        assert "SET LOCAL synchronous_commit TO OFF" not in statements[:inputs]
        assert "SET LOCAL synchronous_commit TO OFF" in statements[inputs:events]
