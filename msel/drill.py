"""The drill around an MSEL's events: a scenario as plain data and readable YAML, and the new drill.

An XLSX MSEL keeps everything but the injects as YAML on its drill sheet; an
import merges the rows' injects into the base drill's data (the editor's skeleton
when there is none) (and, when the file has
the "released at level" column, the levels' `releases`), then writes YAML that
`scenarios.loader.parse_scenario` checks like any scenario file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from scenarios.bounded_yaml import YamlRefused, read_yaml
from scenarios.model import Scenario
from msel.problems import MselError, MselProblem
from scenarios.messages import N_, Message


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
    """Readable YAML, Vietnamese unescaped, keys in their order, after the `comment` lines as `# ` comments."""
    body = yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    return "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines()) + body


def load_mapping(text: str) -> dict[str, Any]:
    """A base drill's YAML as data; `MselError` if it is not YAML or not a mapping."""
    try:
        _, data = read_yaml(text)  # within the loader's bounds: an alias bomb would be written out in full
    except YamlRefused as exc:
        raise MselError(
            N_("kịch bản gốc bị từ chối ở dòng %(line)s: %(reason)s"), line=exc.line, reason=exc.message
        ) from None
    except (yaml.YAMLError, ValueError) as exc:
        raise MselError(N_("kịch bản gốc không phải YAML hợp lệ: %(reason)s"), reason=str(exc)) from None
    if not isinstance(data, dict):
        raise MselError(N_("kịch bản gốc phải là nội dung YAML của một kịch bản (các trường của kịch bản)"))
    return data


def header_comment(text: str) -> str:
    """The comment lines a drill's YAML starts with (what grounds it in the seeds), without their '# '."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].removeprefix(" "))
    return "\n".join(lines)


def merge_injects(base: Sequence[Any], injects: Sequence[dict[str, Any]]) -> list[Any]:
    """The base drill's injects with the rows' merged in: a row with a base inject's id takes its place, the
    others come after, in their order."""
    by_id = {inject["id"]: inject for inject in injects}
    merged = [by_id.pop(item["id"]) if isinstance(item, dict) and item.get("id") in by_id else item for item in base]
    return merged + [inject for inject in injects if inject["id"] in by_id]


def with_injects(
    base: Mapping[str, Any], injects: Sequence[dict[str, Any]], released: Mapping[str, Sequence[int]] | None
) -> tuple[dict[str, Any], list[MselProblem]]:
    """The base drill with these injects merged in; with `released` (inject id -> level numbers), the levels'
    releases of these injects too; and warnings for what named an inject the drill no longer has.

    A level keeps the order of its base releases that are still released by it,
    then adds the others in the order of the injects. A release, or the incident's
    `received_by`, naming an inject that is not in the drill is dropped (or moved to
    the first inject) with a warning.
    """
    data = {key: value for key, value in base.items() if key != "injects"}
    base_injects = base.get("injects")
    data["injects"] = merge_injects(base_injects if isinstance(base_injects, list) else [], injects)
    ids = {item.get("id") for item in data["injects"] if isinstance(item, dict)}
    warnings: list[MselProblem] = []
    if isinstance(base.get("levels"), list):
        data["levels"] = [_level(level, injects, released, ids, warnings) for level in base["levels"]]
    incident = data.get("incident")
    if (
        isinstance(incident, dict)
        and isinstance(incident.get("received_by"), str)
        and incident["received_by"] not in ids
        and injects
    ):
        first = min(injects, key=lambda inject: inject.get("at", float("inf")))["id"]
        warnings.append(
            MselProblem(
                Message(
                    N_("incident.received_by nêu tình huống “%(named)s” không có trong kịch bản: thay bằng “%(first)s”"),
                    {"named": incident["received_by"], "first": first},
                )
            )
        )
        data["incident"] = {**incident, "received_by": first}
    return data, warnings


def _level(
    level: Any,
    injects: Sequence[dict[str, Any]],
    released: Mapping[str, Sequence[int]] | None,
    ids: set,
    warnings: list[MselProblem],
) -> Any:
    if not isinstance(level, dict):
        return level
    number = level.get("level")
    base_releases = level.get("releases")
    if not isinstance(base_releases, list):
        base_releases = []
    kept = [i for i in base_releases if released is None or i not in released or number in released[i]]
    absent = [i for i in kept if i not in ids]
    if absent:
        warnings.append(
            MselProblem(
                Message(
                    N_("cấp %(level)s phát hành tình huống không có trong kịch bản (%(injects)s): đã bỏ"),
                    {"level": number, "injects": ", ".join(map(str, absent))},
                )
            )
        )
    kept = [i for i in kept if i in ids]
    added = [
        inject["id"]
        for inject in injects
        if released is not None and number in released.get(inject["id"], ()) and inject["id"] not in kept
    ]
    level = {key: value for key, value in level.items() if key != "releases"}
    if kept + added:
        level["releases"] = kept + added
    return level
