"""The printed report (PDF and DOCX) as blocks, laid out as a Vietnamese report (báo cáo) of a state body or of the Party.

    blocks = outline(document)                     # the report document of debrief.document.report_document
    blocks = outline(document, layout_of("party"))  # Hướng dẫn 36-HD/VPTW, for a political school
    blocks = outline(document, language="en")       # the English copy

Order, after Nghị định 30/2020/NĐ-CP (or 36-HD/VPTW) and the sections of an after-action report:
the heading in two columns, the title "BÁO CÁO" and the subject line (`masthead`), then
I. Tổng quan buổi diễn tập, II. Mục tiêu và đánh giá, III. Kết quả từng đội
(`team_outline`), IV. Điểm mạnh, V. Những nội dung cần cải thiện,
VI. Kế hoạch khắc phục, and the recipients beside the signature. Everything
comes from the document; nothing is scored again here. The report is in one
language, Vietnamese (the default) or English (`wording.Wording`; the
scenario's texts on the side of that language, a text without English in
Vietnamese): never both, no ids of rules, scenarios or rule sets, no seeds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from debrief.exports.blocks import Block, Fields, Heading, Para, Table
from debrief.exports.csv_export import Labels as Labels
from debrief.exports.layouts import STATE, Layout
from debrief.exports.masthead import closing, masthead
from debrief.exports.team_outline import team_blocks
from debrief.exports.wording import PLAN_COLUMNS, Wording, citation, named

Document = Mapping[str, Any]


def overview(exercise: Document, labels: Labels) -> list[Block]:
    """I. The drill, its level and rule set, the date, the roles, the teams and their participants."""
    say = labels.say
    none = say("không có", "none")
    roles = {
        kind: ", ".join(say.pick(r["label"]) for r in exercise["roles"] if r["played_by"] == kind)
        for kind in ("trainee", "simulation")
    }
    fields = Fields(
        (
            (say("Tên buổi diễn tập", "Exercise"), exercise["title"]),
            (say("Kịch bản", "Scenario"), say.pick(exercise["scenario_title"])),
            (say("Loại khủng hoảng", "Crisis type"), say.pick(exercise["crisis_type_label"])),
            (
                say("Cấp độ khủng hoảng diễn tập", "Crisis level exercised"),
                say(f"cấp {exercise['level']}", f"level {exercise['level']}"),
            ),
            (say("Thời lượng kịch bản", "Scenario duration"), say.duration(exercise["duration"])),
            (say("Bộ tiêu chí chấm điểm", "Scoring rule set"), say.pick(exercise["rule_set_title"])),
            (say("Ngày diễn tập", "Date of the exercise"), say.short_date(exercise["date"])),
            (say("Giảng viên", "Instructor"), exercise["instructor"] or none),
            (say("Vai của học viên", "Roles of the trainees"), roles["trainee"] or none),
            (say("Vai do mô phỏng đảm nhận", "Roles played by the simulation"), roles["simulation"] or none),
        )
    )
    rows = tuple(
        (
            team["name"],
            labels.of("team_statuses", team["status"]),
            "\n".join(f"{p['name']} – {say.pick(p['role_label'])}" for p in team["participants"]) or none,
        )
        for team in exercise["teams"]
    )
    return [
        Heading(say("I. TỔNG QUAN BUỔI DIỄN TẬP", "I. OVERVIEW OF THE EXERCISE")),
        fields,
        Para(say("Các đội và học viên:", "Teams and trainees:"), "label"),
        Table(
            (say("Đội", "Team"), say("Trạng thái", "Status"), say("Học viên – vai", "Trainee – role")), rows, (25, 17, 58)
        ),
    ]


def _threshold(code: str, ratings: Document, say: Wording) -> str:
    least = ratings[code]["min_share"]
    if least >= 1:
        return say("đạt toàn bộ số điểm", "all of the points")
    if least > 0:
        return say(f"đạt từ {least * 100:g}% số điểm", f"at least {least * 100:g}% of the points")
    above = min(r["min_share"] for r in ratings.values() if r["min_share"] > 0)
    return say(f"đạt dưới {above * 100:g}% số điểm", f"less than {above * 100:g}% of the points")


def objectives(document: Document, say: Wording) -> list[Block]:
    """II. The objectives, the rating scale, and each team's rating of each objective."""
    ratings = document["labels"]["ratings"]
    blocks: list[Block] = [
        Heading(say("II. MỤC TIÊU VÀ ĐÁNH GIÁ", "II. OBJECTIVES AND RATINGS")),
        Para(
            say(
                "Mỗi mục tiêu được đo bằng các tiêu chí theo quy định pháp luật của bộ tiêu chí chấm điểm. Mức đánh giá "
                "(bốn mức) tính từ tỷ lệ điểm đội đạt được trên các tiêu chí đó "
                "(điểm thưởng thực hành tốt không được tính):",
                "Each objective is measured by the legal criteria of the scoring rule set. The rating (four levels) "
                "comes from the share of those criteria's points the team earned (good-practice bonus points do not count):",
            )
        ),
        *(Para(f"- {say.pick(ratings[code])}: {_threshold(code, ratings, say)};", "item") for code in ratings),
        Para(say("Các mục tiêu:", "The objectives:"), "label"),
        *(
            Para(f"{n}. {say.pick(o['name'])}: {say.pick(o['description'])}", "item")
            for n, o in enumerate(document["aar"]["objectives"], start=1)
        ),
    ]
    rows = tuple(
        (
            f"{n}. {say.pick(o['name'])}",
            r["team"],
            say.pick(ratings[r["rating"]])
            if r["rating"]
            else say("— (không có tiêu chí theo quy định)", "— (no legal criteria)"),
            f"{say.score(r['points'], r['max_points'])} ({say.share(r['share'])})",
        )
        for n, o in enumerate(document["aar"]["objectives"], start=1)
        for r in o["ratings"]
    )
    header = (say("Mục tiêu", "Objective"), say("Đội", "Team"), say("Đánh giá", "Rating"), say("Điểm đạt", "Points"))
    return [*blocks, Table(header, rows, (34, 20, 30, 16))]


def _finding(position: int, finding: Document, labels: Labels, area: bool, senders: Mapping[str, str]) -> list[Block]:
    say = labels.say
    kind = [(say("Loại tiêu chí", "Kind of criterion"), say("thực hành tốt (điểm thưởng)", "good practice (bonus)"))]
    fields = [
        *(kind if finding["bonus"] else []),
        (say("Căn cứ/tham chiếu", "Basis/reference"), citation(say.pick(finding["source"]))),
        (say("Mục tiêu", "Objective"), labels.objective(finding["objective"])),
    ]
    if area:
        fields.append((say("Vai chịu trách nhiệm", "Responsible role"), labels.role(finding["role"])))
    analysis = [
        Para(
            f"- {t['team']} ({say.score(t['points'], t['max_points'])}): {named(say.pick(t['explanation']), senders)}",
            "item",
        )
        for t in finding["teams"]
    ]
    blocks: list[Block] = [
        Heading(f"{position}. {say.pick(finding['title'])}", level=2),
        Fields(tuple(fields)),
        Para(say("Phân tích:", "Analysis:") if area else say("Các đội đạt:", "Teams that met it:"), "label"),
        *analysis,
    ]
    if area:
        blocks.append(Fields(((say("Kiến nghị", "Recommendation"), say.pick(finding["recommendation"])),)))
    return blocks


def findings(document: Document, labels: Labels) -> list[Block]:
    """IV. Strengths and V. areas for improvement, one subsection per rule."""
    say, aar, senders = labels.say, document["aar"], document["exercise"].get("inject_senders") or {}
    blocks: list[Block] = [Heading(say("IV. ĐIỂM MẠNH", "IV. STRENGTHS"))]
    for position, finding in enumerate(aar["strengths"], start=1):
        blocks += _finding(position, finding, labels, False, senders)
    if not aar["strengths"]:
        blocks.append(
            Para(say("Không đội nào đạt trọn điểm một tiêu chí.", "No team earned the full points of a criterion."))
        )
    blocks.append(Heading(say("V. NHỮNG NỘI DUNG CẦN CẢI THIỆN", "V. AREAS FOR IMPROVEMENT")))
    for position, finding in enumerate(aar["areas_for_improvement"], start=1):
        blocks += _finding(position, finding, labels, True, senders)
    if not aar["areas_for_improvement"]:
        blocks.append(Para(say("Các đội đạt mọi tiêu chí theo quy định.", "The teams met every legal criterion.")))
    return blocks


def plan_rows(document: Document, labels: Labels, due: Callable[[str], Any] | None = None) -> list[tuple[Any, ...]]:
    """The improvement plan's rows as the reports show them: issue, corrective action, objective, role, due
    (`due` of the ISO date; a short date in the labels' language by default), status."""
    return [
        (
            i["issue"],
            i["corrective_action"],
            labels.objective(i["objective"]),
            labels.role(i["role"]),
            (due or labels.say.short_date)(i["due"]),
            labels.of("plan_statuses", i["status"]),
        )
        for i in document["improvement_plan"]["items"]
    ]


def one_language(text: str, areas: list[Document], say: Wording) -> str:
    """A plan text in the report's language: the generated plan writes "Vietnamese / English" (the instructor may
    have kept it); a text written otherwise is given as written."""
    for area in areas:
        title = f" / {area['title']['en']}: "
        if title in text:
            cut = text.rindex(title)
            return say(text[:cut], text[cut + 3 :])
        recommendation = f" / {area['recommendation']['en']}"
        if text.endswith(recommendation):
            return say(text[: -len(recommendation)], area["recommendation"]["en"])
    return text


def improvement_plan(document: Document, labels: Labels) -> list[Block]:
    """VI. The improvement plan as a table, in the report's language."""
    say, plan, areas = labels.say, document["improvement_plan"], document["aar"]["areas_for_improvement"]
    note = (
        say("Kế hoạch do giảng viên điều chỉnh.", "Plan as edited by the instructor.")
        if plan["edited"]
        else say(
            "Kế hoạch đề xuất từ các nội dung cần cải thiện: mỗi tiêu chí chưa đạt một dòng, hạn 30 ngày sau buổi diễn tập.",
            "Plan proposed from the areas for improvement: one row per criterion not met, due 30 days after the exercise.",
        )
    )
    blocks: list[Block] = [Heading(say("VI. KẾ HOẠCH KHẮC PHỤC", "VI. IMPROVEMENT PLAN")), Para(note)]
    if not plan["items"]:
        return [*blocks, Para(say("Không có nội dung cần khắc phục.", "Nothing to correct."))]
    header = tuple(say.columns(PLAN_COLUMNS))
    rows = tuple(
        (str(number), one_language(issue, areas, say), one_language(action, areas, say), *rest)
        for number, (issue, action, *rest) in enumerate(plan_rows(document, labels), start=1)
    )
    return [*blocks, Table(header, rows, (11, 34, 46, 19, 20, 22, 15))]


def outline(document: Document, layout: Layout = STATE, language: str = "vi") -> tuple[Block, ...]:
    """Every block of the printed report, in order, in a layout (the state one by default) and a language."""
    labels, exercise = Labels(document, language), document["exercise"]
    say = labels.say
    teams: list[Block] = [Heading(say("III. KẾT QUẢ TỪNG ĐỘI", "III. RESULTS OF EACH TEAM"))]
    for position, team in enumerate(document["teams"], start=1):
        teams += team_blocks(position, team, exercise, labels)
    return (
        *masthead(exercise, layout, say),
        *overview(exercise, labels),
        *objectives(document, say),
        *teams,
        *findings(document, labels),
        *improvement_plan(document, labels),
        Para(""),
        closing(exercise, layout, say),
    )
