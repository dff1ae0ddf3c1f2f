"""The scenario clock: maps a wall-clock reading, given by the caller, to scenario minutes.

The clock never reads the wall clock itself: the live runner passes `now`
(seconds, from any monotonic source) to every call. `speed` is scenario minutes
per real minute. Paused, scenario time stands still; resumed, it goes on from
where it stopped; a speed change applies from the moment it is made.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ScenarioClock:
    """Scenario time as a function of wall time, with pause, resume and speed."""

    speed: float = 1.0
    _anchor_wall: float | None = None  # wall seconds when the current run segment began; None = paused
    _anchor_minute: float = 0.0

    @property
    def running(self) -> bool:
        return self._anchor_wall is not None

    def minute(self, now: float) -> float:
        """The scenario minute at wall time `now`."""
        if self._anchor_wall is None:
            return self._anchor_minute
        return self._anchor_minute + (now - self._anchor_wall) / 60 * self.speed

    def start(self, now: float) -> None:
        """Start (or resume) running from the current scenario minute."""
        if self._anchor_wall is None:
            self._anchor_wall = now

    resume = start

    def pause(self, now: float) -> None:
        self._anchor_minute = self.minute(now)
        self._anchor_wall = None

    def set_speed(self, speed: float, now: float) -> None:
        if speed <= 0:
            raise ValueError(f"speed must be positive, got {speed}")
        was_running = self.running
        self.pause(now)
        self.speed = speed
        if was_running:
            self.start(now)

    def jump_to(self, minute: float, now: float) -> None:
        """Move scenario time forward to `minute` (never backwards)."""
        if minute < self.minute(now):
            raise ValueError("scenario time cannot go backwards")
        was_running = self.running
        self._anchor_minute, self._anchor_wall = minute, (now if was_running else None)
