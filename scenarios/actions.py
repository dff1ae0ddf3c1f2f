"""The canonical trainee actions of PROCEDURE.md: who may take them and what they carry.

An `Action` is a stamped input: at a scenario minute, a role takes an action of
a type with parameters. `check_action` says why an action must be refused (a
role that may not take it, a missing or malformed parameter) or returns None;
`check_standing` adds what depends on the drill's posts (and `actions_for`
lists what a role may take in a drill): who names the
spokesperson (Decree 244/2026 Art. 3.2, 3.5, 4.1: the propaganda board
proposes, the head of the state agency assigns, never a Party organ as the
speaker) and who may send operational situation reports. Neither ever raises:
bad input from a trainee must not break the world.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from scenarios.messages import N_, MessageError
from scenarios.model import PARTY_ROLES, Scenario
from scenarios.texts import Text

FORMS = ("press_conference", "press_release", "portal_post", "interview", "written_reply", "briefing")
STATEMENT_CHANNELS = ("portal", "press", "social_media", "tv", "radio")
LAWFUL_REFUSALS = ("state_secret", "personal_secret", "under_investigation", "inspection_pending", "complaint_pending")
CONFERENCE_MODES = ("in_person", "online")
CAUSE_ROUTES = ("own_authority", "escalate")  # fix the cause within one's own authority, or propose it upward
MAX_TEXT = 5000
ANY = "*"


@dataclass(frozen=True)
class Param:
    """One parameter of an action type."""

    kind: str  # "text", "choice", "inject", "role", "int", "roles", "str"
    required: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionType:
    """An action type: the roles allowed to take it and its parameters."""

    name: str
    roles: tuple[str, ...]
    params: dict[str, Param] = field(default_factory=dict)
    press_facing: bool = False


TEXT = Param("text", required=True)
OPTIONAL_TEXT = Param("text")
TRAINEES_ALL = (ANY,)

CATALOG: dict[str, ActionType] = {
    a.name: a
    for a in (
        ActionType(
            "flag_issue",
            ("info_department", "propaganda_board"),
            {"item": Param("inject"), "level": Param("int", required=True), "note": OPTIONAL_TEXT},
        ),
        ActionType(
            "report_up",
            TRAINEES_ALL,
            {"to": Param("choice", True, ("propaganda_board", "standing_committee")), "summary": TEXT},
        ),
        ActionType("convene_meeting", ("propaganda_board",), {"participants": Param("roles"), "agenda": TEXT}),
        ActionType(
            "assign_verification", ("propaganda_board",), {"agency": Param("str", required=True), "note": OPTIONAL_TEXT}
        ),
        ActionType("verify", TRAINEES_ALL, {"agency": Param("str"), "note": OPTIONAL_TEXT}),
        ActionType("choose_form", ("propaganda_board",), {"form": Param("choice", True, FORMS), "note": OPTIONAL_TEXT}),
        ActionType(
            "propose_spokesperson",
            ("propaganda_board",),
            {"speaker": Param("role", required=True), "name": Param("str"), "note": OPTIONAL_TEXT},
        ),
        ActionType(
            "assign_spokesperson",
            TRAINEES_ALL,  # the head of the agency only: see check_standing
            {"speaker": Param("role", required=True), "name": Param("str")},
        ),
        ActionType(
            "situation_report",
            TRAINEES_ALL,  # operational roles only: see check_standing
            {"channel": Param("choice", True, STATEMENT_CHANNELS), "text": TEXT},
        ),
        ActionType(
            "issue_statement",
            TRAINEES_ALL,
            {"channel": Param("choice", True, STATEMENT_CHANNELS), "form": Param("choice", True, FORMS), "text": TEXT},
            press_facing=True,
        ),
        ActionType(
            "hold_press_conference",
            TRAINEES_ALL,
            {"mode": Param("choice", False, CONFERENCE_MODES), "text": TEXT},
            press_facing=True,
        ),
        ActionType(
            "answer_press",
            TRAINEES_ALL,
            {
                "call": Param("inject", required=True),
                "text": OPTIONAL_TEXT,
                "refusal": Param("str"),
                "withheld": Param("str"),
            },
            press_facing=True,
        ),
        ActionType(
            "request_correction", ("spokesperson", "agency_head"), {"article": Param("inject", required=True), "text": TEXT}
        ),
        ActionType(
            "request_takedown", ("info_department",), {"post": Param("inject", required=True), "note": OPTIONAL_TEXT}
        ),
        ActionType(
            "refer_police",
            ("info_department", "propaganda_board"),
            {"item": Param("inject", required=True), "note": OPTIONAL_TEXT},
        ),
        ActionType("direct_press", ("propaganda_board",), {"text": TEXT}),
        ActionType("report_results", ("spokesperson",), {"summary": TEXT}),
        ActionType("monitor", ("info_department",), {"note": OPTIONAL_TEXT}),
        ActionType("order_followup", ("info_department", "propaganda_board"), {"text": TEXT}),
        ActionType("message", TRAINEES_ALL, {"text": TEXT}),
        # The procedure parts of docs/PROCEDURE_PARTS.md: the cause, the networks, the daily report, the notice.
        ActionType(
            "resolve_cause",
            ("propaganda_board", "spokesperson", "agency_head"),
            {"route": Param("choice", True, CAUSE_ROUTES), "text": TEXT},
        ),
        ActionType("contact_admin", ("info_department",), {"post": Param("inject", required=True), "note": OPTIONAL_TEXT}),
        ActionType(
            "request_site_removal", ("info_department",), {"article": Param("inject", required=True), "note": OPTIONAL_TEXT}
        ),
        ActionType("daily_report", ("info_department",), {"text": TEXT}),
        ActionType(
            "notify_press_conference",
            ("spokesperson", "info_department", "agency_head"),
            {"in_hours": Param("int", required=True), "text": TEXT},
        ),
    )
}


@dataclass(frozen=True)
class Action:
    """A stamped input: at `at` (scenario minute), `role` takes an action of `type`."""

    at: float
    role: str
    type: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"at": self.at, "role": self.role, "type": self.type, **self.params}


@dataclass(frozen=True)
class Refusal:
    """Why an action was refused: a code, and a sentence in Vietnamese and English."""

    code: str
    text: Text

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, **self.text.as_dict()}


class ActionFileError(MessageError):
    """An action file line that cannot be read; the message names the line (`str`: in Vietnamese; its `message`
    said in the reader's language by the caller)."""


class _DuplicateKey(ValueError):
    """JSON keeps the last of two equal keys silently; an action line must not."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise _DuplicateKey(key)
    return dict(pairs)


def parse_action_line(line: str, where: str) -> Action:
    """Read one JSON line of an action file; `where` is e.g. 'plays/x.jsonl:3'."""
    try:
        data = json.loads(line, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise ActionFileError(N_("%(where)s: không phải JSON hợp lệ: %(reason)s"), where=where, reason=exc.msg) from None
    except _DuplicateKey as exc:
        raise ActionFileError(N_("%(where)s: khóa '%(key)s' xuất hiện hai lần"), where=where, key=str(exc)) from None
    except (ValueError, RecursionError) as exc:  # a number of thousands of digits, or nesting too deep to read
        raise ActionFileError(N_("%(where)s: không phải JSON hợp lệ: %(reason)s"), where=where, reason=str(exc)) from None
    if not isinstance(data, dict):
        raise ActionFileError(N_("%(where)s: mỗi dòng phải là một đối tượng JSON"), where=where)
    missing = [key for key in ("at", "role", "type") if key not in data]
    if missing:
        raise ActionFileError(N_("%(where)s: thiếu %(keys)s"), where=where, keys=", ".join(repr(m) for m in missing))
    at = data.pop("at")
    if isinstance(at, bool) or not isinstance(at, (int, float)) or not math.isfinite(at) or at < 0:
        raise ActionFileError(
            N_("%(where)s: 'at' phải là một phút của kịch bản (một số >= 0), không phải %(value)s"),
            where=where,
            value=repr(at),
        )
    role, kind = data.pop("role"), data.pop("type")
    if not isinstance(role, str) or not isinstance(kind, str):
        raise ActionFileError(N_("%(where)s: 'role' và 'type' phải là chuỗi ký tự"), where=where)
    return Action(at=float(at), role=role, type=kind, params=data)


def read_action_file(path: str) -> list[Action]:
    """Read a JSON-lines action file, skipping blank lines; errors name the line."""
    actions = []
    with open(path, "rb") as handle:  # decoded line by line, so a bad byte names its line
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise ActionFileError(
                    N_("%(where)s: không phải văn bản UTF-8: %(reason)s"), where=f"{path}:{number}", reason=exc.reason
                ) from None
            if line.strip():
                actions.append(parse_action_line(line, f"{path}:{number}"))
    return actions


def _refuse(code: str, vi: str, en: str) -> Refusal:
    return Refusal(code, Text(vi, en))


def _check_param(name: str, spec: Param, value: Any, known_injects: set[str], known_roles: set[str]) -> Refusal | None:
    if spec.kind in ("text", "str"):
        if not isinstance(value, str) or not value.strip():
            return _refuse("bad_parameter", f"'{name}' phải là văn bản không rỗng", f"'{name}' must be non-empty text")
        if len(value) > MAX_TEXT:
            return _refuse(
                "bad_parameter", f"'{name}' dài quá {MAX_TEXT} ký tự", f"'{name}' is longer than {MAX_TEXT} characters"
            )
    elif spec.kind == "choice" and value not in spec.choices:
        return _refuse(
            "bad_parameter",
            f"'{name}' phải là một trong: {', '.join(spec.choices)}",
            f"'{name}' must be one of: {', '.join(spec.choices)}",
        )
    elif spec.kind == "int" and (isinstance(value, bool) or not isinstance(value, int)):
        return _refuse("bad_parameter", f"'{name}' phải là số nguyên", f"'{name}' must be a whole number")
    elif spec.kind == "inject" and (not isinstance(value, str) or value not in known_injects):
        return _refuse("unknown_item", f"không có tin/bài/cuộc gọi '{value}' đã nhận", f"no delivered item '{value}'")
    elif spec.kind == "role" and (not isinstance(value, str) or value not in known_roles):
        return _refuse("unknown_role", f"không có vai '{value}' trong kịch bản", f"no role '{value}' in this scenario")
    elif spec.kind == "roles" and (
        not isinstance(value, list) or any(not isinstance(v, str) or v not in known_roles for v in value)
    ):
        return _refuse(
            "bad_parameter",
            f"'{name}' phải là danh sách vai có trong kịch bản",
            f"'{name}' must be a list of roles in this scenario",
        )
    return None


def check_action(action: Action, trainee_roles: set[str], known_roles: set[str], delivered: set[str]) -> Refusal | None:
    """Why `action` must be refused, or None if it may be taken.

    `delivered` holds the ids of injects already delivered: a trainee can only
    answer, correct or take down what has reached them.
    """
    if action.role not in trainee_roles:
        return _refuse(
            "unknown_role",
            f"vai '{action.role}' không do học viên đảm nhận trong kịch bản này",
            f"role '{action.role}' is not played by trainees in this scenario",
        )
    kind = CATALOG.get(action.type)
    if kind is None:
        return _refuse("unknown_action", f"không có loại hành động '{action.type}'", f"no action type '{action.type}'")
    if ANY not in kind.roles and action.role not in kind.roles:
        return _refuse(
            "not_allowed",
            f"vai “{action.role}” không được thực hiện “{action.type}”",
            f"role '{action.role}' may not take '{action.type}'",
        )
    unknown = sorted(set(action.params) - set(kind.params))
    if unknown:
        return _refuse(
            "bad_parameter", f"tham số không hợp lệ: {', '.join(unknown)}", f"unknown parameter(s): {', '.join(unknown)}"
        )
    for name, spec in kind.params.items():
        if name not in action.params:
            if spec.required:
                return _refuse("missing_parameter", f"thiếu tham số '{name}'", f"missing parameter '{name}'")
            continue
        refusal = _check_param(name, spec, action.params[name], delivered, known_roles)
        if refusal:
            return refusal
    if action.type == "answer_press" and ("text" in action.params) == ("refusal" in action.params):
        return _refuse(
            "bad_parameter",
            "trả lời báo chí cần 'text' hoặc 'refusal' (một trong hai)",
            "answering the press needs either 'text' or 'refusal'",
        )
    if action.type == "answer_press" and "withheld" in action.params and "text" not in action.params:
        return _refuse(
            "bad_parameter",
            "'withheld' (lý do không cung cấp một phần) đi kèm 'text' (phần trả lời); không trả lời gì thì dùng 'refusal'",
            "'withheld' (the reason a part is held back) goes with 'text' (the part answered); "
            "to answer nothing use 'refusal'",
        )
    return None


def check_standing(action: Action, head: str | None, operational: frozenset[str]) -> Refusal | None:
    """Why the drill's posts forbid `action` (None if they allow it); call it once `check_action` passed.

    `head` is the role of the head of the agency (None: the simulation plays it),
    `operational` the roles that may send situation reports.
    """
    speaker = action.params.get("speaker") if action.type in ("propose_spokesperson", "assign_spokesperson") else None
    if speaker in PARTY_ROLES:
        return _refuse(
            "party_speaker",
            f"'{speaker}' là cơ quan của Đảng, không phải cơ quan hành chính nhà nước, nên không thể là người "
            "phát ngôn (Điều 3.2 Nghị định 244/2026/NĐ-CP); hãy chọn người phát ngôn của UBND hoặc của sở",
            f"'{speaker}' is a Party organ, not a state agency, so it cannot be the spokesperson (Decree "
            "244/2026 Art. 3.2); choose the spokesperson of the People's Committee or of a department",
        )
    return _post_refusal(action.type, action.role, head, operational)


def _post_refusal(kind: str, role: str, head: str | None, operational: frozenset[str]) -> Refusal | None:
    """Why `role` may not take an action of `kind` that needs a post (the head's, a command's), or None."""
    if kind == "assign_spokesperson" and role != head:
        return _refuse(
            "not_head",
            "chỉ người đứng đầu cơ quan hành chính nhà nước phân công hoặc ủy quyền phát ngôn bằng văn bản "
            "(Điều 3.5, 4.1 Nghị định 244/2026/NĐ-CP); Ban Tuyên giáo đề xuất bằng 'propose_spokesperson'",
            "only the head of the state agency assigns or authorises the spokesperson in writing (Decree "
            "244/2026 Art. 3.5, 4.1); the propaganda board proposes with 'propose_spokesperson'",
        )
    if kind == "situation_report" and role not in operational:
        return _refuse(
            "not_operational",
            f"vai '{role}' không phải ban chỉ huy tác nghiệp: chỉ ban chỉ huy (ví dụ Ban Chỉ huy phòng, "
            "chống thiên tai) gửi báo cáo tình hình; phát ngôn thì dùng 'issue_statement'",
            f"role '{role}' is not an operational command: only a command (e.g. the disaster "
            "prevention command) sends situation reports; to speak use 'issue_statement'",
        )
    return None


def actions_for(scenario: Scenario, role: str) -> list[str]:
    """The action types a trainee in `role` may take in `scenario` (the forms their room shows)."""
    head, operational = scenario.head_of_agency, scenario.operational_roles
    return [
        name
        for name, kind in CATALOG.items()
        if (ANY in kind.roles or role in kind.roles) and _post_refusal(name, role, head, operational) is None
    ]
