"""Throttling of the forms that let someone in: attempts counted per client address and per target, in a moving window.

A form (instructor login, practice login and sign-up, /join) counts its failed
attempts (sign-up: every attempt) against the client's address and against the
target (the user name or team code tried). Once either has reached its limit
within the window, the form refuses every attempt, the right password too,
until the oldest counted one leaves the window.

Limits come from the app's config (tests set small ones before the first attempt):
    THROTTLE_PER_ADDRESS     attempts from one address (default 30)
    THROTTLE_PER_TARGET      attempts on one user name or code, from anywhere (default 10)
    THROTTLE_WINDOW_SECONDS  the window (default 300)

The counts are kept in memory: the platform is one process (`python run.py`).
Several processes behind a balancer would each count on their own.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from flask import Flask, current_app

DEFAULTS = {"THROTTLE_PER_ADDRESS": 30, "THROTTLE_PER_TARGET": 10, "THROTTLE_WINDOW_SECONDS": 300}


class Throttle:
    """The attempts of the moving window, per (form, address) and (form, target); `clock` is wall seconds."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self._attempts: dict[tuple[str, str, str], deque[float]] = {}
        self._lock = threading.Lock()
        self._next_sweep = 0.0

    def refuses(self, form: str, address: str, target: str) -> bool:
        """Whether an attempt at `form` from `address` on `target` is refused now (it is not counted)."""
        now, window = self.clock(), current_app.config["THROTTLE_WINDOW_SECONDS"]
        with self._lock:
            return any(len(self._recent(key, now - window)) >= limit for key, limit in self._keys(form, address, target))

    def count(self, form: str, address: str, target: str) -> None:
        """Count an attempt (a failed one, or any for a form that counts them all)."""
        now, window = self.clock(), current_app.config["THROTTLE_WINDOW_SECONDS"]
        with self._lock:
            for key, limit in self._keys(form, address, target):
                self._attempts.setdefault(key, deque(maxlen=limit)).append(now)
            if now >= self._next_sweep:
                self._sweep(now - window)
                self._next_sweep = now + window

    @staticmethod
    def _keys(form: str, address: str, target: str) -> list[tuple[tuple[str, str, str], int]]:
        config = current_app.config
        return [
            ((form, "address", address), config["THROTTLE_PER_ADDRESS"]),
            ((form, "target", " ".join(target.split()).casefold()[:120]), config["THROTTLE_PER_TARGET"]),
        ]

    def _recent(self, key: tuple[str, str, str], since: float) -> deque[float]:
        attempts = self._attempts.get(key, deque())
        while attempts and attempts[0] <= since:
            attempts.popleft()
        return attempts

    def _sweep(self, since: float) -> None:
        """Forget the keys with no attempt left in the window (memory stays bounded by recent attempts)."""
        for key in [key for key, attempts in self._attempts.items() if not attempts or attempts[-1] <= since]:
            del self._attempts[key]


def init_app(app: Flask) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    app.extensions["throttle"] = Throttle()
