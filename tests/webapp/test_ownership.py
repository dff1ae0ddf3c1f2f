"""The teams' owner leases (`web.ownership`) and the requests forwarded to an owner (`web.forwarding`), on the
test run's real Redis (`scripts/redis start`; on CI they fail without it, elsewhere they skip).

Two `Leases` with different process ids are two server processes: one takes a free lease, the other is
told who holds it; the holder renews it; unrenewed it expires, and the other takes it over; a renewal by a
process that lost it says so; a release frees it at once.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
import time
import uuid

import pytest

from app_factory import require_redis
from web.controls import ControlError
from web.forwarding import Forwarding, NotHere, OwnerSilent, Refused
from web.ownership import Leases, process_id, redis_client

pytestmark = pytest.mark.slow

TTL = 0.4  # seconds: short, so that expiry is seen quickly


@pytest.fixture
def redis():
    client = redis_client(require_redis())
    yield client
    client.close()


@pytest.fixture
def two(redis):
    """Two processes' leases on one platform of their own (a fresh name: nothing left by another test)."""
    platform = f"test-{uuid.uuid4().hex[:12]}"
    return Leases(redis, process_id(), TTL, platform), Leases(redis, process_id(), TTL, platform)


def test_process_ids_differ_even_in_one_process():
    assert process_id() != process_id()


def test_a_free_lease_is_taken_and_the_other_process_is_told_who_holds_it(two):
    a, b = two
    assert a.owner(1) is None and a.free([1, 2]) == [1, 2]
    assert a.claim(1) == a.me
    assert b.claim(1) == a.me  # not taken from its holder
    assert b.owner(1) == a.me and b.free([1, 2]) == [2]
    assert a.claim(1) == a.me  # claimed again by its holder: still its own


def test_the_holder_renews_its_lease_past_the_ttl(two):
    a, b = two
    a.claim(7)
    for _ in range(4):  # 1.6 ttl in all, renewed every half ttl
        time.sleep(TTL / 2)
        assert a.renew([7]) == set()
    assert b.claim(7) == a.me


def test_an_unrenewed_lease_expires_and_another_process_takes_it_over(two):
    a, b = two
    a.claim(3)
    a.claim(4)
    time.sleep(TTL * 1.5)  # the holder was killed: nobody renewed
    assert b.free([3, 4]) == [3, 4]
    assert b.claim(3) == b.me
    assert a.renew([3, 4]) == {3, 4}  # the old holder learns it lost both (4 is free, 3 is another's)
    assert a.claim(3) == b.me and b.owner(3) == b.me


def test_a_release_frees_only_ones_own_leases_at_once(two):
    a, b = two
    a.claim(5)
    b.claim(6)
    a.release([5, 6])
    assert b.owner(5) is None and b.owner(6) == b.me
    assert b.claim(5) == b.me


def test_a_process_says_it_is_alive_for_a_ttl(two):
    a, b = two
    assert not a.others_alive()
    b.beat()
    assert a.others_alive() and not b.others_alive()
    time.sleep(TTL * 1.5)
    assert not a.others_alive()


@contextmanager
def answering(redis, answer, me: str | None = None):
    """A process's answering loop in a thread, while in the block; its process id."""
    me = me or process_id()
    running = threading.Event()
    running.set()
    forwarding = Forwarding(redis, me, answer, spawn=lambda task, *args: threading.Thread(target=task, args=args).start())
    thread = threading.Thread(target=forwarding.serve, args=(running.is_set,), daemon=True)
    thread.start()
    try:
        yield me
    finally:
        running.clear()
        thread.join(timeout=5)


def test_a_forwarded_request_gets_the_owners_result_or_its_refusal(redis):
    done = []

    def answer(name, team_id, args):
        done.append((name, team_id, args))
        if name == "control":
            raise ControlError("Đội không đang chạy. / The team is not running.")
        if name == "moved":
            raise NotHere("not here")
        return {"seq": 12, "args": args}

    caller = Forwarding(redis, process_id(), answer=None)
    with answering(redis, answer) as owner:
        assert caller.call(owner, "act", 9, ["member:1", {"post": "p1"}], timeout=5) == {
            "seq": 12,
            "args": ["member:1", {"post": "p1"}],
        }
        with pytest.raises(Refused, match="not running") as refused:
            caller.call(owner, "control", 9, ["instructor:1", "pause", {}], timeout=5)
        assert refused.value.kind == "ControlError"
        with pytest.raises(NotHere):
            caller.call(owner, "moved", 9, [], timeout=5)
    assert [name for name, _, _ in done] == ["act", "control", "moved"]


def test_a_silent_owner_times_out_and_its_request_found_past_the_deadline_is_not_done(redis):
    caller = Forwarding(redis, process_id(), answer=None)
    owner = process_id()
    began = time.monotonic()
    with pytest.raises(OwnerSilent):
        caller.call(owner, "act", 9, ["late"], timeout=0.5)  # nobody serves `owner` yet: it is dead, or stalled
    assert 0.4 < time.monotonic() - began < 3
    done = []
    with answering(redis, lambda name, team_id, args: done.append(args) or "done", me=owner):  # it wakes up
        assert caller.call(owner, "act", 9, ["fresh"], timeout=5) == "done"
    assert done == [["fresh"]]  # the late one's caller had given up: doing it now could do it twice
