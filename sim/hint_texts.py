"""Why each step of the procedure is due: the reasons the hints of self-practice show, Vietnamese and English.

`sim.bot_policy` gives every step it plans one of these reasons. They name the
bodies of the drill's rule set (`scenarios.bodies`), an item by its title and an
agency by its name, never by an id, and follow the four steps of Quy định
887-QĐ/TU (PROCEDURE.md §2): step 1 reports to the standing members of the
Party committee (Thường trực Tỉnh ủy) through the propaganda board; one focal
point means one speaker, whatever the channel.
"""

from __future__ import annotations

from scenarios.labels import AGENCIES, role_label
from scenarios.bodies import bodies
from scenarios.model import Scenario
from scenarios.text import Text
from sim.bot_view import Event

# The 24 hours of the initial information run from a different moment in each rule set (PROCEDURE.md §4).
INITIAL_FROM = {
    "vn-2021": Text("kể từ khi sự việc xảy ra (Điều 6.3.a Nghị định 09/2017/NĐ-CP)",
                    "from when the incident occurred (Decree 09/2017 Art. 6.3.a)"),
    "vn-2026": Text("kể từ khi cơ quan tiếp nhận, xử lý vụ việc (Điều 7.3 Nghị định 244/2026/NĐ-CP)",
                    "from when the agency received the case (Decree 244/2026 Art. 7.3)"),
}


def item_name(item: Event) -> Text:
    """An item as its title (with its cast names filled, as the trainee saw it), else its sender, quoted."""
    for key in ("title", "sender"):
        value = item.get(key) or {}
        if value.get("vi"):
            return Text(f"“{value['vi']}”", f"“{value.get('en') or value['vi']}”")
    return Text("tin vừa nhận", "the item just received")


def agency_name(scenario: Scenario, agency: str) -> Text:
    """An agency that verifies facts, by the name the debrief gives it, else the drill's role label, else its id."""
    return AGENCIES.get(agency) or role_label(scenario, agency)


def flag() -> Text:
    return Text("Đánh dấu nội dung sai sự thật vừa phát hiện và đánh giá mức độ nguy cơ.",
                "Flag the false item just detected and assess how serious it is.")


def report_to_board(scenario: Scenario) -> Text:
    names = bodies(scenario.rule_set)
    return Text(f"Báo cáo ngay {names.standing.vi} qua {names.board.vi} để xin ý kiến chỉ đạo "
                "(bước 1, Quy định 887-QĐ/TU).",
                f"Report at once to {names.standing.en} through {names.board.en}, for direction "
                "(step 1, 887-QĐ/TU).")


def report_to_standing(scenario: Scenario) -> Text:
    names = bodies(scenario.rule_set)
    return Text(f"Tổng hợp vụ việc, báo cáo {names.standing.vi} để xin ý kiến chỉ đạo (bước 1–2, Quy định 887-QĐ/TU).",
                f"Compile the case and report it to {names.standing.en} for direction (steps 1–2, 887-QĐ/TU).")


def convene() -> Text:
    return Text("Chủ trì họp phối hợp với các cơ quan liên quan (bước 2, Quy định 887-QĐ/TU).",
                "Chair the coordination meeting with the agencies involved (step 2, 887-QĐ/TU).")


def assign_verification(scenario: Scenario, agency: str) -> Text:
    name = agency_name(scenario, agency)
    return Text(f"Phân công đầu mối thu thập, xác minh thông tin: {name.vi} (bước 2).",
                f"Name who collects and verifies the facts: {name.en} (step 2).")


def verify(scenario: Scenario, agency: str) -> Text:
    name = agency_name(scenario, agency)
    return Text(f"Đề nghị {name.vi} xác minh: chỉ được phát ngôn những gì đã xác minh.",
                f"Ask {name.en} to verify: only what is verified may be said.")


def choose_form() -> Text:
    return Text("Chọn hình thức phát ngôn (bước 2).", "Choose the form of speaking (step 2).")


def _decree(scenario: Scenario, articles: str) -> Text:
    """The decree on speaking to the press of the rule set, with the articles where the domain's texts give them
    (Decree 244/2026); the article numbers of Decree 09/2017 are not in /work/shared/domain/law, so none is given."""
    decree = bodies(scenario.rule_set).decree
    if scenario.rule_set == "vn-2021":
        return decree
    return Text(f"Điều {articles} {decree.vi}", f"{decree.en} Art. {articles}")


def propose_spokesperson(scenario: Scenario) -> Text:
    law = _decree(scenario, "3.5, 4.1")
    return Text("Đề xuất người phát ngôn của vụ việc để người đứng đầu cơ quan hành chính phân công bằng văn bản "
                f"(bước 2, Quy định 887-QĐ/TU; {law.vi}).",
                "Propose the case's spokesperson for the head of the agency to assign in writing "
                f"(step 2, 887-QĐ/TU; {law.en}).")


def assign_spokesperson(scenario: Scenario) -> Text:
    law = _decree(scenario, "3.5, 4.1")
    return Text("Phân công người phát ngôn bằng văn bản trước khi bất kỳ ai nói với báo chí: một đầu mối là một người "
                f"phát ngôn, dù thông tin đi qua kênh nào ({law.vi}).",
                "Assign the spokesperson in writing before anyone talks to the press: one focal point is one speaker, "
                f"whatever the channel ({law.en}).")


def direct_press() -> Text:
    return Text("Định hướng các cơ quan báo chí theo phát ngôn chính thức.",
                "Guide the press agencies to the official statement.")


def initial_information(scenario: Scenario) -> Text:
    since = INITIAL_FROM.get(scenario.rule_set, INITIAL_FROM["vn-2026"])
    return Text("Thông tin ban đầu cho báo chí: chỉ sự thật đã xác minh, không nhắc lại tin sai; luật cho 24 giờ "
                f"{since.vi}, thực hành tốt (CERC) là trong khoảng một giờ.",
                "Initial information for the press: verified facts only, no repeat of the rumour; the law allows "
                f"24 hours {since.en}, good practice (CERC) about an hour.")


def update() -> Text:
    return Text("Cập nhật thông tin khi có thêm sự thật đã xác minh.", "Update the public as more facts are verified.")


def answer_press(call: Event) -> Text:
    name = item_name(call)
    return Text(f"Trả lời yêu cầu của báo chí {name.vi} trong thời hạn phóng viên đề nghị; từ chối thì phải nêu lý do "
                "hợp pháp.",
                f"Answer the press request {name.en} within the time the reporter asked for; a refusal needs a "
                "lawful reason.")


def takedown(post: Event) -> Text:
    name = item_name(post)
    return Text(f"Đề nghị nền tảng gỡ bài đăng sai sự thật {name.vi}.", f"Ask the platform to remove the false post {name.en}.")


def refer_police(post: Event) -> Text:
    name = item_name(post)
    return Text(f"Chuyển công an xử lý tin giả vi phạm pháp luật {name.vi}.",
                f"Refer the unlawful fake news {name.en} to the police.")


def correction(article: Event) -> Text:
    name = item_name(article)
    return Text(f"Gửi văn bản phản hồi yêu cầu cải chính, xin lỗi về nội dung sai của {name.vi}.",
                f"Send written feedback asking correction and apology for the false content of {name.en}.")


def report_results(scenario: Scenario) -> Text:
    names = bodies(scenario.rule_set)
    return Text(f"Báo cáo kết quả phát ngôn với {names.standing.vi} (bước 4, Quy định 887-QĐ/TU).",
                f"Report the results to {names.standing.en} (step 4, 887-QĐ/TU).")


def monitor() -> Text:
    return Text("Tiếp tục theo dõi dư luận sau phát ngôn (bước 4).", "Keep monitoring opinion after speaking (step 4).")


def followup() -> Text:
    return Text("Đặt hàng phóng sự giải thích để trấn an dư luận sau khủng hoảng.",
                "Commission explanatory reports to calm opinion after the crisis.")


def stray_statement() -> Text:
    return Text("Lỗi cố ý: một vai không phải người phát ngôn cũng nói với báo chí.",
                "A deliberate mistake: a role other than the spokesperson also talks to the press.")
