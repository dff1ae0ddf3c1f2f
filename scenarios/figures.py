"""How figures read in a text: a scenario minute as scenario time, a share as a percentage, a span in words.

Every layer shows them, from the scenario's conditions in words to the score card and the debrief: they live
at the bottom of the packages with the one bilingual text (`scenarios.texts`; docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from scenarios.texts import Text

LARGEST_SHOWN = 1e9  # beyond, a figure is shown as '?': nothing a drill makes comes near (two weeks are 20160 minutes)


def _shown(value: float | None) -> float | None:
    """The value as a float if a page can show it: a number, finite and within ±LARGEST_SHOWN; else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if abs(value) <= LARGEST_SHOWN else None  # NaN compares false; a huge int stays an int


def format_t(t: float | None) -> str:
    """A scenario minute as scenario time: 135 -> 'T+02:15', -90 -> 'T-01:30', 61.5 -> 'T+01:01:30'; 'T?' if unknown
    (None, infinite, NaN or beyond ±LARGEST_SHOWN: this never raises, whatever reaches it)."""
    t = _shown(t)
    if t is None:
        return "T?"
    sign = "-" if t < 0 else "+"
    seconds = round(abs(t) * 60)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"T{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{secs:02d}" if secs else text


def format_percent(share: float, lang: str) -> str:
    """A share as a percentage with one decimal: 0.0072 -> '0,7%' (vi, decimal comma) or '0.7%' (en); '?%' if unknown."""
    shown = _shown(share)
    if shown is None:
        return "?%"
    text = f"{shown * 100:.1f}%"
    return text.replace(".", ",") if lang == "vi" else text


def format_duration(minutes: float) -> Text:
    """A span of scenario minutes in words: 1440 -> '24 giờ' / '24 hours', 90 -> '90 phút' / '90 minutes'; '?' if unknown."""
    shown = _shown(minutes)
    if shown is None:
        return Text("? phút", "? minutes")
    if shown >= 60 and shown % 60 == 0:
        hours = int(shown // 60)
        return Text(f"{hours} giờ", f"{hours} hour{'s' if hours != 1 else ''}")
    value = f"{shown:g}"
    return Text(f"{value.replace('.', ',')} phút", f"{value} minute{'s' if shown != 1 else ''}")
