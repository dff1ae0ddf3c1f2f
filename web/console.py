"""The command line's language: Vietnamese, or English when chosen, through the web's catalogue; and texts in a
given language outside Flask.

`run.py` and the server's start print in one language: Vietnamese by default, English with
`python run.py --lang en …` (`speaking`, for the command that runs) or `CRISIS_LANGUAGE=en`.
Outside a request there is no Flask-Babel locale, so the texts go through the same catalogue
(`web/translations`, `web.i18n`) with Babel alone: `say(N_("Đã ghi %(path)s"), path=out)` is the
text in the console's language, and `console_gettext` the translation for a `render(translate)`
(a `scenarios.messages.Message`, a loader's issue, an MSEL problem). `in_language(message, language)` is
for what answers before Flask sees a request (the WSGI guard of `web`), in the language its `lang` cookie names.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from babel.support import NullTranslations, Translations

from scenarios.messages import Message
from web.i18n import LOCALES

LANGUAGE_VARIABLE = "CRISIS_LANGUAGE"
CATALOGUES = Path(__file__).resolve().parent / "translations"

_chosen: ContextVar[str | None] = ContextVar("console_language", default=None)


def console_language() -> str:
    """The language chosen for the console (`speaking`, else CRISIS_LANGUAGE), one of LOCALES; else Vietnamese."""
    chosen = _chosen.get() or os.environ.get(LANGUAGE_VARIABLE)
    return chosen if chosen in LOCALES else LOCALES[0]


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """The console speaks `language` within the block (None: as CRISIS_LANGUAGE says)."""
    token = _chosen.set(language)
    try:
        yield
    finally:
        _chosen.reset(token)


@cache
def _catalogue(language: str) -> NullTranslations:
    return Translations.load(str(CATALOGUES), [language])  # Vietnamese has none: the message ids are its texts


def console_gettext(msgid: str) -> str:
    """One message id in the console's language."""
    return _catalogue(console_language()).gettext(msgid)


def in_language(message: Message, language: str | None) -> str:
    """`message` in `language` when it is one of LOCALES, else in Vietnamese."""
    return message.render(_catalogue(language if language in LOCALES else LOCALES[0]).gettext)


def say(message: Message | str, **params: Any) -> str:
    """A `Message`, or a message id with its parameters, in the console's language."""
    return (message if isinstance(message, Message) else Message(message, params)).render(console_gettext)
