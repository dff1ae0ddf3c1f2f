"""What a report needs to know of the exercise itself, beside its teams' runs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from debrief.issuance import Issuance
from scenarios.model import Scenario


@dataclass(frozen=True)
class ExerciseMeta:
    """An exercise as the report's overview names it.

    `date` is the day the exercise was conducted, as an ISO date (2026-09-15);
    `id` and `instructor` are None for a headless run; `issuance` (who issues
    and signs the printed report) has the layout's defaults where it is None.
    """

    id: int | None
    title: str
    date: str
    instructor: str | None
    scenario: Scenario
    issuance: Issuance = Issuance()

    def __post_init__(self) -> None:
        try:
            datetime.date.fromisoformat(self.date)
        except (TypeError, ValueError):
            raise ValueError(
                f"exercise {self.id}: 'date' must be an ISO date such as 2026-09-15, got {self.date!r}"
            ) from None

    @property
    def day(self) -> datetime.date:
        return datetime.date.fromisoformat(self.date)
