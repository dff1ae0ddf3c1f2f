"""The one bilingual text of the project: Vietnamese first, English second, for every layer.

A `Text` is an immutable pair: `vi` (the Vietnamese every text has) and `en` (its
English, None where the author gave none). `text.in_(lang)` picks the one a page
or file wants: the English for "en" when there is one, the Vietnamese for any
other locale, an unknown or a missing one. Its JSON form is `{"vi": ..., "en": ...}`
(`as_dict`, `from_dict`), as events, exports and pages carry it.

Read from a file (a scenario's YAML), Pydantic holds a text to the bounds of its
fields: Vietnamese not empty, each language at most `MAX_TEXT` characters, no
other key. Made in code it is not checked: the scorer and the debrief join texts
of fragments, some of them empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import ConfigDict, Field

MAX_TEXT = 5000  # characters of one text: the built-in drills' longest brief has about 1 040
ENGLISH = "en"


@dataclass(frozen=True)
class Text:
    """A text in Vietnamese (required) and English (None when missing)."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # read from a file, an unknown key is an error

    vi: Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
    en: Annotated[str, Field(max_length=MAX_TEXT)] | None = None

    def in_(self, lang: str | None) -> str:
        """The text in `lang`: English for "en" (or "en-GB", "en_US") when it has one, else Vietnamese."""
        wants_english = str(lang or "").replace("_", "-").split("-")[0].lower() == ENGLISH
        return self.en if wants_english and self.en else self.vi

    def complete(self) -> Text:
        """The text with an English in any case: its Vietnamese where it has none (as pages show both)."""
        return self if self.en else Text(self.vi, self.vi)

    def as_dict(self) -> dict[str, str | None]:
        return {"vi": self.vi, "en": self.en}

    @classmethod
    def from_dict(cls, value: Mapping[str, str | None] | None) -> Text:
        """A `{vi, en}` of an event or a stored JSON as a complete text (either language standing in for the other;
        empty when there is neither)."""
        if not value:
            return cls("", "")
        vi = value.get("vi") or value.get("en") or ""
        return cls(vi, value.get("en") or vi)
