"""Cell values of an MSEL: scenario times as T+HH:MM, minutes, counts and lists, both ways.

Writing gives a value a spreadsheet shows plainly; reading accepts what a planner
types or Excel stores (text, numbers, times of day, durations) and raises
`CellError` saying what it expected (a `Message`, shown in the reader's language).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal

from msel.problems import CellError
from scenarios.messages import N_

Cell = str | int | float | datetime.time | datetime.timedelta | datetime.datetime | None

_CLOCK = re.compile(r"(?:T\+)?(\d+):([0-5]?\d)(?::([0-5]?\d))?")
_MINUTES = re.compile(r"(?:T\+)?(\d+(?:[.,]\d+)?)")
_GROUPED = re.compile(r"[0-9]{1,3}(?:[., ][0-9]{3})+")  # 45.000, 45,000, 45 000


def name_key(text: str) -> str:
    """A name as compared on import: NFC, case-folded, single spaces, ', ' between parts."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s*,\s*", ", ", " ".join(text.split())).casefold().rstrip(":")


def text(value: Cell) -> str:
    """A cell as trimmed text (whole numbers without '.0', line breaks as \\n)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def plain_number(value: float) -> int | float:
    """15.0 -> 15, 7.5 -> 7.5: what a spreadsheet should show."""
    return int(value) if float(value).is_integer() else value


def format_time(minute: float) -> str:
    """Scenario minute 90 -> 'T+01:30'; a fraction of a minute is written as plain minutes ('7.5')."""
    if not float(minute).is_integer():
        return format(Decimal(repr(float(minute))), "f")  # the shortest exact digits, never '1e-05'
    hours, minutes = divmod(int(minute), 60)
    return f"T+{hours:02d}:{minutes:02d}"


def parse_time(value: Cell) -> float | None:
    """T+HH:MM, HH:MM, H:MM:SS, plain minutes or an Excel time/duration -> scenario minute; '' -> None."""
    if isinstance(value, datetime.timedelta):
        return value.total_seconds() / 60
    if isinstance(value, datetime.time):
        return value.hour * 60 + value.minute + value.second / 60
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    raw = text(value)
    if not raw:
        return None
    compact = re.sub(r"\s+", "", raw).upper()
    if clock := _CLOCK.fullmatch(compact):
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return float(hours * 60 + minutes) + seconds / 60
    if number := _MINUTES.fullmatch(compact):
        return float(number.group(1).replace(",", "."))
    raise CellError(N_("không đọc được thời điểm “%(value)s”: viết T+HH:MM (ví dụ T+01:30), HH:MM hoặc số phút"), value=raw)


def parse_minutes(value: Cell, *, positive: bool = False) -> float | None:
    """A number of minutes (7.5 or 7,5); '' -> None; negative (or zero when `positive`) is an error."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        raw = text(value)
        if not raw:
            return None
        if not re.fullmatch(r"\d+(?:[.,]\d+)?", raw):
            raise CellError(N_("“%(value)s” không phải là số phút"), value=raw)
        number = float(raw.replace(",", "."))
    if number < 0 or (positive and number == 0):
        if positive:
            raise CellError(N_("số phút phải lớn hơn 0, không phải %(number)s"), number=f"{number:g}")
        raise CellError(N_("số phút phải không âm, không phải %(number)s"), number=f"{number:g}")
    return number


def parse_count(value: Cell) -> int | None:
    """A whole number of people (45000, 45.000, 45,000 or 45 000); '' -> None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() and value >= 0:
        return int(value)
    raw = text(value)
    if not raw:
        return None
    if re.fullmatch(r"[0-9]+", raw) or _GROUPED.fullmatch(raw):
        return int(re.sub(r"[., ]", "", raw))
    raise CellError(N_("“%(value)s” không phải là số nguyên không âm"), value=raw)


def items(value: Cell) -> list[str]:
    """'a, b; c' or one per line -> ['a', 'b', 'c']."""
    return [part.strip() for part in re.split(r"[,;\n]", text(value)) if part.strip()]


def match_names(value: Cell, names: dict[str, str], key: Callable[[str], str] = name_key) -> tuple[list[str], list[str]]:
    """The ids a list of ids or names stands for, and the pieces that match none.

    `names` maps `key(name)` (by default `name_key`) to an id. A name may itself contain commas
    ("Sở Văn hóa, Thể thao và Du lịch"): the longest run of comma-separated
    pieces that is a known name wins.
    """
    found: list[str] = []
    unknown: list[str] = []
    for part in re.split(r"[;\n]", text(value)):
        pieces = part.split(",")
        start = 0
        while start < len(pieces):
            end = next((end for end in range(len(pieces), start, -1) if key(",".join(pieces[start:end])) in names), None)
            if end is None:
                if pieces[start].strip():
                    unknown.append(pieces[start].strip())
                start += 1
            else:
                found.append(names[key(",".join(pieces[start:end]))])
                start = end
    return found, unknown


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may run as a formula in a CSV cell


def _needs_quote(text: str) -> bool:
    """A formula start, or a text that would read back as a quoted one ("'=…", "''=…")."""
    return text.startswith(FORMULA_STARTS) or (text.startswith("'") and _needs_quote(text[1:]))


def csv_safe(value: Cell) -> Cell:
    """A text that would start a formula when Excel opens the CSV, quoted with a leading apostrophe."""
    return f"'{value}" if isinstance(value, str) and _needs_quote(value) else value


def from_csv(value: str) -> str:
    """The text `csv_safe` quoted, unquoted again."""
    return value[1:] if value.startswith("'") and _needs_quote(value[1:]) else value
