"""The published JSON Schemas: of scenario files, generated from `scenarios.model`, and the way each is written.

`scenarios/scenario.schema.json` (and the rule sets' `scoring/ruleset.schema.json`,
`scoring.ruleset_schema`) are committed so authoring tools (and editors with
YAML language servers) can use them without running Python; a test fails if
one falls out of step with its model. Regenerate with `python run.py schema`.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from scenarios.conditions import VARIABLES
from scenarios.model import Scenario

SCHEMA_PATH = Path(__file__).parent / "scenario.schema.json"


def published_schema(model: type[BaseModel], urn: str, description: str) -> dict:
    """The JSON Schema (draft 2020-12) of the files `model` reads, named `urn`."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = urn
    schema["description"] = description
    return schema


def as_text(schema: dict) -> str:
    """A schema as it is committed: sorted keys, two-space indents, UTF-8 text kept as it is."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def scenario_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a scenario file."""
    return published_schema(
        Scenario,
        "urn:crisis-drill:scenario",
        (
            "A media-crisis drill. Conditions (levels[].escalate_when, injects[].when) are expressions "
            "over these variables: " + "; ".join(f"{k}: {v}" for k, v in VARIABLES.items())
        ),
    )


def schema_text() -> str:
    return as_text(scenario_schema())
