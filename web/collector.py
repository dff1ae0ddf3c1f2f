"""The garbage collector set for a long-lived server, once the app is prepared (`web.prepared`).

CPython's default thresholds (700, 10, 10) suit a short script. Under a live exercise they made the
acks' p99: the objects of each message (packets, contexts, a session's rows) outlived two young
collections 700 allocations apart, so they reached the oldest generation, and a full collection
(every tracked object of the process, 230,000 and more with 1,000 trainees connected) ran every
5–10 s for 80–370 ms, during which a gevent worker runs nothing else (docs/BENCHMARKS.md). So:

- what the start made (modules, the app, the drill library, the teams rebuilt) is frozen into the
  permanent generation (`gc.freeze`), never scanned again: it lives as long as the process;
- a young collection every `YOUNG` allocations instead of 700: a message's objects die before they
  are collected even once, so the older generations grow only with what really stays (a connection,
  a world's events), and full collections become rare (one in a minute's load at 1,000 trainees,
  against 13). A young collection then takes a few milliseconds instead of a fraction of one.

Cycles are still found and freed as before, only less often: nothing is left uncollected but what
the start made. Measured with `benchmarks/bench_live.py` (pauses by `gc.callbacks`).
"""

from __future__ import annotations

import gc

YOUNG = 10_000  # allocations between two young collections (CPython's default: 700)
MIDDLE = 10  # young collections between two of the middle generation (as CPython's)
OLDEST = 10  # middle collections before a full one is considered (as CPython's; it also waits for 25 % growth)


def tune_for_serving() -> None:
    """Freeze what the start made and space the young collections (see the module's docstring)."""
    gc.collect()  # the start's garbage first, so that only what lives on is frozen
    gc.freeze()
    gc.set_threshold(YOUNG, MIDDLE, OLDEST)
