"""The report document as an Excel workbook (openpyxl): a summary, each team's timeline and score card, the plan.

Sheets, in order:

- "Tổng hợp" ("Summary" in English): the exercise, one row per team (total, bonus, final
  and highest level, final belief and trust, missed press calls, trainees),
  each objective's rating per team, and the legal rules failed by the most teams;
- per team, "<team> – Diễn biến" (the timeline: T+HH:MM, category, role, who,
  summary, press call) and "<team> – Điểm" (the score card: rule, title,
  result, points, maximum, bonus, evidence, explanation, source);
- "Kế hoạch khắc phục": the improvement plan, due dates as dates.

The workbook speaks one language, Vietnamese (the default) or English: its
sheet titles and headings, the labels, and the scenario's texts on that side
(`wording.Wording`); dates show dd/mm/yyyy in Vietnamese, yyyy-mm-dd in English.

Header rows are bold and frozen, columns have widths, long texts wrap. Sheet
titles are made valid for Excel (at most 31 characters, none of []:*?/\\) and
unique even when team names collide. Every text is stored as text: one
starting with = + - @ is never a formula (and is quote-prefixed, so editing it
in Excel keeps it text).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from debrief.exports.csv_export import Labels as Labels
from debrief.exports.outline import one_language, plan_rows
from debrief.exports.output import Target, binary_output
from debrief.exports.wording import PLAN_COLUMNS, Wording
from scenarios.figures import format_t
from scenarios.texts import Text

SUMMARY, PLAN = Text("Tổng hợp", "Summary"), Text("Kế hoạch khắc phục", "Improvement plan")
TIMELINE, CARD = Text(" – Diễn biến", " – Timeline"), Text(" – Điểm", " – Score card")  # after the team's name
MAX_TITLE = 31  # UTF-16 code units, Excel's limit
NOT_IN_TITLES = re.compile(r"[\[\]:*?/\\]")
FORMULA_STARTS = ("=", "+", "-", "@")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
PERCENT = "0.0%"
DATES = {"vi": "dd/mm/yyyy", "en": "yyyy-mm-dd"}  # as wording.Wording.short_date writes a date in a table
Document = Mapping[str, Any]


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, units: int) -> str:
    """The text cut to `units` UTF-16 code units, without a dangling space or dash."""
    cut = text
    while _units(cut) > units:
        cut = cut[:-1]
    return cut.rstrip(" –-") if cut != text else cut


def team_titles(name: str, taken: set[str], lang: str = "vi") -> tuple[str, str]:
    """The timeline and score card sheet titles of a team in a language: valid, with the same stem, and not in
    `taken` (case-folded; both are added to it)."""
    timeline, card = TIMELINE.in_(lang), CARD.in_(lang)
    base = NOT_IN_TITLES.sub("-", unicodedata.normalize("NFC", name)).strip().strip("'") or "Đội"
    number, titles = 1, ("", "")
    while not titles[0] or any(title.casefold() in taken for title in titles):
        tag = "" if number == 1 else f" ({number})"
        stem = _cut(base, MAX_TITLE - _units(tag) - max(_units(timeline), _units(card))) + tag  # the same in both
        titles = (stem + timeline, stem + card)
        number += 1
    taken.update(title.casefold() for title in titles)
    return titles


class Sheet:
    """A worksheet written row by row: sections, labelled values, tables with a bold header."""

    def __init__(self, sheet: Worksheet, widths: Sequence[float], lang: str):
        self.sheet, self.row, self.date_format = sheet, 1, DATES[lang]
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width

    def put(self, column: int, value: Any, number_format: str | None = None) -> None:
        """One cell; a text stays text whatever it starts with, a date shows as the sheet's language writes one."""
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = self.sheet.cell(row=self.row, column=column, value=value)
        cell.alignment = WRAP
        if isinstance(value, str):
            cell.data_type = "s"
            cell.quotePrefix = value.startswith(FORMULA_STARTS)
        if isinstance(value, datetime.date):
            cell.number_format = self.date_format
        if number_format:
            cell.number_format = number_format

    def line(self, values: Iterable[Any], bold: bool = False, formats: Mapping[int, str] | None = None) -> None:
        for column, value in enumerate(values, start=1):
            self.put(column, value, (formats or {}).get(column))
            if bold:
                self.sheet.cell(row=self.row, column=column).font = Font(bold=True)
        self.row += 1

    def header(self, values: Sequence[str], freeze: bool = False) -> None:
        for column in range(1, len(values) + 1):
            self.sheet.cell(row=self.row, column=column).fill = HEADER_FILL
        self.line(values, bold=True)
        if freeze:
            self.sheet.freeze_panes = self.sheet.cell(row=self.row, column=1).coordinate

    def section(self, title: str) -> None:
        self.row += 1
        self.put(1, title)
        self.sheet.cell(row=self.row, column=1).font = Font(bold=True, size=12)
        self.row += 1


def _summary(sheet: Sheet, document: Document, labels: Labels) -> None:
    exercise, say = document["exercise"], labels.say
    sheet.line([say("Báo cáo kết quả diễn tập", "After-action report"), exercise["title"]], bold=True)
    sheet.sheet.freeze_panes = "A2"
    for label, value in (
        (say("Kịch bản", "Scenario"), say.pick(exercise["scenario_title"])),
        (say("Mã", "Id"), exercise["scenario"]),
        (say("Loại khủng hoảng", "Crisis type"), say.pick(exercise["crisis_type_label"])),
        (say("Cấp độ", "Level"), exercise["level"]),
        (say("Thời lượng (phút)", "Duration (min)"), exercise["duration"]),
        (say("Bộ quy tắc", "Rule set"), f"{say.pick(exercise['rule_set_title'])} ({exercise['rule_set']})"),
        (say("Ngày", "Date"), datetime.date.fromisoformat(exercise["date"])),
        (say("Giảng viên", "Instructor"), exercise["instructor"] or ""),
    ):
        sheet.line([label, value])
    sheet.section(say("Các đội", "Teams"))
    sheet.header(
        [
            say("Đội", "Team"),
            say("Trạng thái", "Status"),
            say("Tổng điểm", "Total score"),
            say("Điểm thưởng", "Bonus"),
            say("Cấp cuối", "Final level"),
            say("Cấp cao nhất", "Highest level"),
            say("Tin tin đồn cuối", "Final rumour belief"),
            say("Niềm tin cuối", "Final trust"),
            say("Cuộc gọi quá hạn", "Missed press calls"),
            say("Học viên", "Trainees"),
        ]
    )
    for team in document["teams"]:
        sheet.line(
            [
                team["team"],
                labels.of("team_statuses", team["status"]),
                team["card"]["total"],
                team["card"]["bonus"],
                team["final_level"],
                team["max_level"],
                team["final_belief"],
                team["final_trust"],
                len(team["missed_deadlines"]),
                "; ".join(f"{m['name']} ({labels.role(m['role'])})" for m in team["members"]),
            ],
            formats={7: PERCENT, 8: PERCENT},
        )
    sheet.section(say("Mục tiêu và đánh giá", "Objectives and ratings"))
    sheet.header(
        [
            say("Mục tiêu", "Objective"),
            say("Đội", "Team"),
            say("Đánh giá", "Rating"),
            say("Ý nghĩa", "Meaning"),
            say("Tỷ lệ điểm", "Share of points"),
            say("Điểm", "Points"),
            say("Tối đa", "Maximum"),
        ]
    )
    for objective in document["aar"]["objectives"]:
        for rating in objective["ratings"]:
            sheet.line(
                [
                    say.pick(objective["name"]),
                    rating["team"],
                    rating["rating"] or "",
                    labels.of("ratings", rating["rating"]),
                    rating["share"],
                    rating["points"],
                    rating["max_points"],
                ],
                formats={5: PERCENT},
            )
    sheet.section(say("Quy tắc chưa đạt nhiều nhất", "Rules failed most often"))
    sheet.header(
        [
            say("Quy tắc", "Rule"),
            say("Tên quy tắc", "Rule title"),
            say("Số đội chưa đạt", "Teams that failed it"),
            say("Các đội", "Teams"),
            say("Căn cứ pháp lý", "Legal basis"),
        ]
    )
    for area in sorted(document["aar"]["areas_for_improvement"], key=lambda a: -len(a["teams"])):
        sheet.line(
            [
                area["rule_id"],
                say.pick(area["title"]),
                len(area["teams"]),
                ", ".join(t["team"] for t in area["teams"]),
                say.pick(area["source"]),
            ]
        )


def _press_call(entry: Document, labels: Labels) -> str:
    call = entry["press_call"]
    if not call:
        return ""
    response = labels.of("press_call_responses", call["response"])
    deadline = call["deadline_time"]
    return labels.say(f"hạn {deadline}: {response}", f"due {deadline}: {response}") if deadline else response


def _timeline(sheet: Sheet, team: Document, labels: Labels) -> None:
    say = labels.say
    sheet.header(
        [
            say("Thời điểm", "Time"),
            say("Loại", "Category"),
            say("Vai", "Role"),
            say("Người thực hiện", "Who"),
            say("Nội dung", "Summary"),
            say("Cuộc gọi báo chí", "Press call"),
        ],
        freeze=True,
    )
    for entry in team["timeline"]:
        sheet.line(
            [
                entry["time"],
                labels.of("categories", entry["category"]),
                labels.role(entry["role"]),
                entry["who"] or "",
                say.pick(entry["summary"]),
                _press_call(entry, labels),
            ]
        )


def _evidence(rule: Document) -> str:
    return "\n".join(f"{format_t(e['t'])} {e['summary']}" if e["t"] is not None else e["summary"] for e in rule["evidence"])


def _card(sheet: Sheet, team: Document, say: Wording) -> None:
    sheet.header(
        [
            say("Quy tắc", "Rule"),
            say("Tên quy tắc", "Rule title"),
            say("Kết quả", "Result"),
            say("Điểm", "Points"),
            say("Tối đa", "Maximum"),
            say("Điểm thưởng", "Bonus"),
            say("Minh chứng", "Evidence"),
            say("Giải thích", "Explanation"),
            say("Căn cứ pháp lý", "Legal basis"),
            say("Điều chỉnh của giảng viên (ai, lý do)", "Instructor's override (who, why)"),
        ],
        freeze=True,
    )
    for rule in team["card"]["rules"]:
        sheet.line(
            [
                rule["id"],
                say.pick(rule["title"]),
                say.result(rule),
                rule["points"],
                rule["max_points"],
                say("có", "yes") if rule["bonus"] else "",
                _evidence(rule),
                say.pick(rule["explanation"]),
                say.pick(rule["source"]),
                say.override_note(rule) or "",
            ]
        )


def _plan(sheet: Sheet, document: Document, labels: Labels) -> None:
    say = labels.say
    sheet.header(
        say.columns(PLAN_COLUMNS),
        freeze=True,
    )
    areas = document["aar"]["areas_for_improvement"]
    for number, (issue, action, *rest) in enumerate(plan_rows(document, labels, due=datetime.date.fromisoformat), start=1):
        sheet.line([number, one_language(issue, areas, say), one_language(action, areas, say), *rest])


def write(document: Mapping[str, Any], target: Target, language: str = "vi") -> None:
    """Write the workbook in a language ("vi", the default, or "en")."""
    labels, book = Labels(document, language), Workbook()
    summary_title, plan_title = SUMMARY.in_(language), PLAN.in_(language)
    taken = {summary_title.casefold(), plan_title.casefold()}
    summary = book.active
    assert isinstance(summary, Worksheet)  # a new workbook's one sheet
    summary.title = summary_title
    _summary(Sheet(summary, (34, 30, 14, 24, 12, 12, 14, 14, 14, 60), language), document, labels)
    for team in document["teams"]:
        timeline, card = team_titles(team["team"], taken, language)
        _timeline(Sheet(book.create_sheet(timeline), (10, 18, 28, 24, 70, 26), language), team, labels)
        _card(Sheet(book.create_sheet(card), (22, 36, 16, 8, 8, 12, 50, 60, 50), language), team, labels.say)
    _plan(Sheet(book.create_sheet(plan_title), (6, 50, 60, 28, 28, 12, 16), language), document, labels)
    with binary_output(target) as out:
        book.save(out)
