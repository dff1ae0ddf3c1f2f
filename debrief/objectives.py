"""The exercise objectives of the HSEEP After-Action Report, and how a team's score card rates each.

Every rule of the packaged rule sets (scoring/rulesets/*.yaml) belongs to one
of six objectives (capabilities), with the corrective action a failure calls
for and the role responsible for it (PROCEDURE.md §1):

| objective | rules |
|---|---|
| `detect_report` detect, report up and coordinate | procedure_order, cause_addressed, daily_report, noise_not_chased |
| `verify` verify before speaking | verified_facts_only |
| `focal_point` one focal point, initial information on time | spokesperson_first, one_focal_point, initial_information, press_conference_notice, cerc_first_message (bonus) |
| `answer_press` answer the press | press_requests_answered |
| `correct_false` correct false information | corrections_requested, group_admins_engaged, aggregator_removal |
| `outcome` outcome: crisis level and belief | outcome |

A team's rating of an objective comes from the share of points it earned on
the objective's legal (non-bonus) rules; bonus rules are good practice and
never count towards a rating. Thresholds (RATING_THRESHOLDS):

| rating | share of points |
|---|---|
| P performed without challenges | 100 % (every legal rule of the objective met in full) |
| S performed with some challenges | 60 % or more |
| M performed with major challenges | 25 % or more |
| U unable to be performed | under 25 % |
"""  # noqa: E501 - a table row does not wrap

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from scenarios.bodies import bodies
from scenarios.texts import Text
from scoring.card import ScoreCard

FULL = 1 - 1e-9  # a share this high is every point


@dataclass(frozen=True)
class Objective:
    """An exercise objective (a capability the drill trains)."""

    id: str
    name: Text
    description: Text

    @property
    def rules(self) -> tuple[str, ...]:
        """Ids of the rules that measure it."""
        return tuple(rule for rule, guidance in GUIDANCE.items() if guidance.objective == self.id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name.as_dict(),
            "description": self.description.as_dict(),
            "rules": list(self.rules),
        }


@dataclass(frozen=True)
class Guidance:
    """What a rule measures (`objective`), what to do when it fails, and which role is responsible."""

    objective: str
    recommendation: Text
    role: str


OBJECTIVES: tuple[Objective, ...] = (
    Objective(
        "detect_report",
        Text("Phát hiện, báo cáo xin chỉ đạo và phối hợp", "Detect, report up and coordinate"),
        Text(
            "Phát hiện vấn đề, báo cáo Thường trực Tỉnh ủy qua {board}, họp phối hợp và báo cáo kết quả "
            "theo bốn bước của Quy định 887-QĐ/TU.",
            "Detect the issue, report to the standing members of the Party committee through {board}, "
            "coordinate and report the results, the four steps of Regulation 887-QĐ/TU.",
        ),
    ),
    Objective(
        "verify",
        Text("Xác minh trước khi phát ngôn", "Verify before speaking"),
        Text(
            "Chỉ nói điều cơ quan chuyên môn đã xác minh, không nhắc lại tin đồn.",
            "Say only what the competent agencies have verified; never repeat the rumour.",
        ),
    ),
    Objective(
        "focal_point",
        Text("Một đầu mối phát ngôn, thông tin ban đầu đúng hạn", "One focal point, initial information on time"),
        Text(
            "Ban Tuyên giáo đề xuất, người đứng đầu cơ quan hành chính phân công người phát ngôn của vụ việc; chỉ "
            "người phát ngôn (thường xuyên hoặc được phân công) và người đứng đầu làm việc với báo chí, và cung "
            "cấp thông tin ban đầu trong thời hạn luật định.",
            "The propaganda board proposes and the head of the agency assigns the case's spokesperson; only the "
            "spokesperson (regular or assigned) and the head deal with the press, and initial information comes "
            "within the legal deadline.",
        ),
    ),
    Objective(
        "answer_press",
        Text("Trả lời báo chí", "Answer the press"),
        Text(
            "Trả lời mọi yêu cầu của báo chí trong thời hạn, chỉ từ chối theo căn cứ luật định và nêu lý do.",
            "Answer every press request in time; refuse only on lawful grounds, stating the reason.",
        ),
    ),
    Objective(
        "correct_false",
        Text("Cải chính thông tin sai sự thật", "Correct false information"),
        Text(
            "Yêu cầu cơ quan báo chí cải chính, xin lỗi với mọi bài báo sai sự thật.",
            "Ask the outlet to correct and apologise for every article with false information.",
        ),
    ),
    Objective(
        "outcome",
        Text("Kết quả: kiểm soát khủng hoảng và dư luận", "Outcome: crisis and opinion contained"),
        Text(
            "Cấp độ khủng hoảng và tỷ lệ người tin tin đồn khi kết thúc buổi diễn tập.",
            "The crisis level and the share who believe the rumour when the drill ends.",
        ),
    ),
)


def objectives_for(rule_set: str | None) -> tuple[Objective, ...]:
    """The objectives as a drill under `rule_set` words them: `{board}` is the board of that rule set."""
    board = bodies(rule_set).board
    return tuple(
        replace(
            o,
            description=Text(
                o.description.vi.replace("{board}", board.vi), (o.description.en or "").replace("{board}", board.en or "")
            ),
        )
        for o in OBJECTIVES
    )


GUIDANCE: dict[str, Guidance] = {
    "procedure_order": Guidance(
        "detect_report",
        Text(
            "Thực hiện đủ và đúng thứ tự bốn bước: báo cáo xin chỉ đạo ngay khi phát hiện, họp phối hợp, người phát ngôn "
            "được phân công phát ngôn, báo cáo kết quả; diễn tập lại quy trình với các đơn vị.",
            "Take the four steps fully and in order: report up as soon as the issue is detected, convene the coordination "
            "meeting, let the assigned spokesperson speak, report the results; rehearse the procedure with the units.",
        ),
        "propaganda_board",
    ),
    "spokesperson_first": Guidance(
        "focal_point",
        Text(
            "Tại cuộc họp phối hợp, Ban Tuyên giáo đề xuất ngay người phát ngôn của vụ việc để người đứng đầu cơ quan hành "
            "chính (Chủ tịch UBND) phân công bằng văn bản (bước 2, Quy định 887-QĐ/TU); trước đó chỉ người phát ngôn "
            "thường xuyên hoặc người đứng đầu được nói với báo chí.",
            "At the coordination meeting, have the propaganda board propose the case's spokesperson at once for the head "
            "of the agency (the People's Committee chair) to assign in writing (step 2, 887-QĐ/TU); until then only the "
            "regular spokesperson or the head speaks to the press.",
        ),
        "propaganda_board",
    ),
    "one_focal_point": Guidance(
        "focal_point",
        Text(
            "Quán triệt nguyên tắc một đầu mối: chỉ người phát ngôn và người đứng đầu cung cấp thông tin cho báo chí; "
            "các đơn vị khác chuyển yêu cầu của báo chí cho người phát ngôn (ban chỉ huy tác nghiệp vẫn báo cáo tình hình "
            "ứng phó).",
            "Enforce one focal point: only the spokesperson and the head give the press information; other units pass "
            "press requests on to the spokesperson (an operational command still reports on the operation).",
        ),
        "propaganda_board",
    ),
    "verified_facts_only": Guidance(
        "verify",
        Text(
            "Chỉ phát ngôn thông tin đã được cơ quan chuyên môn xác minh; không nhắc lại nội dung tin đồn; nói rõ điều "
            "chưa biết và khi nào cập nhật.",
            "Say only what the competent agencies have verified; never repeat the rumour's claims; say what is not yet "
            "known and when updates will come.",
        ),
        "spokesperson",
    ),
    "initial_information": Guidance(
        "focal_point",
        Text(
            "Chuẩn bị sẵn mẫu thông tin ban đầu và cung cấp cho báo chí trong thời hạn luật định; không chờ đủ mọi kết "
            "quả mới phát ngôn.",
            "Keep an initial-information template ready and give the press initial information within the legal "
            "deadline; do not wait for every result before speaking.",
        ),
        "spokesperson",
    ),
    "cerc_first_message": Guidance(
        "focal_point",
        Text(
            "Đưa thông điệp đầu tiên trong khoảng một giờ: đồng cảm, sự thật đã xác minh, điều chưa biết, lịch cập nhật, "
            "cam kết và nơi có thêm thông tin.",
            "Give a first message within about an hour: empathy, verified facts, what is not yet known, when updates "
            "will come, commitment, and where to learn more.",
        ),
        "spokesperson",
    ),
    "press_requests_answered": Guidance(
        "answer_press",
        Text(
            "Trả lời mọi yêu cầu của báo chí trong thời hạn phóng viên đề nghị; chỉ từ chối theo căn cứ luật định và nêu rõ "
            "lý do.",
            "Answer every press request within the journalist's window; refuse only on lawful grounds, stating the reason.",
        ),
        "spokesperson",
    ),
    "corrections_requested": Guidance(
        "correct_false",
        Text(
            "Theo dõi báo chí hằng ngày; với mỗi bài báo sai sự thật, gửi văn bản phản hồi nêu căn cứ, yêu cầu cải chính "
            "và xin lỗi.",
            "Monitor the press daily; for every article with false information, send written feedback stating the "
            "grounds and asking correction and apology.",
        ),
        "spokesperson",
    ),
    # the procedure parts (docs/PROCEDURE_PARTS.md)
    "cause_addressed": Guidance(
        "detect_report",
        Text(
            "Tại cuộc họp phối hợp, tham mưu biện pháp xử lý dứt điểm nguyên nhân trên cơ sở thông tin đã xác minh: "
            "trong thẩm quyền thì giao cơ quan chủ quản làm ngay, vượt thẩm quyền thì báo cáo, đề xuất cấp trên.",
            "At the coordination meeting, advise on settling the cause on verified facts: within your authority, task "
            "the agency in charge at once; beyond it, report and propose it upward.",
        ),
        "propaganda_board",
    ),
    "daily_report": Guidance(
        "detect_report",
        Text(
            "Tổng hợp, báo cáo tình hình thông tin hằng ngày cho thủ trưởng các cơ quan liên quan trong suốt vụ việc.",
            "Compile and send the daily information report to the heads of the agencies concerned throughout the case.",
        ),
        "info_department",
    ),
    "noise_not_chased": Guidance(
        "detect_report",
        Text(
            "Theo dõi và phân loại thông tin: chỉ đề nghị gỡ, chuyển công an những nội dung sai sự thật; để yên các bài "
            "đăng vô hại.",
            "Monitor and triage: ask removal or refer to the police only what is false; leave harmless posts alone.",
        ),
        "info_department",
    ),
    "press_conference_notice": Guidance(
        "focal_point",
        Text(
            "Quyết định hình thức phát ngôn tại cuộc họp phối hợp; cơ quan không có trách nhiệm họp báo đột xuất phải "
            "thông báo bằng văn bản cho cơ quan quản lý nhà nước về báo chí chậm nhất 24 giờ trước khi họp báo.",
            "Decide the form of speaking at the coordination meeting; a body without a duty to hold ad hoc conferences "
            "notifies the press regulator in writing at least 24 hours before a press conference.",
        ),
        "spokesperson",
    ),
    "group_admins_engaged": Guidance(
        "correct_false",
        Text(
            "Mời quản trị viên các nhóm, trang lớn đăng tin sai làm việc, đề nghị gỡ bài và đăng thông tin chính thức.",
            "Meet the admins of large groups and pages that posted the falsehood; ask them to remove it and post the "
            "official information.",
        ),
        "info_department",
    ),
    "aggregator_removal": Guidance(
        "correct_false",
        Text(
            "Trang thông tin điện tử tổng hợp không phải báo chí: yêu cầu gỡ tin sai trong 24 giờ theo Nghị định "
            "147/2024/NĐ-CP thay vì văn bản phản hồi theo Điều 7.6 Nghị định 244/2026/NĐ-CP.",
            "A general information site is not press: ask it to remove the false item within 24 hours under Decree "
            "147/2024 rather than sending feedback under Decree 244/2026 Art. 7.6.",
        ),
        "info_department",
    ),
    "outcome": Guidance(
        "outcome",
        Text(
            "Rút ngắn thời gian phản ứng; phối hợp gỡ bỏ tin sai, chuyển công an xử lý tin giả vi phạm pháp luật, định "
            "hướng báo chí và theo dõi dư luận đến khi ổn định.",
            "Respond faster; have false posts removed, refer unlawful fake news to the police, guide the press and "
            "monitor opinion until it settles.",
        ),
        "propaganda_board",
    ),
}

RATINGS: dict[str, Text] = {
    "P": Text("Thực hiện tốt, không gặp khó khăn", "Performed without challenges"),
    "S": Text("Thực hiện được, còn một số khó khăn", "Performed with some challenges"),
    "M": Text("Thực hiện được, gặp khó khăn lớn", "Performed with major challenges"),
    "U": Text("Không thực hiện được", "Unable to be performed"),
}
RATING_THRESHOLDS: tuple[tuple[str, float], ...] = (("P", FULL), ("S", 0.6), ("M", 0.25), ("U", 0.0))


def guidance(rule_id: str, rule_set: str) -> Guidance:
    """The guidance of a rule; ValueError naming the rule when no objective covers it."""
    found = GUIDANCE.get(rule_id)
    if found is None:
        raise ValueError(
            f"rule {rule_id!r} of rule set {rule_set!r} belongs to no exercise objective: "
            "add it to debrief.objectives.GUIDANCE"
        )
    return found


def rating(share: float) -> str:
    """The HSEEP rating (P, S, M or U) of a share of points earned (0 to 1)."""
    return next(code for code, threshold in RATING_THRESHOLDS if share >= threshold)


@dataclass(frozen=True)
class TeamRating:
    """One team's rating of one objective; `rating` and `share` are None when no legal rule measures it."""

    team: str
    rating: str | None
    share: float | None
    points: float
    max_points: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "team": self.team,
            "rating": self.rating,
            "share": self.share,
            "points": self.points,
            "max_points": self.max_points,
        }


def rate(objective_id: str, team: str, card: ScoreCard) -> TeamRating:
    """How a team's card rates an objective, from the points of the objective's legal rules."""
    results = [r for r in card.rules if not r.bonus and guidance(r.id, card.rule_set).objective == objective_id]
    points, most = sum(r.points for r in results), sum(r.max_points for r in results)
    if not most:
        return TeamRating(team, None, None, round(points, 2), round(most, 2))
    share = points / most
    return TeamRating(team, rating(share), round(share, 4), round(points, 2), round(most, 2))
