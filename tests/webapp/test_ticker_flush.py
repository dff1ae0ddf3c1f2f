"""With the ticker running (a served app), an input's events are stored and sent by the ticker after the input is
answered, in one transaction with whatever else is due (`web.live`: `_flush_soon`); the team's other members get
them, every one stored once and in order."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

from app_factory import platform_app
from conftest import FakeClock, Platform
from live_helpers import act, received, run, stored_events
from web.extensions import db
from web.outbox import TRAINEE_NAMESPACE


def _wait_for(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_an_acts_events_are_stored_and_sent_by_the_ticker_after_its_ack(app, drill):
    drill.start_all()
    run(drill.platform, drill.clock, 12.3)  # by hand, before the ticker: post-video is out at minute 10
    live = app.extensions["live"]
    sent_from: list[int] = []
    real_outbox = live.outbox

    def outbox(team, events, produced):
        sent_from.append(threading.get_ident())
        real_outbox(team, events, produced)

    live.outbox = outbox
    live.start_ticker(interval=3600)  # one tick at once, then only the wakes of the inputs
    assert _wait_for(lambda: live._wake is not None)
    for sock in drill.sockets.values():
        sock.get_received(TRAINEE_NAMESPACE)
    sent_from.clear()

    ack = act(drill.sockets["info_department"], "flag_issue", item="post-video", level=1, note="lan nhanh")

    assert ack["ok"], ack
    seq = ack["event"]["seq"]
    colleague = drill.sockets[next(role for role in ack["event"]["audience"] if role != "info_department")]
    assert _wait_for(lambda: any(e["seq"] == seq for e in stored_events(app, drill.team_a)))
    assert _wait_for(lambda: bool(sent_from))
    assert threading.get_ident() not in sent_from  # the ticker's thread sent them, not the act's
    seen: list[dict] = []
    assert _wait_for(lambda: seen.extend(received(colleague, "event")) or any(e["seq"] == seq for e in seen))
    stored = [e["seq"] for e in stored_events(app, drill.team_a)]
    assert stored == list(range(1, len(stored) + 1))  # each once, none missing


def test_the_tickers_flush_takes_its_connection_before_the_teams_locks(tmp_path, platform):
    """An input holds a database connection and waits for its team's lock; the ticker's flush of that team must not
    hold the lock while it waits for a connection (a pool of one here): both go through, the events are stored."""
    clock = FakeClock()
    app = platform_app(
        tmp_path / "pool.db", "test", clock, SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 1, "max_overflow": 0, "pool_timeout": 3}
    )
    _, [(team_id, _)] = Platform(app).exercise(teams=1)
    live = app.extensions["live"]
    with app.app_context():
        live.control(team_id, "instructor:1", "start", {})
        team = live.team(team_id)
        clock.advance(30)  # speed 60: half an hour of the drill, not yet stored
        with team.lock:
            live._advance(team, clock())
        db.session.remove()
    assert len(team.world.events) > team.sent
    connected, waited = threading.Event(), []

    def an_input():  # holds the pool's one connection, then waits for the team's lock
        with app.app_context():
            db.session.execute(text("SELECT 1"))
            connected.set()
            time.sleep(0.3)
            started = time.monotonic()
            with team.lock:
                waited.append(time.monotonic() - started)
            db.session.remove()

    other = threading.Thread(target=an_input)
    other.start()
    assert connected.wait(5)
    with app.app_context():
        live._flush_teams([team])
        db.session.remove()
    other.join(10)
    assert waited and waited[0] < 1  # not held past the pool's timeout
    assert [e["seq"] for e in stored_events(app, team_id)] == [e["seq"] for e in team.world.events]
