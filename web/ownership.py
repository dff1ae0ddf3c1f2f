"""Which server process owns a team's world: a lease per team in Redis (only with CRISIS_REDIS_URL).

    leases = Leases(redis_client(url), process_id(), ttl=5.0, platform="crisis")
    leases.claim(team_id)        # the owner's id after the call: ours if the lease was free (taken) or ours (renewed)
    leases.owner(team_id)        # the owner's id, or None when nobody holds the lease
    leases.free(team_ids)        # those of `team_ids` nobody holds (one round trip)
    leases.renew(team_ids)       # renew those still ours; returns the ids that are no longer ours
    leases.release(team_ids)     # give up those still ours (a clean shutdown)
    leases.beat()                # this process is alive, for `ttl`; `others_alive()` asks about the others

A lease is the key `crisis:<platform>:team:<id>:owner` (the platform: its database's name, so that two
platforms on one Redis, or two tests, do not meet) holding the owner's process id, set only if absent and
expiring after `ttl` seconds unless its owner renews it (its ticker does, several times a ttl). Taking,
renewing and releasing are each one atomic step on the server (a Lua script compares the holder), so
two processes never both believe they hold one lease. A killed owner stops renewing: its leases
expire within `ttl`, and another process claims them.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterable

SOCKET_TIMEOUT = 60  # seconds, far above any BLPOP's own timeout (`web.forwarding`)
LEASE = "crisis:{}:team:{}:owner"
ALIVE = "crisis:{}:process:{}:alive"

# the holder after the call: the lease taken when free, renewed when ours, left alone when another's
_CLAIM = """
local holder = redis.call('get', KEYS[1])
if not holder then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return ARGV[1] end
if holder == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) end
return holder
"""
# the ids (ARGV[3..]) whose lease (KEYS) is no longer ours; the others renewed
_RENEW = """
local lost = {}
for i, key in ipairs(KEYS) do
  if redis.call('get', key) == ARGV[1] then redis.call('pexpire', key, ARGV[2])
  else table.insert(lost, ARGV[i + 2]) end
end
return lost
"""
_RELEASE = """
for _, key in ipairs(KEYS) do
  if redis.call('get', key) == ARGV[1] then redis.call('del', key) end
end
return 0
"""


def redis_client(url: str):
    """A redis-py client of `url` (`redis://`, `rediss://`, `unix://`); a blocking wait (BLPOP) takes a connection
    of its own. A read may take up to a minute (redis-py's default, 5 s, is what a forwarded request waits)."""
    import redis

    return redis.Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT, health_check_interval=30)


def process_id() -> str:
    """An id no other server process has, now or before: host, pid and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


class Leases:
    """This process's side of the per-team leases."""

    def __init__(self, redis, me: str, ttl: float, platform: str):
        self.redis = redis
        self.me = me
        self.ttl = ttl
        self.platform = platform
        self._claim = redis.register_script(_CLAIM)
        self._renew = redis.register_script(_RENEW)
        self._release = redis.register_script(_RELEASE)

    @property
    def _ttl_ms(self) -> int:
        return max(1, int(self.ttl * 1000))

    def claim(self, team_id: int) -> str:
        """The team's owner after trying to take (or renew) its lease: `me` if this process holds it now."""
        return _text(self._claim(keys=[self._lease(team_id)], args=[self.me, self._ttl_ms]))

    def owner(self, team_id: int) -> str | None:
        holder = self.redis.get(self._lease(team_id))
        return None if holder is None else _text(holder)

    def free(self, team_ids: Iterable[int]) -> list[int]:
        """Those of `team_ids` whose lease nobody holds."""
        ids = list(team_ids)
        if not ids:
            return []
        holders = self.redis.mget([self._lease(team_id) for team_id in ids])
        return [team_id for team_id, holder in zip(ids, holders, strict=True) if holder is None]

    def renew(self, team_ids: Iterable[int]) -> set[int]:
        """Renew the leases of `team_ids` still ours; returns the ids among them that are not ours any more."""
        ids = list(team_ids)
        if not ids:
            return set()
        lost = self._renew(keys=[self._lease(team_id) for team_id in ids], args=[self.me, self._ttl_ms, *ids])
        return {int(team_id) for team_id in lost}

    def release(self, team_ids: Iterable[int]) -> None:
        ids = list(team_ids)
        if ids:
            self._release(keys=[self._lease(team_id) for team_id in ids], args=[self.me])

    def beat(self) -> None:
        """Say this process is alive for the next `ttl` seconds."""
        self.redis.set(self._alive(self.me), 1, px=self._ttl_ms)

    def others_alive(self) -> bool:
        """Whether another server process has said it is alive within the last `ttl` seconds."""
        mine = self._alive(self.me)
        return any(_text(key) != mine for key in self.redis.scan_iter(match=self._alive("*"), count=100))

    def _lease(self, team_id: int) -> str:
        return LEASE.format(self.platform, team_id)

    def _alive(self, process: str) -> str:
        return ALIVE.format(self.platform, process)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
