"""YAML checked by a Pydantic model: every error with its file, line and field (``PATH:LINE: field.path: message``).

Shared by the scenario loader (`scenarios.loader`) and the rule-set loader
(`scoring.ruleset`). Line numbers come from PyYAML's node tree, which keeps the
position of every key and value; the text is read once, within the limits of
`scenarios.bounded_yaml` (no aliases, a bounded size and depth). A loader reads
the document (`read_document`), checks its shape with a model (`model_issues`)
and adds its own cross-reference problems where they are (`issue_at`).
"""

from __future__ import annotations

import dataclasses
import difflib
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from scenarios.bounded_yaml import MAX_BYTES, YamlRefused, check_size, read_yaml
from scenarios.messages import N_, Message
from scenarios.pydantic_messages import pydantic_message

Location = tuple[str | int, ...]
Model = TypeVar("Model", bound=BaseModel)
UNKNOWN_FIELD = ("extra_forbidden", "unexpected_keyword_argument")  # a key a model, or a dataclass (`Text`), lacks
NOT_YAML = N_("không phải YAML hợp lệ: %(problem)s%(hint)s")


@dataclass(frozen=True)
class YamlIssue:
    """One error in a YAML file."""

    path: str
    line: int
    field: str
    message: (
        Message | str
    )  # a loader's own words are a `Message` (Vietnamese as text; web.i18n shows it in the user's language)

    def render(self, translate: Callable[[str], str]) -> str:
        """`PATH:LINE: field: message`, the message in the language `translate` (msgid -> text) gives."""
        message = self.message.render(translate) if isinstance(self.message, Message) else self.message
        return f"{self.path}:{self.line}: {self.field}: {message}"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class YamlInvalid(ValueError):
    """A YAML file with errors; `issues` lists them all, in the order of their lines."""

    def __init__(self, issues: list[YamlIssue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


def field_path(location: Location) -> str:
    """('injects', 2, 'to', 0) -> 'injects[2].to[0]'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


def line_of(root: yaml.Node | None, location: Location) -> int:
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


def issue_at(root: yaml.Node | None, path: str, location: Location, message: Message | str) -> YamlIssue:
    """An issue at the field `location` names, on that field's line."""
    return YamlIssue(path, line_of(root, location), field_path(location), message)


def _model_at(model: type[BaseModel], location: Location) -> type | None:
    """The model class (or `Text`) whose fields the location's last key belongs to (`model` is the document's)."""
    current: type | None = model
    dict_key = False  # the part after a dict field (e.g. cast.<id>) is a key, not a field
    for part in location[:-1]:
        if isinstance(part, int) or current is None or dict_key:
            dict_key = False
            continue
        annotation = field_types(current).get(part)
        if annotation is None:
            return None
        current = next((t for t in _flatten(annotation) if isinstance(t, type) and field_types(t)), None)
        dict_key = typing.get_origin(annotation) is dict
    return current


def field_types(model: type) -> dict[str, object]:
    """The fields of a class of a document's model, name -> annotation, in order: a Pydantic model's, or a
    dataclass's (`Text`); empty for any other type."""
    if isinstance(model, type) and issubclass(model, BaseModel):
        return {name: info.annotation for name, info in model.model_fields.items()}
    if isinstance(model, type) and dataclasses.is_dataclass(model):
        return typing.get_type_hints(model)
    return {}


def _flatten(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    if not args:
        return [annotation]
    return [leaf for arg in args for leaf in _flatten(arg)]


def _meant(model: type[BaseModel], location: Location) -> tuple[str | None, list[str]]:
    """For an unknown field: the known field it is closest to (if any) and all known fields there."""
    owner = _model_at(model, location)
    known = list(field_types(owner)) if owner else []
    close = difflib.get_close_matches(str(location[-1]), known, n=1)
    return (close[0] if close else None), known


def _message(model: type[BaseModel], error: Mapping[str, Any]) -> Message:
    location = tuple(error["loc"])
    if error["type"] not in UNKNOWN_FIELD:
        return pydantic_message(error)
    meant, known = _meant(model, location)
    if meant:
        return Message(
            N_("trường '%(field)s' không có trong mẫu (có phải là '%(meant)s'?)"), {"field": location[-1], "meant": meant}
        )
    if known:
        return Message(
            N_("trường '%(field)s' không có trong mẫu (các trường được dùng: %(known)s)"),
            {"field": location[-1], "known": ", ".join(known)},
        )
    return Message(N_("trường '%(field)s' không có trong mẫu"), {"field": location[-1]})


def _duplicate_keys(node: yaml.Node | None, location: Location = ()) -> list[tuple[Location, int, Message]]:
    """YAML silently keeps the last of two equal keys; authors deserve to know."""
    found: list[tuple[Location, int, Message]] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue  # a list or mapping as a key: the shape check reports it
            if key.value in seen:
                found.append(
                    (
                        location + (key.value,),
                        key.start_mark.line + 1,
                        Message(N_("khóa '%(key)s' xuất hiện hai lần"), {"key": key.value}),
                    )
                )
            seen.add(key.value)
            found += _duplicate_keys(value, location + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found += _duplicate_keys(item, location + (index,))
    return found


def _tab_hint(text: str, line: int) -> Message | str:
    """A YAML error on a line a tab indents (or near one): YAML indents with spaces only."""
    lines = text.splitlines()
    near = lines[max(line - 2, 0) : line]
    if any(row[: len(row) - len(row.lstrip())].count("\t") for row in near):
        return Message(
            N_(" (dòng này thụt lề bằng dấu tab: YAML chỉ thụt lề bằng dấu cách — hãy dùng dấu cách, không dùng tab)")
        )
    return ""


def _not_utf8(raw: bytes, exc: UnicodeDecodeError) -> tuple[int, Message]:
    """The line of the first byte that is not UTF-8, and a message naming it and the fix."""
    line_start = raw.rfind(b"\n", 0, exc.start) + 1
    line = raw.count(b"\n", 0, exc.start) + 1
    return line, Message(
        N_("tệp không ở dạng UTF-8: byte 0x%(byte)02x ở dòng %(line)d, cột %(column)d (hãy lưu tệp dạng UTF-8)"),
        {"byte": raw[exc.start], "line": line, "column": exc.start - line_start + 1},
    )


def _whole_file(path: str, line: int, message: Message | str) -> YamlInvalid:
    return YamlInvalid([YamlIssue(path, line, "(file)", message)])


def read_document(text: str, path: str, not_a_mapping: Message | str) -> tuple[yaml.Node | None, dict[str, Any]]:
    """The document's node tree and its data, a mapping; raise `YamlInvalid` (saying `not_a_mapping` if it is not one)."""
    try:
        root, data = read_yaml(text)
    except YamlRefused as exc:
        raise _whole_file(path, exc.line, exc.message) from None
    except ValueError as exc:  # a scalar PyYAML resolves but cannot build, e.g. `0x_`
        raise _whole_file(path, 1, Message(NOT_YAML, {"problem": str(exc), "hint": ""})) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise _whole_file(path, line, Message(NOT_YAML, {"problem": problem, "hint": _tab_hint(text, line)})) from None
    if not isinstance(data, dict):
        raise _whole_file(path, 1, not_a_mapping)
    return root, data


def model_issues(
    model: type[Model], root: yaml.Node | None, data: dict[str, Any], path: str
) -> tuple[Model | None, list[YamlIssue]]:
    """The document as `model` (None if its shape is wrong) and every shape error, duplicate keys included."""
    issues = [YamlIssue(path, line, field_path(loc), message) for loc, line, message in _duplicate_keys(root)]
    try:
        return model.model_validate(data), issues
    except ValidationError as exc:
        errors = exc.errors()
    # A typo both adds an unknown field and leaves the field it meant missing: report the typo only.
    typos = {tuple(e["loc"][:-1]) + (_meant(model, tuple(e["loc"]))[0],) for e in errors if e["type"] in UNKNOWN_FIELD}
    for error in errors:
        location = tuple(error["loc"])
        if error["type"] != "missing" or location not in typos:
            issues.append(issue_at(root, path, location, _message(model, error)))
    return None, issues


def read_text_file(path: Path) -> str:
    """A file's UTF-8 text, at most `MAX_BYTES` of it (a larger file is not read to its end); raise `YamlInvalid`."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
        check_size(raw)
        return raw.decode("utf-8")
    except YamlRefused as exc:
        raise _whole_file(str(path), exc.line, exc.message) from None
    except UnicodeDecodeError as exc:
        raise _whole_file(str(path), *_not_utf8(raw, exc)) from None
    except OSError as exc:
        raise _whole_file(str(path), 1, Message(N_("không đọc được tệp: %(error)s"), {"error": str(exc)})) from None
