"""Hostile drill texts end in a clear, line-numbered error, quickly: alias bombs, huge or deep documents, numbers that
would make a run ruinous or reach a page as infinity, values of the wrong type."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
import yaml

from instructor.authoring.editing import check_text, form_data
from message_helpers import english
from scenarios.bounded_yaml import MAX_BYTES, MAX_DEPTH
from scenarios.conditions import ConditionError, parse_condition
from scenarios.loader import ScenarioInvalid, ScenarioIssue, load_scenario, parse_scenario
from msel import MselError, export_msel, import_msel
from scenarios.texts import Text
from scenarios.figures import format_duration, format_percent, format_t

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"


def bomb(levels: int) -> str:
    """Nested anchors: `levels` lines of ten aliases each, standing for 10^(levels + 1) values."""
    names = "abcdefghij"
    return "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{names[i + 1]}: &{names[i + 1]} [{','.join('*' + names[i] for _ in range(10))}]\n" for i in range(levels)
    )


BOMB = bomb(8)


def errors_of(text: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        parse_scenario(text, "drill.yaml")
    return [str(issue) for issue in caught.value.issues]


def test_an_alias_bomb_is_refused_before_it_expands():
    started = time.process_time()
    (error,) = errors_of(BOMB)
    assert time.process_time() - started < 0.5  # 10^9 nodes if it expanded
    assert error.startswith("drill.yaml:1:") and "bí danh" in error


def test_an_alias_is_refused_with_its_line():
    (error,) = errors_of("id: x\ntitle: &t {vi: a}\n")
    assert error.startswith("drill.yaml:2:")


def test_the_editors_live_check_refuses_a_bomb_as_quickly_and_says_why():
    started = time.process_time()
    checked = check_text(bomb(6))  # 10^7 values, 256 bytes: the form's data walked them all (6.5 s)
    assert time.process_time() - started < 0.5
    assert not checked.ok and checked.data is None
    (error,) = checked.errors
    assert error["line"] == 1 and "bí danh" in error["message"]  # Vietnamese outside a request (English: the editor's test)


def test_the_form_data_of_a_bomb_is_none_without_walking_it():
    started = time.process_time()
    assert form_data(bomb(6)) is None
    assert time.process_time() - started < 0.5


def test_a_bomb_as_the_base_drill_of_an_msel_import_is_refused_with_its_line():
    sheet = io.BytesIO()
    export_msel(load_scenario(FIXTURE), sheet, "csv")
    sheet.seek(0)
    with pytest.raises(MselError) as caught:
        import_msel(sheet, base=bomb(5), format="csv")
    assert "dòng 1" in str(caught.value) and "line 1" in english(caught.value.message)


def test_an_alias_inside_the_node_it_names_is_refused_not_a_recursion():
    (error,) = errors_of("id: x\nsources: &loop [*loop]\n")
    assert error.startswith("drill.yaml:2:") and "bí danh" in error


def test_deep_nesting_stops_at_the_first_level_too_many_without_a_recursion_error():
    (error,) = errors_of("id: x\nsources:\n  " + "[" * 100_000 + "\n")
    assert error.startswith("drill.yaml:3:") and f"lồng nhau sâu quá {MAX_DEPTH} cấp" in error


def test_a_file_too_large_is_refused_with_the_line_where_it_goes_over_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("id: x\n" + "# a comment line of forty bytes.........\n" * 100_000, encoding="utf-8")
    with pytest.raises(ScenarioInvalid) as caught:
        load_scenario(path)
    (issue,) = caught.value.issues
    assert issue.line == (MAX_BYTES - len("id: x\n")) // 41 + 2 and "larger than" in english(issue.message)


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: &x 1\nb: *x\n", "YAML anchors and aliases (& and *) are not allowed in a drill: write each value out"),
        ("id: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n", f"nested deeper than {MAX_DEPTH} levels"),
        ("id: x\nnotes: " + "a" * 1_000_001 + "\n", f"the text is larger than {MAX_BYTES // 1000} kB"),
    ],
    ids=["alias", "depth", "size"],
)
def test_every_refusal_is_in_vietnamese_with_its_english(text, message):
    with pytest.raises(ScenarioInvalid) as caught:
        parse_scenario(text, "drill.yaml")
    (issue,) = caught.value.issues
    assert english(issue.message) == message and issue.message.text() != message


def test_nesting_too_deep_and_a_text_too_large_are_refused():
    (deep,) = errors_of("id: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n")
    assert "lồng nhau sâu quá" in deep
    (large,) = errors_of("id: x\nnotes: " + "a" * 1_000_001 + "\n")
    assert "dài quá" in large


UNSHOWABLE = [float("inf"), float("-inf"), float("nan"), 1e308, 10**400, -(10**400)]


@pytest.mark.parametrize("t", UNSHOWABLE)
def test_scenario_time_formats_whatever_number_reaches_it(t):
    assert format_t(t) == "T?"


@pytest.mark.parametrize("number", UNSHOWABLE)
def test_percentages_and_durations_show_a_question_mark_for_what_cannot_be_shown(number):
    assert format_percent(number, "vi") == format_percent(number, "en") == "?%"
    assert format_duration(number) == Text("? phút", "? minutes")


def test_the_formats_still_show_every_number_a_drill_makes():
    assert format_t(20160) == "T+336:00" and format_t(-20160) == "T-336:00" and format_t(61.5) == "T+01:01:30"
    assert format_percent(0.0072, "vi") == "0,7%" and format_duration(20160).en == "336 hours"


@pytest.mark.parametrize(
    "written, ruinous",
    [
        ("population: 200000", "population: 200000\n  sample_every: 0.001"),
        ("population: 200000", "population: 1e18"),
        ("spread_rate: 0.02", "spread_rate: 1e9"),
    ],
)
def test_numbers_that_would_make_a_run_ruinous_are_refused_with_their_line(written, ruinous):
    text = (Path(__file__).parent / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
    assert written in text
    changed = text.replace(written, ruinous)
    field = ruinous.split("\n")[-1].strip().split(":")[0]
    line = next(n for n, row in enumerate(changed.splitlines(), 1) if row.strip().startswith(f"{field}:"))
    errors = errors_of(changed)
    assert any(e.startswith(f"drill.yaml:{line}:") and field in e for e in errors), errors


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _replaced(data, path, new):
    if not path:
        return new
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _replaced(data[head], tuple(rest), new)
    return copy


@pytest.mark.slow
@pytest.mark.parametrize("wrong", [["a", "b"], {"x": 1}, None, 10**400], ids=["list", "mapping", "null", "huge-int"])
def test_a_value_of_the_wrong_type_anywhere_is_a_line_numbered_error_not_an_exception(wrong):
    data = yaml.safe_load((Path(__file__).parent / "fixtures" / "minimal.yaml").read_text(encoding="utf-8"))
    for path in list(_paths(data))[1:]:
        text = yaml.safe_dump(_replaced(data, path, wrong), allow_unicode=True)
        try:
            parse_scenario(text, "drill.yaml")
        except ScenarioInvalid as invalid:
            assert all(str(issue).startswith("drill.yaml:") for issue in invalid.issues)


# ---------------------------------------------------------------- numbers, counts and lengths that bound a drill's cost


def issue_where_changed(written: str, changed: str, field: str) -> ScenarioIssue:
    """The fixture with `written` replaced by `changed`: its error at `field`, asserted to be on the changed line."""
    text = FIXTURE.read_text(encoding="utf-8")
    assert text.count(written) == 1, written
    changed_text = text.replace(written, changed)
    with pytest.raises(ScenarioInvalid) as caught:
        parse_scenario(changed_text, "drill.yaml")
    found = {issue.field: issue for issue in caught.value.issues}
    assert field in found, [str(i) for i in caught.value.issues]
    assert found[field].line == changed_text[: changed_text.index(changed)].count("\n") + 1
    return found[field]


LONG_CONDITION = "seen > 5000" + " and seen > 5000" * 40


@pytest.mark.parametrize(
    "written, changed, field, message",
    [
        (
            "duration: 600",
            "duration: 20160",
            "duration",
            "20160 minutes sampled every 10 minutes make 2016 opinion samples a run, more than 1440: "
            "sample less often or shorten the drill",
        ),
        ("    reach: 3000", "    reach: 200001", "injects[0].reach", "200001 is more than the population (200000)"),
        (
            "  initial_seen: 0",
            "  initial_seen: 300000",
            "opinion.initial_seen",
            "300000 is more than the population (200000)",
        ),
        ("    delay: 90", "    delay: 601", "facts[1].delay", "601 minutes is longer than the drill (600 minutes)"),
        ("    delay: 10", "    delay: 700", "injects[2].delay", "700 minutes is longer than the drill (600 minutes)"),
        (
            "    response_window: 90",
            "    response_window: 900",
            "injects[1].response_window",
            "900 minutes is longer than the drill (600 minutes)",
        ),
        (
            "opinion:",
            "actors: {police: 6000}\nopinion:",
            "actors.police",
            "6000 minutes is longer than the drill (600 minutes)",
        ),
        (
            'content: {vi: "Phóng viên gọi hỏi về tin khí độc."}',
            'content: {vi: "' + "đ" * 5001 + '"}',
            "injects[1].content.vi",
            "String should have at most 5000 characters",
        ),
        (
            'keywords: ["đường dây nóng"]',
            "keywords: [" + ", ".join(f"từ khóa {n}" for n in range(21)) + "]",
            "key_messages[1].keywords",
            "List should have at most 20 items after validation, not 21",
        ),
        (
            'keywords: ["đường dây nóng"]',
            'keywords: ["' + "a" * 201 + '"]',
            "key_messages[1].keywords[0]",
            "String should have at most 200 characters",
        ),
        ('when: "seen > 5000"', f'when: "{LONG_CONDITION}"', "injects[3].when", "String should have at most 500 characters"),
        (
            'escalate_when: "belief > 0.02',
            'escalate_when: "belief > 1e999',
            "levels[1].escalate_when",
            "the number 1e999 is out of range: a condition compares with numbers from -1000000000 to 1000000000",
        ),
        (
            'when: "seen > 5000"',
            'when: "seen > 10000000000"',
            "injects[3].when",
            "the number 10000000000 is out of range: a condition compares with numbers from -1000000000 to 1000000000",
        ),
    ],
    ids=[
        "samples",
        "reach",
        "initial-seen",
        "fact-delay",
        "inject-delay",
        "response-window",
        "actor-delay",
        "text",
        "keyword-count",
        "keyword-length",
        "condition-length",
        "condition-infinity",
        "condition-huge",
    ],
)
def test_what_would_make_a_drill_costly_is_an_error_at_its_line_in_both_languages(written, changed, field, message):
    issue = issue_where_changed(written, changed, field)
    assert english(issue.message).startswith(message)
    assert english(issue.message) != issue.message.text(), issue.message  # Vietnamese, with its English


@pytest.mark.parametrize("condition", ["belief > 1e999", "belief > -1e999", "seen > " + "9" * 400, "minute >= 1e9 + 1"])
def test_a_condition_number_out_of_range_is_a_condition_error_not_an_overflow(condition):
    with pytest.raises(ConditionError) as caught:
        parse_condition(condition)
    assert "out of range" in english(caught.value.message) or "is not allowed" in english(caught.value.message)


# ---------------------------------------------------------------- values of the wrong type: the model's error, with its line


@pytest.mark.parametrize(
    "written, changed, field, message",
    [
        ("  - id: spokesperson", "  - id: [spokesperson, board]", "roles[0].id", "Input should be a valid string"),
        ("  - id: post-1", "  - id: {post: 1}", "injects[0].id", "Input should be a valid string"),
        ("    at: 5\n", "    at: " + "9" * 400 + "\n", "injects[0].at", "Input should be a valid number"),
        ('when: "seen > 5000"', "when: 5000", "injects[3].when", "Input should be a valid string"),
        ("releases: [article-1]", "releases: article-1", "levels[1].releases", "Input should be a valid list"),
        (
            "to: [info_department]\n    content",
            "to: [[info_department]]\n    content",
            "injects[0].to[0]",
            "Input should be a valid string",
        ),
        ("received_by: post-1", "received_by: {post: 1}", "incident.received_by", "Input should be a valid string"),
        ("received_by: post-1", "received_by: [post-1, [call-1]]", "incident.received_by", "item 1: Input should be a"),
        ("    played_by: simulation", "    played_by: [simulation]", "roles[3].played_by", "Input should be"),
    ],
    ids=[
        "list-for-a-role-id",
        "mapping-for-an-inject-id",
        "huge-int-for-a-minute",
        "int-for-a-condition",
        "text-for-a-list",
        "list-in-a-list-of-ids",
        "mapping-for-an-inject-reference",
        "list-in-a-list-of-inject-references",
        "list-for-a-choice",
    ],
)
def test_a_value_of_the_wrong_type_is_the_models_error_at_its_line(written, changed, field, message):
    assert english(issue_where_changed(written, changed, field).message).startswith(message)


def test_a_mapping_where_the_roles_list_belongs_is_one_error_and_the_references_to_roles_are_still_checked():
    text = FIXTURE.read_text(encoding="utf-8")
    start, end = text.index("roles:\n"), text.index("levels:\n")
    changed = text[:start] + "roles: {spokesperson: {label: {vi: Người phát ngôn}}}\n" + text[end:]
    with pytest.raises(ScenarioInvalid) as caught:
        parse_scenario(changed, "drill.yaml")
    issues = {issue.field: issue for issue in caught.value.issues}
    assert english(issues["roles"].message).startswith("Input should be a valid")
    assert issues["roles"].line == changed[:start].count("\n") + 1
    assert english(issues["injects[0].to[0]"].message) == "unknown role 'info_department'"


def test_null_for_every_field_is_an_error_for_each_and_no_exception():
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    text = "".join(f"{key}: null\n" for key in data)
    with pytest.raises(ScenarioInvalid) as caught:
        parse_scenario(text, "drill.yaml")
    lines = {issue.field: issue.line for issue in caught.value.issues}
    keys = list(data)
    for required in ("id", "title", "roles", "injects", "facts", "opinion", "incident"):
        assert lines[required] == keys.index(required) + 1
