"""Rule sets as data: the packaged vn-2026 and vn-2021, and the loader's errors."""

from __future__ import annotations

import re
import textwrap

import pytest

import scoring.ruleset as ruleset_module
from message_helpers import english_issues
from scoring import RULES, RuleSetError, load_rule_set, load_rule_set_file, parse_rule_set, rule_set_ids

TAIL = '- rule: outcome\n  weight: 40\n  source: "Kết quả diễn tập"\n'


def rule_set_text(body: str, tail: bool = False) -> str:
    """A rule set whose rules are `body` (a YAML list), plus an outcome entry of weight 40 if `tail`."""
    rules = textwrap.dedent(body).strip("\n") + "\n" + (TAIL if tail else "")
    return "id: test-set\ntitle: {vi: Thử, en: Test}\nrules:\n" + rules


def errors_of(body: str, tail: bool = False) -> str:
    with pytest.raises(RuleSetError) as caught:
        parse_rule_set(rule_set_text(body, tail), "test-set.yaml")
    return "\n".join(english_issues(caught.value))


@pytest.mark.parametrize("set_id", ["vn-2026", "vn-2021"])
def test_packaged_rule_sets_are_complete_and_weighted_to_100(set_id):
    rule_set = load_rule_set(set_id)
    assert rule_set.id == set_id
    assert {entry.rule.name for entry in rule_set.entries} == set(RULES)
    assert sum(e.weight for e in rule_set.entries if not e.bonus) == 100
    assert [e.id for e in rule_set.entries if e.bonus] == ["cerc_first_message"]
    for entry in rule_set.entries:
        assert entry.source.vi.strip() and entry.source.en.strip()
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", entry.source.vi + entry.source.en), entry.id  # printed: no action ids
    assert "not law" in next(e for e in rule_set.entries if e.bonus).source.en


def test_packaged_rule_sets_differ_on_the_trigger_and_cite_their_law():
    new, old = load_rule_set("vn-2026"), load_rule_set("vn-2021")
    new_rule = next(e for e in new.entries if e.id == "initial_information")
    old_rule = next(e for e in old.entries if e.id == "initial_information")
    assert new_rule.rule.params == {"from": "received", "within": 1440, "divided_from": "determined"}
    assert old_rule.rule.params == {"from": "occurred", "within": 1440, "divided_from": ""}
    assert "244/2026/NĐ-CP" in new_rule.source.vi and "7.3" in new_rule.source.vi and "7.4" in new_rule.source.vi
    assert "09/2017/NĐ-CP" in old_rule.source.vi and "6.3.a" in old_rule.source.vi
    focal = next(e for e in new.entries if e.id == "one_focal_point")
    assert "Điều 3" in focal.source.vi
    assert "887-QĐ/TU" in next(e for e in new.entries if e.id == "procedure_order").source.vi


def test_packaged_rule_sets_are_listed_and_cached():
    assert rule_set_ids() == ["vn-2021", "vn-2026"]
    assert load_rule_set("vn-2026") is load_rule_set("vn-2026")


def test_unknown_packaged_rule_set():
    with pytest.raises(RuleSetError, match=r"no rule set 'vn-1999'.*vn-2021, vn-2026"):
        load_rule_set("vn-1999")


def test_a_valid_custom_rule_set_with_the_same_rule_twice():
    rule_set = parse_rule_set(
        rule_set_text(
            """
        - rule: initial_information
          weight: 30
          source: "Nghị định 244/2026/NĐ-CP, Điều 7.3"
        - rule: initial_information
          id: initial_information_fast
          weight: 30
          params: {within: 120}
          source: {vi: "Thực hành tốt", en: "Good practice"}
    """,
            tail=True,
        ),
        "x.yaml",
    )
    assert [e.id for e in rule_set.entries] == ["initial_information", "initial_information_fast", "outcome"]
    assert rule_set.entries[1].rule.params["within"] == 120
    assert rule_set.entries[1].source.en == "Good practice"


def test_unknown_rule_names_the_file_and_entry():
    message = errors_of("""
        - rule: outcome
          weight: 100
          source: "x"
        - rule: speak_nicely
          weight: 5
          bonus: true
          source: "x"
    """)
    assert "test-set.yaml:7: rules[1].rule: unknown rule 'speak_nicely'" in message
    assert "procedure_order" in message  # lists the known ones


def test_weights_not_summing_to_100_list_every_entry():
    message = errors_of("""
        - rule: procedure_order
          weight: 50
          source: "887"
        - rule: outcome
          weight: 45
          source: "x"
        - rule: cerc_first_message
          weight: 5
          bonus: true
          source: "CERC"
    """)
    assert "test-set.yaml:3: rules: the weights of the non-bonus rules sum to 95, not 100" in message
    assert "procedure_order 50, outcome 45" in message and "cerc" not in message


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "- rule: initial_information\n  weight: 60\n  params: {whithin: 10}\n  source: x",
            ":6: rules[0].params: unknown parameter(s) 'whithin' (known: divided_from, from, within)",
        ),
        (
            "- rule: initial_information\n  weight: 60\n  params: {within: soon}\n  source: x",
            ":6: rules[0].params: parameter 'within' must be a number, got 'soon'",
        ),
        (
            "- rule: initial_information\n  weight: 60\n  params: {from: reported}\n  source: x",
            ":6: rules[0].params: parameter 'from' must be one of received, occurred",
        ),
        (
            "- rule: initial_information\n  weight: 60\n  params: {within: 0}\n  source: x",
            ":6: rules[0].params: parameter 'within' must be a positive number",
        ),
        (
            "- rule: outcome\n  weight: 60\n  params: {belief_ok: 0.5, belief_bad: 0.1}\n  source: x",
            ":6: rules[0].params: need 0 <= belief_ok < belief_bad",
        ),
        (
            "- rule: press_requests_answered\n  weight: 60\n  params: {lawful: []}\n  source: x",
            ":6: rules[0].params: parameter 'lawful' must list at least one lawful reason",
        ),
        (
            "- rule: cerc_first_message\n  weight: 60\n  params: {items: [empathy, charm]}\n  source: x",
            ":6: rules[0].params: parameter 'items' must list some of empathy, facts, unknowns, next_update, commitment, "
            "more_info; unknown: ['charm']",
        ),
        ("- rule: initial_information\n  weight: 60", ":4: rules[0].source: required field is missing"),
        ("- rule: initial_information\n  weight: 60\n  source: '  '", ":6: rules[0].source: must cite a law and article"),
        (
            "- rule: initial_information\n  weight: 60\n  source: {en: Law}",
            ":6: rules[0].source: must cite a law and article",
        ),
        ("- rule: initial_information\n  weight: -60\n  source: x", ":5: rules[0].weight: Input should be greater than 0"),
        ("- rule: initial_information\n  weight: '60'\n  source: x", ":5: rules[0].weight: Input should be a valid number"),
        (
            "- rule: initial_information\n  weight: 60\n  bonus: 'yes'\n  source: x",
            ":6: rules[0].bonus: Input should be a valid boolean",
        ),
        (
            "- rule: initial_information\n  weight: 60\n  source: x\n  wieght: 3",
            ":7: rules[0].wieght: unknown field 'wieght' (did you mean 'weight'?)",
        ),
    ],
)
def test_entry_errors(entry, expected):
    assert expected in errors_of(entry, tail=True)


def test_duplicate_ids_are_an_error():
    message = errors_of(
        """
        - rule: outcome
          weight: 30
          source: x
        - rule: outcome
          weight: 30
          source: x
    """,
        tail=True,
    )
    assert "test-set.yaml:7: rules[1].id: duplicate id 'outcome', already used by rules[0]" in message


def test_every_problem_is_reported_at_once():
    with pytest.raises(RuleSetError) as caught:
        parse_rule_set(
            rule_set_text("""
            - rule: nope
              weight: 50
              source: x
            - rule: outcome
              weight: 50
        """),
            "two.yaml",
        )
    assert english_issues(caught.value) == [
        f"two.yaml:4: rules[0].rule: unknown rule 'nope' (known: {', '.join(sorted(RULES))})",
        "two.yaml:7: rules[1].source: required field is missing",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: [unclosed", "f.yaml:1: (file): not valid YAML"),
        ("- just a list", "f.yaml:1: (file): a rule set is a mapping"),
        ("id: x\nrules: []", "f.yaml:2: rules: must list at least one rule"),
        ("id: x\nrulez: []\nrules: [{rule: outcome, weight: 100, source: s}]", "f.yaml:2: rulez: unknown field 'rulez'"),
        ("id: x\nid: y\nrules: [{rule: outcome, weight: 100, source: s}]", "f.yaml:2: id: key 'id' appears twice"),
        (
            "id: x\ntitle: 5\nrules: [{rule: outcome, weight: 100, source: s}]",
            "f.yaml:2: title: must be the rule set's title",
        ),
    ],
)
def test_file_level_errors(text, expected):
    with pytest.raises(RuleSetError) as caught:
        parse_rule_set(text, "f.yaml")
    assert english_issues(caught.value)[0].startswith(expected)


def test_packaged_file_must_carry_its_own_id(tmp_path, monkeypatch):
    (tmp_path / "vn-2030.yaml").write_text(
        "id: vn-2031\nrules: [{rule: outcome, weight: 100, source: s}]\n", encoding="utf-8"
    )
    monkeypatch.setattr(ruleset_module, "RULESETS", tmp_path)
    ruleset_module.load_rule_set.cache_clear()
    try:
        with pytest.raises(RuleSetError, match=r"vn-2030.yaml:1: id: 'id' is 'vn-2031' but the file is named vn-2030.yaml"):
            ruleset_module.load_rule_set("vn-2030")
    finally:
        ruleset_module.load_rule_set.cache_clear()


def test_a_rule_set_file_is_read_as_a_drill_is(tmp_path):
    """The scenario loader's reading (scenarios.yaml_issues): UTF-8 only, no YAML aliases, each refusal at its line."""
    not_utf8 = tmp_path / "latin.yaml"
    not_utf8.write_bytes("id: x\ntitle: Th\u1eed\nsource: ".encode() + b"\xe9\n")
    with pytest.raises(RuleSetError) as caught:
        load_rule_set_file(not_utf8)
    assert english_issues(caught.value)[0].startswith(f"{not_utf8}:3: (file): the file is not UTF-8")
    aliased = "id: x\nrules:\n  - &one {rule: outcome, weight: 50, source: s}\n  - *one\n"
    with pytest.raises(RuleSetError) as caught:
        parse_rule_set(aliased, "a.yaml")
    assert english_issues(caught.value)[0].startswith("a.yaml:3: (file): YAML anchors and aliases")
