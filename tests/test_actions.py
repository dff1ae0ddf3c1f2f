"""Actions: the JSON-lines action file, and refusing actions a role may not take or with bad parameters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from message_helpers import english
from scenarios.loader import load_scenario
from scenarios.actions import (
    ANY,
    CATALOG,
    MAX_TEXT,
    Action,
    ActionFileError,
    Refusal,
    check_action,
    parse_action_line,
    read_action_file,
)

SCENARIO = load_scenario(Path(__file__).parent / "fixtures" / "minimal.yaml")
TRAINEES = set(SCENARIO.trainee_roles)  # spokesperson, propaganda_board, info_department
KNOWN_ROLES = {r.id for r in SCENARIO.roles}  # ... and agency_head, played by the simulation
DELIVERED = {"post-1", "call-1", "article-1"}  # hotline-1 has not been delivered yet
TEXT = "UBND tỉnh khẳng định không có sự cố rò rỉ hóa chất."

# A valid parameter set for every canonical action type.
VALID_PARAMS: dict[str, dict] = {
    "flag_issue": {"item": "post-1", "level": 2, "note": "Tin lan nhanh"},
    "report_up": {"to": "standing_committee", "summary": "Tin đồn khí độc lan trên mạng"},
    "convene_meeting": {
        "participants": ["spokesperson", "info_department", "agency_head"],
        "agenda": "Thống nhất phương án",
    },
    "assign_verification": {"agency": "police", "note": "Kiểm tra nhà máy"},
    "verify": {"agency": "environment_department"},
    "choose_form": {"form": "press_conference"},
    "propose_spokesperson": {"speaker": "spokesperson", "name": "Nguyễn Văn An", "note": "Chánh Văn phòng UBND tỉnh"},
    "assign_spokesperson": {"speaker": "spokesperson", "name": "Nguyễn Văn An"},
    "situation_report": {"channel": "tv", "text": "Mực nước hạ 0,5 m; đã sơ tán 120 hộ."},
    "issue_statement": {"channel": "portal", "form": "press_release", "text": TEXT},
    "hold_press_conference": {"mode": "online", "text": TEXT},
    "answer_press": {"call": "call-1", "text": TEXT},
    "request_correction": {"article": "article-1", "text": "Đề nghị đính chính"},
    "request_takedown": {"post": "post-1"},
    "refer_police": {"item": "post-1", "note": "Tin sai sự thật"},
    "direct_press": {"text": "Đề nghị báo chí đưa tin theo thông cáo"},
    "report_results": {"summary": "Đã phát ngôn lúc 10 giờ"},
    "monitor": {"note": "Tiếp tục theo dõi"},
    "order_followup": {"text": "Đặt bài giải thích"},
    "message": {"text": "Em đã gửi dự thảo"},
    "resolve_cause": {"route": "escalate", "text": "Đề xuất Thường trực Tỉnh ủy chỉ đạo xử lý dứt điểm"},
    "contact_admin": {"post": "post-1", "note": "Mời quản trị viên nhóm làm việc"},
    "request_site_removal": {"article": "article-1"},
    "daily_report": {"text": "Báo cáo tình hình thông tin trong ngày"},
    "notify_press_conference": {"in_hours": 24, "text": "Thông báo họp báo lúc 9 giờ sáng mai"},
}


def allowed_trainees(kind: str) -> list[str]:
    roles = CATALOG[kind].roles
    return sorted(TRAINEES) if ANY in roles else sorted(TRAINEES & set(roles))


def check(role: str, kind: str, params: dict) -> Refusal | None:
    return check_action(Action(at=10, role=role, type=kind, params=params), TRAINEES, KNOWN_ROLES, DELIVERED)


# ---------------------------------------------------------------- accepted


def test_every_catalog_type_has_a_valid_example():
    assert set(VALID_PARAMS) == set(CATALOG)


def test_catalog_matches_procedure_section_3():
    assert list(CATALOG) == [
        "flag_issue",
        "report_up",
        "convene_meeting",
        "assign_verification",
        "verify",
        "choose_form",
        "propose_spokesperson",
        "assign_spokesperson",
        "situation_report",
        "issue_statement",
        "hold_press_conference",
        "answer_press",
        "request_correction",
        "request_takedown",
        "refer_police",
        "direct_press",
        "report_results",
        "monitor",
        "order_followup",
        "message",
        # the procedure parts (docs/PROCEDURE_PARTS.md)
        "resolve_cause",
        "contact_admin",
        "request_site_removal",
        "daily_report",
        "notify_press_conference",
    ]
    for kind in CATALOG.values():
        assert set(kind.roles) <= {ANY, "spokesperson", "propaganda_board", "info_department", "agency_head"}


def test_no_parameter_shadows_the_line_keys():
    """An action line is {"at", "role", "type", ...parameters}: a parameter with one of those names
    could never be written in an action file."""
    for kind in CATALOG.values():
        assert not {"at", "role", "type"} & set(kind.params), kind.name


def test_a_line_round_trips_for_every_type():
    for kind, params in VALID_PARAMS.items():
        action = Action(at=3.0, role=allowed_trainees(kind)[0], type=kind, params=params)
        assert parse_action_line(json.dumps(action.as_dict(), ensure_ascii=False), "x.jsonl:1") == action


@pytest.mark.parametrize(
    ("role", "kind"),
    [(role, kind) for kind in CATALOG for role in allowed_trainees(kind)],
)
def test_valid_actions_are_accepted(role, kind):
    assert allowed_trainees(kind), f"no trainee role of the fixture may take {kind}"
    assert check(role, kind, VALID_PARAMS[kind]) is None


@pytest.mark.parametrize(
    ("role", "kind", "params"),
    [
        ("info_department", "flag_issue", {"level": 3}),
        ("spokesperson", "verify", {}),
        ("info_department", "monitor", {}),
        ("spokesperson", "hold_press_conference", {"text": TEXT}),
        ("spokesperson", "answer_press", {"call": "call-1", "refusal": "under_investigation"}),
        ("propaganda_board", "convene_meeting", {"participants": [], "agenda": "Họp"}),
        ("spokesperson", "message", {"text": "x" * MAX_TEXT}),
    ],
    ids=["optional-item", "no-params", "no-params-2", "default-mode", "lawful-refusal", "no-participants", "max-text"],
)
def test_optional_parameters_may_be_left_out(role, kind, params):
    assert check(role, kind, params) is None


# ---------------------------------------------------------------- refused


@pytest.mark.parametrize(
    ("role", "kind", "params", "code", "reason"),
    [
        ("mayor", "message", {"text": "x"}, "unknown_role", "role 'mayor' is not played by trainees"),
        ("agency_head", "message", {"text": "x"}, "unknown_role", "role 'agency_head' is not played by trainees"),
        (
            "info_department",
            "convene_meeting",
            VALID_PARAMS["convene_meeting"],
            "not_allowed",
            "role 'info_department' may not take 'convene_meeting'",
        ),
        ("spokesperson", "request_takedown", VALID_PARAMS["request_takedown"], "not_allowed", "may not take"),
        ("propaganda_board", "report_results", VALID_PARAMS["report_results"], "not_allowed", "may not take"),
        ("spokesperson", "launch_rocket", {}, "unknown_action", "no action type 'launch_rocket'"),
        ("spokesperson", "message", {"text": "x", "urgent": True}, "bad_parameter", "unknown parameter(s): urgent"),
        (
            "spokesperson",
            "issue_statement",
            {"channel": "portal", "form": "press_release"},
            "missing_parameter",
            "missing parameter 'text'",
        ),
        ("spokesperson", "report_up", {"summary": "x"}, "missing_parameter", "missing parameter 'to'"),
        ("spokesperson", "answer_press", {"text": TEXT}, "missing_parameter", "missing parameter 'call'"),
        ("info_department", "flag_issue", {"item": "post-1"}, "missing_parameter", "missing parameter 'level'"),
        ("propaganda_board", "choose_form", {"form": "tweet"}, "bad_parameter", "'form' must be one of: press_conference"),
        (
            "spokesperson",
            "issue_statement",
            VALID_PARAMS["issue_statement"] | {"channel": "fax"},
            "bad_parameter",
            "'channel' must be one of: portal, press, social_media, tv, radio",
        ),
        (
            "spokesperson",
            "hold_press_conference",
            {"mode": "hybrid", "text": TEXT},
            "bad_parameter",
            "'mode' must be one of",
        ),
        ("spokesperson", "report_up", {"to": "spokesperson", "summary": "x"}, "bad_parameter", "'to' must be one of"),
        ("propaganda_board", "choose_form", {"form": ["press_conference"]}, "bad_parameter", "'form' must be one of"),
        (
            "spokesperson",
            "message",
            {"text": "x" * (MAX_TEXT + 1)},
            "bad_parameter",
            f"'text' is longer than {MAX_TEXT} characters",
        ),
        ("spokesperson", "message", {"text": "   "}, "bad_parameter", "'text' must be non-empty text"),
        ("spokesperson", "message", {"text": 42}, "bad_parameter", "'text' must be non-empty text"),
        ("propaganda_board", "assign_verification", {"agency": ""}, "bad_parameter", "'agency' must be non-empty text"),
        ("info_department", "flag_issue", {"level": "2"}, "bad_parameter", "'level' must be a whole number"),
        ("info_department", "flag_issue", {"level": 2.5}, "bad_parameter", "'level' must be a whole number"),
        ("info_department", "flag_issue", {"level": True}, "bad_parameter", "'level' must be a whole number"),
        (
            "spokesperson",
            "answer_press",
            {"call": "call-1", "text": TEXT, "refusal": "state_secret"},
            "bad_parameter",
            "either 'text' or 'refusal'",
        ),
        ("spokesperson", "answer_press", {"call": "call-1"}, "bad_parameter", "either 'text' or 'refusal'"),
        ("spokesperson", "answer_press", {"call": "call-9", "text": TEXT}, "unknown_item", "no delivered item 'call-9'"),
        ("info_department", "request_takedown", {"post": "hotline-1"}, "unknown_item", "no delivered item 'hotline-1'"),
        ("spokesperson", "request_correction", {"article": "article-2", "text": "x"}, "unknown_item", "no delivered item"),
        ("spokesperson", "answer_press", {"call": ["call-1"], "text": TEXT}, "unknown_item", "no delivered item"),
        (
            "propaganda_board",
            "assign_spokesperson",
            {"speaker": "mayor"},
            "unknown_role",
            "no role 'mayor' in this scenario",
        ),
        ("propaganda_board", "assign_spokesperson", {"speaker": {"id": "spokesperson"}}, "unknown_role", "no role"),
        (
            "propaganda_board",
            "convene_meeting",
            {"participants": ["police"], "agenda": "x"},
            "bad_parameter",
            "'participants' must be a list of roles in this scenario",
        ),
        (
            "propaganda_board",
            "convene_meeting",
            {"participants": "spokesperson", "agenda": "x"},
            "bad_parameter",
            "'participants' must be a list of roles",
        ),
        (
            "propaganda_board",
            "convene_meeting",
            {"participants": [["spokesperson"]], "agenda": "x"},
            "bad_parameter",
            "'participants' must be a list of roles",
        ),
    ],
    ids=[
        "unknown-role",
        "simulation-role",
        "info-dept-convenes",
        "spokesperson-takes-down",
        "board-reports-results",
        "unknown-type",
        "unknown-parameter",
        "missing-text",
        "missing-choice",
        "missing-call",
        "missing-int",
        "bad-form",
        "bad-channel",
        "bad-mode",
        "report-up-to-wrong-body",
        "unhashable-choice",
        "text-too-long",
        "blank-text",
        "text-not-string",
        "empty-str",
        "int-as-string",
        "int-as-float",
        "int-as-bool",
        "answer-with-both",
        "answer-with-neither",
        "undelivered-call",
        "undelivered-post",
        "unknown-article",
        "unhashable-inject",
        "unknown-assigned-role",
        "unhashable-role",
        "participant-not-in-scenario",
        "participants-not-list",
        "unhashable-participant",
    ],
)
def test_bad_actions_are_refused_with_a_reason(role, kind, params, code, reason):
    refusal = check(role, kind, params)
    assert isinstance(refusal, Refusal), "the action was accepted"
    assert refusal.code == code
    assert reason in refusal.text.en
    assert refusal.text.vi and refusal.text.vi != refusal.text.en
    assert refusal.as_dict() == {"code": code, "vi": refusal.text.vi, "en": refusal.text.en}


@pytest.mark.parametrize("kind", [k for k, a in CATALOG.items() if ANY not in a.roles])
def test_roles_outside_the_list_are_refused(kind):
    outsiders = sorted(TRAINEES - set(CATALOG[kind].roles))
    assert outsiders
    for role in outsiders:
        refusal = check(role, kind, VALID_PARAMS[kind])
        assert refusal is not None and refusal.code == "not_allowed", (role, refusal)


# ---------------------------------------------------------------- action files


def test_parse_action_line():
    action = parse_action_line('{"at": 12, "role": "spokesperson", "type": "message", "text": "xin chào"}', "x.jsonl:1")
    assert action == Action(at=12.0, role="spokesperson", type="message", params={"text": "xin chào"})
    assert isinstance(action.at, float)
    assert action.as_dict() == {"at": 12.0, "role": "spokesperson", "type": "message", "text": "xin chào"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"at": 1, "role": "spokesperson",', "not valid JSON"),
        ("at=1 role=spokesperson", "not valid JSON"),
        ("[1, 2]", "each line must be a JSON object"),
        ('"message"', "each line must be a JSON object"),
        ('{"role": "spokesperson", "type": "message"}', "missing 'at'"),
        ('{"at": 1, "type": "message"}', "missing 'role'"),
        ('{"at": 1, "role": "spokesperson"}', "missing 'type'"),
        ("{}", "missing 'at', 'role', 'type'"),
        ('{"at": -1, "role": "spokesperson", "type": "message"}', "'at' must be a scenario minute (a number >= 0), got -1"),
        ('{"at": "5", "role": "spokesperson", "type": "message"}', "'at' must be a scenario minute"),
        ('{"at": true, "role": "spokesperson", "type": "message"}', "'at' must be a scenario minute"),
        ('{"at": null, "role": "spokesperson", "type": "message"}', "'at' must be a scenario minute"),
        ('{"at": NaN, "role": "spokesperson", "type": "message"}', "'at' must be a scenario minute"),
        ('{"at": Infinity, "role": "spokesperson", "type": "message"}', "'at' must be a scenario minute"),
        ('{"at": 1, "role": 5, "type": "message"}', "'role' and 'type' must be strings"),
        ('{"at": 1, "role": "spokesperson", "type": null}', "'role' and 'type' must be strings"),
    ],
    ids=[
        "truncated",
        "not-json",
        "array",
        "string",
        "no-at",
        "no-role",
        "no-type",
        "empty",
        "negative-at",
        "at-string",
        "at-bool",
        "at-null",
        "at-nan",
        "at-infinity",
        "role-number",
        "type-null",
    ],
)
def test_bad_lines_name_their_line(line, message):
    with pytest.raises(ActionFileError) as info:
        parse_action_line(line, "plays/x.jsonl:3")
    assert str(info.value).startswith("plays/x.jsonl:3: ")  # Vietnamese, as the logs keep it
    assert english(info.value.message).startswith("plays/x.jsonl:3: ")
    assert message in english(info.value.message)


GOOD = [
    {"at": 5, "role": "info_department", "type": "flag_issue", "item": "post-1", "level": 1},
    {"at": 20.5, "role": "propaganda_board", "type": "convene_meeting", "agenda": "Họp khẩn"},
    {"at": 61, "role": "spokesperson", "type": "answer_press", "call": "call-1", "refusal": "under_investigation"},
]


def write_lines(tmp_path: Path, lines: list[str], newline: str = "\n", encoding: str = "utf-8") -> Path:
    path = tmp_path / "play.jsonl"
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode())
    return path


@pytest.mark.parametrize(
    ("newline", "encoding"), [("\n", "utf-8"), ("\r\n", "utf-8"), ("\n", "utf-8-sig")], ids=["lf", "crlf", "bom"]
)
def test_read_action_file_skips_blank_lines(tmp_path, newline, encoding):
    lines = [
        json.dumps(GOOD[0], ensure_ascii=False),
        "",
        json.dumps(GOOD[1], ensure_ascii=False),
        "   ",
        json.dumps(GOOD[2], ensure_ascii=False),
    ]
    actions = read_action_file(str(write_lines(tmp_path, lines, newline, encoding)))
    assert [a.as_dict() for a in actions] == [{**g, "at": float(g["at"])} for g in GOOD]


@pytest.mark.parametrize(
    ("bad", "number", "message"),
    [
        ('{"at": 1, "role": "spokesperson"', 1, "not valid JSON"),
        ('{"role": "spokesperson", "type": "message", "text": "x"}', 3, "missing 'at'"),
        ('{"at": -3, "role": "spokesperson", "type": "message", "text": "x"}', 5, "'at' must be a scenario minute"),
        ("[]", 6, "each line must be a JSON object"),
    ],
    ids=["first-line", "after-a-blank", "middle", "last"],
)
def test_read_action_file_names_the_bad_line(tmp_path, bad, number, message):
    lines = [json.dumps(GOOD[0]), "", json.dumps(GOOD[1]), json.dumps(GOOD[2]), json.dumps(GOOD[0]), json.dumps(GOOD[1])]
    lines[number - 1] = bad
    path = write_lines(tmp_path, lines)
    with pytest.raises(ActionFileError) as info:
        read_action_file(str(path))
    assert str(info.value).startswith(f"{path}:{number}: ")
    assert message in english(info.value.message)


def test_read_action_file_names_a_line_that_is_not_utf8(tmp_path):
    path = tmp_path / "play.jsonl"
    path.write_bytes(
        json.dumps(GOOD[0]).encode()
        + b"\n"
        + '{"at": 1, "role": "spokesperson", "type": "message", "text": "thá"}'.encode("latin-1")
        + b"\n"
    )
    with pytest.raises(ActionFileError) as info:
        read_action_file(str(path))
    assert english(info.value.message).startswith(f"{path}:2: not UTF-8 text")
    assert str(info.value).startswith(f"{path}:2: không phải văn bản UTF-8")


def test_a_key_given_twice_on_a_line_is_an_error():
    line = '{"at": 5, "role": "propaganda_board", "type": "assign_spokesperson", "role": "spokesperson"}'
    with pytest.raises(ActionFileError) as info:
        parse_action_line(line, "plays/x.jsonl:4")
    assert english(info.value.message) == "plays/x.jsonl:4: key 'role' appears twice"
