"""The report document as an Excel workbook (openpyxl): a summary, each team's timeline and score card, the plan.

Sheets, in order:

- "Tổng hợp – Summary": the exercise, one row per team (total, bonus, final
  and highest level, final belief and trust, missed press calls, trainees),
  each objective's rating per team, and the legal rules failed by the most teams;
- per team, "<team> – Diễn biến" (the timeline: T+HH:MM, category, role, who,
  summary in Vietnamese and English, press call) and "<team> – Điểm" (the score
  card: rule, title, result, points, maximum, bonus, evidence, explanation, source);
- "Kế hoạch khắc phục": the improvement plan, due dates as dates.

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
from debrief.exports.outline import plan_rows
from debrief.exports.output import Target, binary_output
from debrief.exports.wording import override_note, result
from scenarios.figures import format_t

SUMMARY, PLAN = "Tổng hợp – Summary", "Kế hoạch khắc phục"
TIMELINE, CARD = " – Diễn biến", " – Điểm"  # after the team's name
MAX_TITLE = 31  # UTF-16 code units, Excel's limit
NOT_IN_TITLES = re.compile(r"[\[\]:*?/\\]")
FORMULA_STARTS = ("=", "+", "-", "@")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
PERCENT, DATE = "0.0%", "dd/mm/yyyy"
Document = Mapping[str, Any]


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, units: int) -> str:
    """The text cut to `units` UTF-16 code units, without a dangling space or dash."""
    cut = text
    while _units(cut) > units:
        cut = cut[:-1]
    return cut.rstrip(" –-") if cut != text else cut


def team_titles(name: str, taken: set[str]) -> tuple[str, str]:
    """The timeline and score card sheet titles of a team: valid, with the same stem, and not in `taken`
    (case-folded; both are added to it)."""
    base = NOT_IN_TITLES.sub("-", unicodedata.normalize("NFC", name)).strip().strip("'") or "Đội"
    number, titles = 1, ("", "")
    while not titles[0] or any(title.casefold() in taken for title in titles):
        tag = "" if number == 1 else f" ({number})"
        stem = _cut(base, MAX_TITLE - _units(tag) - max(_units(TIMELINE), _units(CARD))) + tag  # the same in both
        titles = (stem + TIMELINE, stem + CARD)
        number += 1
    taken.update(title.casefold() for title in titles)
    return titles


class Sheet:
    """A worksheet written row by row: sections, labelled values, tables with a bold header."""

    def __init__(self, sheet: Worksheet, widths: Sequence[float]):
        self.sheet, self.row = sheet, 1
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width

    def put(self, column: int, value: Any, number_format: str | None = None) -> None:
        """One cell; a text stays text whatever it starts with, a date shows as dd/mm/yyyy."""
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = self.sheet.cell(row=self.row, column=column, value=value)
        cell.alignment = WRAP
        if isinstance(value, str):
            cell.data_type = "s"
            cell.quotePrefix = value.startswith(FORMULA_STARTS)
        if isinstance(value, datetime.date):
            cell.number_format = DATE
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
    exercise = document["exercise"]
    sheet.line(["Báo cáo kết quả diễn tập / After-action report", exercise["title"]], bold=True)
    sheet.sheet.freeze_panes = "A2"
    for label, value in (
        ("Kịch bản / Scenario", exercise["scenario_title"]["vi"]),
        ("Mã / Id", exercise["scenario"]),
        ("Loại khủng hoảng / Crisis type", exercise["crisis_type_label"]["vi"]),
        ("Cấp độ / Level", exercise["level"]),
        ("Thời lượng (phút) / Duration (min)", exercise["duration"]),
        ("Bộ quy tắc / Rule set", f"{exercise['rule_set_title']['vi']} ({exercise['rule_set']})"),
        ("Ngày / Date", datetime.date.fromisoformat(exercise["date"])),
        ("Giảng viên / Instructor", exercise["instructor"] or ""),
    ):
        sheet.line([label, value])
    sheet.section("Các đội / Teams")
    sheet.header(
        [
            "Đội",
            "Trạng thái",
            "Tổng điểm",
            "Điểm thưởng",
            "Cấp cuối",
            "Cấp cao nhất",
            "Tin tin đồn cuối",
            "Niềm tin cuối",
            "Cuộc gọi quá hạn",
            "Học viên",
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
    sheet.section("Mục tiêu và đánh giá / Objectives and ratings")
    sheet.header(["Mục tiêu", "Đội", "Đánh giá", "Ý nghĩa", "Tỷ lệ điểm", "Điểm", "Tối đa"])
    for objective in document["aar"]["objectives"]:
        for rating in objective["ratings"]:
            sheet.line(
                [
                    objective["name"]["vi"],
                    rating["team"],
                    rating["rating"] or "",
                    labels.of("ratings", rating["rating"]),
                    rating["share"],
                    rating["points"],
                    rating["max_points"],
                ],
                formats={5: PERCENT},
            )
    sheet.section("Quy tắc chưa đạt nhiều nhất / Rules failed most often")
    sheet.header(["Quy tắc", "Tên quy tắc", "Số đội chưa đạt", "Các đội", "Căn cứ pháp lý"])
    for area in sorted(document["aar"]["areas_for_improvement"], key=lambda a: -len(a["teams"])):
        sheet.line(
            [
                area["rule_id"],
                area["title"]["vi"],
                len(area["teams"]),
                ", ".join(t["team"] for t in area["teams"]),
                area["source"]["vi"],
            ]
        )


def _press_call(entry: Document, labels: Labels) -> str:
    call = entry["press_call"]
    if not call:
        return ""
    response = labels.of("press_call_responses", call["response"])
    return f"hạn {call['deadline_time']}: {response}" if call["deadline_time"] else response


def _timeline(sheet: Sheet, team: Document, labels: Labels) -> None:
    sheet.header(["Thời điểm", "Loại", "Vai", "Người thực hiện", "Nội dung", "Summary", "Cuộc gọi báo chí"], freeze=True)
    for entry in team["timeline"]:
        sheet.line(
            [
                entry["time"],
                labels.of("categories", entry["category"]),
                labels.role(entry["role"]),
                entry["who"] or "",
                entry["summary"]["vi"],
                entry["summary"]["en"],
                _press_call(entry, labels),
            ]
        )


def _evidence(rule: Document) -> str:
    return "\n".join(f"{format_t(e['t'])} {e['summary']}" if e["t"] is not None else e["summary"] for e in rule["evidence"])


def _card(sheet: Sheet, team: Document) -> None:
    sheet.header(
        [
            "Quy tắc",
            "Tên quy tắc",
            "Kết quả",
            "Điểm",
            "Tối đa",
            "Điểm thưởng",
            "Minh chứng",
            "Giải thích",
            "Căn cứ pháp lý",
            "Điều chỉnh của giảng viên (ai, lý do)",
        ],
        freeze=True,
    )
    for rule in team["card"]["rules"]:
        sheet.line(
            [
                rule["id"],
                rule["title"]["vi"],
                result(rule).vi,
                rule["points"],
                rule["max_points"],
                "có" if rule["bonus"] else "",
                _evidence(rule),
                rule["explanation"]["vi"],
                rule["source"]["vi"],
                override_note(rule) or "",
            ]
        )


def _plan(sheet: Sheet, document: Document, labels: Labels) -> None:
    sheet.header(
        ["STT", "Vấn đề", "Biện pháp khắc phục", "Mục tiêu", "Chịu trách nhiệm", "Thời hạn", "Trạng thái"], freeze=True
    )
    for number, row in enumerate(plan_rows(document, labels, due=datetime.date.fromisoformat), start=1):
        sheet.line([number, *row])


def write(document: Mapping[str, Any], target: Target) -> None:
    """Write the workbook."""
    labels, book, taken = Labels(document), Workbook(), {SUMMARY.casefold(), PLAN.casefold()}
    summary = book.active
    assert isinstance(summary, Worksheet)  # a new workbook's one sheet
    summary.title = SUMMARY
    _summary(Sheet(summary, (34, 30, 14, 24, 12, 12, 14, 14, 14, 60)), document, labels)
    for team in document["teams"]:
        timeline, card = team_titles(team["team"], taken)
        _timeline(Sheet(book.create_sheet(timeline), (10, 18, 28, 24, 70, 60, 26)), team, labels)
        _card(Sheet(book.create_sheet(card), (22, 36, 16, 8, 8, 12, 50, 60, 50)), team)
    _plan(Sheet(book.create_sheet(PLAN), (6, 50, 60, 28, 28, 12, 16)), document, labels)
    with binary_output(target) as out:
        book.save(out)
