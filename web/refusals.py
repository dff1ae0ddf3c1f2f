"""The record of refused attempts: one audit row and one log line per refusal and minute, with the count of repeats.

The first refusal of a kind (same who, what and reason) writes its `AuditEntry`
and its log line at once. The same refusal again within the minute only adds one
to a count kept in memory; when the minute is over, the count is written as an
`AuditTally` of that entry and logged in one line. A flood of refused requests
thus costs a dictionary look-up each, not a database write.

One `who` trying more kinds than REFUSAL_KINDS_PER_WHO within the minute has the
rest counted under one kind ("various"), so varying the text of a refusal does
not bring the row per request back.

Config: REFUSAL_TALLY_SECONDS (default 60), REFUSAL_KINDS_PER_WHO (default 20).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app

from web.extensions import db
from web.models import AuditEntry, AuditTally

DEFAULTS = {"REFUSAL_TALLY_SECONDS": 60, "REFUSAL_KINDS_PER_WHO": 20}
VARIOUS = ("various", "more kinds of refusal than are counted one by one")

Kind = tuple[str, str, str]  # who, what, reason


@dataclass
class _Tally:
    opened: float
    times: int = 1
    entry_id: int | None = None  # known once its AuditEntry is written


class RefusalLog:
    """The kinds of refusal of the current minute and their counts; `clock` is wall seconds."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self._open: dict[Kind, _Tally] = {}  # in the order they opened, so the oldest come first
        self._kinds_of: Counter[str] = Counter()
        self._lock = threading.Lock()

    def record(self, who: str, what: str, reason: str) -> None:
        """Record a refusal: a row and a log line if it is the first of its kind this minute, else a count."""
        kind = (_storable(who)[:120], _storable(what)[:120], _storable(reason)[:500])
        window = current_app.config["REFUSAL_TALLY_SECONDS"]
        now = self.clock()
        with self._lock:
            closed = self._close(now - window)
            if kind not in self._open and self._kinds_of[kind[0]] >= current_app.config["REFUSAL_KINDS_PER_WHO"]:
                kind = (kind[0], *VARIOUS)
            tally = self._open.get(kind)
            first = tally is None
            if tally is None:
                tally = self._open[kind] = _Tally(opened=now)
                self._kinds_of[kind[0]] += 1
            else:
                tally.times += 1
        db.session.rollback()  # the refused request's own changes are not kept
        self._write(closed, window)
        if first:
            _log(kind)
            entry = AuditEntry(who=kind[0], what=kind[1], reason=kind[2])
            db.session.add(entry)
            db.session.commit()
            tally.entry_id = entry.id

    def _close(self, before: float) -> list[tuple[Kind, _Tally]]:
        """Take out the tallies whose minute is over."""
        closed = []
        for kind, tally in self._open.items():
            if tally.opened > before:
                break
            closed.append((kind, tally))
        for kind, _ in closed:
            del self._open[kind]
            self._kinds_of[kind[0]] -= 1
            if not self._kinds_of[kind[0]]:
                del self._kinds_of[kind[0]]
        return closed

    @staticmethod
    def _write(closed: list[tuple[Kind, _Tally]], window: int) -> None:
        repeated = [(kind, tally) for kind, tally in closed if tally.times > 1 and tally.entry_id is not None]
        for kind, tally in repeated:
            _log(kind, f" ({tally.times} times in {window} s)")
            db.session.add(AuditTally(audit_entry_id=tally.entry_id, times=tally.times, within_seconds=window))
        if repeated:
            db.session.commit()


def _storable(text: str) -> str:
    """The text as a database stores it: a lone surrogate (valid in JSON, not in UTF-8) written as its escape."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _log(kind: Kind, suffix: str = "") -> None:
    one_line = [text.replace("\r", " ").replace("\n", " ") for text in kind]  # no forged log lines
    current_app.logger.warning("refused: %s tried %s: %s%s", *one_line, suffix)


def init_app(app: Flask) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    app.extensions["refusals"] = RefusalLog()
