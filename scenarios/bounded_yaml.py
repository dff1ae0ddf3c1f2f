"""Reading drill YAML within bounds: no anchors or aliases, a bounded size and nesting depth.

A YAML alias (``*name``) stands for the whole node its anchor (``&name``) marks,
so ten lines of ten aliases each stand for 10^10 values in a few hundred bytes
(the "billion laughs"). PyYAML builds them as shared objects at once, but
everything that walks the data afterwards (the duplicate-key check, Pydantic,
the reference checks, the editor's form) walks every value they stand for.

Anchors and aliases are refused altogether rather than given a budget: no
built-in drill uses them, and the editor writes a drill back from its form's
data, where they would be expanded anyway, so an author gains nothing by them.
The check is made on the event stream as the composer takes it, in the same
single pass that builds the node tree: the first anchor, alias or level past
`MAX_DEPTH` stops the reading with its line, before any Python object is built.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from scenarios.messages import N_, Message

MAX_BYTES = 1_000_000  # UTF-8 bytes of a drill: the largest built-in one has about 39 000
MAX_DEPTH = 32  # nested lists and mappings: a drill needs 4 (injects > inject > content > vi)
NO_ALIASES = Message(N_("kịch bản không được dùng neo và bí danh YAML (& và *): hãy viết đầy đủ từng giá trị"))


class YamlRefused(Exception):
    """A document beyond the bounds: the line where it goes beyond, and which bound."""

    def __init__(self, line: int, message: Message):
        super().__init__(message.text())
        self.line = line
        self.message = message


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and deep nesting as it reads, and reads dates and base-60 numbers
    (`1:10`) as text: no drill field is a date, and an impossible date (2024-02-30) would otherwise be a ValueError
    with no line."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0

    def get_event(self) -> yaml.Event:
        event = super().get_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise YamlRefused(line, NO_ALIASES)
        if isinstance(event, yaml.CollectionStartEvent):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise YamlRefused(
                    line, Message(N_("các danh sách và nhóm trường lồng nhau sâu quá %(depth)d cấp"), {"depth": MAX_DEPTH})
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            self._depth -= 1
        return event


def _without_base_sixty(tag: str, regexp: re.Pattern) -> re.Pattern:
    """YAML 1.1's int and float patterns without their base-60 branch: `1:10` stays the text '1:10'."""
    if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        return regexp
    branches = regexp.pattern.removeprefix("^(?:").removesuffix(")$").split("\n")
    return re.compile("^(?:" + "|".join(b.strip().lstrip("|") for b in branches if "(?::" not in b) + ")$", regexp.flags)


_BoundedLoader.yaml_implicit_resolvers = {
    first: [(tag, _without_base_sixty(tag, regexp)) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def check_size(raw: bytes) -> None:
    """Refuse a document of more than `MAX_BYTES`, naming the line where it goes beyond."""
    if len(raw) > MAX_BYTES:
        line = raw.count(b"\n", 0, MAX_BYTES) + 1
        raise YamlRefused(line, Message(N_("văn bản kịch bản dài quá %(kb)d kB"), {"kb": MAX_BYTES // 1000}))


def read_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """The document's node tree (for line numbers) and its data, from one reading.

    Raises `YamlRefused` beyond the bounds, `yaml.YAMLError` for what is not YAML,
    and ValueError for a scalar PyYAML resolves but cannot build (e.g. ``0x_``).
    """
    check_size(text.encode("utf-8", "surrogatepass"))
    loader = _BoundedLoader(text)
    try:
        root = loader.get_single_node()
        return root, (loader.construct_document(root) if root is not None else None)
    finally:
        loader.dispose()
