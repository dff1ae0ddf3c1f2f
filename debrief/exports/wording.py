"""How the PDF, DOCX and XLSX reports write numbers, dates, durations and a rule's result, in Vietnamese.

Numbers take a decimal comma (7,5); a date in a sentence follows Nghị định
30/2020/NĐ-CP ("ngày 05 tháng 02 năm 2026": a zero before days under 10 and
months 1 and 2); a date in a table is dd/mm/yyyy. A legal source is cited without the
platform's seed-document ids (`citation`), an explanation with the
injects it names by id given their senders instead (`named`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

from scenarios.texts import Text
from scenarios.figures import format_percent

RESULTS: dict[str, Text] = {
    "passed": Text("Đạt", "Met"),
    "partial": Text("Đạt một phần", "Partly met"),
    "failed": Text("Chưa đạt", "Not met"),
    "bonus": Text("Thực hành tốt (điểm thưởng)", "Good practice (bonus)"),
    "not_due": Text("Chưa đến hạn", "Not yet due"),
}


_SEED_ID = re.compile(r"[,;]?\s*\bseeds? \d{3}(?:\s*(?:,|và|and)\s*\d{3})*\b", re.IGNORECASE)


def citation(source: str) -> str:
    """A rule's legal source as the printed report cites it: without the platform's seed-document ids ("seed 001")."""
    return _SEED_ID.sub("", source).strip(" ,;")


def named(text: str, names: Mapping[str, str]) -> str:
    """A text with each id of `names` (an inject's, as a rule's explanation gives it) replaced by its name;
    an id with a suffix ('call-paper-followup', the article that follows a call) by the name of the id."""
    if not names:
        return text
    ids = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(i) for i in sorted(names, key=len, reverse=True)) + r")(?:-[a-z0-9]+)*(?![\w-])"
    )
    return ids.sub(lambda found: names[found.group(1)], text)


def number(value: float) -> str:
    """15.0 -> '15', 7.5 -> '7,5'."""
    return f"{value:g}".replace(".", ",")


def score(points: float, most: float) -> str:
    """'7,5/15'."""
    return f"{number(points)}/{number(most)}"


def share(value: float | None) -> str:
    """0.0072 -> '0,7%'; None -> '—'."""
    return "—" if value is None else format_percent(value, "vi")


def day_phrase(iso: str) -> str:
    """'2026-02-05' -> 'ngày 05 tháng 02 năm 2026', '2026-09-15' -> 'ngày 15 tháng 9 năm 2026'."""
    day = datetime.date.fromisoformat(iso)
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(iso: str) -> str:
    """'2026-09-15' -> '15/09/2026'."""
    return datetime.date.fromisoformat(iso).strftime("%d/%m/%Y")


def duration(minutes: float) -> str:
    """720 -> '12 giờ', 90 -> '1 giờ 30 phút', 45 -> '45 phút'."""
    hours, rest = divmod(round(minutes), 60)
    parts = ([f"{hours} giờ"] if hours else []) + ([f"{rest} phút"] if rest or not hours else [])
    return " ".join(parts)


def result(rule: Mapping[str, Any]) -> Text:
    """A score card rule's result: met, partly met, not met, not yet due, or good practice for a bonus rule."""
    if rule.get("status") == "not_due":
        return RESULTS["not_due"]
    if rule["bonus"]:
        return RESULTS["bonus"]
    if rule["passed"]:
        return RESULTS["passed"]
    return RESULTS["partial"] if rule["points"] > 0 else RESULTS["failed"]


def _automatic(override: Mapping[str, Any], max_points: float) -> Mapping[str, Any]:
    """The rule as it was before the override, for `result`."""
    return {
        "status": override["automatic_status"],
        "bonus": override["automatic_status"] == "bonus",
        "passed": override["automatic_passed"],
        "points": override["automatic_points"],
        "max_points": max_points,
    }


def override_note(rule: Mapping[str, Any], lang: str = "vi") -> str | None:
    """Who overrode a rule's verdict, the automatic verdict it replaced, and why; None for a rule not overridden."""
    override = rule.get("override")
    if not override:
        return None
    automatic = result(_automatic(override, rule["max_points"])).in_(lang)
    points = f"{number(override['automatic_points'])}/{number(rule['max_points'])}"
    if lang == "en":
        return f"Overridden by {override['by']} (automatic: {automatic}, {points}): {override['reason']}"
    return f"Giảng viên {override['by']} điều chỉnh (tự động: {automatic}, {points}): {override['reason']}"
