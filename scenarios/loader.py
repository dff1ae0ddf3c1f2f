"""Loading scenario files: YAML in, a typed `Scenario` or every error with its line out.

Errors are reported all at once, each as ``PATH:LINE: field.path: message``, the message a
`scenarios.messages.Message` (Vietnamese as text; the web layer shows it in the user's language).
Line numbers come from PyYAML's node tree, which keeps the position of every
key and value; the file is read once, within the limits of
`scenarios.bounded_yaml` (no aliases, a bounded size and depth); the shape is
checked by Pydantic and the cross-references by `scenarios.references`.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from scenarios.bounded_yaml import MAX_BYTES, YamlRefused, check_size, read_yaml
from scenarios.messages import N_, Message
from scenarios.model import Scenario
from scenarios.pydantic_messages import pydantic_message
from scenarios.references import Location, find_problems


NOT_YAML = N_("không phải YAML hợp lệ: %(problem)s%(hint)s")


@dataclass(frozen=True)
class ScenarioIssue:
    """One error in a scenario file."""

    path: str
    line: int
    field: str
    message: Message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ScenarioInvalid(ValueError):
    """A scenario file with errors; `issues` lists them all."""

    def __init__(self, issues: list[ScenarioIssue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


def field_path(location: Location) -> str:
    """('injects', 2, 'to', 0) -> 'injects[2].to[0]'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


def _line_of(root: yaml.Node | None, location: Location) -> int:
    """1-based line of the deepest node the location reaches (a key's own line if it names one)."""
    node, line = root, (root.start_mark.line + 1 if root is not None else 1)
    for part in location:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _model_at(location: Location) -> type[BaseModel] | None:
    """The model class whose fields the location's last key belongs to."""
    model: type | None = Scenario
    dict_key = False  # the part after a dict field (e.g. cast.<id>) is a key, not a field
    for part in location[:-1]:
        if isinstance(part, int) or model is None or dict_key:
            dict_key = False
            continue
        field = model.model_fields.get(part) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if field is None:
            return None
        model = next((t for t in _flatten(field.annotation) if isinstance(t, type) and issubclass(t, BaseModel)), None)
        dict_key = typing.get_origin(field.annotation) is dict
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _flatten(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    if not args:
        return [annotation]
    return [leaf for arg in args for leaf in _flatten(arg)]


def _meant(location: Location) -> tuple[str | None, list[str]]:
    """For an unknown field: the known field it is closest to (if any) and all known fields there."""
    model = _model_at(location)
    known = list(model.model_fields) if model else []
    close = difflib.get_close_matches(str(location[-1]), known, n=1)
    return (close[0] if close else None), known


def _message(error: dict) -> Message:
    location = tuple(error["loc"])
    if error["type"] != "extra_forbidden":
        return pydantic_message(error)
    meant, known = _meant(location)
    if meant:
        return Message(N_("trường '%(field)s' không có trong mẫu kịch bản (có phải là '%(meant)s'?)"),
                       {"field": location[-1], "meant": meant})
    if known:
        return Message(N_("trường '%(field)s' không có trong mẫu kịch bản (các trường được dùng: %(known)s)"),
                       {"field": location[-1], "known": ", ".join(known)})
    return Message(N_("trường '%(field)s' không có trong mẫu kịch bản"), {"field": location[-1]})


def _duplicate_keys(node: yaml.Node | None, location: Location = ()) -> list[tuple[Location, int, Message]]:
    """YAML silently keeps the last of two equal keys; authors deserve to know."""
    found: list[tuple[Location, int, Message]] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue  # a list or mapping as a key: the shape check reports it
            if key.value in seen:
                found.append((location + (key.value,), key.start_mark.line + 1,
                              Message(N_("khóa '%(key)s' xuất hiện hai lần"), {"key": key.value})))
            seen.add(key.value)
            found += _duplicate_keys(value, location + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found += _duplicate_keys(item, location + (index,))
    return found


def _tab_hint(text: str, line: int) -> Message | str:
    """A YAML error on a line a tab indents (or near one): YAML indents with spaces only."""
    lines = text.splitlines()
    near = lines[max(line - 2, 0):line]
    if any(row[:len(row) - len(row.lstrip())].count("\t") for row in near):
        return Message(N_(" (dòng này thụt lề bằng dấu tab: YAML chỉ thụt lề bằng dấu cách — hãy dùng dấu cách, "
                          "không dùng tab)"))
    return ""


def _not_utf8(raw: bytes, exc: UnicodeDecodeError) -> tuple[int, Message]:
    """The line of the first byte that is not UTF-8, and a message naming it and the fix."""
    line_start = raw.rfind(b"\n", 0, exc.start) + 1
    line = raw.count(b"\n", 0, exc.start) + 1
    return line, Message(N_("tệp không ở dạng UTF-8: byte 0x%(byte)02x ở dòng %(line)d, cột %(column)d "
                            "(hãy lưu tệp dạng UTF-8)"),
                         {"byte": raw[exc.start], "line": line, "column": exc.start - line_start + 1})


def parse_scenario(text: str, path: str = "<text>") -> Scenario:
    """Parse scenario YAML; raise `ScenarioInvalid` listing every error."""
    try:
        root, data = read_yaml(text)
    except YamlRefused as exc:
        raise ScenarioInvalid([ScenarioIssue(path, exc.line, "(file)", exc.message)]) from None
    except ValueError as exc:  # a scalar PyYAML resolves but cannot build, e.g. `0x_`
        raise ScenarioInvalid([ScenarioIssue(path, 1, "(file)", Message(NOT_YAML, {"problem": str(exc), "hint": ""}))]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ScenarioInvalid([ScenarioIssue(path, line, "(file)", Message(NOT_YAML, {"problem": problem,
                                                                                   "hint": _tab_hint(text, line)}))]) from None
    if not isinstance(data, dict):
        raise ScenarioInvalid([ScenarioIssue(path, 1, "(file)", Message(N_("tệp kịch bản phải là một nhóm các trường "
                                                                           "(id, title, …)")))])
    issues = [ScenarioIssue(path, line, field_path(loc), msg) for loc, line, msg in _duplicate_keys(root)]
    scenario = None
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        # A typo both adds an unknown field and leaves the field it meant missing: report the typo only.
        typos = {tuple(e["loc"][:-1]) + (_meant(tuple(e["loc"]))[0],) for e in errors if e["type"] == "extra_forbidden"}
        for error in errors:
            loc = tuple(error["loc"])
            if error["type"] != "missing" or loc not in typos:
                issues.append(ScenarioIssue(path, _line_of(root, loc), field_path(loc), _message(error)))
    shape_errors = {issue.field for issue in issues}
    for loc, message in find_problems(data):
        if field_path(loc) not in shape_errors:
            issues.append(ScenarioIssue(path, _line_of(root, loc), field_path(loc), message))
    if issues or scenario is None:
        raise ScenarioInvalid(sorted(issues, key=lambda i: i.line))
    return scenario


def load_scenario(path: str | Path) -> Scenario:
    """Load and check one scenario file."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)  # a file over the limit is not read to its end
        check_size(raw)
        text = raw.decode("utf-8")
    except YamlRefused as exc:
        raise ScenarioInvalid([ScenarioIssue(str(path), exc.line, "(file)", exc.message)]) from None
    except UnicodeDecodeError as exc:
        line, message = _not_utf8(raw, exc)
        raise ScenarioInvalid([ScenarioIssue(str(path), line, "(file)", message)]) from None
    except OSError as exc:
        raise ScenarioInvalid([ScenarioIssue(str(path), 1, "(file)", Message(N_("không đọc được tệp: %(error)s"),
                                                                             {"error": str(exc)}))]) from None
    return parse_scenario(text, str(path))
