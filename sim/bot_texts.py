"""What the bots write, composed from the drill's own content so it reads right on any valid drill.

A press-facing text is put together sentence by sentence: an opening naming
the speaker's role, the fact statements verification returned, the key
messages, and the CDC CERC phrases `sim.statements` recognises (empathy, what
is not yet known, the next update, commitment, where to learn more). A
sentence is kept only if `analyse_statement` finds in it no false claim and no
fact not yet verified; a fact or key message whose own wording fails falls
back to one of its keywords. So a bot never repeats the rumour or speaks
ahead of verification. Working notes (reports, agendas, requests) are short
Vietnamese sentences naming roles and items.
"""

from __future__ import annotations

from collections.abc import Iterable

from scenarios.model import Scenario
from scenarios.actions import MAX_TEXT
from sim.bot_view import Event
from sim.statements import StatementAnalysis, analyse_statement

# Two wordings per item, each holding one of the item's phrases in sim.statements.CERC_ITEMS:
# the second is used when a drill's keywords make the first unsafe. A release speaks of the
# authority in the third person ("UBND tỉnh …"), never "Chúng tôi".
CERC_SENTENCES: dict[str, tuple[str, ...]] = {
    "empathy": ("UBND tỉnh chia sẻ sự lo lắng của người dân.", "Cơ quan chức năng thấu hiểu sự quan tâm của người dân."),
    "unknowns": ("Những nội dung khác đang xác minh, chưa có kết luận.", "Những điều chưa rõ sẽ được làm rõ."),
    "next_update": ("UBND tỉnh sẽ cập nhật thông tin ngay khi có kết quả mới.",
                    "Thông tin tiếp theo sẽ được tiếp tục cung cấp."),
    "commitment": ("UBND tỉnh cam kết xử lý nghiêm mọi sai phạm nếu có.", "Cơ quan chức năng bảo đảm thông tin công khai, minh bạch."),
    "more_info": ("Thông tin chính thức được đăng trên cổng thông tin điện tử của cơ quan.",
                  "Người dân cần thông tin xin gọi đường dây nóng của cơ quan."),
}
CORRECTION_GROUNDS = {
    "vn-2026": "Điều 7.6 Nghị định 244/2026/NĐ-CP",
    "vn-2021": "Nghị định 09/2017/NĐ-CP",
}


class Writer:
    """Composes one drill's texts; remembers what the analysis found in each sentence."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self._analyses: dict[tuple[str, frozenset[str]], StatementAnalysis] = {}

    def _analysis(self, sentence: str, verified: frozenset[str]) -> StatementAnalysis:
        key = (sentence, verified)
        if key not in self._analyses:
            self._analyses[key] = analyse_statement(self.scenario, sentence, set(verified))
        return self._analyses[key]

    def is_safe(self, sentence: str, verified: frozenset[str]) -> bool:
        """Whether a sentence repeats no false claim and uses no fact outside `verified`."""
        analysis = self._analysis(sentence, verified)
        return not analysis.claims and not analysis.unverified_facts

    def _first_safe(self, candidates: Iterable[str], verified: frozenset[str]) -> str | None:
        return next((c for c in candidates if self.is_safe(c, verified)), None)

    def fact_sentence(self, fact: Event, verified: frozenset[str]) -> str | None:
        """A verified fact as a sentence the analysis recognises: its statement, else one of its keywords;
        None when neither is safe."""
        keywords = self.scenario.fact(fact["fact"]).keywords
        candidates = [fact["statement"]["vi"], *(f"Cơ quan chức năng xác nhận: {k}." for k in keywords)]
        return next((c for c in candidates
                     if self.is_safe(c, verified) and fact["fact"] in self._analysis(c, verified).facts), None)

    def _message_sentences(self, verified: frozenset[str]) -> list[str]:
        sentences = []
        for message in self.scenario.key_messages:
            sentence = self._first_safe([message.text.vi, *(f"Đề nghị người dân lưu ý: {k}." for k in message.keywords)],
                                        verified)
            if sentence:
                sentences.append(sentence)
        return sentences

    def _cerc(self, item: str, verified: frozenset[str]) -> list[str]:
        sentence = self._first_safe(CERC_SENTENCES[item], verified)
        return [sentence] if sentence else []

    def press_text(self, opening: str, facts: list[Event], verified: frozenset[str]) -> str:
        """A statement or answer: the opening, then empathy, facts, unknowns, key messages, next update,
        commitment and where to learn more, every sentence safe, within the length an action allows."""
        first = self._first_safe([opening, "Thông tin chính thức về vụ việc."], verified)
        sentences = [
            *([first] if first else []),
            *self._cerc("empathy", verified),
            *(s for s in (self.fact_sentence(f, verified) for f in facts) if s),
            *self._cerc("unknowns", verified),
            *self._message_sentences(verified),
            *self._cerc("next_update", verified),
            *self._cerc("commitment", verified),
            *self._cerc("more_info", verified),
        ]
        text = ""
        for sentence in sentences:
            candidate = f"{text} {sentence}".strip()
            if len(candidate) <= MAX_TEXT:
                text = candidate
        return text

    def correction(self, item: Event, facts: list[Event], verified: frozenset[str]) -> str:
        """Written feedback to an outlet (Decree 244/2026 Art. 7.6): the grounds, a request to correct and apologise."""
        grounds = " ".join(s for s in (self.fact_sentence(f, verified) for f in facts) if s)
        law = CORRECTION_GROUNDS.get(self.scenario.rule_set, CORRECTION_GROUNDS["vn-2026"])
        return (f"Văn bản phản hồi gửi {item['sender']['vi']}: nội dung đã đăng có thông tin sai sự thật. "
                + (f"Căn cứ thông tin đã được cơ quan chức năng xác minh: {grounds} " if grounds else "")
                + f"Đề nghị gỡ bỏ thông tin sai, đăng cải chính và xin lỗi theo {law}.")


def role_label(scenario: Scenario, role_id: str) -> str:
    """A role's Vietnamese label (its id if the drill has no such role)."""
    role = scenario.role(role_id)
    return role.label.vi if role else role_id


def flag_note(item: Event, level: int) -> str:
    return f"Phát hiện nội dung sai sự thật của {item['sender']['vi']} đang lan truyền; đánh giá nguy cơ cấp {level}."


def report_summary(scenario: Scenario, reporter: str, item: Event) -> str:
    return (f"{role_label(scenario, reporter)} báo cáo: {item['sender']['vi']} đăng nội dung sai sự thật về vụ việc, "
            "đang lan truyền; đề nghị cho ý kiến chỉ đạo xử lý.")


MEETING_AGENDA = ("Họp phối hợp với các cơ quan liên quan: nhận diện khủng hoảng, dự báo diễn biến, chọn hình thức "
                  "phát ngôn, phân công đầu mối xác minh và người phát ngôn, biện pháp xử lý.")
PROPOSAL_NOTE = ("Đề xuất người phát ngôn thường xuyên làm người phát ngôn của vụ việc, trình người đứng đầu cơ quan "
                 "hành chính quyết định bằng văn bản.")
VERIFICATION_NOTE = "Thu thập, xác minh thông tin về vụ việc và báo cáo ngay khi có kết quả."
FORM_NOTE = "Thông cáo báo chí ngay khi có thông tin đã xác minh; trả lời mọi yêu cầu của báo chí."
MONITOR_NOTE = "Theo dõi phản ứng của dư luận sau phát ngôn chính thức."
FOLLOWUP_TEXT = "Đặt hàng các cơ quan báo chí phóng sự giải thích, trấn an dư luận sau khủng hoảng."


def press_guidance(scenario: Scenario, speaker: str) -> str:
    return (f"Định hướng các cơ quan báo chí: chỉ đưa tin theo phát ngôn chính thức của {role_label(scenario, speaker)}; "
            "không dẫn lại nội dung sai sự thật.")


def takedown_note(item: Event) -> str:
    return f"Đề nghị nền tảng gỡ bài đăng sai sự thật của {item['sender']['vi']}."


def police_note(item: Event) -> str:
    return f"Chuyển cơ quan công an xác minh, xử lý việc {item['sender']['vi']} đăng tin sai sự thật."


def results_summary(statements: int, answers: int, corrections: int) -> str:
    return (f"Báo cáo kết quả: đã phát ngôn chính thức {statements} lần, trả lời {answers} yêu cầu của báo chí, "
            f"yêu cầu cải chính {corrections} nội dung sai; đề xuất tiếp tục theo dõi dư luận.")
