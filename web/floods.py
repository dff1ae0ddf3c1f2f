"""Rate limits on floods: every post to a form that lets someone in, and every socket connection, per client address.

`web.throttle` counts failed attempts (passwords guessed, codes tried); this counts every
attempt, so a flood of any kind (right or wrong, one target or many) is refused with 429, or
its socket connection refused, before it costs a query, a password hash or a socket. The
counting is the `limits` library's (the one under Flask-Limiter), in a moving window; refused
attempts are audited through `web.refusals`, so a flood is one row per address and minute.

Config (from the environment, else the default; tests set small ones before the first attempt):
    RATE_LIMIT_FORMS        posts to /login, /join, /practice/login and /practice/signup from one
                            address (CRISIS_RATE_LIMIT_FORMS, default "20 per second; 300 per minute")
    RATE_LIMIT_CONNECTS     socket connections from one address (CRISIS_RATE_LIMIT_CONNECTS,
                            default "50 per second; 600 per minute")
    RATE_LIMIT_STORAGE_URI  where the counts are kept (CRISIS_RATE_LIMIT_STORAGE_URI, default
                            "memory://", this process only; "redis://HOST:6379" for several processes)

The defaults leave room for a classroom behind one address (a school's NAT) joining at once.
Behind a reverse proxy the client's address reaches the app only with CRISIS_TRUSTED_PROXIES set
(`web.proxies`, docs/DEPLOY.md); else every client counts as the proxy's.
"""

from __future__ import annotations

import os

from flask import Flask, current_app
from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

DEFAULTS = {
    "RATE_LIMIT_FORMS": "20 per second; 300 per minute",
    "RATE_LIMIT_CONNECTS": "50 per second; 600 per minute",
    "RATE_LIMIT_STORAGE_URI": "memory://",
}
LIMIT_OF = {"form": "RATE_LIMIT_FORMS", "connect": "RATE_LIMIT_CONNECTS"}


class Floods:
    """The attempts of each kind (`form`, `connect`) per client address, counted in a moving window."""

    def __init__(self, storage_uri: str):
        self.limiter = MovingWindowRateLimiter(storage_from_string(storage_uri))

    def refuses(self, kind: str, address: str) -> bool:
        """Count an attempt of `kind` from `address`; whether it is over a limit (then it is refused)."""
        limits = parse_many(current_app.config[LIMIT_OF[kind]])
        # a list, not a generator: every limit counts the attempt, even past one that refuses
        return not all([self.limiter.hit(limit, kind, address or "?") for limit in limits])  # noqa: C419


def init_app(app: Flask) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, os.environ.get(f"CRISIS_{name}") or value)
    app.extensions["floods"] = Floods(app.config["RATE_LIMIT_STORAGE_URI"])
