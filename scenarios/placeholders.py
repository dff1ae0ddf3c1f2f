"""The one way a text gets values put into it: `{name}` placeholders the project defines, and nothing else.

Texts come from authors (a drill's injects, levels, facts), instructors (an inject
written during the drill) and trainees (an answer the press quotes). They are
data, never format strings: `fill` replaces `{name}` where `name` is one of the
values it is given, turns `{{` and `}}` into literal braces, and leaves every
other brace as it was written. It cannot raise, run code, reach an attribute or
pad a value, and what it returns is as long as the text plus the values put in.

`fill_text` fills both languages of a `Text`, each with its values' own language.
`escape` makes a text safe to embed in another that will be filled later
(`fill(escape(text), values) == text` for any text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from scenarios.texts import Text

_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with each `{name}` of `values` replaced by its value, in one pass (values are not scanned again)."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        return values.get(match.group(1), token)

    return _TOKEN.sub(replace, text)


def fill_text(template: Text, values: Mapping[str, Text | str]) -> Text:
    """`template` with its placeholders filled: the Vietnamese with the values' Vietnamese, the English with their
    English (a value without English, or a plain string, is the same in both); a template without English stays so."""
    english = {name: value if isinstance(value, str) else value.in_("en") for name, value in values.items()}
    return Text(
        fill(template.vi, {name: value if isinstance(value, str) else value.vi for name, value in values.items()}),
        None if template.en is None else fill(template.en, english),
    )


def escape_text(text: Text) -> Text:
    """`text` with the braces of both languages doubled (`escape`)."""
    return Text(escape(text.vi), escape(text.en) if text.en is not None else None)


def omit(text: str) -> str:
    """`text` with its `{name}` placeholders left out (and the comma after one), for a name shown where no cast
    was drawn: "{journalist}, báo Tin Nhanh" reads "báo Tin Nhanh"."""
    return re.sub(r"\{[A-Za-z_][A-Za-z0-9_]*\},?\s*", "", text).strip() or text


def escape(text: str) -> str:
    """`text` with its braces doubled, so that a later `fill` gives it back unchanged."""
    return text.replace("{", "{{").replace("}", "}}")
