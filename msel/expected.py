"""The MSEL's derived columns: what the players should do with an inject, and what it exercises.

Derived from the inject's channel and false claims by the procedure of
/work/shared/domain/PROCEDURE.md (§2 the four steps of 887-QĐ/TU, §3 the
canonical action types, §4 the scored rules), in words: actions by their
Vietnamese labels, roles by the drill's names, rules by their titles. Written
on export for the planner and the controllers; never read back on import.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.labels import ACTION_TYPES, label
from scenarios.bodies import bodies
from msel.cells import format_time, plain_number
from scenarios.model import Channel, Inject, Scenario
from scenarios.texts import Text
from scoring.rules import RULES


@dataclass(frozen=True)
class Expectation:
    """Canonical actions with the role that usually takes them, the step exercised and the rules (by name) it scores."""

    actions: tuple[tuple[str, str], ...]
    objective: Text
    rules: tuple[str, ...] = ()


_REPORT = Expectation(
    (
        ("flag_issue", "info_department"),
        ("report_up", "info_department"),
        ("convene_meeting", "propaganda_board"),
        ("assign_verification", "propaganda_board"),
        ("propose_spokesperson", "propaganda_board"),
    ),
    Text(
        "Bước 1–2 (887-QĐ/TU): báo cáo lên, họp phối hợp, phân công xác minh, đề xuất người phát ngôn",
        "Steps 1–2 (887-QĐ/TU): report up, coordinate, assign who verifies, propose who speaks",
    ),
    ("procedure_order", "spokesperson_first"),
)
_FALSE_POST = Expectation(
    (
        ("flag_issue", "info_department"),
        ("report_up", "info_department"),
        ("verify", "propaganda_board"),
        ("request_takedown", "info_department"),
        ("refer_police", "info_department"),
    ),
    Text(
        "Bước 1 (887-QĐ/TU): phát hiện, báo cáo lên; xác minh, đề nghị gỡ tin sai",
        "Step 1 (887-QĐ/TU): detect and report up; verify, ask for the false post's removal",
    ),
    ("procedure_order",),
)
_FALSE_MEDIA = Expectation(
    (("flag_issue", "info_department"), ("request_correction", "spokesperson"), ("direct_press", "propaganda_board")),
    Text(
        "Bước 3: phản hồi bằng văn bản, yêu cầu cải chính; định hướng báo chí",
        "Step 3: written feedback asking for a correction; guide the press",
    ),
    ("corrections_requested",),
)
_WATCH = Expectation(
    (("monitor", "info_department"),),
    Text("Bước 4 (887-QĐ/TU): tiếp tục theo dõi dư luận", "Step 4 (887-QĐ/TU): keep monitoring opinion"),
)
_PRESS_CALL = Expectation(
    (("answer_press", "spokesperson"),),
    Text(
        "Bước 3: một đầu mối trả lời báo chí trong thời hạn, từ chối phải nêu lý do",
        "Step 3: one focal point answers the press in time, a refusal gives its reason",
    ),
    ("press_requests_answered", "one_focal_point"),
)
_PUBLIC = Expectation(
    (("verify", "spokesperson"), ("issue_statement", "spokesperson")),
    Text(
        "Bước 3: thông tin ban đầu cho người dân qua một đầu mối, chỉ nói điều đã xác minh",
        "Step 3: initial information for the public through one focal point, verified facts only",
    ),
    ("initial_information", "verified_facts_only", "one_focal_point"),
)
_DIRECTION = Expectation(
    (("report_up", "propaganda_board"), ("report_results", "spokesperson")),
    Text(
        "Bước 1 và 4 (887-QĐ/TU): báo cáo Thường trực Tỉnh ủy, báo cáo kết quả",
        "Steps 1 and 4 (887-QĐ/TU): report to the standing members of the Party committee, report the results",
    ),
    ("procedure_order",),
)

_BY_CHANNEL: dict[Channel, tuple[Expectation, Expectation]] = {  # (with false claims, without)
    Channel.social_post: (_FALSE_POST, _WATCH),
    Channel.press_article: (_FALSE_MEDIA, _WATCH),
    Channel.tv: (_FALSE_MEDIA, _WATCH),
    Channel.monitoring_report: (_REPORT, _REPORT),
    Channel.press_call: (_PRESS_CALL, _PRESS_CALL),
    Channel.hotline: (_PUBLIC, _PUBLIC),
    Channel.dispatch: (_DIRECTION, _DIRECTION),
}


def expectation(inject: Inject) -> Expectation:
    """What the procedure asks of the players for an inject on this channel, with or without false claims."""
    with_claims, without = _BY_CHANNEL[inject.channel]
    return with_claims if inject.claims else without


def role_name(scenario: Scenario, role_id: str) -> str:
    """A role as the drill names it; a role the drill lacks by the body of its rule set (`scenarios.bodies`)."""
    role = scenario.role(role_id)
    if role is not None:
        return role.label.vi
    names = bodies(scenario.rule_set)
    usual = {"propaganda_board": names.board, "info_department": names.department, "standing_committee": names.standing}
    return usual[role_id].vi if role_id in usual else role_id


def expected_actions(scenario: Scenario, inject: Inject) -> str:
    """One line per action, by its Vietnamese label and the role's name: 'Trả lời báo chí (Người phát ngôn UBND
    tỉnh) — trong 90 phút, hạn T+02:20 / within 90 min, due T+02:20'."""
    lines = [
        f"{label(ACTION_TYPES, action).vi} ({role_name(scenario, role)})" for action, role in expectation(inject).actions
    ]
    if inject.response_window is not None:
        window = plain_number(inject.response_window)
        vi, en = f"trong {window} phút", f"within {window} min"
        if inject.at is not None:
            due = format_time(inject.at + inject.response_window)
            vi, en = f"{vi}, hạn {due}", f"{en}, due {due}"
        lines[0] += f" — {vi} / {en}"
    return "\n".join(lines)


def _with_rules(text: str, rules: tuple[str, ...], lang: str) -> str:
    """The step's text, then the scored rules by title: '… — quy tắc: Một đầu mối phát ngôn; …'."""
    if not rules:
        return text
    titles = "; ".join(RULES[rule].title.in_(lang) for rule in rules)
    return f"{text} — {'quy tắc' if lang == 'vi' else 'rules'}: {titles}"


_RECEIVED = {  # the inject by which the agency receives the case, per rule set (PROCEDURE.md §4)
    "vn-2026": Text(
        "Cơ quan tiếp nhận vụ việc: bắt đầu tính 24 giờ thông tin ban đầu",
        "The agency receives the case: the 24 hours for initial information start",
    ),
    "vn-2021": Text(
        "Cơ quan tiếp nhận vụ việc; 24 giờ thông tin ban đầu tính từ khi sự việc xảy ra",
        "The agency receives the case; the 24 hours for initial information run from the incident",
    ),
}


def objective(scenario: Scenario, inject: Inject) -> str:
    """The step and rules exercised (rules by title): the Vietnamese lines, then the English ones."""
    found = expectation(inject)
    steps = [(found.objective, found.rules)]
    if inject.id in scenario.incident.receipts:
        steps.insert(0, (_RECEIVED[scenario.rule_set], ("initial_information",)))
    return "\n".join(_with_rules(text.in_(lang), rules, lang) for lang in ("vi", "en") for text, rules in steps)
