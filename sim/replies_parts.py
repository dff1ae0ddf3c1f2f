"""What the actors say back to the procedure parts (docs/PROCEDURE_PARTS.md), in Vietnamese and English."""

from scenarios.texts import Text

ADMIN_REMOVED = Text(
    vi="Quản trị viên nhóm/trang đã gỡ bài sai sự thật, đăng thông tin chính thức và nhắc thành viên không chia sẻ tin "
       "chưa kiểm chứng.",
    en="The group/page admin removed the false post, pinned the official information and asked members not to share "
       "unverified news.",
)
ADMIN_NOTHING = Text(
    vi="Quản trị viên cho biết bài đăng không có thông tin sai sự thật; việc đề nghị gỡ bài vô căn cứ làm giảm lòng tin "
       "của cộng đồng mạng.",
    en="The admin says the post holds nothing false; asking to remove it without grounds costs the community's trust.",
)
SITE_REMOVED = Text(
    vi="Trang thông tin điện tử tổng hợp đã gỡ bài sai sự thật theo yêu cầu của Sở (Nghị định 147/2024/NĐ-CP, trong "
       "24 giờ).",
    en="The general information site removed the false item at the department's request (Decree 147/2024, within 24 h).",
)
SITE_NOTHING = Text(
    vi="Trang thông tin điện tử tổng hợp trả lời: bài viết không có thông tin sai sự thật nên không gỡ.",
    en="The general information site replies that the item holds nothing false and will not be removed.",
)
NOT_A_SITE = Text(
    vi="Đây là cơ quan báo chí, không phải trang thông tin điện tử tổng hợp: đề nghị gửi văn bản phản hồi yêu cầu cải "
       "chính theo Điều 7.6 Nghị định 244/2026/NĐ-CP.",
    en="This is a press agency, not a general information site: send written feedback asking correction (Decree "
       "244/2026 Art. 7.6).",
)
CAUSE_OWN = Text(
    vi="Cơ quan chủ quản ghi nhận biện pháp khắc phục nguyên nhân trong thẩm quyền và báo cáo kết quả khi xử lý dứt điểm.",
    en="The agency in charge takes note of the measures within its authority and will report once the cause is settled.",
)
CAUSE_ESCALATED = Text(
    vi="Thường trực cấp ủy ghi nhận đề xuất biện pháp giải quyết vượt thẩm quyền và giao cơ quan chức năng xử lý dứt điểm.",
    en="The standing committee takes the proposal beyond your authority and tasks the competent bodies to settle it.",
)
DAILY_RECEIVED = Text(
    vi="Thủ trưởng các cơ quan liên quan đã nhận báo cáo tình hình thông tin hằng ngày.",
    en="The heads of the agencies concerned have received the daily information report.",
)
NOTICE_RECEIVED = Text(
    vi="Cơ quan quản lý nhà nước về báo chí đã nhận văn bản thông báo họp báo.",
    en="The state press regulator has received the written notice of the press conference.",
)
