"""The printed report (PDF and DOCX) as blocks, in the layout of a Vietnamese administrative report (báo cáo).

    blocks = outline(document)        # the report document of debrief.document.report_document

Order, after Nghị định 30/2020/NĐ-CP and the sections of an HSEEP After-Action Report:
the heading in two columns (issuing body and number; national name, motto,
place and date), the title "BÁO CÁO" and the subject line, then
I. Tổng quan buổi diễn tập, II. Mục tiêu và đánh giá, III. Kết quả từng đội
(`team_outline`), IV. Điểm mạnh, V. Những nội dung cần cải thiện,
VI. Kế hoạch khắc phục, and the recipients beside the signature. Everything
comes from the document; nothing is scored again here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from debrief.exports.blocks import Block, Columns, Fields, Heading, Para, Table
from debrief.exports.csv_export import Labels as Labels
from debrief.exports.team_outline import team_blocks
from debrief.exports.wording import day_phrase, duration, score, share, short_date

ISSUER = "BAN CHỈ ĐẠO DIỄN TẬP"  # the document names no unit: the body that runs the drill issues the report
NUMBER = "Số: …/BC-BCĐ"  # numbered by hand when the report is registered
SIGNER = "GIẢNG VIÊN HƯỚNG DẪN"
Document = Mapping[str, Any]


def masthead(exercise: Document) -> list[Block]:
    """The heading in two columns, the title and the subject line."""
    title = exercise["scenario_title"]
    return [
        Columns(left=(Para(ISSUER, "issuer"), Para("", "number"), Para(NUMBER, "number")),
                right=(Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation"), Para("Độc lập - Tự do - Hạnh phúc", "motto"),
                       Para("", "place_date"), Para(f"…, {day_phrase(exercise['date'])}", "place_date"))),
        Para("BÁO CÁO", "title"),
        Para(f"Kết quả diễn tập xử lý khủng hoảng truyền thông “{title['vi']}”", "subject"),
        Para(f"After-action report: {title['en']}", "english_center"),
        Para(f"Ngày {short_date(exercise['date'])}, {len(exercise['teams'])} đội đã diễn tập kịch bản “{title['vi']}” "
             f"trên nền tảng mô phỏng khủng hoảng truyền thông. {ISSUER.capitalize()} báo cáo kết quả như sau:"),
    ]


def overview(exercise: Document, labels: Labels) -> list[Block]:
    """I. The drill, its level and rule set, the date, the roles, the teams and their participants."""
    roles = {kind: ", ".join(r["label"]["vi"] for r in exercise["roles"] if r["played_by"] == kind)
             for kind in ("trainee", "simulation")}
    fields = Fields((
        ("Tên buổi diễn tập", exercise["title"]),
        ("Kịch bản", f"{exercise['scenario_title']['vi']} (mã {exercise['scenario']})"),
        ("Loại khủng hoảng", exercise["crisis_type_label"]["vi"]),
        ("Cấp độ khủng hoảng diễn tập", f"cấp {exercise['level']}"),
        ("Thời lượng kịch bản", duration(exercise["duration"])),
        ("Bộ quy tắc chấm điểm", f"{exercise['rule_set_title']['vi']} ({exercise['rule_set']})"),
        ("Ngày diễn tập", short_date(exercise["date"])),
        ("Giảng viên", exercise["instructor"] or "không có (chạy thử)"),
        ("Vai của học viên", roles["trainee"] or "không có"),
        ("Vai do mô phỏng đảm nhận", roles["simulation"] or "không có"),
    ))
    rows = tuple((team["name"], labels.of("team_statuses", team["status"]),
                  "\n".join(f"{p['name']} – {p['role_label']['vi']}" for p in team["participants"]) or "không có")
                 for team in exercise["teams"])
    return [Heading("I. TỔNG QUAN BUỔI DIỄN TẬP", "Exercise overview"), fields,
            Para("Các đội và học viên:", "label"), Table(("Đội", "Trạng thái", "Học viên – vai"), rows, (25, 17, 58))]


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
        Heading("II. MỤC TIÊU VÀ ĐÁNH GIÁ", "Objectives and ratings"),
        Para("Mỗi mục tiêu được đo bằng các quy tắc pháp lý của bộ quy tắc chấm điểm. Mức đánh giá theo thang HSEEP "
             "tính từ tỷ lệ điểm đội đạt được trên các quy tắc đó (điểm thưởng thực hành tốt không được tính):"),
        *(Para(f"- {code} – {ratings[code]['vi']}: {_threshold(code, ratings)};", "item") for code in ratings),
        Para("Các mục tiêu:", "label"),
        *(Para(f"{n}. {o['name']['vi']}: {o['description']['vi']}", "item")
          for n, o in enumerate(document["aar"]["objectives"], start=1)),
    ]
    rows = tuple(
        (f"{n}. {o['name']['vi']}", r["team"],
         f"{r['rating']} – {ratings[r['rating']]['vi']}" if r["rating"] else "— (không có quy tắc pháp lý)",
         f"{score(r['points'], r['max_points'])} ({share(r['share'])})")
        for n, o in enumerate(document["aar"]["objectives"], start=1) for r in o["ratings"])
    return [*blocks, Table(("Mục tiêu", "Đội", "Đánh giá", "Điểm đạt"), rows, (34, 20, 30, 16))]


def _finding(position: int, finding: Document, labels: Labels, area: bool) -> list[Block]:
    kind = " (thực hành tốt, điểm thưởng)" if finding["bonus"] else ""
    fields = [("Quy tắc", f"{finding['rule_id']}{kind}"), ("Căn cứ", finding["source"]["vi"]),
              ("Mục tiêu", labels.objectives[finding["objective"]]["vi"])]
    if area:
        fields.append(("Vai chịu trách nhiệm", labels.role(finding["role"])))
    analysis = [Para(f"- {t['team']} ({score(t['points'], t['max_points'])}): {t['explanation']['vi']}", "item")
                for t in finding["teams"]]
    blocks: list[Block] = [Heading(f"{position}. {finding['title']['vi']}", finding["title"]["en"], level=2),
                           Fields(tuple(fields)), Para("Phân tích:" if area else "Các đội đạt:", "label"), *analysis]
    if area:
        blocks.append(Fields((("Kiến nghị", finding["recommendation"]["vi"]),)))
    return blocks


def findings(document: Document, labels: Labels) -> list[Block]:
    """IV. Strengths and V. areas for improvement, one subsection per rule."""
    aar = document["aar"]
    blocks: list[Block] = [Heading("IV. ĐIỂM MẠNH", "Strengths")]
    for position, finding in enumerate(aar["strengths"], start=1):
        blocks += _finding(position, finding, labels, area=False)
    if not aar["strengths"]:
        blocks.append(Para("Không đội nào đạt trọn điểm một quy tắc."))
    blocks.append(Heading("V. NHỮNG NỘI DUNG CẦN CẢI THIỆN", "Areas for improvement"))
    for position, finding in enumerate(aar["areas_for_improvement"], start=1):
        blocks += _finding(position, finding, labels, area=True)
    if not aar["areas_for_improvement"]:
        blocks.append(Para("Các đội đạt mọi quy tắc pháp lý."))
    return blocks


def plan_rows(document: Document, labels: Labels, due: Callable[[str], Any] = short_date) -> list[tuple[Any, ...]]:
    """The improvement plan's rows as the reports show them: issue, corrective action, objective, role, due, status."""
    return [(i["issue"], i["corrective_action"], labels.objectives[i["objective"]]["vi"], labels.role(i["role"]),
             due(i["due"]), labels.of("plan_statuses", i["status"])) for i in document["improvement_plan"]["items"]]


def improvement_plan(document: Document, labels: Labels) -> list[Block]:
    """VI. The improvement plan as a table."""
    plan = document["improvement_plan"]
    note = ("Kế hoạch do giảng viên điều chỉnh." if plan["edited"] else
            "Kế hoạch đề xuất từ các nội dung cần cải thiện: mỗi quy tắc chưa đạt một dòng, hạn 30 ngày sau buổi diễn tập.")
    blocks: list[Block] = [Heading("VI. KẾ HOẠCH KHẮC PHỤC", "Improvement plan"), Para(note)]
    if not plan["items"]:
        return [*blocks, Para("Không có nội dung cần khắc phục.")]
    header = ("STT", "Vấn đề", "Biện pháp khắc phục", "Mục tiêu", "Chịu trách nhiệm", "Thời hạn", "Trạng thái")
    rows = tuple((str(number), *row) for number, row in enumerate(plan_rows(document, labels), start=1))
    return [*blocks, Table(header, rows, (9, 34, 46, 19, 20, 22, 15))]


def closing(exercise: Document) -> Columns:
    """The recipients (left) beside the signature block (right)."""
    units = [f"- {r['label']['vi']};" for r in exercise["roles"] if r["played_by"] == "trainee"]
    recipients = (Para("Nơi nhận:", "recipients_title"), *(Para(u, "recipients") for u in units),
                  Para("- Các đội tham gia diễn tập;", "recipients"), Para("- Lưu: VT.", "recipients"))
    signature = (Para(SIGNER, "signer"), Para("(Ký, ghi rõ họ tên)", "sign_note"), *(Para("", "signer"),) * 3,
                 Para(exercise["instructor"] or "", "signer"))
    return Columns(left=recipients, right=signature, share=0.5)


def outline(document: Document) -> tuple[Block, ...]:
    """Every block of the printed report, in order."""
    labels, exercise = Labels(document), document["exercise"]
    teams: list[Block] = [Heading("III. KẾT QUẢ TỪNG ĐỘI", "Results by team")]
    for position, team in enumerate(document["teams"], start=1):
        teams += team_blocks(position, team, exercise, labels)
    return (*masthead(exercise), *overview(exercise, labels), *objectives(document), *teams,
            *findings(document, labels), *improvement_plan(document, labels), Para(""), closing(exercise))
