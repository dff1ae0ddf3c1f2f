"""The published JSON Schemas as an authoring tool reads them: a validator of a committed schema file."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator


def published_validator(path: Path) -> Draft202012Validator:
    """A validator of the schema committed at `path`, the schema itself checked first (Draft 2020-12)."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)
