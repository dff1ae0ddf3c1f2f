"""The published JSON Schema of scenario files, generated from `scenarios.model`.

`scenarios/scenario.schema.json` is committed so authoring tools (and editors
with YAML language servers) can use it without running Python; a test fails if
it falls out of step with the model. Regenerate with `python run.py schema`.
"""

from __future__ import annotations

import json
from pathlib import Path

from scenarios.conditions import VARIABLES
from scenarios.model import Scenario

SCHEMA_PATH = Path(__file__).parent / "scenario.schema.json"


def scenario_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a scenario file."""
    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "urn:crisis-drill:scenario"
    schema["description"] = (
        "A media-crisis drill. Conditions (levels[].escalate_when, injects[].when) are expressions "
        "over these variables: " + "; ".join(f"{k}: {v}" for k, v in VARIABLES.items())
    )
    return schema


def schema_text() -> str:
    return json.dumps(scenario_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    path.write_text(schema_text(), encoding="utf-8")
    return path
