"""Messages in the user's language without Flask: a message id (its Vietnamese text) and its parameters.

The scenarios package is the pure core and knows no request or language. Where it
has something to say to a person (a loader error, an MSEL problem), it gives a
`Message`: its id is the Vietnamese text, marked with `N_` so that
`pybabel extract` puts it in the catalogue (web/i18n.py), and its parameters are
filled in when it is shown; a parameter may itself be a `Message`, shown in the same
language. `text()` is the Vietnamese, what the CLI prints; the web layer shows it in
the user's language (`web.i18n.translated`). `MessageError` is an error that carries one.

    Message(N_("vai '%(role)s' không có trong kịch bản"), {"role": "mayor"}).text()
    raise MessageError(N_("cấp %(level)s được khai báo hơn một lần"), level=2)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


def N_(msgid: str) -> str:
    """Mark `msgid` for the catalogue; it is translated where it is shown, not here."""
    return msgid


@dataclass(frozen=True)
class Message:
    """A text to show: `msgid` (Vietnamese, with `%(name)s` placeholders when it has `params`) and its parameters."""

    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str]) -> str:
        """The text in the language `translate` (msgid -> text) gives, its parameters filled in."""
        text = translate(self.msgid)
        if not self.params:
            return text
        return text % {
            name: value.render(translate) if isinstance(value, Message) else value for name, value in self.params.items()
        }

    def text(self) -> str:
        """The Vietnamese text (the message id with its parameters)."""
        return self.render(lambda msgid: msgid)

    def __str__(self) -> str:
        return self.text()


class MessageError(ValueError):
    """An error that says why in a `Message` (`message`); `str` is its Vietnamese text."""

    def __init__(self, message: str | Message, **params: Any):
        self.message = message if isinstance(message, Message) else Message(message, params)
        super().__init__(self.message.text())
