"""How the PDF, DOCX and XLSX reports write numbers, dates, durations and a rule's result, in their language.

`Wording(lang)`, for `LANGUAGES` "vi" (the default) or "en". In Vietnamese
numbers take a decimal comma (7,5); a date in a sentence follows Nghị định
30/2020/NĐ-CP ("ngày 05 tháng 02 năm 2026": a zero before days under 10 and
months 1 and 2); a date in a table is dd/mm/yyyy. In English a decimal point
(7.5), "5 February 2026" in a sentence, ISO 2026-02-05 in a table. A legal source is cited without the
platform's seed-document ids (`citation`), an explanation with the
injects it names by id given their senders instead (`named`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scenarios.texts import Text
from scenarios.figures import format_percent

LANGUAGES = ("vi", "en")  # the first is the default
PLAN_COLUMNS = (  # the improvement plan's table, printed (`outline`) and in the workbook (`xlsx_export`)
    Text("STT", "No."),
    Text("Vấn đề", "Issue"),
    Text("Biện pháp khắc phục", "Corrective action"),
    Text("Mục tiêu", "Objective"),
    Text("Chịu trách nhiệm", "Responsible"),
    Text("Thời hạn", "Due"),
    Text("Trạng thái", "Status"),
)
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


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Wording:
    """How a report says its words, numbers, dates and durations in one language ("vi", the default, or "en").

    say = Wording("en")
    say("Đội", "Team")        # 'Team': the side of a bilingual pair for the report's language
    say.pick(rule["title"])   # a {"vi", "en"} text of the document: its English when it has one
    say.number(7.5)           # '7.5' ('7,5' in Vietnamese)
    """

    lang: str = "vi"

    @property
    def english(self) -> bool:
        return self.lang == "en"

    def __call__(self, vi: str, en: str) -> str:
        """The report's language's side of a pair of texts (`vi`, `en`)."""
        return Text(vi, en).in_(self.lang)

    def columns(self, texts: tuple[Text, ...]) -> list[str]:
        """A table's headings (`PLAN_COLUMNS`, say) in the report's language."""
        return [text.in_(self.lang) for text in texts]

    def pick(self, text: Mapping[str, str | None] | Text) -> str:
        """The report's language's side of a text of the document ({"vi", "en"}): English when present, else Vietnamese."""
        if isinstance(text, Text):
            return text.in_(self.lang)
        return Text(text.get("vi") or "", text.get("en")).in_(self.lang)

    def number(self, value: float) -> str:
        """15.0 -> '15', 7.5 -> '7,5' (Vietnamese) or '7.5' (English)."""
        shown = f"{value:g}"
        return shown if self.english else shown.replace(".", ",")

    def score(self, points: float, most: float) -> str:
        """'7,5/15'."""
        return f"{self.number(points)}/{self.number(most)}"

    def share(self, value: float | None) -> str:
        """0.0072 -> '0,7%' ('0.7%' in English); None -> '—'."""
        return "—" if value is None else format_percent(value, "en" if self.english else "vi")

    def day_phrase(self, iso: str) -> str:
        """'2026-02-05' -> 'ngày 05 tháng 02 năm 2026' (Nghị định 30) or '5 February 2026'."""
        day = datetime.date.fromisoformat(iso)
        if self.english:
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        return f"ngày {day.day:02d} tháng {month} năm {day.year}"

    def short_date(self, iso: str) -> str:
        """A date in a table: '2026-09-15' -> '15/09/2026' (Vietnamese), '2026-09-15' (English, ISO: no day/month doubt)."""
        day = datetime.date.fromisoformat(iso)
        return day.isoformat() if self.english else day.strftime("%d/%m/%Y")

    def duration(self, minutes: float) -> str:
        """720 -> '12 giờ' / '12 hours', 90 -> '1 giờ 30 phút' / '1 hour 30 minutes', 45 -> '45 phút' / '45 minutes'."""
        hours, rest = divmod(round(minutes), 60)
        parts = ([Text(f"{hours} giờ", f"{hours} hour{_plural(hours)}")] if hours else []) + (
            [Text(f"{rest} phút", f"{rest} minute{_plural(rest)}")] if rest or not hours else []
        )
        return " ".join(part.in_(self.lang) for part in parts)

    def result(self, rule: Mapping[str, Any]) -> str:
        """A score card rule's result in the report's language (`result`)."""
        return result(rule).in_(self.lang)

    def override_note(self, rule: Mapping[str, Any]) -> str | None:
        """Who overrode a rule's verdict, the automatic verdict it replaced, and why; None for a rule not overridden."""
        override = rule.get("override")
        if not override:
            return None
        automatic = self.result(_automatic(override, rule["max_points"]))
        points = self.score(override["automatic_points"], rule["max_points"])
        return self(
            f"Giảng viên {override['by']} điều chỉnh (tự động: {automatic}, {points}): {override['reason']}",
            f"Overridden by {override['by']} (automatic: {automatic}, {points}): {override['reason']}",
        )


def _plural(count: int) -> str:
    return "" if count == 1 else "s"


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
