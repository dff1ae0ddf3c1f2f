"""A resent `act` (same key) gets the first answer and is not acted twice: on the same socket, after a
reconnect, after a restart (the key is kept with the input record); a malformed key is refused."""

from __future__ import annotations

from live_helpers import received, restart, run, stored_inputs
from web.outbox import TRAINEE_NAMESPACE

KEY = "3f1c0d9e8b7a6f5e4d3c2b1a09f8e7d6"


def keyed(sock, kind: str, key: str, **params) -> dict:
    return sock.emit("act", {"type": kind, "params": params, "key": key}, namespace=TRAINEE_NAMESPACE, callback=True)


def actions(app, team_id: int) -> list[dict]:
    return [i for i in stored_inputs(app, team_id) if i["kind"] == "action"]


def test_a_resend_with_the_same_key_gets_the_first_answer_and_acts_once(app, platform, clock, drill):
    drill.start_all()
    run(platform, clock, 3)
    info = drill.sockets["info_department"]
    first = keyed(info, "message", KEY, text="Đã thấy bài đăng")
    run(platform, clock, 2)
    again = keyed(info, "message", KEY, text="Đã thấy bài đăng")
    assert first["ok"] and again == first
    assert len(actions(app, drill.team_a)) == 1

    other = keyed(info, "message", KEY[::-1], text="Đã thấy bài đăng")
    assert other["ok"] and other["event"]["seq"] != first["event"]["seq"]  # a new key is a new action
    assert len(actions(app, drill.team_a)) == 2


def test_the_key_is_the_senders_own(app, platform, clock, drill):
    drill.start_all()
    run(platform, clock, 3)
    first = keyed(drill.sockets["info_department"], "message", KEY, text="một")
    theirs = keyed(drill.sockets["spokesperson"], "message", KEY, text="hai")  # the same key from someone else
    assert theirs["ok"] and theirs["event"]["seq"] != first["event"]["seq"]
    assert [i["payload"]["params"]["text"] for i in actions(app, drill.team_a)] == ["một", "hai"]


def test_a_resend_after_a_reconnect_and_after_a_restart_acts_once(app, platform, clock, drill):
    drill.start_all()
    run(platform, clock, 3)
    first = keyed(drill.sockets["propaganda_board"], "report_up", KEY, to="standing_committee", summary="Tin đồn")
    drill.sockets["propaganda_board"].disconnect(namespace=TRAINEE_NAMESPACE)

    reconnected = platform.trainee_socket(drill.http["propaganda_board"])
    assert keyed(reconnected, "report_up", KEY, to="standing_committee", summary="Tin đồn") == first

    restart(app)  # the team rebuilt from its log, paused: the resend still gets its first answer
    after_restart = platform.trainee_socket(drill.http["propaganda_board"])
    assert keyed(after_restart, "report_up", KEY, to="standing_committee", summary="Tin đồn") == first
    assert len(actions(app, drill.team_a)) == 1


def test_a_malformed_key_is_refused_and_nothing_is_acted(app, platform, clock, drill):
    drill.start_all()
    run(platform, clock, 3)
    info = drill.sockets["info_department"]
    received(info, "event")
    for key in ("short", "x" * 65, "có dấu tiếng Việt", 12345678, ["a" * 10]):
        answer = keyed(info, "message", key, text="một")
        assert answer["ok"] is False and "key" in answer["error"]
    assert actions(app, drill.team_a) == []
