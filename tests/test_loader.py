"""Loading scenario files: a valid file gives typed, immutable objects; every error is
reported at once as PATH:LINE: field.path: message, with the right line."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
from pydantic import ValidationError

from message_helpers import english
from scenarios.loader import ScenarioInvalid, ScenarioIssue, load_scenario, parse_scenario
from scenarios.model import CastMember, Channel, CrisisType, Inject, Scenario

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"
BASE = FIXTURE.read_text(encoding="utf-8")


def mutated(*replacements: tuple[str, str]) -> str:
    """The fixture's text with each (old, new) applied; `old` must occur exactly once."""
    text = BASE
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the fixture"
        text = text.replace(old, new)
    return text


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def lines_of(text: str, marker: str) -> list[int]:
    """1-based numbers of the lines of `text` containing `marker`."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if marker in line]


def line_of(text: str, marker: str) -> int:
    """1-based number of the only line of `text` containing `marker`."""
    lines = lines_of(text, marker)
    assert len(lines) == 1, f"{marker!r} is on lines {lines}"
    return lines[0]


def issues_of(path: Path) -> list[ScenarioIssue]:
    with pytest.raises(ScenarioInvalid) as info:
        load_scenario(path)
    return info.value.issues


# ---------------------------------------------------------------- a valid file


def test_fixture_loads_into_typed_scenario():
    scenario = load_scenario(FIXTURE)
    assert isinstance(scenario, Scenario)
    assert scenario.id == "test-minimal"
    assert scenario.crisis_type is CrisisType.pollution
    assert scenario.duration == 600.0 and isinstance(scenario.duration, float)
    assert [r.id for r in scenario.roles] == ["spokesperson", "propaganda_board", "info_department", "agency_head"]
    assert scenario.trainee_roles == ["spokesperson", "propaganda_board", "info_department"]
    assert (scenario.start_level, scenario.top_level) == (1, 2)
    call = scenario.inject("call-1")
    assert isinstance(call, Inject)
    assert call.channel is Channel.press_call
    assert call.at == 60 and call.response_window == 90
    assert call.question is not None and call.question.vi.startswith("Có đúng")
    assert scenario.inject("article-1").at is None and scenario.levels[1].releases == ("article-1",)
    assert isinstance(scenario.cast["journalist"], CastMember)
    assert scenario.fact("no-leak").delay == 90
    assert scenario.opinion.initial_trust == 0.6  # default filled in
    assert scenario.actors.police == 120
    assert scenario.role("nobody") is None


def test_parse_scenario_gives_the_same_as_load():
    assert parse_scenario(BASE) == load_scenario(FIXTURE)


def test_dates_stay_text(tmp_path):
    """No field is a date: a date-like source is kept as written, not turned into a `date`."""
    scenario = load_scenario(write(tmp_path, mutated(("duration: 600", "duration: 600\nsources: [2021-05-01]"))))
    assert scenario.sources == ("2021-05-01",)


@pytest.mark.parametrize(
    "assign",
    [
        lambda s: setattr(s, "id", "other"),
        lambda s: setattr(s, "duration", 1),
        lambda s: setattr(s.injects[0], "at", 1),
        lambda s: setattr(s.roles[0].label, "vi", "x"),
        lambda s: setattr(s.opinion, "population", 1),
        lambda s: setattr(s.cast["journalist"], "kind", "last_name"),
        lambda s: setattr(s.incident, "received_by", "call-1"),
    ],
    ids=["scenario", "duration", "inject", "nested-text", "opinion", "cast", "incident"],
)
def test_loaded_objects_are_immutable(assign):
    scenario = load_scenario(FIXTURE)
    with pytest.raises((ValidationError, FrozenInstanceError), match=r"frozen|cannot assign"):  # a model's, a text's
        assign(scenario)


# ---------------------------------------------------------------- one error each

# (replacements applied to the fixture, field path, marker of the expected line, message fragment)
SINGLE_ERRORS = {
    "typo-top-level-optional": (
        [("rule_set: vn-2026", "rule_sett: vn-2026")],
        "rule_sett",
        "rule_sett:",
        "unknown field 'rule_sett' (did you mean 'rule_set'?)",
    ),
    "typo-nested": (
        [("  initial_seen: 0", "  inital_seen: 0")],
        "opinion.inital_seen",
        "inital_seen",
        "unknown field 'inital_seen' (did you mean 'initial_seen'?)",
    ),
    "typo-in-cast-entry": (
        [("{kind: name, title:", "{kind: name, titel:")],
        "cast.journalist.titel",
        "titel:",
        "unknown field 'titel' (did you mean 'title'?)",
    ),
    "unknown-field-no-close-match": (
        [("    response_window: 90\n", "    response_window: 90\n    zzz: 1\n")],
        "injects[1].zzz",
        "zzz: 1",
        "unknown field 'zzz' (allowed: id, channel, at, when,",
    ),
    "wrong-type-number": (
        [("duration: 600", "duration: ten")],
        "duration",
        "duration: ten",
        "Input should be a valid number",
    ),
    "wrong-type-int": (
        [("reach: 3000", "reach: many")],
        "injects[0].reach",
        "reach: many",
        "Input should be a valid integer",
    ),
    "wrong-type-list": (
        [("to: [propaganda_board]", "to: propaganda_board")],
        "injects[3].to",
        "to: propaganda_board",
        "Input should be a valid list",
    ),
    "wrong-type-mapping": (
        [('brief: {vi: "Kịch bản nhỏ dùng cho kiểm thử.", en: "A small scenario for tests."}', "brief: plain text")],
        "brief",
        "brief: plain text",
        "Input should be a valid dictionary",
    ),
    "bad-enum": (
        [("channel: hotline", "channel: carrier_pigeon")],
        "injects[3].channel",
        "carrier_pigeon",
        "Input should be",
    ),
    "bad-id-pattern": (
        [("  - id: hotline-1", "  - id: Hotline 1")],
        "injects[3].id",
        "Hotline 1",
        "String should match pattern",
    ),
    "impossible-date-is-a-wrong-type": (
        [("occurred_at: 0", "occurred_at: 2024-02-30")],
        "incident.occurred_at",
        "2024-02-30",
        "Input should be a valid number",
    ),
    "inject-after-the-end": (
        [("    at: 60\n", "    at: 601\n")],
        "injects[1].at",
        "at: 601",
        "minute 601 is after the end of the drill (600)",
    ),
    "inject-after-the-end-as-t-plus": (
        [("    at: 60\n", "    at: T+10:01\n")],
        "injects[1].at",
        "at: T+10:01",
        "minute 601 is after the end of the drill (600)",
    ),
    "delay-longer-than-the-drill-as-t-plus": (
        [("    delay: 45\n", "    delay: T+10:01\n")],
        "facts[0].delay",
        "delay: T+10:01",
        "601 minutes is longer than the drill (600 minutes)",
    ),
    "incident-after-the-end-as-t-plus": (
        [("occurred_at: 0", "occurred_at: T+11:40")],
        "incident.occurred_at",
        "occurred_at: T+11:40",
        "the incident occurs after the end of the drill",
    ),
    "inject-at-true": (
        [("    at: 5\n", "    at: true\n")],
        "injects[0].at",
        "at: true",
        "a time is minutes or T+HH:MM, not true",
    ),
    "inject-negative-minute": (
        [("    at: 5\n", "    at: -5\n")],
        "injects[0].at",
        "at: -5",
        "greater than or equal to 0",
    ),
    "negative-delay": (
        [("    delay: 45\n", "    delay: -45\n")],
        "facts[0].delay",
        "delay: -45",
        "greater than or equal to 0",
    ),
    "incident-after-the-end": (
        [("occurred_at: 0", "occurred_at: 700")],
        "incident.occurred_at",
        "occurred_at: 700",
        "the incident occurs after the end of the drill",
    ),
    "unknown-role-in-to": (
        [("to: [info_department, spokesperson]", "to: [info_department, spokesman]")],
        "injects[2].to[1]",
        "spokesman",
        "unknown role 'spokesman'",
    ),
    "unknown-inject-in-releases": (
        [("releases: [article-1]", "releases: [article-1, article-9]")],
        "levels[1].releases[1]",
        "article-9",
        "unknown inject 'article-9'",
    ),
    "unknown-inject-received-by": (
        [("received_by: post-1", "received_by: post-9")],
        "incident.received_by",
        "post-9",
        "unknown inject 'post-9'",
    ),
    "unknown-false-claim": (
        [("claims: [toxic-gas]\n    reach: 3000", "claims: [toxic-air]\n    reach: 3000")],
        "injects[0].claims[0]",
        "toxic-air",
        "unknown false claim 'toxic-air'",
    ),
    "condition-unknown-variable": (
        [('when: "seen > 5000"', 'when: "views > 5000"')],
        "injects[3].when",
        "views > 5000",
        "unknown variable 'views'",
    ),
    "condition-syntax-error": (
        [('"belief > 0.02 or media_pressure >= 0.6"', '"belief > 0.02 or"')],
        "levels[1].escalate_when",
        "belief > 0.02 or",
        "cannot parse condition 'belief > 0.02 or'",
    ),
    "condition-function-call": (
        [('when: "seen > 5000"', "when: \"__import__('os').system('true')\"")],
        "injects[3].when",
        "__import__",
        "is not allowed in a condition",
    ),
    "duplicate-role-id": (
        [("  - id: agency_head", "  - id: info_department  # dup")],
        "roles[3].id",
        "# dup",
        "duplicate role id 'info_department'",
    ),
    "duplicate-inject-id": (
        [("  - id: hotline-1", "  - id: call-1  # dup")],
        "injects[3].id",
        "# dup",
        "duplicate inject id 'call-1'",
    ),
    "duplicate-fact-id": (
        [("  - id: no-leak", "  - id: air-normal  # dup")],
        "facts[1].id",
        "# dup",
        "duplicate fact id 'air-normal'",
    ),
    "duplicate-key-message-id": (
        [("  - id: hotline\n", "  - id: safe  # dup\n")],
        "key_messages[1].id",
        "# dup",
        "duplicate key message id 'safe'",
    ),
    "duplicate-yaml-key-top-level": (
        [("duration: 600", "duration: 600\nduration: 700")],
        "duration",
        "duration: 700",
        "key 'duration' appears twice",
    ),
    "duplicate-yaml-key-nested": (
        [("    source: police", "    source: police\n    source: army")],
        "facts[1].source",
        "source: army",
        "key 'source' appears twice",
    ),
    "press-call-without-question": (
        [('    question: {vi: "Có đúng nhà máy xả khí độc không?"}\n', "")],
        "injects[1]",
        "- id: call-1",
        "a press_call needs 'question' and 'response_window'",
    ),
    "press-call-without-response-window": (
        [("    response_window: 90\n", "")],
        "injects[1]",
        "- id: call-1",
        "a press_call needs 'question' and 'response_window'",
    ),
    "response-window-on-other-channel": (
        [("to: [propaganda_board]", "to: [propaganda_board]\n    response_window: 30")],
        "injects[3]",
        "- id: hotline-1",
        "'response_window' belongs to a press_call only",
    ),
    "social-post-without-reach": (
        [("    reach: 3000\n", "")],
        "injects[0]",
        "- id: post-1",
        "a social_post needs 'reach'",
    ),
    "both-at-and-when": (
        [('when: "seen > 5000"', 'when: "seen > 5000"\n    at: 100')],
        "injects[3]",
        "- id: hotline-1",
        "give either 'at' or 'when', not both",
    ),
    "cast-placeholder-not-in-cast": (
        [("{journalist}, báo Tin Nhanh", "{reporter}, báo Tin Nhanh")],
        "injects[1].sender",
        "{reporter}",
        "'{reporter}' is not in the cast",
    ),
    "cast-placeholder-unbalanced-brace": (
        [('content: {vi: "Phóng viên gọi', 'content: {vi: "{journalist gọi')],
        "injects[1].content",
        "{journalist gọi",
        "bad placeholder",
    ),
    "levels-not-consecutive": (
        [("  - level: 2\n", "  - level: 3\n"), ("level: 2\nrule_set", "level: 3\nrule_set")],
        "levels",
        "levels:",
        "levels must be consecutive numbers, got [1, 3]",
    ),
    "drill-level-not-the-highest": (
        [("level: 2\nrule_set", "level: 3\nrule_set")],
        "level",
        "level: 3",
        "the drill's level 3 must be its highest level (2)",
    ),
    "starting-level-with-condition": (
        [
            (
                '    name: {vi: "Cấp 1 – cục bộ", en: "Level 1 – local"}\n',
                '    name: {vi: "Cấp 1 – cục bộ", en: "Level 1 – local"}\n    escalate_when: "minute > 0"\n',
            )
        ],
        "levels[0].escalate_when",
        "minute > 0",
        "the starting level cannot have an escalation condition",
    ),
    "inject-for-simulated-roles-only": (
        [("    to: [propaganda_board]\n", "    to: [agency_head]\n")],
        "injects[3].to",
        "to: [agency_head]",
        "no trainee receives this inject",
    ),
    "infinite-number": (
        [("  spread_rate: 0.02", "  spread_rate: .inf")],
        "opinion.spread_rate",
        "spread_rate: .inf",
        "finite number",
    ),
    "higher-level-without-condition": (
        [('    escalate_when: "belief > 0.02 or media_pressure >= 0.6"\n', "")],
        "levels[1].escalate_when",
        "  - level: 2",
        "level 2 needs 'escalate_when'",
    ),
}


@pytest.mark.parametrize(("replacements", "field", "marker", "message"), SINGLE_ERRORS.values(), ids=SINGLE_ERRORS.keys())
def test_each_error_is_reported_with_line_and_field(tmp_path, replacements, field, marker, message):
    text = mutated(*replacements)
    path = write(tmp_path, text)
    issues = issues_of(path)
    assert len(issues) == 1, [str(i) for i in issues]
    (issue,) = issues
    assert (issue.path, issue.field, issue.line) == (str(path), field, line_of(text, marker))
    assert message in english(issue.message)
    assert str(issue) == f"{path}:{issue.line}: {field}: {issue.message.text()}"


def test_typo_in_required_field_reports_the_typo_not_also_the_missing_field(tmp_path):
    text = mutated(
        ("    label: {vi: Người phát ngôn, en: Spokesperson}", "    lable: {vi: Người phát ngôn, en: Spokesperson}")
    )
    issues = issues_of(write(tmp_path, text))
    assert [(i.line, i.field, english(i.message)) for i in issues] == [
        (line_of(text, "lable:"), "roles[0].lable", "unknown field 'lable' (did you mean 'label'?)"),
    ]


def test_a_missing_field_without_a_near_typo_is_reported(tmp_path):
    text = mutated(("    label: {vi: Người phát ngôn, en: Spokesperson}", "    colour: red"))
    messages = [(i.field, english(i.message).split(" (")[0]) for i in issues_of(write(tmp_path, text))]
    assert messages == [("roles[0].label", "required field is missing"), ("roles[0].colour", "unknown field 'colour'")]


def test_inject_never_delivered(tmp_path):
    text = mutated(("releases: [article-1]", "releases: []"))
    issues = issues_of(write(tmp_path, text))
    assert [(i.line, i.field, english(i.message)) for i in issues] == [
        (line_of(text, "- id: article-1"), "injects[2]", "an inject needs 'at', 'when', or a level that releases it"),
    ]


def test_level_defined_twice(tmp_path):
    text = mutated(("  - level: 2\n", "  - level: 1\n"), ("level: 2\nrule_set", "level: 1\nrule_set"))
    issues = issues_of(write(tmp_path, text))
    found = {(i.field, english(i.message)) for i in issues}
    assert ("levels[0].level", "level 1 is defined more than once") in found
    assert ("levels[1].level", "level 1 is defined more than once") in found
    assert ("levels", "levels must be consecutive numbers, got [1, 1]") in found


# ---------------------------------------------------------------- files that are not scenarios at all


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            BASE.replace("crisis_type: pollution", "crisis_type: pollution: toxic"),
            line_of(BASE, "crisis_type:"),
            "not valid YAML: mapping values are not allowed here",
        ),
        (
            BASE.replace("duration: 600", "duration: 600\n\tfoo: 1"),
            line_of(BASE, "duration:") + 1,
            "not valid YAML: found character '\\t' that cannot start any token",
        ),
        (
            BASE.replace('title: {vi: "Tin', 'title: {vi: "Tin""'),
            line_of(BASE, 'title: {vi: "Tin'),
            "not valid YAML: expected ',' or '}'",
        ),
        ("id: a\n---\nid: b\n", 2, "not valid YAML: but found another document"),
        ("duration: 0x_\n", 1, "not valid YAML"),
        ("- just\n- a list\n", 1, "a scenario file must be a mapping of fields"),
        ("a plain string\n", 1, "a scenario file must be a mapping of fields"),
        ("", 1, "a scenario file must be a mapping of fields"),
        ("# only a comment\n", 1, "a scenario file must be a mapping of fields"),
    ],
    ids=[
        "mapping-in-scalar",
        "tab",
        "stray-quote",
        "two-documents",
        "unbuildable-scalar",
        "list",
        "string",
        "empty",
        "comment-only",
    ],
)
def test_file_level_errors(tmp_path, text, line, message):
    path = write(tmp_path, text)
    issues = issues_of(path)
    assert len(issues) == 1
    (issue,) = issues
    assert issue.field == "(file)" and issue.path == str(path)
    assert english(issue.message).startswith(message)
    assert issue.line == line


@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: tmp / "missing.yaml",
        lambda tmp: tmp,  # a directory
    ],
    ids=["missing", "directory"],
)
def test_unreadable_file(tmp_path, make):
    path = make(tmp_path)
    issues = issues_of(path)
    assert [(i.path, i.line, i.field) for i in issues] == [(str(path), 1, "(file)")]
    assert english(issues[0].message).startswith("cannot read file:")


# ---------------------------------------------------------------- all errors at once


def test_all_reference_errors_are_reported_together(tmp_path):
    text = mutated(
        ("duration: 600", "duration: 600\nduration: 600"),
        ("received_by: post-1", "received_by: post-9"),
        ("releases: [article-1]", "releases: [article-1, article-9]"),
        ("to: [info_department]", "to: [info_dept]"),
        ("claims: [toxic-gas]\n    reach: 3000", "claims: [toxic-air]\n    reach: 3000"),
        ('when: "seen > 5000"', 'when: "views > 5000"'),
        ("{journalist}, báo Tin Nhanh", "{reporter}, báo Tin Nhanh"),
        ("  - id: no-leak", "  - id: air-normal"),
    )
    path = write(tmp_path, text)
    with pytest.raises(ScenarioInvalid) as info:
        load_scenario(path)
    issues = info.value.issues
    expected = [
        (lines_of(text, "duration: 600")[1], "duration"),
        (line_of(text, "post-9"), "incident.received_by"),
        (line_of(text, "article-9"), "levels[1].releases[1]"),
        (line_of(text, "info_dept]"), "injects[0].to[0]"),
        (line_of(text, "toxic-air"), "injects[0].claims[0]"),
        (line_of(text, "{reporter}"), "injects[1].sender"),
        (line_of(text, "views > 5000"), "injects[3].when"),
        (lines_of(text, "- id: air-normal")[1], "facts[1].id"),
    ]
    assert len(issues) == 8
    assert [(i.line, i.field) for i in issues] == expected
    assert str(info.value).splitlines() == [f"{path}:{i.line}: {i.field}: {i.message.text()}" for i in issues]


def test_all_shape_errors_are_reported_together(tmp_path):
    text = mutated(
        ("rule_set: vn-2026", "rule_sett: vn-2026"),
        ("duration: 600", "duration: ten"),
        ("    at: 5\n", "    at: -5\n"),
        ('    question: {vi: "Có đúng nhà máy xả khí độc không?"}\n', ""),
        ("channel: hotline", "channel: carrier_pigeon"),
        ("  initial_seen: 0", "  initial_seen: 0\n  initial_seen: 1"),
    )
    path = write(tmp_path, text)
    with pytest.raises(ScenarioInvalid) as info:
        parse_scenario(text, str(path))
    issues = info.value.issues
    assert [(i.line, i.field) for i in issues] == [
        (line_of(text, "rule_sett"), "rule_sett"),
        (line_of(text, "duration: ten"), "duration"),
        (line_of(text, "at: -5"), "injects[0].at"),
        (line_of(text, "- id: call-1"), "injects[1]"),
        (line_of(text, "carrier_pigeon"), "injects[3].channel"),
        (line_of(text, "initial_seen: 1"), "opinion.initial_seen"),
    ]
    for line in str(info.value).splitlines():
        assert re.fullmatch(rf"{re.escape(str(path))}:\d+: [\w.\[\]]+: .+", line), line


def test_issues_are_sorted_by_line_and_str_joins_them():
    issues = [ScenarioIssue("a.yaml", 3, "x", "m3"), ScenarioIssue("a.yaml", 1, "y[0].z", "m1")]
    error = ScenarioInvalid(issues)
    assert str(error) == "a.yaml:3: x: m3\na.yaml:1: y[0].z: m1"
    assert isinstance(error, ValueError) and error.issues == issues


def test_parse_scenario_default_path():
    with pytest.raises(ScenarioInvalid, match=r"^<text>:1: \(file\): tệp kịch bản phải là một nhóm các trường"):
        parse_scenario("[]")


def test_shape_and_reference_errors_come_in_one_run(tmp_path):
    """A typo must not hide an unknown role elsewhere: the author fixes both after one run."""
    text = mutated(("channel: press_call", "chanel: press_call"), ("to: [propaganda_board]", "to: [mayor]"))
    fields = [issue.field for issue in issues_of(write(tmp_path, text))]
    assert fields == ["injects[1].chanel", "injects[3].to[0]"]  # and not "injects[1].channel: missing"


def test_collections_of_a_loaded_scenario_cannot_be_changed():
    scenario = load_scenario(FIXTURE)
    for collection in (scenario.roles, scenario.injects, scenario.levels[1].releases, scenario.facts[0].keywords):
        assert isinstance(collection, tuple)


def test_a_condition_on_a_level_that_does_not_exist(tmp_path):
    text = mutated(('when: "seen > 5000"', 'when: "seen > 5000 and level >= 3"'))
    (issue,) = issues_of(write(tmp_path, text))
    assert (issue.field, english(issue.message)) == ("injects[3].when", "level 3 does not exist (levels: 1, 2)")
    assert issue.line == line_of(text, "level >= 3")


# ---------------------------------------------------------------- encoding, tabs and times


def test_a_file_not_in_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: a\ntitle: {vi: thá}\n".encode("latin-1"))
    (issue,) = issues_of(path)
    assert (issue.line, issue.field) == (2, "(file)")
    assert english(issue.message) == "the file is not UTF-8: byte 0xe1 at line 2, column 15 (save it as UTF-8)"


def test_a_tab_says_use_spaces(tmp_path):
    (issue,) = issues_of(write(tmp_path, BASE.replace("duration: 600", "duration: 600\n\tfoo: 1")))
    assert "use spaces, not tabs" in english(issue.message)


def test_times_may_be_written_t_plus_hh_mm(tmp_path):
    text = BASE.replace("duration: 600", "duration: T+10:00")
    first_at = next(line for line in text.splitlines() if line.strip().startswith("at:"))
    text = text.replace(first_at, first_at.split("at:")[0] + "at: T+01:10", 1)
    scenario = load_scenario(write(tmp_path, text))
    assert scenario.duration == 600 and 70 in [inject.at for inject in scenario.injects]


def test_a_bare_base_sixty_time_is_an_error_that_says_so(tmp_path):
    first_at = next(line for line in BASE.splitlines() if line.strip().startswith("at:"))
    text = BASE.replace(first_at, first_at.split("at:")[0] + "at: 1:10", 1)
    issues = issues_of(write(tmp_path, text))
    (issue,) = [i for i in issues if i.field.endswith(".at")]
    assert issue.line == line_of(text, "at: 1:10")
    assert "YAML 1.1 reads it as a base-60 number (70)" in english(issue.message) and "T+01:10" in issue.message.text()
