"""The published JSON Schema: committed, up to date, and usable by an authoring tool."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from pydantic import TypeAdapter, ValidationError

from scenarios.loader import ScenarioInvalid, parse_scenario
from scenarios.model import Minute
from scenarios.schema import SCHEMA_PATH, scenario_schema, schema_text
from scenarios.yaml_issues import field_path
from schema_helpers import published_validator

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return published_validator(SCHEMA_PATH)


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
        (("level",), "ten", "is not of type 'integer'"),
        (("duration",), "ten", "is not valid under any of the given schemas"),  # a number > 0 or T+HH:MM
        (("facts", 0, "delay"), -5, "is not valid under any of the given schemas"),  # a number >= 0 or T+HH:MM
        (("injects", 0, "at"), -5, "is not valid under any of the given schemas"),  # a number >= 0, T+HH:MM or null
        (("injects", 0, "channel"), "carrier_pigeon", "is not one of"),
        (("roles", 0, "id"), "Spokes Person", "does not match"),
    ],
    ids=[
        "top-level-typo",
        "inject-typo",
        "cast-typo",
        "wrong-type",
        "wrong-time",
        "negative-delay",
        "negative-optional-minute",
        "bad-enum",
        "bad-id",
    ],
)
def test_invalid_documents_do_not_validate(validator, document, path, value, message):
    errors = [e.message for e in validator.iter_errors(_set(document, path, value))]
    assert errors, "the schema accepted an invalid document"
    assert any(message in e for e in errors), errors


def test_missing_required_field_does_not_validate(validator, document):
    del document["incident"]
    assert any("'incident' is a required property" in e.message for e in validator.iter_errors(document))


# What the loader accepts as a scenario time (scenarios.times), the schema accepts; what it refuses, the schema refuses.
VALID_TIMES = [0, 70, 600, 12.5, "T+01:10", "T+1:10", " T+01:10 ", "T+01:10:30", "T+0001:00", "T+10:00"]
BAD_TIMES = [-5, 20161, "1:10", "01:10", "t+01:10", "T+01:70", "T+01:10 later", "T+336:01", "T+999:00", "soon", True]


def _loads(document: dict) -> bool:
    try:
        parse_scenario(yaml.safe_dump(document, allow_unicode=True))
    except ScenarioInvalid:
        return False
    return True


@pytest.mark.parametrize("value", VALID_TIMES, ids=str)
@pytest.mark.parametrize("path", [("injects", 0, "at"), ("facts", 0, "delay")], ids=field_path)
def test_times_the_loader_accepts_validate(validator, document, path, value):
    changed = _set(document, path, value)
    assert [e.message for e in validator.iter_errors(changed)] == []
    assert _loads(changed)


@pytest.mark.parametrize("value", BAD_TIMES, ids=str)
@pytest.mark.parametrize("path", [("injects", 0, "at"), ("facts", 0, "delay")], ids=field_path)
def test_times_the_loader_refuses_do_not_validate(validator, document, path, value):
    changed = _set(document, path, value)
    assert list(validator.iter_errors(changed)), "the schema accepted a time the loader refuses"
    assert not _loads(changed)


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("T+335:59", True),
        ("T+336:00", True),
        ("T+336:00:00", True),
        ("T+336:00:01", False),
        ("T+336:01", False),
        (20160, True),
        (20160.5, False),
    ],
)
def test_the_schema_bounds_times_where_the_model_does(validator, document, value, valid):
    """Two weeks at most (the model's MAX_MINUTES; a drill's own length is the loader's check, not the schema's)."""
    assert list(validator.iter_errors(_set(document, ("injects", 0, "at"), value))) is not valid
    try:
        TypeAdapter(Minute).validate_python(value)
    except ValidationError:
        assert not valid
    else:
        assert valid
