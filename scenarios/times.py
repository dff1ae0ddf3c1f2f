"""Scenario times as a drill file writes them: minutes (70) or `T+HH:MM` (T+01:10), never a bare `1:10`.

YAML 1.1, which PyYAML follows, reads a plain `1:10` as a base-60 integer (70):
an author who meant one hour ten minutes would get seventy minutes without a word.
`scenarios.bounded_yaml` therefore keeps such a value as text, and `scenario_minute`
refuses it, saying what YAML would have made of it and how to write the time.
`clock_pattern` is the same `T+HH:MM` as a JSON Schema pattern, for the published schema.
"""

from __future__ import annotations

import re

from scenarios.messages import N_, MessageError

CLOCK = re.compile(r"T\+(\d+):([0-5]\d)(?::([0-5]\d))?")
SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")


def base_sixty(text: str) -> float:
    """What YAML 1.1 makes of '1:10' (70) or '1:10:30' (4230)."""
    sign = -1 if text.startswith("-") else 1
    value = 0.0
    for part in text.lstrip("+-").replace("_", "").split(":"):
        value = value * 60 + float(part)
    return sign * value


def _below(limit: int) -> str:
    r"""A regular expression of the whole numbers from 0 to limit - 1 (336 -> \d{1,2}|[1-2]\d\d|3[0-2]\d|33[0-5])."""
    digits = str(limit)
    branches = [rf"\d{{1,{len(digits) - 1}}}"] if len(digits) > 1 else []
    for place, digit in enumerate(digits):
        lowest = 1 if place == 0 and len(digits) > 1 else 0
        if int(digit) > lowest:
            branches.append(digits[:place] + f"[{lowest}-{int(digit) - 1}]" + r"\d" * (len(digits) - place - 1))
    return "|".join(branches)


def clock_pattern(max_minutes: int) -> str:
    """`T+HH:MM` or `T+HH:MM:SS` (spaces around allowed, as `scenario_minute` strips them) of at most `max_minutes`,
    a whole number of hours, as a JSON Schema (ECMA-262) pattern."""
    hours, rest = divmod(max_minutes, 60)
    if rest:
        raise ValueError("the limit must be a whole number of hours")
    return rf"^\s*T\+0*(?:(?:{_below(hours)}):[0-5]\d(?::[0-5]\d)?|{hours}:00(?::00)?)\s*$"


def scenario_minute(value: object) -> object:
    """'T+01:10' -> 70.0; a bare '1:10' or true/false -> ValueError saying why; anything else is left to the number check."""
    if isinstance(value, bool):  # a number to Python (and to Pydantic's number check): true would be minute 1
        raise ValueError(f"a time is minutes or T+HH:MM, not {str(value).lower()}")
    if not isinstance(value, str):
        return value
    text = value.strip()
    if clock := CLOCK.fullmatch(text):
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return hours * 60 + minutes + seconds / 60
    if SEXAGESIMAL.fullmatch(text):
        hours_text, _, rest = text.lstrip("+").partition(":")
        raise MessageError(
            N_(
                "'%(text)s' không rõ nghĩa: YAML 1.1 đọc nó là một số cơ số 60 (%(value)s); "
                "hãy viết thời điểm là %(clock)s hoặc bằng số phút"
            ),
            text=text,
            value=f"{base_sixty(text):g}",
            clock=f"T+{int(hours_text or 0):02d}:{rest[:2].zfill(2)}",
        )
    return value
