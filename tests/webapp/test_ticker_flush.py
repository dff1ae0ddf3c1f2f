"""With the ticker running (a served app), an input's events are stored and sent by the ticker after the input is
answered, in one transaction with whatever else is due (`web.live`: `_flush_soon`); the team's other members get
them, every one stored once and in order."""

from __future__ import annotations

import threading
import time

from live_helpers import act, received, run, stored_events
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
