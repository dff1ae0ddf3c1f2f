"""What an instructor's observation may hold, and how a stored one is read back.

    text = checked_text(value)                        # 1-MAX_OBSERVATION characters, trimmed
    at = checked_minute(value, scenario.duration)     # a finite scenario minute within the drill
    note = readable_note(observation, author, scenario.duration)

The live console (`observe`) and the review page's edit form check with the
same rules; each raises `NoteError` with a message in the user's language.
A database written before the minute was bounded may hold one outside the
drill (e.g. 1e308, which no report can print): `readable_note` shows it at the
drill's nearest end, saying so, so that no page or export fails on it.
"""

from __future__ import annotations

import math
from typing import Any

from debrief.team_run import Note
from scenarios.figures import format_t
from scenarios.messages import N_
from web.i18n import TranslatedError
from web.models import Observation
from web.validation import is_text

MAX_OBSERVATION = 2000  # characters


class NoteError(TranslatedError):
    """An observation's text or minute that cannot be kept; the message says why (`web.i18n.TranslatedError`)."""


def checked_text(value: Any) -> str:
    """The observation's text, trimmed: 1 to MAX_OBSERVATION characters."""
    if not is_text(value) or not value.strip() or len(value) > MAX_OBSERVATION:
        raise NoteError(N_("Ghi chú phải có 1–%(most)d ký tự."), most=MAX_OBSERVATION)
    return value.strip()


def checked_minute(value: Any, duration: float) -> float:
    """A scenario minute from 0 to the drill's `duration`, as a float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= duration:
        # NaN fails the comparison too; a huge int would overflow float() before it
        raise NoteError(
            N_("Thời điểm phải là phút kịch bản từ 0 đến %(duration)s (%(clock)s)."),
            duration=f"{duration:g}",
            clock=format_t(duration),
        )
    return float(value)


def within(at: float, duration: float) -> float:
    """A stored minute, moved to the nearest end of the drill if it lies outside it."""
    return min(max(at, 0.0), duration) if math.isfinite(at) else duration


def readable_note(observation: Observation, author: str, duration: float) -> Note:
    """The debrief's note of a stored observation; one outside the drill is shown at its nearest end, with a remark."""
    at = within(observation.at, duration)
    if at == observation.at:
        return Note(at=at, text=observation.text, author=author)
    remark = (
        f"(Thời điểm ghi nằm ngoài kịch bản, hiển thị ở {format_t(at)}. / "
        f"Recorded at a time outside the drill; shown at {format_t(at)}.)"
    )
    return Note(at=at, text=f"{observation.text} {remark}", author=author)
