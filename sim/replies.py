"""What the actors the simulation plays say back, in Vietnamese and English.

Texts may use `{cast}` placeholders of the scenario; the monitoring, follow-up
and report texts have placeholders of their own (`{seen}`, `{question}`, `{answer}`…)
that the world fills (`scenarios.placeholders.fill`) before the cast is.
"""

from scenarios.bodies import bodies
from scenarios.model import LocalText
from scenarios.placeholders import fill

DIRECTIVE_VI = ("Thường trực Tỉnh ủy chỉ đạo: {board} chủ trì họp ngay với các cơ quan liên quan, xác minh thông tin, "
                "đề xuất người phát ngôn và cung cấp thông tin ban đầu cho báo chí trong thời hạn luật định.")
DIRECTIVE_EN = ("The standing members of the provincial Party committee direct: {board} convenes the agencies now, "
                "verifies the facts, proposes the spokesperson and gives the press initial information within the legal "
                "deadline.")


def directive(rule_set: str | None) -> LocalText:
    """The standing members' direction after a report up, naming the board of the drill's rule set."""
    board = bodies(rule_set).board
    return LocalText(vi=fill(DIRECTIVE_VI, {"board": board.vi}), en=fill(DIRECTIVE_EN, {"board": board.en}))

ASSIGNED_VI = ("{head} phân công {speaker} làm người phát ngôn của vụ việc bằng văn bản, theo đề xuất của {board} "
               "({basis}).")
ASSIGNED_EN = ("The {head} assigns {speaker} in writing as the case's spokesperson, on the proposal of {board} "
               "({basis}).")
ACKNOWLEDGED = LocalText(
    vi="Thường trực Tỉnh ủy ghi nhận báo cáo kết quả; đề nghị tiếp tục theo dõi dư luận và đề xuất nhiệm vụ tiếp theo.",
    en=("The standing members of the Party committee acknowledge the report; "
        "keep monitoring opinion and propose the next tasks."),
)
NO_INFORMATION = LocalText(
    vi="Cơ quan được hỏi cho biết không nắm thông tin về vụ việc này.",
    en="The agency asked says it has no information on this case.",
)
CORRECTED = LocalText(
    vi="Cơ quan báo chí đã đăng cải chính và xin lỗi theo văn bản phản hồi.",
    en="The outlet has published a correction and an apology in response to the written feedback.",
)
CORRECTION_DECLINED = LocalText(
    vi="Cơ quan báo chí trả lời: bài viết không có thông tin sai sự thật nên không cải chính.",
    en="The outlet replies that the article holds no false information and will not be corrected.",
)
REMOVED = LocalText(
    vi="Nền tảng mạng xã hội đã gỡ bỏ bài đăng sai sự thật theo yêu cầu.",
    en="The platform has removed the false post as requested.",
)
TAKEDOWN_DECLINED = LocalText(
    vi="Nền tảng trả lời: bài đăng không vi phạm nên không gỡ bỏ.",
    en="The platform replies that the post breaks no rule and stays up.",
)
POLICE_HANDLED = LocalText(
    vi="Công an tỉnh đã xác minh, làm việc với chủ tài khoản đăng tin sai sự thật và xử lý theo quy định.",
    en="The provincial police have identified the account that spread the false news and dealt with it under the law.",
)
NO_VIOLATION = LocalText(
    vi="Công an tỉnh cho biết chưa có dấu hiệu vi phạm pháp luật trong nội dung được chuyển.",
    en="The provincial police see no sign of an offence in what was referred.",
)
FOLLOWUP_TITLE = LocalText(
    vi="Cơ quan chức năng im lặng, dư luận hoang mang",
    en="Authorities silent as the public grows anxious",
)
FOLLOWUP_VI = ("Phóng viên đã đặt câu hỏi “{question}” nhưng không nhận được trả lời; "
               "bài báo dẫn lại các thông tin lan truyền trên mạng.")
FOLLOWUP_EN = "The reporter asked “{question}” and received no answer; the article relays what circulates online."
REPORT_TITLE = LocalText(
    vi="Cơ quan chức năng lên tiếng về vụ việc",
    en="Authorities respond on the case",
)
REPORT_VI = "Trả lời phóng viên, người phát ngôn cho biết: “{answer}”"
REPORT_EN = "Answering the reporter, the spokesperson said: “{answer}”"
MONITORING_VI = (
    "Báo cáo theo dõi dư luận: khoảng {seen} người đã tiếp cận tin đồn, khoảng {belief_pct}% dân số tin là thật; "
    "mức độ quan tâm của báo chí {media_pressure}."
)
MONITORING_EN = (
    "Monitoring report: about {seen} people have seen the rumour, about {belief_pct}% of the population believe it; "
    "press attention at {media_pressure}."
)
