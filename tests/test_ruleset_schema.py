"""The rule sets' published JSON Schema: committed, up to date, and agreeing with the loader on what it refuses."""

from __future__ import annotations

import copy

import pytest
import yaml
from jsonschema import Draft202012Validator

from schema_helpers import published_validator
from scoring import RuleSetError, parse_rule_set, rule_set_ids
from scoring.ruleset import RULESETS
from scoring.ruleset_schema import RULE_SET_SCHEMA_PATH, rule_set_schema_text


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return published_validator(RULE_SET_SCHEMA_PATH)


@pytest.fixture()
def document() -> dict:
    return yaml.safe_load((RULESETS / "vn-2026.yaml").read_text(encoding="utf-8"))


def test_committed_schema_is_up_to_date():
    assert RULE_SET_SCHEMA_PATH.read_text(encoding="utf-8") == rule_set_schema_text(), (
        "regenerate with `python run.py schema`"
    )


@pytest.mark.parametrize("set_id", rule_set_ids())
def test_packaged_rule_sets_validate(validator, set_id):
    document = yaml.safe_load((RULESETS / f"{set_id}.yaml").read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(document)] == []


def _entry_set(doc: dict, index: int, key: str, value) -> dict:
    doc = copy.deepcopy(doc)
    doc["rules"][index][key] = value
    return doc


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("wieght", 3, "'wieght' was unexpected"),
        ("rule", "speak_nicely", "is not one of"),
        ("weight", -5, "less than or equal to the minimum of 0"),
        ("bonus", "yes", "is not of type 'boolean'"),
        ("source", "  ", "is not valid under any of the given schemas"),
        ("params", {"whithin": 10}, "is not valid under any of the given schemas"),  # initial_information knows no 'whithin'
        ("params", {"within": "soon"}, "is not valid under any of the given schemas"),
        ("params", {"from": "reported"}, "is not valid under any of the given schemas"),
    ],
)
def test_what_the_loader_refuses_the_schema_refuses(validator, document, key, value, message):
    index = next(n for n, e in enumerate(document["rules"]) if e["rule"] == "initial_information")
    changed = _entry_set(document, index, key, value)
    errors = [e.message for e in validator.iter_errors(changed)]
    assert any(message in e for e in errors), errors
    with pytest.raises(RuleSetError):
        parse_rule_set(yaml.safe_dump(changed, allow_unicode=True), "changed.yaml")
