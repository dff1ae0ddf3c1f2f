"""The printed report (PDF and DOCX) as blocks, laid out as a Vietnamese report (báo cáo) of a state body or of the Party.

    blocks = outline(document)                     # the report document of debrief.document.report_document
    blocks = outline(document, layout_of("party"))  # Hướng dẫn 36-HD/VPTW, for a political school

Order, after Nghị định 30/2020/NĐ-CP (or 36-HD/VPTW) and the sections of an after-action report:
the heading in two columns, the title "BÁO CÁO" and the subject line (`masthead`), then
I. Tổng quan buổi diễn tập, II. Mục tiêu và đánh giá, III. Kết quả từng đội
(`team_outline`), IV. Điểm mạnh, V. Những nội dung cần cải thiện,
VI. Kế hoạch khắc phục, and the recipients beside the signature. Everything
comes from the document; nothing is scored again here. The report is in
Vietnamese only: no English, no ids of rules, scenarios or rule sets, no seeds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from debrief.exports.blocks import Block, Fields, Heading, Para, Table
from debrief.exports.csv_export import Labels as Labels
from debrief.exports.layouts import STATE, Layout
from debrief.exports.masthead import closing, masthead
from debrief.exports.team_outline import team_blocks
from debrief.exports.wording import citation, duration, named, score, share, short_date

Document = Mapping[str, Any]


def overview(exercise: Document, labels: Labels) -> list[Block]:
    """I. The drill, its level and rule set, the date, the roles, the teams and their participants."""
    roles = {
        kind: ", ".join(r["label"]["vi"] for r in exercise["roles"] if r["played_by"] == kind)
        for kind in ("trainee", "simulation")
    }
    fields = Fields(
        (
            ("Tên buổi diễn tập", exercise["title"]),
            ("Kịch bản", exercise["scenario_title"]["vi"]),
            ("Loại khủng hoảng", exercise["crisis_type_label"]["vi"]),
            ("Cấp độ khủng hoảng diễn tập", f"cấp {exercise['level']}"),
            ("Thời lượng kịch bản", duration(exercise["duration"])),
            ("Bộ tiêu chí chấm điểm", exercise["rule_set_title"]["vi"]),
            ("Ngày diễn tập", short_date(exercise["date"])),
            ("Giảng viên", exercise["instructor"] or "không có"),
            ("Vai của học viên", roles["trainee"] or "không có"),
            ("Vai do mô phỏng đảm nhận", roles["simulation"] or "không có"),
        )
    )
    rows = tuple(
        (
            team["name"],
            labels.of("team_statuses", team["status"]),
            "\n".join(f"{p['name']} – {p['role_label']['vi']}" for p in team["participants"]) or "không có",
        )
        for team in exercise["teams"]
    )
    return [
        Heading("I. TỔNG QUAN BUỔI DIỄN TẬP"),
        fields,
        Para("Các đội và học viên:", "label"),
        Table(("Đội", "Trạng thái", "Học viên – vai"), rows, (25, 17, 58)),
    ]


def _threshold(code: str, ratings: Document) -> str:
    least = ratings[code]["min_share"]
    if least >= 1:
        return "đạt toàn bộ số điểm"
    if least > 0:
        return f"đạt từ {least * 100:g}% số điểm"
    above = min(r["min_share"] for r in ratings.values() if r["min_share"] > 0)
    return f"đạt dưới {above * 100:g}% số điểm"


def objectives(document: Document) -> list[Block]:
    """II. The objectives, the rating scale, and each team's rating of each objective."""
    ratings = document["labels"]["ratings"]
    blocks: list[Block] = [
        Heading("II. MỤC TIÊU VÀ ĐÁNH GIÁ"),
        Para(
            "Mỗi mục tiêu được đo bằng các tiêu chí theo quy định pháp luật của bộ tiêu chí chấm điểm. Mức đánh giá "
            "(bốn mức) tính từ tỷ lệ điểm đội đạt được trên các tiêu chí đó (điểm thưởng thực hành tốt không được tính):"
        ),
        *(Para(f"- {ratings[code]['vi']}: {_threshold(code, ratings)};", "item") for code in ratings),
        Para("Các mục tiêu:", "label"),
        *(
            Para(f"{n}. {o['name']['vi']}: {o['description']['vi']}", "item")
            for n, o in enumerate(document["aar"]["objectives"], start=1)
        ),
    ]
    rows = tuple(
        (
            f"{n}. {o['name']['vi']}",
            r["team"],
            ratings[r["rating"]]["vi"] if r["rating"] else "— (không có tiêu chí theo quy định)",
            f"{score(r['points'], r['max_points'])} ({share(r['share'])})",
        )
        for n, o in enumerate(document["aar"]["objectives"], start=1)
        for r in o["ratings"]
    )
    return [*blocks, Table(("Mục tiêu", "Đội", "Đánh giá", "Điểm đạt"), rows, (34, 20, 30, 16))]


def _finding(position: int, finding: Document, labels: Labels, area: bool, senders: Mapping[str, str]) -> list[Block]:
    kind = [("Loại tiêu chí", "thực hành tốt (điểm thưởng)")] if finding["bonus"] else []
    fields = [
        *kind,
        ("Căn cứ/tham chiếu", citation(finding["source"]["vi"])),
        ("Mục tiêu", labels.objectives[finding["objective"]]["vi"]),
    ]
    if area:
        fields.append(("Vai chịu trách nhiệm", labels.role(finding["role"])))
    analysis = [
        Para(f"- {t['team']} ({score(t['points'], t['max_points'])}): {named(t['explanation']['vi'], senders)}", "item")
        for t in finding["teams"]
    ]
    blocks: list[Block] = [
        Heading(f"{position}. {finding['title']['vi']}", level=2),
        Fields(tuple(fields)),
        Para("Phân tích:" if area else "Các đội đạt:", "label"),
        *analysis,
    ]
    if area:
        blocks.append(Fields((("Kiến nghị", finding["recommendation"]["vi"]),)))
    return blocks


def findings(document: Document, labels: Labels) -> list[Block]:
    """IV. Strengths and V. areas for improvement, one subsection per rule."""
    aar, senders = document["aar"], document["exercise"].get("inject_senders") or {}
    blocks: list[Block] = [Heading("IV. ĐIỂM MẠNH")]
    for position, finding in enumerate(aar["strengths"], start=1):
        blocks += _finding(position, finding, labels, False, senders)
    if not aar["strengths"]:
        blocks.append(Para("Không đội nào đạt trọn điểm một tiêu chí."))
    blocks.append(Heading("V. NHỮNG NỘI DUNG CẦN CẢI THIỆN"))
    for position, finding in enumerate(aar["areas_for_improvement"], start=1):
        blocks += _finding(position, finding, labels, True, senders)
    if not aar["areas_for_improvement"]:
        blocks.append(Para("Các đội đạt mọi tiêu chí theo quy định."))
    return blocks


def plan_rows(document: Document, labels: Labels, due: Callable[[str], Any] = short_date) -> list[tuple[Any, ...]]:
    """The improvement plan's rows as the reports show them: issue, corrective action, objective, role, due, status."""
    return [
        (
            i["issue"],
            i["corrective_action"],
            labels.objectives[i["objective"]]["vi"],
            labels.role(i["role"]),
            due(i["due"]),
            labels.of("plan_statuses", i["status"]),
        )
        for i in document["improvement_plan"]["items"]
    ]


def vietnamese(text: str, areas: list[Document]) -> str:
    """A plan text without the English the generated plan adds after " / " (also when the instructor kept it)."""
    for area in areas:
        title = f" / {area['title']['en']}: "
        if title in text:
            return text[: text.rindex(title)]
        recommendation = f" / {area['recommendation']['en']}"
        if text.endswith(recommendation):
            return text[: -len(recommendation)]
    return text


def improvement_plan(document: Document, labels: Labels) -> list[Block]:
    """VI. The improvement plan as a table, in Vietnamese."""
    plan, areas = document["improvement_plan"], document["aar"]["areas_for_improvement"]
    note = (
        "Kế hoạch do giảng viên điều chỉnh."
        if plan["edited"]
        else "Kế hoạch đề xuất từ các nội dung cần cải thiện: mỗi tiêu chí chưa đạt một dòng, hạn 30 ngày sau buổi diễn tập."
    )
    blocks: list[Block] = [Heading("VI. KẾ HOẠCH KHẮC PHỤC"), Para(note)]
    if not plan["items"]:
        return [*blocks, Para("Không có nội dung cần khắc phục.")]
    header = ("STT", "Vấn đề", "Biện pháp khắc phục", "Mục tiêu", "Chịu trách nhiệm", "Thời hạn", "Trạng thái")
    rows = tuple(
        (str(number), vietnamese(issue, areas), vietnamese(action, areas), *rest)
        for number, (issue, action, *rest) in enumerate(plan_rows(document, labels), start=1)
    )
    return [*blocks, Table(header, rows, (11, 34, 46, 19, 20, 22, 15))]


def outline(document: Document, layout: Layout = STATE) -> tuple[Block, ...]:
    """Every block of the printed report, in order, in a layout (the state one by default)."""
    labels, exercise = Labels(document), document["exercise"]
    teams: list[Block] = [Heading("III. KẾT QUẢ TỪNG ĐỘI")]
    for position, team in enumerate(document["teams"], start=1):
        teams += team_blocks(position, team, exercise, labels)
    return (
        *masthead(exercise, layout),
        *overview(exercise, labels),
        *objectives(document),
        *teams,
        *findings(document, labels),
        *improvement_plan(document, labels),
        Para(""),
        closing(exercise, layout),
    )
