"""The editor's check of a drill, given as the form's data or as YAML text: exactly `parse_scenario`.

The browser holds the drill as one JSON object (the scenario file's fields).
`check_data` turns it into YAML the way the built-in drills are written (keys
in the model's order, Vietnamese unescaped) and checks that text; `check_text`
checks YAML typed by hand and, when it is a mapping the form can show, gives
it back as data. Either way the answer is the text, the data and every error
with its field path, line and message (English, and Vietnamese when known).
No Flask here: the property test drives these functions directly.
"""

from __future__ import annotations

import datetime
import math
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from scenarios.bounded_yaml import YamlRefused, read_yaml
from scenarios.condition_words import condition_words
from scenarios.library import SKELETON
from scenarios.loader import ScenarioInvalid, parse_scenario
from scenarios.model import Scenario
from scenarios.yaml_issues import field_types
from msel.drill import dump_yaml, plain
from web.i18n import translated

MAX_TEXT = 256 * 1024  # characters of YAML: the largest built-in drill is about 39 000


@dataclass(frozen=True)
class Checked:
    """A drill text, its data for the form (None if the form cannot show it), its errors, and the Scenario if valid."""

    yaml: str
    data: dict[str, Any] | None
    errors: tuple[dict[str, Any], ...]
    scenario: Scenario | None

    @property
    def ok(self) -> bool:
        return self.scenario is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "yaml": self.yaml,
            "data": self.data,
            "errors": list(self.errors),
            "conditions": self.condition_words(),
        }

    def condition_words(self) -> dict[str, dict[str, str | None]]:
        """Each inject condition of the form's data in words (the timeline shows these, not the expression)."""
        injects = (self.data or {}).get("injects")
        sources = (
            {i["when"] for i in injects if isinstance(i, dict) and isinstance(i.get("when"), str)}
            if isinstance(injects, list)
            else set()
        )
        return {source: condition_words(source).as_dict() for source in sorted(sources)}


def _submodel(annotation: Any) -> type | None:
    """The model (or `Text`) a field holds, directly or as the items of a list or the values of a mapping."""
    if field_types(annotation):
        return annotation
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is dict:
        args = args[1:]
    return next((model for model in map(_submodel, args) if model is not None), None)


def ordered(value: Any, model: type = Scenario) -> Any:
    """Data with each mapping's keys in its model's field order (unknown keys last, kept for the loader to report)."""
    if not isinstance(value, dict):
        return value
    fields = field_types(model)
    keys = [k for k in fields if k in value] + [k for k in value if k not in fields]
    result = {}
    for key in keys:
        inner = _submodel(fields[key]) if key in fields else None
        item = value[key]
        if inner is None:
            result[key] = item
        elif isinstance(item, list):
            result[key] = [ordered(entry, inner) for entry in item]
        elif typing.get_origin(fields[key]) is dict and isinstance(item, dict):
            result[key] = {name: ordered(entry, inner) for name, entry in item.items()}
        else:
            result[key] = ordered(item, inner)
    return result


def to_yaml(data: dict[str, Any]) -> str:
    """The form's data as scenario YAML: no empty fields, keys in the built-in drills' order."""
    return dump_yaml(ordered(plain(data)))


def _form_value(value: Any) -> Any:
    """YAML data as JSON for the form; ValueError for what JSON cannot carry (binary, sets, infinities, key types)."""
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise ValueError("only text keys")
        return {key: _form_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_form_value(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("not a finite number")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()  # the loader reads dates as text; so does the form
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError(f"a {type(value).__name__}")


def form_data(text: str) -> dict[str, Any] | None:
    """The YAML as the form's data, or None if it is not YAML, not a mapping, or holds what the form cannot show."""
    try:
        _, data = read_yaml(text)  # within the loader's bounds: an alias bomb would take minutes to walk
        return _form_value(data) if isinstance(data, dict) else None
    except (yaml.YAMLError, ValueError, YamlRefused):
        return None


def is_finite_json(value: Any) -> bool:
    """Whether data sent by the browser holds only plain JSON with finite numbers (Python's JSON reads NaN)."""
    if isinstance(value, dict):
        return all(isinstance(key, str) and is_finite_json(item) for key, item in value.items())
    if isinstance(value, list):
        return all(is_finite_json(item) for item in value)
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, (str, int, bool))


def _error(issue) -> dict[str, Any]:
    """A loader error for the editor: where it is, and what it says in the user's language."""
    return {"path": issue.field, "line": issue.line, "message": translated(issue.message)}


def check_text(text: str) -> Checked:
    """Check YAML exactly as `run.py validate` does; the data is given back for the form when it can show it."""
    errors: tuple[dict[str, Any], ...]
    try:
        scenario, errors = parse_scenario(text, "editor"), ()
    except ScenarioInvalid as exc:
        scenario, errors = None, tuple(_error(issue) for issue in exc.issues)
    return Checked(text, form_data(text), errors, scenario)


def check_data(data: dict[str, Any]) -> Checked:
    """Check the form's data: its YAML (`to_yaml`) through `parse_scenario`."""
    return check_text(to_yaml(data))


@lru_cache(maxsize=256)
def valid_scenario(text: str) -> Scenario:
    """A stored version's text, parsed once (versions are valid when saved)."""
    return parse_scenario(text, "drill")


def skeleton_text() -> str:
    """A minimal valid drill to start from: the standard roles of PROCEDURE.md, two levels, four injects."""
    return SKELETON.read_text(encoding="utf-8")


def with_id(text: str, new_id: str) -> str:
    """The text with its top-level `id` value replaced, everything else (comments, layout) left as it is."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert root is not None  # a drill's text, checked before: not empty
    node = next(value for key, value in root.value if key.value == "id")
    return text[: node.start_mark.index] + new_id + text[node.end_mark.index :]
