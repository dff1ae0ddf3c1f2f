"""The published JSON Schema: committed, up to date, and usable by an authoring tool."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from scenarios.schema import SCHEMA_PATH, scenario_schema, schema_text

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture()
def document() -> dict:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


def test_committed_schema_is_up_to_date():
    assert SCHEMA_PATH.name == "scenario.schema.json"
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "regenerate with `python run.py schema`"


def test_schema_is_draft_2020_12_and_names_the_condition_variables():
    schema = scenario_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "media_pressure" in schema["description"] and "unanswered_calls" in schema["description"]


def test_fixture_validates(validator, document):
    assert [e.message for e in validator.iter_errors(document)] == []


def _set(doc: dict, path: tuple, value) -> dict:
    doc = copy.deepcopy(doc)
    target = doc
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("titel",), {"vi": "x"}, "'titel' was unexpected"),
        (("injects", 0, "sendr"), {"vi": "x"}, "'sendr' was unexpected"),
        (("cast", "journalist", "titel"), {"vi": "x"}, "'titel' was unexpected"),
        (("duration",), "ten", "is not of type 'number'"),
        (("facts", 0, "delay"), -5, "less than the minimum of 0"),
        (("injects", 0, "at"), -5, "is not valid under any of the given schemas"),  # number >= 0 or null
        (("injects", 0, "channel"), "carrier_pigeon", "is not one of"),
        (("roles", 0, "id"), "Spokes Person", "does not match"),
    ],
    ids=["top-level-typo", "inject-typo", "cast-typo", "wrong-type", "negative-delay", "negative-optional-minute", "bad-enum", "bad-id"],
)
def test_invalid_documents_do_not_validate(validator, document, path, value, message):
    errors = [e.message for e in validator.iter_errors(_set(document, path, value))]
    assert errors, "the schema accepted an invalid document"
    assert any(message in e for e in errors), errors


def test_missing_required_field_does_not_validate(validator, document):
    del document["incident"]
    assert any("'incident' is a required property" in e.message for e in validator.iter_errors(document))
