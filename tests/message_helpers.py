"""Messages as the web shows them in English: a `scenarios.messages.Message` through the English catalogue."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.support import Translations

from scenarios.messages import Message

CATALOGUES = Path(__file__).resolve().parents[1] / "web" / "translations"


@cache
def _english() -> Translations:
    return Translations.load(CATALOGUES, ["en"])


def english(message: Message) -> str:
    """The English of `message` (its Vietnamese when the catalogue has none)."""
    return message.render(_english().gettext)


def english_text(msgid: str) -> str:
    """The English of one message id (for a `render(translate)` that asks for it)."""
    return _english().gettext(msgid)


def english_issues(error) -> list[str]:
    """A YAML loader's error (`scenarios.yaml_issues.YamlInvalid`) as its lines read in English."""
    return [
        f"{issue.path}:{issue.line}: {issue.field}: "
        f"{english(issue.message) if isinstance(issue.message, Message) else issue.message}"
        for issue in error.issues
    ]
