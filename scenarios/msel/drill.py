"""The drill around an MSEL's events: a scenario as plain data and readable YAML, and the new drill.

An XLSX MSEL keeps everything but the injects as YAML on its drill sheet; an
import puts the rows' injects into the base drill's data (and, when the file has
the "released at level" column, the levels' `releases`), then writes YAML that
`scenarios.loader.parse_scenario` checks like any scenario file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from scenarios.bounded_yaml import YamlRefused, read_yaml
from scenarios.model import Scenario
from scenarios.msel.problems import MselError


def plain(value: Any) -> Any:
    """Model data for YAML: no None, no empty lists or mappings, 720.0 written as 720."""
    if isinstance(value, Mapping):
        cleaned = {key: plain(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item is not None and item != [] and item != {}}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    """Everything of a drill but its injects, as plain data."""
    return plain(scenario.model_dump(mode="json", exclude={"injects"}))


class _Dumper(yaml.SafeDumper):
    """Block style, but a short list of ids or words on one line; a text with line breaks as a literal block."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _list(dumper: yaml.SafeDumper, value: list) -> yaml.SequenceNode:
    short = all(isinstance(item, (str, int, float)) for item in value) and sum(len(str(item)) for item in value) < 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=short)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)


def dump_yaml(data: Mapping[str, Any], comment: str = "") -> str:
    """Readable YAML, Vietnamese unescaped, keys in their order, after an optional `# comment` line."""
    body = yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    return (f"# {comment}\n" if comment else "") + body


def load_mapping(text: str) -> dict[str, Any]:
    """A base drill's YAML as data; `MselError` if it is not YAML or not a mapping."""
    try:
        _, data = read_yaml(text)  # within the loader's bounds: an alias bomb would be written out in full
    except YamlRefused as exc:
        raise MselError(f"kịch bản gốc bị từ chối ở dòng {exc.line}: {exc}",
                        f"the base drill is refused at line {exc.line}: {exc}") from None
    except (yaml.YAMLError, ValueError) as exc:
        raise MselError(f"kịch bản gốc không phải YAML hợp lệ: {exc}",
                        f"the base drill is not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise MselError("kịch bản gốc phải là nội dung YAML của một kịch bản (các trường của kịch bản)",
                        "the base drill must be a drill's YAML text (a mapping of its fields)")
    return data


def with_injects(base: Mapping[str, Any], injects: Sequence[dict[str, Any]],
                 released: Mapping[str, Sequence[int]] | None) -> dict[str, Any]:
    """The base drill with these injects; with `released` (inject id -> level numbers), the levels' releases too.

    A level keeps the order of its base releases that are still released by it,
    then adds the others in the order of the injects.
    """
    data = {key: value for key, value in base.items() if key != "injects"}
    data["injects"] = list(injects)
    if released is None or not isinstance(base.get("levels"), list):
        return data
    levels = []
    for level in base["levels"]:
        if isinstance(level, dict):
            number = level.get("level")
            base_releases = level.get("releases") if isinstance(level.get("releases"), list) else []
            kept = [i for i in base_releases if isinstance(i, str) and number in released.get(i, ())]
            added = [inject["id"] for inject in injects
                     if number in released.get(inject["id"], ()) and inject["id"] not in kept]
            level = {key: value for key, value in level.items() if key != "releases"}
            if kept + added:
                level["releases"] = kept + added
        levels.append(level)
    data["levels"] = levels
    return data
