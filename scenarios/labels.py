"""Labels of the debrief, Vietnamese first and English second; the pages' scripts get them from here (`web.label_tables`).

Every table maps an id of the event log (docs/EVENTS.md) or of the scenario
model to a `Text`. `label(table, key)` falls back to the key itself, so an id a
scenario adds (a new action type, an agency) still shows, untranslated. Roles
are labelled from the scenario (`role_label`), since each scenario names them.
"""

from __future__ import annotations

from collections.abc import Mapping

from scenarios.model import Scenario
from scenarios.texts import Text

ACTION_TYPES: dict[str, Text] = {
    "flag_issue": Text("Đánh dấu vấn đề nóng", "Flag a hot issue"),
    "report_up": Text("Báo cáo xin ý kiến chỉ đạo", "Report up for direction"),
    "convene_meeting": Text("Triệu tập họp phối hợp", "Convene a coordination meeting"),
    "assign_verification": Text("Phân công đầu mối xác minh", "Assign who verifies"),
    "verify": Text("Đề nghị xác minh", "Ask for verification"),
    "choose_form": Text("Chọn hình thức phát ngôn", "Choose the form of speaking"),
    "propose_spokesperson": Text("Đề xuất người phát ngôn", "Propose the spokesperson"),
    "assign_spokesperson": Text("Phân công người phát ngôn", "Assign the spokesperson"),
    "situation_report": Text("Báo cáo tình hình (ban chỉ huy)", "Situation report (command)"),
    "issue_statement": Text("Phát ngôn / ra thông cáo", "Issue a statement"),
    "hold_press_conference": Text("Họp báo", "Hold a press conference"),
    "answer_press": Text("Trả lời báo chí", "Answer the press"),
    "request_correction": Text("Đề nghị cải chính", "Request a correction"),
    "request_takedown": Text("Đề nghị gỡ bỏ bài đăng", "Request a takedown"),
    "refer_police": Text("Chuyển cơ quan công an", "Refer to the police"),
    "direct_press": Text("Định hướng báo chí", "Guide the press"),
    "report_results": Text("Báo cáo kết quả phát ngôn", "Report the results"),
    "monitor": Text("Theo dõi dư luận", "Monitor opinion"),
    "order_followup": Text("Đặt hàng tin bài giải thích", "Commission explanatory reports"),
    "message": Text("Trao đổi nội bộ", "Team chat"),
    "resolve_cause": Text("Tham mưu biện pháp xử lý nguyên nhân", "Measures to fix the cause"),
    "contact_admin": Text("Làm việc với quản trị viên nhóm, trang", "Contact a group or page admin"),
    "request_site_removal": Text("Yêu cầu trang tin tổng hợp gỡ tin", "Ask a general information site to remove"),
    "daily_report": Text("Báo cáo tình hình thông tin hằng ngày", "Daily information report"),
    "notify_press_conference": Text("Thông báo họp báo bằng văn bản", "Written press-conference notice"),
}

EVENT_KINDS: dict[str, Text] = {  # every kind of the log (docs/EVENTS.md), and the instructor's observations
    "inject": Text("Tin đến", "Inject"),
    "action": Text("Hành động", "Action"),
    "refused": Text("Bị từ chối", "Refused"),
    "reply": Text("Phản hồi", "Reply"),
    "fact": Text("Kết quả xác minh", "Verified fact"),
    "escalation": Text("Leo thang", "Escalation"),
    "deadline_missed": Text("Quá hạn trả lời", "Deadline missed"),
    "end": Text("Kết thúc", "End"),
    "observation": Text("Ghi chú của giảng viên", "Instructor's observation"),
    "opinion": Text("Dư luận", "Opinion"),
}
CATEGORIES: dict[str, Text] = {kind: text for kind, text in EVENT_KINDS.items() if kind != "opinion"}  # the timeline's

PRESS_CALL_RESPONSES: dict[str, Text] = {
    "answered": Text("Đã trả lời trong hạn", "Answered in time"),
    "late": Text("Trả lời quá hạn", "Answered late"),
    "missed": Text("Không trả lời", "Not answered"),
    "open": Text("Còn trong hạn khi dừng", "Still open when the run stopped"),
}

CHANNELS: dict[str, Text] = {  # inject channels and statement channels
    "social_post": Text("Mạng xã hội", "Social media"),
    "press_call": Text("Phóng viên gọi điện", "Press call"),
    "press_article": Text("Bài báo", "Press article"),
    "dispatch": Text("Công văn", "Official dispatch"),
    "hotline": Text("Đường dây nóng", "Hotline"),
    "monitoring_report": Text("Báo cáo giám sát", "Monitoring report"),
    "tv": Text("Truyền hình", "Television"),
    "portal": Text("Cổng thông tin điện tử", "Official portal"),
    "press": Text("Báo chí", "The press"),
    "social_media": Text("Trang mạng xã hội chính thức", "Official social-media page"),
    "radio": Text("Phát thanh", "Radio"),
}

FORMS: dict[str, Text] = {
    "press_conference": Text("Họp báo", "Press conference"),
    "press_release": Text("Thông cáo báo chí", "Press release"),
    "portal_post": Text("Đăng trên Cổng thông tin điện tử", "Portal post"),
    "interview": Text("Trả lời phỏng vấn", "Interview"),
    "written_reply": Text("Trả lời bằng văn bản", "Written reply"),
    "briefing": Text("Cung cấp thông tin tại giao ban báo chí", "Press briefing"),
}

REFUSALS: dict[str, Text] = {
    "state_secret": Text("Bí mật nhà nước", "State secret"),
    "personal_secret": Text("Bí mật cá nhân, bí mật gia đình", "Personal or family secret"),
    "under_investigation": Text("Vụ việc đang điều tra hoặc chưa xét xử", "Under investigation or not yet tried"),
    "inspection_pending": Text("Vụ việc đang thanh tra, chưa có kết luận", "Inspection not yet concluded"),
    "complaint_pending": Text("Khiếu nại, tố cáo đang giải quyết, chưa có kết luận", "Complaint not yet concluded"),
}

MODES: dict[str, Text] = {"in_person": Text("Trực tiếp", "In person"), "online": Text("Trực tuyến", "Online")}

ROUTES: dict[str, Text] = {  # resolve_cause: fixed within one's own authority, or proposed upward (887-QĐ/TU step 2)
    "own_authority": Text("Xử lý trong thẩm quyền", "Within our own authority"),
    "escalate": Text("Đề xuất cấp trên xử lý", "Proposed upward"),
}

AGENCIES: dict[str, Text] = {  # the sources of the built-in drills' facts, named as the drills name them
    "water_company": Text("Công ty Cấp thoát nước", "Water company"),
    "health_department": Text("Sở Y tế", "Health department"),
    "education_department": Text("Sở Giáo dục và Đào tạo", "Education department"),
    "district_committee": Text("UBND huyện", "District People's Committee"),
    "police": Text("Công an tỉnh", "Provincial police"),
    "citizen_reception": Text("Ban Tiếp công dân tỉnh", "Provincial citizens' reception board"),
    "construction_department": Text("Sở Xây dựng", "Construction department"),
    "trade_department": Text("Sở Công Thương", "Industry and trade department"),
    "industry_department": Text("Sở Công Thương", "Industry and trade department"),
    "planning_department": Text("Sở Kế hoạch và Đầu tư", "Planning and investment department"),
    "provincial_office": Text("Văn phòng UBND tỉnh", "Office of the provincial People's Committee"),
    "disaster_command": Text("Ban Chỉ huy PCTT và TKCN tỉnh", "Provincial disaster-prevention and rescue command"),
    "hydromet": Text("Đài Khí tượng Thủy văn tỉnh", "Provincial hydro-meteorological station"),
    "fatherland_front": Text("Ủy ban MTTQ Việt Nam tỉnh", "Provincial Vietnam Fatherland Front committee"),
}

ACTORS: dict[str, Text] = {  # who answers in a `reply` event
    "standing_committee": Text("Thường trực Tỉnh ủy", "Standing members of the provincial Party committee"),
    "province_chair": Text("Chủ tịch UBND tỉnh", "Chairman of the provincial People's Committee"),
    "police": Text("Công an tỉnh", "Provincial police"),
    "platform": Text("Nền tảng mạng xã hội", "Platform"),
    "outlet": Text("Cơ quan báo chí", "Press outlet"),
    "journalist": Text("Phóng viên", "Journalist"),
    "monitoring": Text("Tổ giám sát thông tin", "Monitoring team"),
    "group_admin": Text("Quản trị viên nhóm, trang", "Group or page admin"),
    "site": Text("Trang thông tin điện tử tổng hợp", "General information site"),
    "agency_head": Text("Thủ trưởng cơ quan liên quan", "Head of the agency concerned"),
    "press_regulator": Text("Cơ quan quản lý nhà nước về báo chí", "State press regulator"),
}

CRISIS_TYPES: dict[str, Text] = {
    "public_health": Text("Y tế công cộng", "Public health"),
    "pollution": Text("Ô nhiễm môi trường", "Pollution"),
    "land_clearance": Text("Bồi thường, giải phóng mặt bằng", "Land clearance"),
    "complaint": Text("Khiếu nại, tố cáo", "Complaint"),
    "fake_news_official": Text("Tin giả về cán bộ, cơ quan", "Fake news about officials"),
    "natural_disaster": Text("Thiên tai", "Natural disaster"),
    "food_safety": Text("An toàn thực phẩm", "Food safety"),
    "other": Text("Khác", "Other"),
}

TEAM_STATUSES: dict[str, Text] = {
    "ready": Text("Chưa bắt đầu", "Not started"),
    "running": Text("Đang diễn ra", "Running"),
    "paused": Text("Tạm dừng", "Paused"),
    "ended": Text("Đã kết thúc", "Ended"),
}


def label(table: Mapping[str, Text], key: str | None) -> Text:
    """The label of `key` in `table`, or the key itself in both languages when the table lacks it."""
    if key is None:
        return Text("", "")
    return table.get(key) or Text(str(key), str(key))


def role_label(scenario: Scenario, role_id: str | None) -> Text:
    """A role's label as the scenario names it (its id when the scenario has no such role)."""
    if role_id is None:
        return Text("", "")
    role = scenario.role(role_id)
    if role is None:
        return Text(role_id, role_id)
    return role.label.complete()
