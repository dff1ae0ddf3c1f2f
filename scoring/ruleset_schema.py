"""The published JSON Schema of rule-set files (`scoring/ruleset.schema.json`), generated from `scoring.ruleset_model`.

Committed beside the scenario schema and kept in step the same way (a test
compares it with the model's); regenerate with `python run.py schema`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scenarios.schema import as_text, published_schema
from scoring.rules import RULES
from scoring.ruleset_model import RuleSetFile

RULE_SET_SCHEMA_PATH = Path(__file__).parent / "ruleset.schema.json"


def _param_schema(default: Any, choices: tuple[Any, ...] | None) -> dict:
    """A parameter's schema from its default's type (as `scoring.rules.base` checks it) and its choices."""
    if isinstance(default, bool):
        schema: dict = {"type": "boolean"}
    elif isinstance(default, (int, float)):
        schema = {"type": "number"}
    elif isinstance(default, (list, tuple)):
        schema = {"type": "array", "items": {"type": "string"}}
    elif isinstance(default, str):
        schema = {"type": "string"}
    else:
        schema = {}
    return {**schema, "enum": list(choices)} if choices else schema


def _params_by_rule() -> list[dict]:
    """For each rule, the parameters it knows: an editor completes and checks them.

    (The loader also checks values together.)
    """
    return [
        {
            "if": {"properties": {"rule": {"const": name}}, "required": ["rule"]},
            "then": {
                "properties": {
                    "params": {
                        "anyOf": [
                            {"type": "null"},
                            {
                                "type": "object",
                                "additionalProperties": False,
                                "properties": {
                                    key: _param_schema(default, rule.choices.get(key))
                                    for key, default in sorted(rule.defaults.items())
                                },
                            },
                        ]
                    }
                }
            },
        }
        for name, rule in sorted(RULES.items())
    ]


def rule_set_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a rule-set file."""
    schema = published_schema(
        RuleSetFile,
        "urn:crisis-drill:rule-set",
        (
            "A scoring rule set: the rules a drill is judged by, their parameters, points and legal sources. "
            "The weights of the non-bonus rules sum to 100 and ids are unique in the set (checked by the loader)."
        ),
    )
    schema["$defs"]["RuleEntryFile"]["allOf"] = _params_by_rule()
    return schema


def rule_set_schema_text() -> str:
    return as_text(rule_set_schema())
