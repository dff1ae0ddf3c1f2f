"""Timing for the benchmark scripts: median and best of repeated runs after a warm-up."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def timed(function: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """(median, best) seconds over `repeat` runs, after one warm-up."""
    function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples)
