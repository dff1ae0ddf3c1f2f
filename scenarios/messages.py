"""Messages in the user's language without Flask: a message id (its Vietnamese text) and its parameters.

The scenarios package is the pure core and knows no request or language. Where it
has something to say to a person (a loader error, an MSEL problem), it gives a
`Message`: its id is the Vietnamese text, marked with `N_` so that
`pybabel extract` puts it in the catalogue (web/i18n.py), and its parameters are
filled in when it is shown. `text()` is the Vietnamese, what the CLI prints; the
web layer shows it in the user's language (`web.i18n.translated`).

    Message(N_("thiếu trường bắt buộc '%(field)s'"), {"field": "title"}).text()
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def N_(msgid: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark `msgid` for the catalogue; it is translated where it is shown, not here."""
    return msgid


@dataclass(frozen=True)
class Message:
    """A text to show: `msgid` (Vietnamese, with `%(name)s` placeholders when it has `params`) and its parameters."""

    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, translate) -> str:
        """The text in the language `translate` (msgid -> text) gives, its parameters filled in."""
        text = translate(self.msgid)
        return text % dict(self.params) if self.params else text

    def text(self) -> str:
        """The Vietnamese text (the message id with its parameters)."""
        return self.render(lambda msgid: msgid)

    def __str__(self) -> str:
        return self.text()
