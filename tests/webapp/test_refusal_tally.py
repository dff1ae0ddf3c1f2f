"""A flood of the same refusal writes one audit row a minute, with the count of the rest, and one log line."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from security_helpers import audits, client_at
from web.extensions import db
from web.models import AuditTally

FLOOD = 300


@pytest.fixture
def minute(app, clock) -> int:
    app.extensions["refusals"].clock = clock
    return app.config["REFUSAL_TALLY_SECONDS"]


def tallies(app) -> list[tuple[int, int, int]]:
    with app.app_context():
        return [(t.audit_entry_id, t.times, t.within_seconds) for t in db.session.scalars(select(AuditTally))]


def refused_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("refused")]


def test_a_flood_of_one_refusal_writes_one_row_and_one_log_line_then_its_count(app, clock, minute, caplog):
    anonymous = app.test_client()
    for _ in range(FLOOD):
        assert anonymous.get("/instructor/").status_code == 302
    assert audits(app) == [("anonymous@127.0.0.1", "page /instructor/", "not logged in")]
    assert tallies(app) == [] and len(refused_lines(caplog)) == 1
    clock.advance(minute)
    anonymous.get("/instructor/")  # the next minute's first: a row of its own, and the last minute's count
    assert len(audits(app)) == 2 and tallies(app) == [(1, FLOOD, minute)]
    assert refused_lines(caplog)[1:] == [
        f"refused: anonymous@127.0.0.1 tried page /instructor/: not logged in ({FLOOD} times in {minute} s)",
        "refused: anonymous@127.0.0.1 tried page /instructor/: not logged in",
    ]


def test_a_refusal_seen_once_gets_no_count(app, clock, minute):
    app.test_client().get("/instructor/")
    clock.advance(minute)
    app.test_client().get("/review/")
    assert len(audits(app)) == 2 and tallies(app) == []


def test_each_address_and_each_kind_of_refusal_gets_its_row(app, minute):
    for address in ("10.0.0.1", "10.0.0.2"):
        for page in ("/instructor/", "/review/"):
            client_at(app, address).get(page)
    assert len(audits(app)) == 4


def test_one_address_trying_many_kinds_of_refusal_fills_only_a_few_rows(app, minute):
    many = app.config["REFUSAL_KINDS_PER_WHO"] * 5
    anonymous = app.test_client()
    for exercise in range(many):
        anonymous.get(f"/instructor/exercises/{exercise}")
    rows = audits(app)
    assert len(rows) == app.config["REFUSAL_KINDS_PER_WHO"] + 1
    assert rows[-1] == ("anonymous@127.0.0.1", "various", "more kinds of refusal than are counted one by one")


def test_a_flood_of_refused_pages_does_not_grow_the_session_cookie(app):
    anonymous = app.test_client()
    anonymous.get("/instructor/")
    first = anonymous.get_cookie("session")
    for _ in range(50):
        anonymous.get("/instructor/")
    last = anonymous.get_cookie("session")
    assert (first and len(first.value)) == (last and len(last.value))
